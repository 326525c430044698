package dev.tollgate.payments.cards;

import static dev.tollgate.payments.PaymentsHarness.CARD_NUMBER;
import static dev.tollgate.payments.PaymentsHarness.body;
import static dev.tollgate.payments.PaymentsHarness.json;
import static dev.tollgate.payments.PaymentsHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.payments.PaymentsHarness;
import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardsIT {
  private static TestDatabase db;
  private PaymentsHarness payments;
  private Tenant tenant;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
    tenant = payments.signup("Cards", true);
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  @Test
  void tokenizingSendsTheNumberToTheVaultAndStoresEverythingButTheNumber() {
    payments.vault.enqueue(json(201, PaymentsHarness.vaultCard("tok_abc", "pass")));

    Reply reply = payments.post("/v1/cards", tenant, PaymentsHarness.cardBody());

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.text("id")).startsWith("card_");
    assertThat(reply.text("brand")).isEqualTo("visa");
    assertThat(reply.text("last_four")).isEqualTo("4242");
    assertThat(reply.body().path("expiry_month").asInt()).isEqualTo(12);
    assertThat(reply.body().path("expiry_year").asInt()).isEqualTo(2099);
    assertThat(reply.text("holder_name")).isEqualTo("Ada Lovelace");
    assertThat(reply.body().has("created_at")).isTrue();
    assertThat(reply.body().toString()).doesNotContain(CARD_NUMBER).doesNotContain("tok_abc");

    RecordedRequest sent = take(payments.vault);
    assertThat(sent.getMethod() + " " + sent.getPath()).isEqualTo("POST /v1/cards");
    JsonNode sentBody = body(sent);
    assertThat(sentBody.path("number").asText()).isEqualTo(CARD_NUMBER);
    assertThat(sentBody.path("csc").asText()).isEqualTo("123");
    assertThat(sentBody.path("expiry_month").asInt()).isEqualTo(12);

    assertThat(payments.count("select count(*) from cards where id = ? and vault_token = 'tok_abc' and fingerprint = 'fp_tok_abc' and csc_result = 'pass'", reply.text("id"))).isEqualTo(1);
    assertThat(payments.count("select count(*) from cards c where row_to_json(c)::text like ?", "%" + CARD_NUMBER + "%")).isZero();
    assertThat(payments.count("select count(*) from cards c where row_to_json(c)::text like '%\"123\"%'")).isZero();
  }

  @Test
  void aVaultRefusalPassesThroughWithTheVaultsCodeAndStoresNothing() {
    payments.vault.enqueue(json(400, Map.of("code", "invalid_card_number", "message", "not a valid card number", "details", Map.of("field", "number"))));

    Reply reply = payments.post("/v1/cards", tenant, PaymentsHarness.cardBody());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("code")).isEqualTo("invalid_card_number");
    assertThat(reply.body().toString()).doesNotContain(CARD_NUMBER);
    assertThat(payments.count("select count(*) from cards where marketplace_id = ?", tenant.id())).isZero();
  }

  @Test
  void aVaultServerErrorIsAnUpstreamError() {
    payments.vault.enqueue(json(500, Map.of("code", "internal_error", "message", "boom")));

    Reply reply = payments.post("/v1/cards", tenant, PaymentsHarness.cardBody());

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.text("code")).isEqualTo("upstream_error");
  }

  @Test
  void aVaultAnswerWithoutAFingerprintIsAnUpstreamErrorNamingIt() {
    payments.vault.enqueue(json(201, Map.of("token", "tok_nofp", "brand", "visa", "last_four", "4242", "expiry_month", 12, "expiry_year", 2099, "csc_result", "pass")));

    Reply reply = payments.post("/v1/cards", tenant, PaymentsHarness.cardBody());

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.text("message")).contains("fingerprint");
    assertThat(payments.count("select count(*) from cards where vault_token = 'tok_nofp'")).isZero();
  }

  @Test
  void aMissingFieldIsRefusedWithoutCallingTheVault() {
    Reply reply = payments.post("/v1/cards", tenant, Map.of("number", CARD_NUMBER, "expiry_month", 12, "csc", "123"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("code")).isEqualTo("missing_field");
    assertThat(reply.body().path("details").path("field").asText()).isEqualTo("expiry_year");
    assertThat(payments.vault.getRequestCount()).isZero();
  }

  @Test
  void aCardIsReadBackById() {
    String id = payments.card(tenant, "tok_read");

    Reply reply = payments.get("/v1/cards/" + id, tenant);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("id")).isEqualTo(id);
    assertThat(reply.text("last_four")).isEqualTo("4242");
    assertThat(payments.get("/v1/cards/card_unknown", tenant).status()).isEqualTo(404);
  }

  @Test
  void listsArePagedNewestFirstWithHasMore() {
    Tenant own = payments.signup("Pages", true);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(payments.card(own, "tok_page" + i));
    }

    Reply first = payments.get("/v1/cards?limit=2", own);
    Reply rest = payments.get("/v1/cards?limit=2&offset=2", own);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("data").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1));
    assertThat(first.body().path("limit").asInt()).isEqualTo(2);
    assertThat(first.body().path("offset").asInt()).isZero();
    assertThat(first.body().path("has_more").asBoolean()).isTrue();
    assertThat(rest.body().path("data").findValuesAsText("id")).containsExactly(ids.get(0));
    assertThat(rest.body().path("has_more").asBoolean()).isFalse();
    assertThat(payments.get("/v1/cards", own).body().path("limit").asInt()).isEqualTo(20);
  }

  @Test
  void badPagingParametersAre400() {
    Reply badLimit = payments.get("/v1/cards?limit=101", tenant);
    Reply badOffset = payments.get("/v1/cards?offset=-1", tenant);

    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.text("code")).isEqualTo("invalid_limit");
    assertThat(badOffset.status()).isEqualTo(400);
    assertThat(badOffset.text("code")).isEqualTo("invalid_offset");
  }
}
