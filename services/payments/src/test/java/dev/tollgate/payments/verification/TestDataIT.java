package dev.tollgate.payments.verification;

import static dev.tollgate.payments.PaymentsHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.payments.PaymentsHarness;
import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.testkit.TestDatabase;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestDataIT {
  private static final String ALL_ROWS = "select (select count(*) from marketplaces) + (select count(*) from cards) + (select count(*) from debits) + (select count(*) from refunds) + (select count(*) from idempotency_keys)";
  private static TestDatabase db;
  private PaymentsHarness payments;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  private Reply delete(String query, String token) {
    return payments.send("DELETE", "/internal/test-data?" + query, null, null, token == null ? Map.of() : Map.of("X-Verification-Token", token));
  }

  /** A marketplace with a card, a debit made with an Idempotency-Key, and a partial refund of it. */
  private Tenant populated(String name, boolean test) {
    Tenant tenant = payments.signup(name, test);
    String card = payments.card(tenant, "tok_" + name);
    payments.fraud.enqueue(PaymentsHarness.fraudAnswer(10, "pass"));
    payments.vault.enqueue(PaymentsHarness.charge("ch_" + name, "succeeded", null, 1000));
    Reply debit = payments.send("POST", "/v1/debits", tenant.apiKey(), Map.of("card_id", card, "amount", 1000, "currency", "USD"), Map.of("Idempotency-Key", "k-" + name));
    payments.vault.enqueue(json(201, Map.of("id", "rf_" + name, "charge_id", "ch_" + name, "amount", 400, "status", "succeeded")));
    assertThat(payments.post("/v1/debits/" + debit.text("id") + "/refunds", tenant, Map.of("amount", 400)).status()).isEqualTo(201);
    return tenant;
  }

  @Test
  void withoutOrWithAWrongTokenIsUnauthorizedAndDeletesNothing() {
    Tenant tenant = populated("t1", true);
    long rows = payments.count(ALL_ROWS);

    Reply none = delete("marketplace_id=" + tenant.id(), null);
    Reply wrong = delete("marketplace_id=" + tenant.id(), "not-the-token");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.text("code")).isEqualTo("unauthorized");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(payments.count(ALL_ROWS)).isEqualTo(rows);
  }

  @Test
  void withoutAConfiguredTokenTheEndpointAlwaysAnswers401() throws Exception {
    payments.close();
    payments = PaymentsHarness.start(db, Optional.empty());
    Tenant tenant = payments.signup("t2", true);

    assertThat(delete("marketplace_id=" + tenant.id(), "").status()).isEqualTo(401);
    assertThat(delete("marketplace_id=" + tenant.id(), PaymentsHarness.VERIFICATION_TOKEN).status()).isEqualTo(401);
    assertThat(payments.count("select count(*) from marketplaces where id = ?", tenant.id())).isEqualTo(1);
  }

  @Test
  void aMarketplaceThatIsNotTestIsForbiddenAndNothingIsDeleted() {
    Tenant live = populated("live", false);
    long rows = payments.count(ALL_ROWS);

    Reply reply = delete("marketplace_id=" + live.id(), PaymentsHarness.VERIFICATION_TOKEN);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.text("code")).isEqualTo("not_test_data");
    assertThat(payments.count(ALL_ROWS)).isEqualTo(rows);
  }

  @Test
  void aTestMarketplacesDataIsDeletedAndOthersAreKept() {
    Tenant test = populated("doomed", true);
    Tenant other = populated("kept", true);

    Reply reply = delete("marketplace_id=" + test.id(), PaymentsHarness.VERIFICATION_TOKEN);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("deleted")).isEqualTo(PaymentsHarness.jsonTree(Map.of("marketplaces", 1, "cards", 1, "debits", 1, "refunds", 1)));
    for (String table : new String[] {"marketplaces", "cards", "debits", "refunds", "idempotency_keys"}) {
      String column = table.equals("marketplaces") ? "id" : "marketplace_id";
      assertThat(payments.count("select count(*) from " + table + " where " + column + " = ?", test.id())).as(table).isZero();
      assertThat(payments.count("select count(*) from " + table + " where " + column + " = ?", other.id())).as(table).isEqualTo(1);
    }
    assertThat(payments.get("/v1/marketplaces/me", test).status()).isEqualTo(401);
  }

  @Test
  void createdBeforeSweepsOnlyOldTestMarketplaces() {
    Tenant oldTest = populated("old_test", true);
    Tenant oldLive = populated("old_live", false);
    Tenant newTest = populated("new_test", true);
    payments.jdbi.useHandle(h -> h.execute("update marketplaces set created_at = '2020-01-01T00:00:00Z' where id in (?, ?)", oldTest.id(), oldLive.id()));

    Reply reply = delete("created_before=2021-01-01T00:00:00Z", PaymentsHarness.VERIFICATION_TOKEN);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("deleted").path("marketplaces").asInt()).isEqualTo(1);
    assertThat(reply.body().path("deleted").path("refunds").asInt()).isEqualTo(1);
    assertThat(payments.count("select count(*) from marketplaces where id = ?", oldTest.id())).isZero();
    assertThat(payments.count("select count(*) from marketplaces where id in (?, ?)", oldLive.id(), newTest.id())).isEqualTo(2);
    assertThat(payments.count("select count(*) from debits where marketplace_id in (?, ?)", oldLive.id(), newTest.id())).isEqualTo(2);
  }

  @Test
  void anUnknownMarketplaceDeletesNothingAndMissingParametersAre400() {
    Reply unknown = delete("marketplace_id=mp_unknown", PaymentsHarness.VERIFICATION_TOKEN);
    Reply neither = delete("", PaymentsHarness.VERIFICATION_TOKEN);

    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.body().path("deleted")).isEqualTo(PaymentsHarness.jsonTree(Map.of("marketplaces", 0, "cards", 0, "debits", 0, "refunds", 0)));
    assertThat(neither.status()).isEqualTo(400);
  }
}
