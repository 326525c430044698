package dev.tollgate.payments.refunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import org.junit.jupiter.api.Test;

class RefundMathTest {
  @Test
  void aPartialRefundTakesTheRequestedAmount() {
    assertThat(RefundMath.amountToRefund(true, 5000, 0, 2000L)).isEqualTo(2000);
  }

  @Test
  void noAmountRefundsWhatRemains() {
    assertThat(RefundMath.amountToRefund(true, 5000, 2000, null)).isEqualTo(3000);
  }

  @Test
  void exactlyWhatRemainsIsAllowed() {
    assertThat(RefundMath.amountToRefund(true, 5000, 2000, 3000L)).isEqualTo(3000);
  }

  @Test
  void moreThanRemainsIsRefundExceedsDebit() {
    assertThatThrownBy(() -> RefundMath.amountToRefund(true, 5000, 2000, 3001L))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("refund_exceeds_debit");
          assertThat(e.getMessage()).contains("3001").contains("3000");
        });
  }

  @Test
  void aFullyRefundedDebitCannotBeRefundedAgain() {
    assertThatThrownBy(() -> RefundMath.amountToRefund(true, 5000, 5000, null))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
  }

  @Test
  void aFailedDebitIsNotRefundable() {
    assertThatThrownBy(() -> RefundMath.amountToRefund(false, 5000, 0, 100L))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("debit_not_refundable");
        });
  }

  @Test
  void aRequestedAmountOfZeroOrLessIsInvalid() {
    assertThatThrownBy(() -> RefundMath.amountToRefund(true, 5000, 0, 0L))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid_amount");
        });
  }

  @Test
  void aRefundRequestWithANegativeAmountFailsValidation() {
    assertThatThrownBy(() -> new RefundRequest(-1L).validated())
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.details()).containsEntry("field", "amount"));
    assertThat(RefundRequest.REMAINING.validated().amount()).isNull();
  }
}
