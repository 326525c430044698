package dev.tollgate.vault;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Env;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The vault on a random port against a real PostgreSQL, with the bank faked by MockWebServer. */
class VaultServiceIT {
  private static final String PAN = "4242424242424242";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC);

  private final HttpClient client = HttpClient.newHttpClient();
  private MockWebServer bank;
  private TestDatabase db;
  private Jdbi jdbi;
  private HttpService service;

  @BeforeEach
  void start() throws Exception {
    bank = new MockWebServer();
    bank.start();
    db = TestDatabase.migrated("vault");
    jdbi = Jdbi.create(db.dataSource());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    VaultConfig config = VaultConfig.from(Env.of(Map.of(
        "VAULT_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key),
        "BANK_URL", bank.url("/").toString(),
        "BANK_TIMEOUT_MS", "2000")));
    service = HttpService.create("vault", "test", Duration.ZERO, app -> Main.routing(app, config, db.dataSource(), CLOCK)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    service.drainAndStop();
    bank.shutdown();
  }

  // --- tokenize -------------------------------------------------------------------------

  @Test
  void tokenizingAsksTheBankToVerifyAndAnswersTheTokenBrandLastFourAndFingerprint() throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));

    HttpResponse<String> response = post("/v1/cards", card(PAN, "123"), Map.of());

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = read(response);
    assertThat(body.get("token").asText()).matches("tok_[0-9a-f]{24}");
    assertThat(body.get("brand").asText()).isEqualTo("visa");
    assertThat(body.get("last_four").asText()).isEqualTo("4242");
    assertThat(body.get("expiry_month").asInt()).isEqualTo(12);
    assertThat(body.get("expiry_year").asInt()).isEqualTo(2030);
    assertThat(body.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(body.get("csc_result").asText()).isEqualTo("pass");
    assertThat(response.body()).doesNotContain(PAN).doesNotContain("\"123\"");

    RecordedRequest verification = bank.takeRequest(5, TimeUnit.SECONDS);
    assertThat(verification.getMethod()).isEqualTo("POST");
    assertThat(verification.getPath()).isEqualTo("/v1/verifications");
    JsonNode sent = Json.mapper().readTree(verification.getBody().readUtf8());
    assertThat(sent.get("card_number").asText()).isEqualTo(PAN);
    assertThat(sent.get("expiry_month").asInt()).isEqualTo(12);
    assertThat(sent.get("expiry_year").asInt()).isEqualTo(2030);
    assertThat(sent.get("csc").asText()).isEqualTo("123");
  }

  @Test
  void theStoredCardHoldsCiphertextAndNeitherTheNumberNorTheCsc() throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));
    String token = read(post("/v1/cards", card(PAN, "123"), Map.of())).get("token").asText();

    Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("select * from cards where token = :token").bind("token", token).mapToMap().one());
    byte[] ciphertext = (byte[]) row.get("number_ciphertext");
    String rowAsText = jdbi.withHandle(h -> h.createQuery("select row_to_json(c)::text from cards c where token = :token").bind("token", token).mapTo(String.class).one());

    assertThat(row.keySet()).containsExactlyInAnyOrder("token", "number_ciphertext", "nonce", "fingerprint", "brand", "last_four", "expiry_month", "expiry_year", "holder_name", "created_at");
    assertThat(ciphertext).isNotEmpty();
    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(PAN);
    assertThat(indexOf(ciphertext, PAN.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    assertThat((byte[]) row.get("nonce")).hasSize(12);
    assertThat(rowAsText).doesNotContain(PAN);
    assertThat(row.get("last_four")).isEqualTo("4242");
    assertThat(row.get("holder_name")).isEqualTo("Ada Lovelace");
  }

  @Test
  void theSameCardTwiceGetsTwoTokensButOneFingerprint() throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));

    JsonNode first = read(post("/v1/cards", card(PAN, "123"), Map.of()));
    JsonNode second = read(post("/v1/cards", card(PAN, "123"), Map.of()));
    JsonNode other = read(post("/v1/cards", card("5555555555554444", "123"), Map.of()));

    assertThat(second.get("token").asText()).isNotEqualTo(first.get("token").asText());
    assertThat(second.get("fingerprint").asText()).isEqualTo(first.get("fingerprint").asText());
    assertThat(other.get("fingerprint").asText()).isNotEqualTo(first.get("fingerprint").asText());
    assertThat(other.get("brand").asText()).isEqualTo("mastercard");
  }

  @Test
  void aFailedCscCheckAtTheBankIsReportedAndTheCardIsStillStored() throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"fail\"}"));

    HttpResponse<String> response = post("/v1/cards", card("4000000000000127", "123"), Map.of());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(read(response).get("csc_result").asText()).isEqualTo("fail");
    assertThat(count("cards")).isEqualTo(1);
  }

  @Test
  void validationErrorsCarryTheirCodeAndFieldAndNeitherCallTheBankNorStoreAnything() throws Exception {
    assertRefused(card("4242424242424241", "123"), "invalid_card_number", "number");
    assertRefused(card("3530111333300000", "123"), "unsupported_brand", "number");
    assertRefused(card(PAN, "1234"), "invalid_csc", "csc");
    assertRefused(card("378282246310005", "123"), "invalid_csc", "csc");
    assertRefused("{\"number\":\"" + PAN + "\",\"expiry_month\":13,\"expiry_year\":2030,\"csc\":\"123\"}", "invalid_expiry", "expiry_month");
    assertRefused("{\"number\":\"" + PAN + "\",\"expiry_month\":2,\"expiry_year\":2027,\"csc\":\"123\"}", "card_expired", "expiry_year");
    assertRefused("{\"expiry_month\":12,\"expiry_year\":2030,\"csc\":\"123\"}", "missing_field", "number");
    assertRefused("{\"number\":\"" + PAN + "\",\"expiry_month\":12,\"expiry_year\":2030}", "missing_field", "csc");

    assertThat(bank.getRequestCount()).isZero();
    assertThat(count("cards")).isZero();
  }

  @Test
  void aBankThatDoesNotAnswerInTimeIsA504AndNoCardIsStored() throws Exception {
    bank.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    HttpResponse<String> response = post("/v1/cards", card(PAN, "123"), Map.of());

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(read(response).get("code").asText()).isEqualTo("upstream_timeout");
    assertThat(count("cards")).isZero();
  }

  @Test
  void theCardNumberNeverAppearsInTheLogWhileTokenizing() throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));
    bank.enqueue(json(500, "{\"code\":\"bank_down\",\"message\":\"down\"}"));
    List<String> lines = captureLogs(() -> {
      String token = read(post("/v1/cards", card(PAN, "123"), Map.of())).get("token").asText();
      post("/v1/cards", card(PAN, "123"), Map.of()); // the bank fails: an upstream error
      post("/v1/cards", card("4242424242424241", "123"), Map.of()); // invalid: a validation error
      return token;
    });

    assertThat(String.join("\n", lines)).contains("card tokenized").doesNotContain(PAN).doesNotContain("4242424242424241");
  }

  @Test
  void aNumberSentAsAJsonNumberIsRefusedWithoutEchoingItInTheAnswerOrTheLog() throws Exception {
    List<String> lines = new ArrayList<>();
    HttpResponse<String> response = captureLogsInto(lines, () -> post("/v1/cards", "{\"number\":" + PAN + ",\"expiry_month\":12,\"expiry_year\":2030,\"csc\":\"123\"}", Map.of()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("code").asText()).isEqualTo("invalid_json");
    assertThat(response.body()).doesNotContain(PAN).contains("number");
    assertThat(String.join("\n", lines)).doesNotContain(PAN);
    assertThat(bank.getRequestCount()).isZero();
  }

  @Test
  void aFieldOfTheWrongTypeIsInvalidJsonNamingTheField() throws Exception {
    HttpResponse<String> response = post("/v1/cards", "{\"number\":\"" + PAN + "\",\"expiry_month\":\"12\",\"expiry_year\":2030,\"csc\":\"123\"}", Map.of());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("code").asText()).isEqualTo("invalid_json");
    assertThat(read(response).get("message").asText()).contains("expiry_month");
    assertThat(response.body()).doesNotContain(PAN);
    assertThat(bank.getRequestCount()).isZero();
  }

  // --- charges --------------------------------------------------------------------------

  @Test
  void aChargeSendsTheDecryptedCardTheAmountAndTheIdempotencyKeyToTheBank() throws Exception {
    String token = tokenize(PAN);
    bank.enqueue(json(201, authorization("auth_1", "approved", null, 1500)));

    HttpResponse<String> response = post("/v1/cards/" + token + "/charges", "{\"amount\":1500,\"currency\":\"EUR\",\"reference\":\"db_1\"}", Map.of("Idempotency-Key", "db_1"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = read(response);
    assertThat(body.get("id").asText()).matches("ch_[0-9a-f]{24}");
    assertThat(body.get("token").asText()).isEqualTo(token);
    assertThat(body.get("status").asText()).isEqualTo("succeeded");
    assertThat(body.get("decline_code").isNull()).isTrue();
    assertThat(body.get("amount").asLong()).isEqualTo(1500);
    assertThat(body.get("currency").asText()).isEqualTo("EUR");
    assertThat(body.get("bank_authorization_id").asText()).isEqualTo("auth_1");

    RecordedRequest authorization = lastBankRequest();
    assertThat(authorization.getPath()).isEqualTo("/v1/authorizations");
    assertThat(authorization.getHeader("Idempotency-Key")).isEqualTo("db_1");
    JsonNode sent = Json.mapper().readTree(authorization.getBody().readUtf8());
    assertThat(sent.get("card_number").asText()).isEqualTo(PAN);
    assertThat(sent.get("expiry_month").asInt()).isEqualTo(12);
    assertThat(sent.get("expiry_year").asInt()).isEqualTo(2030);
    assertThat(sent.get("amount").asLong()).isEqualTo(1500);
    assertThat(sent.get("currency").asText()).isEqualTo("EUR");
    assertThat(sent.get("reference").asText()).isEqualTo("db_1");

    Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("select * from charges").mapToMap().one());
    assertThat(row).containsEntry("id", body.get("id").asText()).containsEntry("idempotency_key", "db_1").containsEntry("amount", 1500L).containsEntry("status", "succeeded").containsEntry("bank_authorization_id", "auth_1");
  }

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerWithoutCallingTheBankAgain() throws Exception {
    String token = tokenize(PAN);
    bank.enqueue(json(201, authorization("auth_1", "approved", null, 1500)));
    String body = "{\"amount\":1500,\"currency\":\"EUR\",\"reference\":\"db_1\"}";

    HttpResponse<String> first = post("/v1/cards/" + token + "/charges", body, Map.of("Idempotency-Key", "db_1"));
    int callsAfterFirst = bank.getRequestCount();
    HttpResponse<String> retry = post("/v1/cards/" + token + "/charges", body, Map.of("Idempotency-Key", "db_1"));

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(read(retry)).isEqualTo(read(first));
    assertThat(callsAfterFirst).isEqualTo(2);
    assertThat(bank.getRequestCount()).isEqualTo(2);
    assertThat(count("charges")).isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherAmountIsRefusedWithoutCallingTheBank() throws Exception {
    String token = tokenize(PAN);
    bank.enqueue(json(201, authorization("auth_1", "approved", null, 1500)));
    post("/v1/cards/" + token + "/charges", "{\"amount\":1500,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "db_1"));

    HttpResponse<String> reused = post("/v1/cards/" + token + "/charges", "{\"amount\":9999,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "db_1"));

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(read(reused).get("code").asText()).isEqualTo("idempotency_key_reused");
    assertThat(bank.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aBankDeclineIsADeclinedChargeWithTheBanksDeclineCode() throws Exception {
    String token = tokenize("4000000000009995");
    bank.enqueue(json(201, authorization("auth_2", "declined", "insufficient_funds", 1500)));

    HttpResponse<String> response = post("/v1/cards/" + token + "/charges", "{\"amount\":1500,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "db_2"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = read(response);
    assertThat(body.get("status").asText()).isEqualTo("declined");
    assertThat(body.get("decline_code").asText()).isEqualTo("insufficient_funds");
    assertThat(body.get("bank_authorization_id").asText()).isEqualTo("auth_2");
    String storedCode = jdbi.withHandle(h -> h.createQuery("select decline_code from charges").mapTo(String.class).one());
    assertThat(storedCode).isEqualTo("insufficient_funds");
  }

  @Test
  void aChargeWithoutAnIdempotencyKeyIsRefusedWithoutCallingTheBank() throws Exception {
    String token = tokenize(PAN);

    HttpResponse<String> response = post("/v1/cards/" + token + "/charges", "{\"amount\":1500,\"currency\":\"EUR\"}", Map.of());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("code").asText()).isEqualTo("missing_idempotency_key");
    assertThat(bank.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aChargeWithABadAmountOrCurrencyIsRefusedWithItsCode() throws Exception {
    String token = tokenize(PAN);

    HttpResponse<String> zero = post("/v1/cards/" + token + "/charges", "{\"amount\":0,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "k1"));
    HttpResponse<String> lower = post("/v1/cards/" + token + "/charges", "{\"amount\":100,\"currency\":\"eur\"}", Map.of("Idempotency-Key", "k2"));

    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(read(zero).get("code").asText()).isEqualTo("invalid_amount");
    assertThat(read(lower).get("code").asText()).isEqualTo("invalid_currency");
    assertThat(bank.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aChargeOnAnUnknownTokenIsCardNotFound() throws Exception {
    HttpResponse<String> response = post("/v1/cards/tok_unknown/charges", "{\"amount\":1500,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "db_3"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(read(response).get("code").asText()).isEqualTo("card_not_found");
    assertThat(bank.getRequestCount()).isZero();
  }

  @Test
  void aBankTimeoutIsA504StoresNothingAndTheRetryAsksTheBankAgain() throws Exception {
    String token = tokenize("4000000000000077");
    bank.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    bank.enqueue(json(201, authorization("auth_4", "approved", null, 1500)));
    String body = "{\"amount\":1500,\"currency\":\"EUR\"}";

    HttpResponse<String> timedOut = post("/v1/cards/" + token + "/charges", body, Map.of("Idempotency-Key", "db_4"));
    long chargesAfterTimeout = count("charges");
    HttpResponse<String> retry = post("/v1/cards/" + token + "/charges", body, Map.of("Idempotency-Key", "db_4"));

    assertThat(timedOut.statusCode()).isEqualTo(504);
    assertThat(read(timedOut).get("code").asText()).isEqualTo("upstream_timeout");
    assertThat(chargesAfterTimeout).isZero();
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(read(retry).get("status").asText()).isEqualTo("succeeded");
    assertThat(bank.getRequestCount()).isEqualTo(3);
  }

  // --- refunds --------------------------------------------------------------------------

  @Test
  void aRefundIsForwardedToTheBankOnTheChargesAuthorizationAndStored() throws Exception {
    String chargeId = charge("auth_5");
    bank.enqueue(json(201, "{\"id\":\"rf_1\",\"authorization_id\":\"auth_5\",\"amount\":500,\"status\":\"succeeded\"}"));

    HttpResponse<String> response = post("/v1/charges/" + chargeId + "/refunds", "{\"amount\":500}", Map.of());

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = read(response);
    assertThat(body.get("id").asText()).startsWith("vrf_");
    assertThat(body.get("charge_id").asText()).isEqualTo(chargeId);
    assertThat(body.get("amount").asLong()).isEqualTo(500);
    assertThat(body.get("status").asText()).isEqualTo("succeeded");

    RecordedRequest refund = lastBankRequest();
    assertThat(refund.getPath()).isEqualTo("/v1/authorizations/auth_5/refunds");
    assertThat(Json.mapper().readTree(refund.getBody().readUtf8()).get("amount").asLong()).isEqualTo(500);
    Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("select * from refunds").mapToMap().one());
    assertThat(row).containsEntry("charge_id", chargeId).containsEntry("amount", 500L).containsEntry("bank_refund_id", "rf_1");
  }

  @Test
  void aRefundTheBankRefusesWith409PassesTheBanksCodeOnAndStoresNothing() throws Exception {
    String chargeId = charge("auth_6");
    bank.enqueue(json(409, "{\"code\":\"refund_exceeds_capture\",\"message\":\"too much\"}"));
    bank.enqueue(json(409, "{\"code\":\"not_refundable\",\"message\":\"declined\"}"));

    HttpResponse<String> tooMuch = post("/v1/charges/" + chargeId + "/refunds", "{\"amount\":99999}", Map.of());
    HttpResponse<String> notRefundable = post("/v1/charges/" + chargeId + "/refunds", "{\"amount\":1}", Map.of());

    assertThat(tooMuch.statusCode()).isEqualTo(409);
    assertThat(read(tooMuch).get("code").asText()).isEqualTo("refund_exceeds_capture");
    assertThat(notRefundable.statusCode()).isEqualTo(409);
    assertThat(read(notRefundable).get("code").asText()).isEqualTo("not_refundable");
    assertThat(count("refunds")).isZero();
  }

  @Test
  void aRefundOfAnUnknownChargeIsNotFoundAndTheBankIsNotCalled() throws Exception {
    HttpResponse<String> response = post("/v1/charges/ch_unknown/refunds", "{\"amount\":500}", Map.of());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(read(response).get("code").asText()).isEqualTo("charge_not_found");
    assertThat(bank.getRequestCount()).isZero();
  }

  @Test
  void aRefundWithoutAnAmountIsAMissingField() throws Exception {
    String chargeId = charge("auth_7");

    HttpResponse<String> response = post("/v1/charges/" + chargeId + "/refunds", "{}", Map.of());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("code").asText()).isEqualTo("missing_field");
    assertThat(bank.getRequestCount()).isEqualTo(2);
  }

  // --- helpers --------------------------------------------------------------------------

  private String tokenize(String number) throws Exception {
    bank.enqueue(json(200, "{\"csc_result\":\"pass\"}"));
    HttpResponse<String> response = post("/v1/cards", card(number, "123"), Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response).get("token").asText();
  }

  /** A tokenized card charged 1500 EUR, approved as {@code authorizationId}; two bank calls. */
  private String charge(String authorizationId) throws Exception {
    String token = tokenize(PAN);
    bank.enqueue(json(201, authorization(authorizationId, "approved", null, 1500)));
    HttpResponse<String> response = post("/v1/cards/" + token + "/charges", "{\"amount\":1500,\"currency\":\"EUR\"}", Map.of("Idempotency-Key", "key-" + authorizationId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response).get("id").asText();
  }

  private void assertRefused(String body, String code, String field) throws Exception {
    HttpResponse<String> response = post("/v1/cards", body, Map.of());

    assertThat(response.statusCode()).as(body).isEqualTo(400);
    JsonNode error = read(response);
    assertThat(error.get("code").asText()).as(body).isEqualTo(code);
    assertThat(error.at("/details/field").asText()).as(body).isEqualTo(field);
    assertThat(response.body()).doesNotContain(PAN);
  }

  private RecordedRequest lastBankRequest() throws InterruptedException {
    RecordedRequest last = null;
    for (int i = 0; i < bank.getRequestCount(); i++) {
      RecordedRequest next = bank.takeRequest(5, TimeUnit.SECONDS);
      last = next == null ? last : next;
    }
    return last;
  }

  private static String card(String number, String csc) {
    return "{\"number\":\"" + number + "\",\"expiry_month\":12,\"expiry_year\":2030,\"csc\":\"" + csc + "\",\"holder_name\":\"Ada Lovelace\"}";
  }

  private static String authorization(String id, String status, String declineCode, long amount) {
    String code = declineCode == null ? "null" : "\"" + declineCode + "\"";
    boolean approved = status.equals("approved");
    return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"decline_code\":" + code + ",\"amount\":" + amount
        + ",\"currency\":\"EUR\",\"captured\":" + approved + ",\"refunded_amount\":0}";
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode read(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  private long count(String table) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // --- log capture ----------------------------------------------------------------------

  @FunctionalInterface
  private interface Action<T> {
    T run() throws Exception;
  }

  private static List<String> captureLogs(Action<?> action) throws Exception {
    List<String> lines = new ArrayList<>();
    captureLogsInto(lines, action);
    return lines;
  }

  /**
   * Runs {@code action} with every log event (at DEBUG and above, whatever the configured
   * level) rendered into {@code lines}: message, arguments, MDC and any exception chain.
   */
  private static <T> T captureLogsInto(List<String> lines, Action<T> action) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    try {
      return action.run();
    } finally {
      root.setLevel(level);
      root.detachAppender(appender);
      for (ILoggingEvent event : List.copyOf(appender.list)) {
        lines.add(render(event));
      }
    }
  }

  private static String render(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        line.append(' ').append(argument);
      }
    }
    line.append(' ').append(event.getMDCPropertyMap());
    for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
      line.append(' ').append(error.getClassName()).append(": ").append(error.getMessage());
    }
    return line.toString();
  }
}
