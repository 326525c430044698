package dev.tollgate.payments.debits;

import static dev.tollgate.payments.PaymentsHarness.body;
import static dev.tollgate.payments.PaymentsHarness.charge;
import static dev.tollgate.payments.PaymentsHarness.fraudAnswer;
import static dev.tollgate.payments.PaymentsHarness.json;
import static dev.tollgate.payments.PaymentsHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.payments.PaymentsHarness;
import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.testkit.TestDatabase;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebitsIT {
  private static TestDatabase db;
  private PaymentsHarness payments;
  private Tenant tenant;
  private String cardId;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
    tenant = payments.signup("Debits", true);
    cardId = payments.card(tenant, "tok_debits");
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  private Reply debit(long amount) {
    return payments.post("/v1/debits", tenant, Map.of("card_id", cardId, "amount", amount, "currency", "USD", "description", "order 42"));
  }

  @Test
  void aSuccessfulDebitChecksFraudThenChargesTheVaultWithTheDebitIdAsIdempotencyKey() {
    payments.fraud.enqueue(fraudAnswer(20, "pass"));
    payments.vault.enqueue(charge("ch_1", "succeeded", null, 5000));

    Reply reply = debit(5000);

    assertThat(reply.status()).isEqualTo(201);
    String id = reply.text("id");
    assertThat(id).startsWith("db_");
    assertThat(reply.text("card_id")).isEqualTo(cardId);
    assertThat(reply.body().path("amount").asLong()).isEqualTo(5000);
    assertThat(reply.text("currency")).isEqualTo("USD");
    assertThat(reply.text("status")).isEqualTo("succeeded");
    assertThat(reply.body().path("failure_code").isNull()).isTrue();
    assertThat(reply.body().path("refunded_amount").asLong()).isZero();
    assertThat(reply.body().path("risk_score").asInt()).isEqualTo(20);
    assertThat(reply.text("description")).isEqualTo("order 42");

    RecordedRequest check = take(payments.fraud);
    assertThat(check.getMethod() + " " + check.getPath()).isEqualTo("POST /v1/checks");
    JsonNode checkBody = body(check);
    assertThat(checkBody.path("card_fingerprint").asText()).isEqualTo("fp_tok_debits");
    assertThat(checkBody.path("amount").asLong()).isEqualTo(5000);
    assertThat(checkBody.path("currency").asText()).isEqualTo("USD");
    assertThat(checkBody.path("csc_result").asText()).isEqualTo("pass");

    RecordedRequest chargeRequest = take(payments.vault);
    assertThat(chargeRequest.getMethod() + " " + chargeRequest.getPath()).isEqualTo("POST /v1/cards/tok_debits/charges");
    assertThat(chargeRequest.getHeader("Idempotency-Key")).isEqualTo(id);
    JsonNode chargeBody = body(chargeRequest);
    assertThat(chargeBody.path("amount").asLong()).isEqualTo(5000);
    assertThat(chargeBody.path("currency").asText()).isEqualTo("USD");
    assertThat(chargeBody.path("reference").asText()).isEqualTo(id);

    assertThat(payments.count("select count(*) from debits where id = ? and status = 'succeeded' and vault_charge_id = 'ch_1' and risk_score = 20", id)).isEqualTo(1);
    Reply read = payments.get("/v1/debits/" + id, tenant);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(reply.body());
  }

  @Test
  void aFailedCscCheckIs402AndTheVaultIsNotCalled() {
    payments.fraud.enqueue(fraudAnswer(5, "fail"));
    int vaultRequests = payments.vault.getRequestCount();

    Reply reply = debit(1000);

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.text("code")).isEqualTo("csc_check_failed");
    String id = reply.body().path("details").path("debit_id").asText();
    assertThat(id).startsWith("db_");
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
    assertThat(payments.count("select count(*) from debits where id = ? and status = 'failed' and failure_code = 'csc_check_failed' and vault_charge_id is null", id)).isEqualTo(1);
    Reply stored = payments.get("/v1/debits/" + id, tenant);
    assertThat(stored.text("status")).isEqualTo("failed");
    assertThat(stored.text("failure_code")).isEqualTo("csc_check_failed");
  }

  @Test
  void aRiskScoreAboveTheMaximumIs402HighRiskWithoutCharging() {
    payments.fraud.enqueue(fraudAnswer(76, "pass"));
    int vaultRequests = payments.vault.getRequestCount();

    Reply reply = debit(1000);

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.text("code")).isEqualTo("high_risk");
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
    assertThat(payments.count("select count(*) from debits where failure_code = 'high_risk' and risk_score = 76")).isEqualTo(1);
  }

  @Test
  void aFraudAnswerWithoutCscCheckIs502NamingItAndStoresNothing() {
    payments.fraud.enqueue(json(201, Map.of("id", "chk_1", "risk_score", 10, "csc", "pass")));
    int vaultRequests = payments.vault.getRequestCount();

    Reply reply = debit(1000);

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.text("code")).isEqualTo("upstream_error");
    assertThat(reply.text("message")).contains("csc_check");
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
    assertThat(payments.count("select count(*) from debits where marketplace_id = ?", tenant.id())).isZero();
  }

  @Test
  void aBankDeclineIs402WithTheBanksCodeAndTheDebitIsStoredFailed() {
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_declined", "declined", "insufficient_funds", 1000));

    Reply reply = debit(1000);

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.text("code")).isEqualTo("insufficient_funds");
    String id = reply.body().path("details").path("debit_id").asText();
    assertThat(payments.count("select count(*) from debits where id = ? and status = 'failed' and failure_code = 'insufficient_funds' and vault_charge_id = 'ch_declined'", id)).isEqualTo(1);
  }

  @Test
  void anInvalidDebitIsRefusedWithoutCallingFraudOrTheVault() {
    Reply zero = payments.post("/v1/debits", tenant, Map.of("card_id", cardId, "amount", 0, "currency", "USD"));
    Reply currency = payments.post("/v1/debits", tenant, Map.of("card_id", cardId, "amount", 100, "currency", "usd"));
    Reply fractional = payments.post("/v1/debits", tenant, "{\"card_id\":\"" + cardId + "\",\"amount\":1.5,\"currency\":\"USD\"}");
    Reply nullBody = payments.post("/v1/debits", tenant, "null");

    assertThat(nullBody.status()).isEqualTo(400);
    assertThat(nullBody.text("code")).isEqualTo("invalid_json");
    assertThat(zero.text("code")).isEqualTo("invalid_amount");
    assertThat(currency.text("code")).isEqualTo("invalid_currency");
    assertThat(fractional.status()).isEqualTo(400);
    assertThat(fractional.text("code")).isEqualTo("invalid_json");
    assertThat(payments.fraud.getRequestCount()).isZero();
  }

  @Test
  void anUnknownCardIs404WithoutAFraudCheck() {
    Reply reply = payments.post("/v1/debits", tenant, Map.of("card_id", "card_nope", "amount", 100, "currency", "USD"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(payments.fraud.getRequestCount()).isZero();
  }

  @Test
  void debitsAreListedNewestFirst() {
    String first = payments.debit(tenant, cardId, 100, "ch_a").text("id");
    String second = payments.debit(tenant, cardId, 200, "ch_b").text("id");

    Reply list = payments.get("/v1/debits?limit=1", tenant);

    assertThat(list.body().path("data").findValuesAsText("id")).containsExactly(second);
    assertThat(list.body().path("has_more").asBoolean()).isTrue();
    assertThat(payments.get("/v1/debits?offset=1", tenant).body().path("data").findValuesAsText("id")).containsExactly(first);
  }
}
