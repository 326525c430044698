package dev.tollgate.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.client.AuthenticationException;
import dev.tollgate.client.Card;
import dev.tollgate.client.CardDeclinedException;
import dev.tollgate.client.ConflictException;
import dev.tollgate.client.Debit;
import dev.tollgate.client.DebitRequest;
import dev.tollgate.client.IdempotencyKeys;
import dev.tollgate.client.InvalidRequestException;
import dev.tollgate.client.Marketplace;
import dev.tollgate.client.NewMarketplace;
import dev.tollgate.client.NotFoundException;
import dev.tollgate.client.Page;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.Refund;
import dev.tollgate.client.SignupRequest;
import dev.tollgate.client.TestCards;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios: behaviours that need the whole stack (payments → fraud → vault →
 * bank sandbox), written once against the Java client and run in memory ({@link AcceptanceIT})
 * and against a deployed environment ({@link AcceptanceServerIT}).
 *
 * <p>Each scenario signs up its own new test marketplace and uses fresh card numbers
 * ({@link TestCards#uniqueApproved()}) where the bank would approve, so the fraud service's
 * velocity rule never links two scenarios, and deletes nothing. Amounts stay below 10,000
 * minor units, where the fraud rules add no risk.
 *
 * <p>The bank's decline cards are fixed numbers, so on a long-lived environment fraud counts
 * every run's checks on them: more than 8 checks on one card within
 * {@code FRAUD_VELOCITY_WINDOW_MINUTES} push its risk above 75 and payments answers
 * {@code high_risk} instead of the bank's code. Only the bank-decline scenario needs
 * {@link TestCards#DECLINED}; the others that need some failed debit use
 * {@link TestCards#INSUFFICIENT_FUNDS}, so each run checks each card as few times as it can.
 */
abstract class AcceptanceScenarios {
  private PaymentsClient client;
  private NewMarketplace marketplace;

  /** The payments API's base URL. */
  protected abstract URI targetUrl();

  /**
   * The environment's {@code VERIFICATION_TOKEN} (the secret of {@code DELETE
   * /internal/test-data}), or empty when it is not known: the cleanup scenario is then skipped.
   */
  protected abstract Optional<String> verificationToken();

  @BeforeEach
  void signUpAFreshTestMarketplace() {
    marketplace = signUp();
    client = PaymentsClient.builder(targetUrl()).apiKey(marketplace.apiKey()).build();
  }

  private NewMarketplace signUp() {
    return PaymentsClient.builder(targetUrl()).build().marketplaces()
        .signup(new SignupRequest("acceptance " + UUID.randomUUID(), null, true));
  }

  private Card card(String number) {
    return client.cards().create(TestCards.request(number));
  }

  private Debit debit(Card card, long amount) {
    return client.debits().create(new DebitRequest(card.id(), amount, "USD", "acceptance"), IdempotencyKeys.random());
  }

  @Test
  void tokenizingACardStoresItInTheVaultAndShowsOnlyItsBrandAndLastFour() {
    String number = TestCards.uniqueApproved();

    Card card = card(number);

    assertThat(card.id()).startsWith("card_");
    assertThat(card.brand()).isEqualTo("visa");
    assertThat(card.lastFour()).isEqualTo(number.substring(12));
    assertThat(client.cards().get(card.id())).isEqualTo(card);
    RawApi.Answer raw = RawApi.bearer(targetUrl(), marketplace.apiKey()).get("/v1/cards/" + card.id());
    assertThat(raw.text()).doesNotContain(number);
  }

  @Test
  void aDebitOfAnApprovedCardIsChargedThroughFraudTheVaultAndTheBank() {
    Card card = card(TestCards.uniqueApproved());

    Debit debit = debit(card, 1999);

    assertThat(debit.status()).isEqualTo("succeeded");
    assertThat(debit.failureCode()).isNull();
    assertThat(debit.amount()).isEqualTo(1999);
    assertThat(debit.cardId()).isEqualTo(card.id());
    assertThat(debit.riskScore()).isBetween(0, 75);
    assertThat(client.debits().get(debit.id())).isEqualTo(debit);
  }

  @Test
  void theBanksDeclinedTestCardIsRefused402CardDeclinedAndTheDebitIsStoredAsFailed() {
    Card card = card(TestCards.DECLINED);

    CardDeclinedException declined = assertThrows(CardDeclinedException.class, () -> debit(card, 1500));

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.code())
        .as("failure code; high_risk here means the environment's fraud service counted more than 8 checks on "
            + "the decline test card within its velocity window (FRAUD_VELOCITY_WINDOW_MINUTES), not a payments bug")
        .isEqualTo("card_declined");
    Debit stored = client.debits().get(declined.debitId());
    assertThat(stored.status()).isEqualTo("failed");
    assertThat(stored.failureCode()).isEqualTo("card_declined");
    assertThat(stored.cardId()).isEqualTo(card.id());
  }

  @Test
  void aSecurityCodeMismatchIsDeclinedByTheFraudCheckBeforeTheBankIsAskedToCharge() {
    // The bank's verification fails this card's CSC when the vault tokenizes it; fraud reports
    // csc_check "fail" and payments declines without charging. Had the vault charged it, the
    // bank would have answered incorrect_csc instead.
    Card card = card(TestCards.CSC_FAIL);

    CardDeclinedException declined = assertThrows(CardDeclinedException.class, () -> debit(card, 1500));

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.code()).isEqualTo("csc_check_failed");
    Debit stored = client.debits().get(declined.debitId());
    assertThat(stored.status()).isEqualTo("failed");
    assertThat(stored.failureCode()).isEqualTo("csc_check_failed");
  }

  @Test
  void partialAndFullRefundsAddUpToTheDebitAndAnOverRefundIsRefused() {
    Debit debit = debit(card(TestCards.uniqueApproved()), 2000);

    Refund partial = client.refunds().create(debit.id(), 500);
    assertThatThrownBy(() -> client.refunds().create(debit.id(), 1501))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
    Refund rest = client.refunds().create(debit.id());

    assertThat(partial.amount()).isEqualTo(500);
    assertThat(rest.amount()).isEqualTo(1500);
    assertThat(rest.debitId()).isEqualTo(debit.id());
    assertThat(client.debits().get(debit.id()).refundedAmount()).isEqualTo(2000);
    assertThat(client.refunds().list(debit.id()).data()).extracting(Refund::id).containsExactlyInAnyOrder(partial.id(), rest.id());
    assertThatThrownBy(() -> client.refunds().create(debit.id(), 1))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
    assertThat(client.debits().get(debit.id()).refundedAmount()).isEqualTo(2000);
  }

  @Test
  void aFailedDebitCannotBeRefunded() {
    CardDeclinedException declined = assertThrows(CardDeclinedException.class, () -> debit(card(TestCards.INSUFFICIENT_FUNDS), 1500));

    assertThatThrownBy(() -> client.refunds().create(declined.debitId()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("debit_not_refundable"));
  }

  @Test
  void anIdempotentRetryReturnsTheFirstResultAndChargesOnce() {
    Card card = card(TestCards.uniqueApproved());
    DebitRequest request = new DebitRequest(card.id(), 3000, "USD", "retried");
    String key = IdempotencyKeys.random();

    Debit first = client.debits().create(request, key);
    Debit retry = client.debits().create(request, key);

    assertThat(retry).isEqualTo(first);
    assertThat(client.debits().list().data()).extracting(Debit::id).containsExactly(first.id());
  }

  @Test
  void anIdempotentRetryOfADeclinedDebitGetsTheSameDeclineAndStoresOneDebit() {
    Card card = card(TestCards.INSUFFICIENT_FUNDS);
    DebitRequest request = new DebitRequest(card.id(), 1500, "USD");
    String key = IdempotencyKeys.random();

    CardDeclinedException first = assertThrows(CardDeclinedException.class, () -> client.debits().create(request, key));
    CardDeclinedException retry = assertThrows(CardDeclinedException.class, () -> client.debits().create(request, key));

    assertThat(retry.debitId()).isEqualTo(first.debitId());
    assertThat(retry.code()).isEqualTo(first.code());
    assertThat(client.debits().list().data()).extracting(Debit::id).containsExactly(first.debitId());
  }

  @Test
  void oneMarketplaceCannotSeeOrUseAnothersCardsAndDebits() {
    Card card = card(TestCards.uniqueApproved());
    Debit debit = debit(card, 1200);
    PaymentsClient other = PaymentsClient.builder(targetUrl()).apiKey(signUp().apiKey()).build();

    assertThatThrownBy(() -> other.debits().get(debit.id()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    assertThatThrownBy(() -> other.cards().get(card.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.refunds().create(debit.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.debits().create(new DebitRequest(card.id(), 100, "USD"))).isInstanceOf(NotFoundException.class);
    assertThat(other.debits().list().data()).isEmpty();
    assertThat(other.cards().list().data()).isEmpty();
    assertThat(client.debits().get(debit.id()).refundedAmount()).isZero();
  }

  @Test
  void invalidRequestsAreRefusedWithStableCodesNamingTheField() {
    Card card = card(TestCards.uniqueApproved());
    RawApi raw = RawApi.bearer(targetUrl(), marketplace.apiKey());

    RawApi.Answer missingAmount = raw.post("/v1/debits", "{\"card_id\":\"" + card.id() + "\",\"currency\":\"USD\"}");
    assertThat(missingAmount.status()).isEqualTo(400);
    assertThat(missingAmount.code()).isEqualTo("missing_field");
    assertThat(missingAmount.json().path("details").path("field").asText()).isEqualTo("amount");

    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 100, "usd")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_currency");
          assertThat(e.field()).isEqualTo("currency");
        });
    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), -5, "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_amount");
          assertThat(e.field()).isEqualTo("amount");
        });
    assertThatThrownBy(() -> client.cards().create(TestCards.request("4242424242424241")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_card_number"));
    assertThatThrownBy(() -> client.debits().list(101, 0))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
    RawApi.Answer notJson = raw.post("/v1/debits", "{\"card_id\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.code()).isEqualTo("invalid_json");
    RawApi.Answer noRoute = raw.get("/v1/no-such-thing");
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.code()).isEqualTo("not_found");
    assertThat(client.debits().list().data()).as("no invalid request created a debit").isEmpty();
  }

  @Test
  void aMarketplaceSeesItselfAndSignupRefusesAMalformedEmail() {
    Marketplace me = client.marketplaces().me();

    assertThat(me.id()).isEqualTo(marketplace.id());
    assertThat(me.test()).isTrue();
    assertThatThrownBy(() -> PaymentsClient.builder(targetUrl()).build().marketplaces().signup(new SignupRequest("acceptance", "not-an-email", true)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_email");
          assertThat(e.field()).isEqualTo("email");
        });
  }

  @Test
  void theKeyAuthenticatesAsBearerOrAsHttpBasicUserNameAndAWrongKeyIsRefused() {
    Card card = card(TestCards.uniqueApproved());

    RawApi.Answer basic = RawApi.basic(targetUrl(), marketplace.apiKey()).get("/v1/cards/" + card.id());
    assertThat(basic.status()).isEqualTo(200);
    assertThat(basic.json().path("id").asText()).isEqualTo(card.id());

    RawApi.Answer wrongKey = RawApi.bearer(targetUrl(), "sk_" + UUID.randomUUID().toString().replace("-", "")).get("/v1/cards/" + card.id());
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.code()).isEqualTo("unauthorized");
    assertThat(RawApi.withHeader(targetUrl(), "Authorization", "Token " + marketplace.apiKey()).get("/v1/cards").status()).isEqualTo(401);
    assertThatThrownBy(() -> PaymentsClient.builder(targetUrl()).build().cards().list())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
  }

  @Test
  void theTestDataCleanupDeletesTheNamedTestMarketplaceWithAllItOwnsAndNothingElse() {
    Optional<String> token = verificationToken();
    assumeTrue(token.isPresent(), "the environment's VERIFICATION_TOKEN is not known here");
    Debit debit = debit(card(TestCards.uniqueApproved()), 1000);
    client.refunds().create(debit.id(), 400);
    NewMarketplace neighbour = signUp();
    PaymentsClient neighbourClient = PaymentsClient.builder(targetUrl()).apiKey(neighbour.apiKey()).build();
    Card neighbourCard = neighbourClient.cards().create(TestCards.request(TestCards.uniqueApproved()));
    String path = "/internal/test-data?marketplace_id=" + marketplace.id();

    assertThat(RawApi.withHeader(targetUrl(), "X-Verification-Token", "wrong-" + UUID.randomUUID()).delete(path).status()).isEqualTo(401);
    RawApi cleanup = RawApi.withHeader(targetUrl(), "X-Verification-Token", token.get());
    assertThat(cleanup.delete("/internal/test-data").code()).as("neither marketplace_id nor created_before").isEqualTo("missing_field");
    RawApi.Answer deleted = cleanup.delete(path);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("deleted")).isEqualTo(new ObjectMapper().createObjectNode()
        .put("marketplaces", 1).put("cards", 1).put("debits", 1).put("refunds", 1));
    assertThatThrownBy(() -> client.marketplaces().me()).isInstanceOf(AuthenticationException.class);
    assertThat(neighbourClient.cards().get(neighbourCard.id())).isEqualTo(neighbourCard);
  }

  @Test
  void debitsArePagedNewestFirstAcrossPages() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(0, debit(card(TestCards.uniqueApproved()), 100 + i).id());
    }

    Page<Debit> first = client.debits().list(2, 0);
    Page<Debit> second = first.next();

    assertThat(first.hasMore()).isTrue();
    assertThat(second.hasMore()).isFalse();
    assertThat(first.data()).extracting(Debit::id).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(second.data()).extracting(Debit::id).containsExactlyElementsOf(created.subList(2, 3));
  }
}
