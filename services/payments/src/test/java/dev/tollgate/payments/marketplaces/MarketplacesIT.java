package dev.tollgate.payments.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.payments.PaymentsHarness;
import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.payments.api.Hashing;
import dev.tollgate.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketplacesIT {
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

  @Test
  void signupReturnsAKeyOnceAndStoresOnlyItsHash() {
    Reply reply = payments.send("POST", "/v1/marketplaces", null, Map.of("name", "Acme", "email", "ops@acme.test", "test", true), Map.of());

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.text("id")).startsWith("mp_");
    assertThat(reply.text("name")).isEqualTo("Acme");
    assertThat(reply.text("email")).isEqualTo("ops@acme.test");
    assertThat(reply.body().path("test").asBoolean()).isTrue();
    String key = reply.text("api_key");
    assertThat(key).matches("sk_[A-Za-z0-9_-]{32}");
    assertThat(payments.count("select count(*) from marketplaces where id = ? and api_key_hash = ?", reply.text("id"), Hashing.sha256Hex(key))).isEqualTo(1);
    assertThat(payments.count("select count(*) from marketplaces m where row_to_json(m)::text like ?", "%" + key + "%")).isZero();
  }

  @Test
  void testDefaultsToFalseAndNamesMayRepeat() {
    Reply first = payments.send("POST", "/v1/marketplaces", null, Map.of("name", "Twin"), Map.of());
    Reply second = payments.send("POST", "/v1/marketplaces", null, Map.of("name", "Twin"), Map.of());

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(first.body().path("test").asBoolean()).isFalse();
    assertThat(first.body().path("email").isNull()).isTrue();
    assertThat(payments.count("select count(*) from marketplaces where name = 'Twin'")).isEqualTo(2);
  }

  @Test
  void signupWithoutANameIsMissingField() {
    Reply reply = payments.send("POST", "/v1/marketplaces", null, Map.of("test", true), Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("code")).isEqualTo("missing_field");
    assertThat(reply.body().path("details").path("field").asText()).isEqualTo("name");
  }

  @Test
  void meAnswersTheMarketplaceOfABearerKey() {
    Tenant tenant = payments.signup("Me Ltd", true);

    Reply reply = payments.get("/v1/marketplaces/me", tenant);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("id")).isEqualTo(tenant.id());
    assertThat(reply.text("name")).isEqualTo("Me Ltd");
    assertThat(reply.body().has("api_key")).isFalse();
  }

  @Test
  void basicAuthWithTheKeyAsUserNameIsAccepted() {
    Tenant tenant = payments.signup("Basic Ltd", true);
    String basic = Base64.getEncoder().encodeToString((tenant.apiKey() + ":").getBytes(StandardCharsets.UTF_8));

    Reply reply = payments.send("GET", "/v1/marketplaces/me", null, null, Map.of("Authorization", "Basic " + basic));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("id")).isEqualTo(tenant.id());
  }

  @Test
  void aRequestWithoutAKeyIsUnauthorized() {
    Reply reply = payments.send("GET", "/v1/marketplaces/me", null, null, Map.of());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.text("code")).isEqualTo("unauthorized");
  }

  @Test
  void aRequestWithAnUnknownKeyIsUnauthorizedEverywhere() {
    payments.signup("Known", true);
    String wrong = "sk_" + "x".repeat(32);

    assertThat(payments.send("GET", "/v1/marketplaces/me", wrong, null, Map.of()).status()).isEqualTo(401);
    assertThat(payments.send("GET", "/v1/cards", wrong, null, Map.of()).status()).isEqualTo(401);
    assertThat(payments.send("POST", "/v1/debits", wrong, Map.of(), Map.of()).status()).isEqualTo(401);
    assertThat(payments.vault.getRequestCount() + payments.fraud.getRequestCount()).isZero();
  }
}
