package dev.tollgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Database;
import dev.tollgate.service.Env;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fraud service on a random port, booted from its environment like the jar, against a
 * real migrated PostgreSQL. One service for the class: each test uses its own fingerprints.
 */
class FraudServiceIT {
  private static final HttpClient client = HttpClient.newHttpClient();
  private static TestDatabase db;
  private static HttpService service;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated("fraud");
    Env env = Env.of(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres", "FRAUD_VELOCITY_WINDOW_MINUTES", "60"));
    service = HttpService.create(Main.NAME, "test", Duration.ofSeconds(5), Main.boot(env)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    service.drainAndStop();
  }

  @Test
  void aCheckIsStoredAndReturnedWithItsScoreCscCheckAndReasons() throws Exception {
    String fingerprint = newFingerprint();

    HttpResponse<String> created = check(fingerprint, 150_000, "EUR", "\"fail\"");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json(created);
    String id = body.get("id").asText();
    assertThat(id).startsWith("chk_");
    assertThat(body.get("risk_score").asInt()).isEqualTo(50);
    assertThat(body.get("csc_check").asText()).isEqualTo("fail");
    assertThat(body.get("reasons")).containsExactly(Json.mapper().getNodeFactory().textNode("amount_band_high"),
        Json.mapper().getNodeFactory().textNode("csc_check_fail"));
    HttpResponse<String> fetched = get("/v1/checks/" + id);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(json(fetched)).isEqualTo(body);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("select card_fingerprint, amount, currency, csc_result, csc_check, risk_score, reasons::text, created_at from checks where id = ?")) {
      s.setString(1, id);
      ResultSet row = s.executeQuery();
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo(fingerprint);
      assertThat(row.getLong(2)).isEqualTo(150_000);
      assertThat(row.getString(3)).isEqualTo("EUR");
      assertThat(row.getString(4)).isEqualTo("fail");
      assertThat(row.getString(5)).isEqualTo("fail");
      assertThat(row.getInt(6)).isEqualTo(50);
      assertThat(row.getString(7)).isEqualTo("{amount_band_high,csc_check_fail}");
      assertThat(row.getTimestamp(8).toInstant().toString()).isEqualTo(body.get("created_at").asText());
    }
  }

  @Test
  void withoutACscResultTheCscCheckIsUnavailable() throws Exception {
    HttpResponse<String> created = check(newFingerprint(), 500, "USD", null);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("csc_check").asText()).isEqualTo("unavailable");
    assertThat(json(created).get("risk_score").asInt()).isZero();
  }

  @Test
  void repeatedChecksOnOneCardRaiseItsScoreAndNotAnotherCards() throws Exception {
    String busy = newFingerprint();
    for (int i = 0; i < 3; i++) {
      assertThat(json(check(busy, 500, "USD", "\"pass\"")).get("risk_score").asInt()).isZero();
    }

    JsonNode fourth = json(check(busy, 500, "USD", "\"pass\""));
    JsonNode fifth = json(check(busy, 500, "USD", "\"pass\""));
    JsonNode other = json(check(newFingerprint(), 500, "USD", "\"pass\""));

    assertThat(fourth.get("risk_score").asInt()).isEqualTo(15);
    assertThat(fourth.get("reasons").get(0).asText()).isEqualTo("velocity_4_in_60m");
    assertThat(fifth.get("risk_score").asInt()).isEqualTo(30);
    assertThat(other.get("risk_score").asInt()).isZero();
    assertThat(other.get("reasons")).isEmpty();
  }

  @Test
  void checksOlderThanTheWindowDoNotCountForVelocity() throws Exception {
    String fingerprint = newFingerprint();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("insert into checks (id, card_fingerprint, amount, currency, csc_check, risk_score, created_at) "
            + "values (?, ?, 500, 'USD', 'pass', 0, now() - interval '61 minutes')")) {
      for (int i = 0; i < 5; i++) {
        s.setString(1, "chk_old_" + fingerprint + "_" + i);
        s.setString(2, fingerprint);
        s.executeUpdate();
      }
    }

    assertThat(json(check(fingerprint, 500, "USD", "\"pass\"")).get("risk_score").asInt()).isZero();
  }

  @Test
  void invalidChecksAre400WithTheirCodeAndFieldAndAreNotStored() throws Exception {
    String fingerprint = newFingerprint();
    assertError(post("{\"amount\": 500, \"currency\": \"USD\"}"), "missing_field", "card_fingerprint");
    assertError(post("{\"card_fingerprint\": \" \", \"amount\": 500, \"currency\": \"USD\"}"), "missing_field", "card_fingerprint");
    assertError(check(fingerprint, 0, "USD", null), "invalid_amount", "amount");
    assertError(check(fingerprint, 500, "usd", null), "invalid_currency", "currency");
    assertError(check(fingerprint, 500, "USD", "\"maybe\""), "invalid_csc_result", "csc_result");
    HttpResponse<String> wrongType = post("{\"card_fingerprint\": \"" + fingerprint + "\", \"amount\": \"500\", \"currency\": \"USD\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(json(wrongType).get("code").asText()).isEqualTo("invalid_json");

    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from checks where card_fingerprint = ?")) {
      s.setString(1, fingerprint);
      ResultSet count = s.executeQuery();
      count.next();
      assertThat(count.getInt(1)).isZero();
    }
  }

  @Test
  void anUnknownCheckIs404() throws Exception {
    HttpResponse<String> response = get("/v1/checks/chk_nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void healthIs200AndNamesTheService() throws Exception {
    HttpResponse<String> health = get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("service").asText()).isEqualTo("fraud");
    assertThat(json(health).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void startupAgainstAnUnmigratedDatabaseFailsWithTheSchemaError() {
    Env env = Env.of(Map.of("DATABASE_URL", TestDatabase.empty("fraud").jdbcUrl(), "DATABASE_USER", "postgres"));

    assertThatThrownBy(() -> Main.boot(env))
        .isInstanceOf(Database.SchemaException.class)
        .hasMessageContaining("not migrated")
        .hasMessageContaining("needs version " + Main.SCHEMA_VERSION);
  }

  private static void assertError(HttpResponse<String> response, String code, String field) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asText()).isEqualTo(code);
    assertThat(json(response).at("/details/field").asText()).isEqualTo(field);
  }

  private static String newFingerprint() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static HttpResponse<String> check(String fingerprint, long amount, String currency, String cscResultJson) throws Exception {
    return post("{\"card_fingerprint\": \"" + fingerprint + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\""
        + (cscResultJson == null ? "" : ", \"csc_result\": " + cscResultJson) + "}");
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return client.send(HttpRequest.newBuilder(url("/v1/checks")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}
