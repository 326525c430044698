package dev.tollgate.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.cards.Luhn;
import dev.tollgate.payments.Main;
import dev.tollgate.payments.PaymentsConfig;
import dev.tollgate.service.HttpService;
import dev.tollgate.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The real payments service on a random port against a fresh migrated database, with fakes of
 * fraud and the vault behind it. The fake vault refuses a number that fails the Luhn check (400
 * {@code invalid_card_number}, as the real one does), tokenizes each other number as its own
 * token and fingerprint, and charges as its {@link ChargePolicy} says. The fake fraud service scores as the
 * real one's velocity rule does for the probe's amounts (under 10,000 cents) and passing CSCs:
 * {@code 15 × (n − 3)} for the n-th check on one fingerprint, so payments (maximum 75) declines
 * {@code high_risk} from a card's 9th debit on. The service adds
 * {@code X-Served-By: test-payments-1} to every answer, as HAProxy does in production.
 */
final class PaymentsUnderTest implements AutoCloseable {
  static final String VERIFICATION_TOKEN = "probe-verify";
  static final String INSTANCE = "test-payments-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Decides whether the vault fails a charge with 500. */
  interface ChargePolicy {
    /**
     * @param distinct the reference's place among the distinct references seen, from 0
     * @param attempt how many charges of this reference came before this one
     */
    boolean fails(int distinct, int attempt);
  }

  /** What the vault saw of one charge: the debit it was for, the Idempotency-Key sent and the card's token. */
  record Charge(String reference, String idempotencyKey, String token, boolean failed) {}

  final TestDatabase db = TestDatabase.migrated("payments");
  private final Map<String, Integer> checks = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final MockWebServer fraud = new MockWebServer();
  private final MockWebServer vault = new MockWebServer();
  private final HttpService service;
  private final ChargePolicy policy;
  private final IntPredicate tokenizationFails;
  private int tokenizations;
  private final Map<String, Integer> distinct = new LinkedHashMap<>();
  private final List<Charge> charges = new ArrayList<>();

  PaymentsUnderTest(ChargePolicy policy) {
    this(policy, n -> false);
  }

  /**
   * @param tokenizationFails whether the vault answers 500 to its n-th card tokenization (from
   *     0: the probe's setup card)
   */
  PaymentsUnderTest(ChargePolicy policy, IntPredicate tokenizationFails) {
    this.policy = policy;
    this.tokenizationFails = tokenizationFails;
    fraud.setDispatcher(dispatch(this::fraud));
    vault.setDispatcher(dispatch(this::vault));
    try {
      fraud.start();
      vault.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PaymentsConfig config = new PaymentsConfig(fraud.url("/").uri(), vault.url("/").uri(), Optional.of(VERIFICATION_TOKEN), 75, Duration.ofSeconds(5));
    // Stop timeout 0: the probe's idle keep-alive connections would hold a graceful stop.
    service = HttpService.create("payments", "test", Duration.ZERO, app -> {
      Main.routing(app, db.dataSource(), config);
      app.after(ctx -> ctx.header("X-Served-By", INSTANCE));
    }).start("127.0.0.1", 0);
  }

  /** Everything answers, every charge succeeds. */
  static PaymentsUnderTest healthy() {
    return new PaymentsUnderTest((distinct, attempt) -> false);
  }

  String url() {
    return "http://127.0.0.1:" + service.port();
  }

  synchronized List<Charge> charges() {
    return List.copyOf(charges);
  }

  /** Fraud checks per card fingerprint, in the order fingerprints were first seen. */
  synchronized Map<String, Integer> checks() {
    return Map.copyOf(checks);
  }

  long count(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        query.setObject(i + 1, args[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  int update(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    service.drainAndStop();
    fraud.shutdown();
    vault.shutdown();
  }

  private synchronized MockResponse fraud(RecordedRequest request) {
    int n = checks.merge(read(request.getBody().readUtf8()).path("card_fingerprint").asText(), 1, Integer::sum);
    int risk = Math.min(100, 15 * Math.max(0, n - 3));
    return json(201, Map.of("id", "chk_" + n, "risk_score", risk, "csc_check", "pass", "reasons", List.of()));
  }

  private MockResponse vault(RecordedRequest request) {
    String path = request.getPath();
    if ("/v1/cards".equals(path)) {
      String number = read(request.getBody().readUtf8()).path("number").asText();
      if (!Luhn.isCardNumber(number)) {
        return json(400, Map.of("code", "invalid_card_number", "message", "number is not a valid card number"));
      }
      String token;
      synchronized (this) {
        if (tokenizationFails.test(tokenizations++)) {
          return json(500, Map.of("code", "internal_error", "message", "internal error"));
        }
        token = tokens.computeIfAbsent(number, n -> "tok_" + (tokens.size() + 1));
      }
      return json(201, Map.of("token", token, "brand", "visa", "last_four", number.substring(number.length() - 4), "expiry_month", 12, "expiry_year", 2099,
          "fingerprint", "fp_" + token, "csc_result", "pass"));
    }
    if (path != null && path.endsWith("/charges")) {
      JsonNode body = read(request.getBody().readUtf8());
      String reference = body.path("reference").asText();
      boolean fail;
      synchronized (this) {
        int place = distinct.computeIfAbsent(reference, r -> distinct.size());
        int attempt = (int) charges.stream().filter(c -> c.reference().equals(reference)).count();
        fail = policy.fails(place, attempt);
        charges.add(new Charge(reference, request.getHeader("Idempotency-Key"), path.split("/")[3], fail));
      }
      if (fail) {
        return json(500, Map.of("code", "internal_error", "message", "internal error"));
      }
      Map<String, Object> charge = new LinkedHashMap<>();
      charge.put("id", "ch_" + reference);
      charge.put("token", path.split("/")[3]);
      charge.put("status", "succeeded");
      charge.put("decline_code", null);
      charge.put("amount", body.path("amount").asLong());
      charge.put("currency", body.path("currency").asText());
      charge.put("bank_authorization_id", "auth_" + reference);
      return json(201, charge);
    }
    return json(404, Map.of("code", "not_found", "message", "no fake for " + path));
  }

  private static Dispatcher dispatch(java.util.function.Function<RecordedRequest, MockResponse> answer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.apply(request);
      }
    };
  }

  private static MockResponse json(int status, Object body) {
    try {
      return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
