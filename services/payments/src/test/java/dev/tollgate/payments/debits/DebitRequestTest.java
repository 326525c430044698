package dev.tollgate.payments.debits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DebitRequestTest {
  @Test
  void aCompleteRequestIsValid() {
    DebitRequest request = new DebitRequest("card_1", 1L, "EUR", null);
    assertThat(request.validated()).isSameAs(request);
  }

  @Test
  void aMissingCardIdIsMissingField() {
    assertRefused(new DebitRequest(null, 100L, "USD", null), "missing_field", "card_id");
  }

  @Test
  void aMissingAmountIsMissingField() {
    assertRefused(new DebitRequest("card_1", null, "USD", null), "missing_field", "amount");
  }

  @Test
  void aZeroAmountIsInvalidAmount() {
    assertRefused(new DebitRequest("card_1", 0L, "USD", null), "invalid_amount", "amount");
  }

  @Test
  void aLowercaseCurrencyIsInvalidCurrency() {
    assertRefused(new DebitRequest("card_1", 100L, "usd", null), "invalid_currency", "currency");
  }

  @Test
  void aFailedDebitAnswers402WithItsCodeAndId() {
    Debit failed = new Debit("db_1", "mp_1", "card_1", 100, "USD", Debit.FAILED, "insufficient_funds", 10, "ch_1", 0, null, Instant.EPOCH);
    StoredResponse response = DebitView.creationResponse(failed);
    assertThat(response.status()).isEqualTo(402);
    assertThat(response.body()).contains("\"code\":\"insufficient_funds\"").contains("\"details\":{\"debit_id\":\"db_1\"}");
  }

  @Test
  void aSucceededDebitAnswers201WithoutInternalColumns() {
    Debit succeeded = new Debit("db_1", "mp_1", "card_1", 100, "USD", Debit.SUCCEEDED, null, 10, "ch_1", 0, null, Instant.EPOCH);
    StoredResponse response = DebitView.creationResponse(succeeded);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body()).contains("\"refunded_amount\":0").contains("\"failure_code\":null").doesNotContain("ch_1").doesNotContain("mp_1");
  }

  private static void assertRefused(DebitRequest request, String code, String field) {
    assertThatThrownBy(request::validated).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.details()).containsEntry("field", field);
    });
  }
}
