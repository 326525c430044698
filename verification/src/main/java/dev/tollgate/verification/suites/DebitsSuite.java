package dev.tollgate.verification.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.client.Card;
import dev.tollgate.client.CardDeclinedException;
import dev.tollgate.client.Debit;
import dev.tollgate.client.DebitRequest;
import dev.tollgate.client.IdempotencyException;
import dev.tollgate.client.IdempotencyKeys;
import dev.tollgate.client.InvalidRequestException;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.TestCards;
import dev.tollgate.verification.DependsOnSuites;
import dev.tollgate.verification.RunContext;
import dev.tollgate.verification.VerificationSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Debits: a charge through fraud, the vault and the bank; idempotent retries; a decline.
 *
 * <p>No bank-decline card here ({@code card_declined}, {@code insufficient_funds}): those are
 * fixed numbers, and at one run every five minutes fraud's velocity rule would turn their answer
 * into {@code high_risk} within the hour. The CSC-failing card is safe: payments declines
 * {@code csc_check_failed} before it looks at the risk score.
 */
@Tag("production")
@VerificationSuite("debits")
@DependsOnSuites("cards")
class DebitsSuite {
  private final RunContext run;
  private final PaymentsClient client;

  DebitsSuite(RunContext run) {
    this.run = run;
    this.client = run.client();
  }

  @Test
  void chargesAFreshApprovedCard() {
    Card card = freshCard();
    String description = run.uniqueReference("charge");

    Debit debit = client.debits().create(new DebitRequest(card.id(), 1250, "USD", description), IdempotencyKeys.random());

    assertThat(debit.id()).startsWith("db_");
    assertThat(debit.succeeded()).as("status %s, failure code %s", debit.status(), debit.failureCode()).isTrue();
    assertThat(debit.cardId()).isEqualTo(card.id());
    assertThat(debit.amount()).isEqualTo(1250);
    assertThat(debit.currency()).isEqualTo("USD");
    assertThat(debit.refundedAmount()).isZero();
    assertThat(debit.riskScore()).isBetween(0, 100);
    assertThat(client.debits().get(debit.id())).isEqualTo(debit);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheFirstDebitAndChargesOnce() {
    Card card = freshCard();
    String description = run.uniqueReference("retry");
    DebitRequest request = new DebitRequest(card.id(), 900, "USD", description);
    String key = IdempotencyKeys.random();

    Debit first = client.debits().create(request, key);
    Debit retry = client.debits().create(request, key);

    assertThat(retry.id()).isEqualTo(first.id());
    assertThat(client.debits().list(100, 0).streamAll().filter(d -> description.equals(d.description())))
        .as("debits stored for one request sent twice with one key")
        .hasSize(1);
  }

  @Test
  void reusingAKeyForAnotherAmountIsRefused() {
    Card card = freshCard();
    String key = IdempotencyKeys.random();
    client.debits().create(new DebitRequest(card.id(), 1000, "USD"), key);

    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 2000, "USD"), key))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
  }

  @Test
  void aCardFailingItsSecurityCodeCheckIsDeclinedAndTheDeclineIsStored() {
    Card card = client.cards().create(TestCards.request(TestCards.CSC_FAIL));

    Throwable thrown = catchThrowable(() -> client.debits().create(new DebitRequest(card.id(), 700, "USD"), IdempotencyKeys.random()));

    assertThat(thrown).isInstanceOf(CardDeclinedException.class);
    CardDeclinedException declined = (CardDeclinedException) thrown;
    assertThat(declined.code()).isEqualTo("csc_check_failed");
    Debit stored = client.debits().get(declined.debitId());
    assertThat(stored.status()).isEqualTo("failed");
    assertThat(stored.failureCode()).isEqualTo("csc_check_failed");
  }

  @Test
  void aZeroAmountIsRefusedBeforeAnyCharge() {
    Card card = freshCard();

    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 0, "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_amount");
          assertThat(e.field()).isEqualTo("amount");
        });
  }

  private Card freshCard() {
    return client.cards().create(TestCards.request(TestCards.uniqueApproved()));
  }
}
