package dev.tollgate.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantIsolationIT {
  private static TestDatabase db;
  private PaymentsHarness payments;
  private Tenant alice;
  private Tenant bob;
  private String aliceCard;
  private String aliceDebit;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
    alice = payments.signup("Alice", true);
    bob = payments.signup("Bob", true);
    aliceCard = payments.card(alice, "tok_alice");
    aliceDebit = payments.debit(alice, aliceCard, 1000, "ch_alice").text("id");
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  @Test
  void anotherMarketplacesCardAndDebitAreNotFound() {
    assertNotFound(payments.get("/v1/cards/" + aliceCard, bob));
    assertNotFound(payments.get("/v1/debits/" + aliceDebit, bob));
    assertNotFound(payments.get("/v1/debits/" + aliceDebit + "/refunds", bob));
  }

  @Test
  void anotherMarketplacesCardCannotBeDebitedNorItsDebitRefunded() {
    int fraudChecks = payments.fraud.getRequestCount();
    int vaultRequests = payments.vault.getRequestCount();

    assertNotFound(payments.post("/v1/debits", bob, Map.of("card_id", aliceCard, "amount", 100, "currency", "USD")));
    assertNotFound(payments.post("/v1/debits/" + aliceDebit + "/refunds", bob, Map.of()));

    assertThat(payments.fraud.getRequestCount()).isEqualTo(fraudChecks);
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
    assertThat(payments.count("select refunded_amount from debits where id = ?", aliceDebit)).isZero();
  }

  @Test
  void listsShowOnlyTheCallersOwnData() {
    String bobCard = payments.card(bob, "tok_bob");

    Reply bobCards = payments.get("/v1/cards", bob);
    Reply bobDebits = payments.get("/v1/debits", bob);
    Reply aliceCards = payments.get("/v1/cards", alice);

    assertThat(bobCards.body().path("data").findValuesAsText("id")).containsExactly(bobCard);
    assertThat(bobDebits.body().path("data").size()).isZero();
    assertThat(aliceCards.body().path("data").findValuesAsText("id")).containsExactly(aliceCard);
  }

  private static void assertNotFound(Reply reply) {
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text("code")).isEqualTo("not_found");
  }
}
