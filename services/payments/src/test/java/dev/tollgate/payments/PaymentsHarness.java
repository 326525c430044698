package dev.tollgate.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jdbi.v3.core.Jdbi;

/**
 * The payments service on a random port against a migrated test database, with fraud and
 * the vault faked by two MockWebServers; plus HTTP and SQL helpers for component tests.
 */
public final class PaymentsHarness implements AutoCloseable {
  public static final String VERIFICATION_TOKEN = "verify-me";
  public static final String CARD_NUMBER = "4242424242424242";

  public final MockWebServer fraud = new MockWebServer();
  public final MockWebServer vault = new MockWebServer();
  public final Jdbi jdbi;
  private final HttpService service;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A marketplace as signed up: its id and API key. */
  public record Tenant(String id, String apiKey) {}

  /** An HTTP answer: status and parsed JSON body. */
  public record Reply(int status, JsonNode body) {
    public String text(String field) {
      return body.path(field).asText();
    }
  }

  private PaymentsHarness(TestDatabase db, Optional<String> verificationToken) throws IOException {
    fraud.start();
    vault.start();
    jdbi = Jdbi.create(db.dataSource());
    PaymentsConfig config = new PaymentsConfig(fraud.url("/").uri(), vault.url("/").uri(), verificationToken, 75, Duration.ofSeconds(5));
    // Stop timeout 0: the test client's idle keep-alive connections would hold a graceful stop.
    service = HttpService.create("payments", "test", Duration.ZERO, app -> Main.routing(app, db.dataSource(), config)).start("127.0.0.1", 0);
  }

  public static PaymentsHarness start(TestDatabase db) {
    return start(db, Optional.of(VERIFICATION_TOKEN));
  }

  public static PaymentsHarness start(TestDatabase db, Optional<String> verificationToken) {
    try {
      return new PaymentsHarness(db, verificationToken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    service.drainAndStop();
    fraud.shutdown();
    vault.shutdown();
  }

  // ---- HTTP ----

  public Reply send(String method, String path, String apiKey, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body().isEmpty() ? null : Json.mapper().readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path, Tenant tenant) {
    return send("GET", path, tenant.apiKey(), null, Map.of());
  }

  public Reply post(String path, Tenant tenant, Object body) {
    return send("POST", path, tenant.apiKey(), body, Map.of());
  }

  // ---- flows ----

  /** Signs a marketplace up through the API. */
  public Tenant signup(String name, boolean test) {
    Reply reply = send("POST", "/v1/marketplaces", null, Map.of("name", name, "test", test), Map.of());
    assertThat(reply.status()).isEqualTo(201);
    return new Tenant(reply.text("id"), reply.text("api_key"));
  }

  /** Tokenizes a card through the API with the vault answering; consumes the vault's request. */
  public String card(Tenant tenant, String token) {
    vault.enqueue(json(201, vaultCard(token, "pass")));
    Reply reply = post("/v1/cards", tenant, cardBody());
    assertThat(reply.status()).isEqualTo(201);
    take(vault);
    return reply.text("id");
  }

  /** A successful debit with both fakes answering; consumes their requests. */
  public Reply debit(Tenant tenant, String cardId, long amount, String chargeId) {
    fraud.enqueue(fraudAnswer(10, "pass"));
    vault.enqueue(charge(chargeId, "succeeded", null, amount));
    Reply reply = post("/v1/debits", tenant, Map.of("card_id", cardId, "amount", amount, "currency", "USD"));
    assertThat(reply.status()).isEqualTo(201);
    take(fraud);
    take(vault);
    return reply;
  }

  public static Map<String, Object> cardBody() {
    return Map.of("number", CARD_NUMBER, "expiry_month", 12, "expiry_year", 2099, "csc", "123", "holder_name", "Ada Lovelace");
  }

  // ---- fake answers ----

  public static MockResponse json(int status, Object body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body instanceof String s ? s : json(body));
  }

  public static String vaultCard(String token, String cscResult) {
    return json(Map.of("token", token, "brand", "visa", "last_four", "4242", "expiry_month", 12, "expiry_year", 2099, "fingerprint", "fp_" + token, "csc_result", cscResult));
  }

  public static MockResponse fraudAnswer(int riskScore, String cscCheck) {
    return json(201, Map.of("id", "chk_1", "risk_score", riskScore, "csc_check", cscCheck, "reasons", new String[0]));
  }

  public static MockResponse charge(String id, String status, String declineCode, long amount) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "token", "tok_x", "status", status, "amount", amount, "currency", "USD", "bank_authorization_id", "auth_1"));
    body.put("decline_code", declineCode);
    return json(201, body);
  }

  // ---- inspection ----

  /** The next request the fake received (it must have arrived already). */
  public static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(request).as("a request to the fake").isNotNull();
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode body(RecordedRequest request) {
    try {
      return Json.mapper().readTree(request.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long count(String sql, Object... args) {
    return jdbi.withHandle(h -> {
      var query = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        query.bind(i, args[i]);
      }
      return query.mapTo(Long.class).one();
    });
  }

  public static JsonNode jsonTree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  public static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
