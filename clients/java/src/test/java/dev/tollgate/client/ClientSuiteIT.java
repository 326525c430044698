package dev.tollgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client suite: this library against a deployed payments API at {@code TARGET_URL} (e.g.
 * staging's public frontend {@code http://127.0.0.1:8081}), through fraud and the vault to the
 * bank sandbox. Run with {@code -Pclient-suite}; never in the default build.
 *
 * <p>Each test signs up its own new test marketplace and touches nothing else; it deletes
 * nothing (test marketplaces are swept by the test-data cleanup). Each debit uses a fresh card
 * number ({@link TestCards#uniqueApproved()}) so the fraud service's velocity rule never links
 * two tests.
 */
class ClientSuiteIT {
  private static PaymentsClient anonymous;
  private PaymentsClient client;
  private NewMarketplace marketplace;

  @BeforeAll
  static void target() {
    String url = System.getenv("TARGET_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("TARGET_URL is not set: the client suite runs against a deployed payments API, e.g. "
          + "TARGET_URL=http://127.0.0.1:8081 ./mvnw -B verify -f clients/java/pom.xml -Pclient-suite");
    }
    anonymous = PaymentsClient.builder(URI.create(url.strip())).build();
  }

  @BeforeEach
  void signUp() {
    marketplace = anonymous.marketplaces().signup(new SignupRequest("client-suite " + UUID.randomUUID(), "client-suite@tollgate.test", true));
    client = anonymous.withApiKey(marketplace.apiKey());
  }

  private Card newCard() {
    return client.cards().create(TestCards.request(TestCards.uniqueApproved()));
  }

  @Test
  void aSignedUpTestMarketplaceSeesItselfWithItsKey() {
    Marketplace me = client.marketplaces().me();

    assertThat(marketplace.apiKey()).startsWith("sk_");
    assertThat(marketplace.id()).startsWith("mp_");
    assertThat(me.id()).isEqualTo(marketplace.id());
    assertThat(me.test()).isTrue();
    assertThat(me.email()).isEqualTo("client-suite@tollgate.test");
  }

  @Test
  void aTokenizedCardShowsOnlyItsBrandAndLastFour() {
    String number = TestCards.uniqueApproved();

    Card card = client.cards().create(TestCards.request(number));

    assertThat(card.id()).startsWith("card_");
    assertThat(card.brand()).isEqualTo("visa");
    assertThat(card.lastFour()).isEqualTo(number.substring(12));
    assertThat(card.holderName()).isEqualTo("Test Holder");
    assertThat(client.cards().get(card.id())).isEqualTo(card);
  }

  @Test
  void aDebitOfAnApprovedCardSucceedsAndCanBeReadBack() {
    Card card = newCard();

    Debit debit = client.debits().create(new DebitRequest(card.id(), 1500, "USD", "client suite"), IdempotencyKeys.random());

    assertThat(debit.id()).startsWith("db_");
    assertThat(debit.succeeded()).isTrue();
    assertThat(debit.amount()).isEqualTo(1500);
    assertThat(debit.currency()).isEqualTo("USD");
    assertThat(debit.refundedAmount()).isZero();
    assertThat(debit.failureCode()).isNull();
    assertThat(client.debits().get(debit.id())).isEqualTo(debit);
  }

  @Test
  void anIdempotentRetryReturnsTheFirstDebitAndChargesOnce() {
    Card card = newCard();
    DebitRequest request = new DebitRequest(card.id(), 2500, "USD");
    String key = IdempotencyKeys.random();

    Debit first = client.debits().create(request, key);
    Debit retry = client.debits().create(request, key);

    assertThat(retry).isEqualTo(first);
    assertThat(client.debits().list().data()).extracting(Debit::id).containsExactly(first.id());
  }

  @Test
  void aKeyReusedForAnotherDebitIsRefusedAndChargesNothing() {
    Card card = newCard();
    String key = IdempotencyKeys.random();
    Debit first = client.debits().create(new DebitRequest(card.id(), 2500, "USD"), key);

    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 2600, "USD"), key))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
    assertThat(client.debits().list().data()).extracting(Debit::id).containsExactly(first.id());
  }

  @Test
  void partialThenRemainingRefundsAddUpToTheDebitAndNoMoreIsRefunded() {
    Debit debit = client.debits().create(new DebitRequest(newCard().id(), 1500, "USD"), IdempotencyKeys.random());

    Refund partial = client.refunds().create(debit.id(), 500);
    Refund rest = client.refunds().create(debit.id());

    assertThat(partial.amount()).isEqualTo(500);
    assertThat(partial.debitId()).isEqualTo(debit.id());
    assertThat(rest.amount()).isEqualTo(1000);
    assertThat(client.debits().get(debit.id()).refundedAmount()).isEqualTo(1500);
    assertThat(client.refunds().list(debit.id()).data()).extracting(Refund::id).containsExactlyInAnyOrder(partial.id(), rest.id());
    assertThatThrownBy(() -> client.refunds().create(debit.id(), 1))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
  }

  @Test
  void listsArePagedAndTheNextPagesHoldTheRest() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(newCard().id());
    }

    Page<Card> first = client.cards().list(2, 0);
    Page<Card> second = first.next();
    Page<Card> third = second.next();

    assertThat(first.data()).hasSize(2);
    assertThat(first.hasMore()).isTrue();
    assertThat(second.offset()).isEqualTo(2);
    assertThat(second.data()).hasSize(2);
    assertThat(third.data()).hasSize(1);
    assertThat(third.hasMore()).isFalse();
    List<String> all = client.cards().list(2, 0).streamAll().map(Card::id).toList();
    assertThat(all).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void aBankDeclineIsACardDeclinedExceptionWhoseDebitIsStoredAsFailed() {
    Card card = client.cards().create(TestCards.request(TestCards.DECLINED));

    CardDeclinedException declined = org.junit.jupiter.api.Assertions.assertThrows(CardDeclinedException.class,
        () -> client.debits().create(new DebitRequest(card.id(), 1500, "USD"), IdempotencyKeys.random()));

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.code())
        .as("failure code; high_risk here means the environment's fraud service counted more than 8 checks on "
            + "the decline test card within its velocity window (FRAUD_VELOCITY_WINDOW_MINUTES), not a client bug")
        .isEqualTo("card_declined");
    Debit stored = client.debits().get(declined.debitId());
    assertThat(stored.status()).isEqualTo("failed");
    assertThat(stored.failureCode()).isEqualTo("card_declined");
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertThatThrownBy(() -> client.debits().get("db_" + UUID.randomUUID().toString().replace("-", "")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    assertThatThrownBy(() -> client.cards().get("card_unknown")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWrongKeyIsAnAuthenticationError() {
    PaymentsClient wrong = anonymous.withApiKey("sk_" + UUID.randomUUID().toString().replace("-", ""));

    assertThatThrownBy(() -> wrong.marketplaces().me())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
    assertThatThrownBy(() -> anonymous.debits().list()).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void invalidRequestsAreRefusedWithStableCodesNamingTheField() {
    Card card = newCard();

    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 0, "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_amount");
          assertThat(e.field()).isEqualTo("amount");
        });
    assertThatThrownBy(() -> client.debits().create(new DebitRequest(card.id(), 100, "usd")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_currency");
          assertThat(e.field()).isEqualTo("currency");
        });
    assertThatThrownBy(() -> client.cards().create(TestCards.request("4242424242424241")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_card_number"));
    assertThatThrownBy(() -> client.cards().list(0, 0))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
    assertThat(client.debits().list().data()).isEmpty();
  }
}
