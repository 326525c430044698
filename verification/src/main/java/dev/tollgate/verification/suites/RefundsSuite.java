package dev.tollgate.verification.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.client.ConflictException;
import dev.tollgate.client.Debit;
import dev.tollgate.client.DebitRequest;
import dev.tollgate.client.IdempotencyKeys;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.Refund;
import dev.tollgate.client.TestCards;
import dev.tollgate.verification.DependsOnSuites;
import dev.tollgate.verification.RunContext;
import dev.tollgate.verification.VerificationSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Refunds: partial and full refunds through the vault and the bank, and the over-refund guard. */
@Tag("production")
@VerificationSuite("refunds")
@DependsOnSuites("debits")
class RefundsSuite {
  private final PaymentsClient client;

  RefundsSuite(RunContext run) {
    this.client = run.client();
  }

  @Test
  void aPartialRefundThenTheRestRefundTheWholeDebit() {
    Debit debit = chargedDebit(3000);

    Refund part = client.refunds().create(debit.id(), 1000);
    Refund rest = client.refunds().create(debit.id());

    assertThat(part.amount()).isEqualTo(1000);
    assertThat(part.status()).isEqualTo("succeeded");
    assertThat(rest.amount()).as("the refund without amount refunds what remains").isEqualTo(2000);
    assertThat(client.debits().get(debit.id()).refundedAmount()).isEqualTo(3000);
    assertThat(client.refunds().list(debit.id()).data()).extracting(Refund::id).containsExactlyInAnyOrder(part.id(), rest.id());
  }

  @Test
  void refundingMoreThanTheDebitIsRefusedAndRefundsNothing() {
    Debit debit = chargedDebit(1500);

    assertThatThrownBy(() -> client.refunds().create(debit.id(), 1600))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
    assertThat(client.debits().get(debit.id()).refundedAmount()).isZero();
    assertThat(client.refunds().list(debit.id()).data()).isEmpty();
  }

  @Test
  void aFullyRefundedDebitCannotBeRefundedAgain() {
    Debit debit = chargedDebit(500);
    client.refunds().create(debit.id());

    assertThatThrownBy(() -> client.refunds().create(debit.id()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
  }

  private Debit chargedDebit(long amount) {
    String cardId = client.cards().create(TestCards.request(TestCards.uniqueApproved())).id();
    Debit debit = client.debits().create(new DebitRequest(cardId, amount, "USD"), IdempotencyKeys.random());
    assertThat(debit.succeeded()).as("the debit to refund was charged (failure code %s)", debit.failureCode()).isTrue();
    return debit;
  }
}
