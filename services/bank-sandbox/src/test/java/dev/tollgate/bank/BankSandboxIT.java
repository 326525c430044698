package dev.tollgate.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bank sandbox over HTTP on a random port, as the vault and the acceptance suites call it.
 * One service for the class: every test uses its own Idempotency-Keys, so they share the bank.
 */
class BankSandboxIT {
  private static final HttpClient client = HttpClient.newHttpClient();
  private static HttpService service;

  @BeforeAll
  static void start() {
    service = HttpService.create(Main.NAME, "test", Duration.ofSeconds(5), app -> Main.routing(app, new Bank(Duration.ofMillis(10))))
        .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    service.drainAndStop();
  }

  @Test
  void anApprovedCardIsAuthorizedAndCapturedByDefault() throws Exception {
    HttpResponse<String> response = authorize(newKey(), "4242424242424242", 2500);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.get("id").asText()).startsWith("auth_");
    assertThat(body.get("status").asText()).isEqualTo("approved");
    assertThat(body.get("decline_code").isNull()).isTrue();
    assertThat(body.get("amount").asLong()).isEqualTo(2500);
    assertThat(body.get("currency").asText()).isEqualTo("EUR");
    assertThat(body.get("captured").asBoolean()).isTrue();
    assertThat(body.get("refunded_amount").asLong()).isZero();
    assertThat(json(get("/v1/authorizations/" + body.get("id").asText()))).isEqualTo(body);
  }

  @Test
  void theDeclinedCardIsDeclinedWithCardDeclined() throws Exception {
    JsonNode body = json(authorize(newKey(), "4000000000000002", 2500));

    assertThat(body.get("status").asText()).isEqualTo("declined");
    assertThat(body.get("decline_code").asText()).isEqualTo("card_declined");
    assertThat(body.get("captured").asBoolean()).isFalse();
  }

  @Test
  void theInsufficientFundsCardIsDeclinedWithInsufficientFunds() throws Exception {
    HttpResponse<String> response = authorize(newKey(), "4000000000009995", 2500);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response).get("decline_code").asText()).isEqualTo("insufficient_funds");
  }

  @Test
  void theCscMismatchCardFailsVerificationAndOthersPass() throws Exception {
    HttpResponse<String> mismatch = post("/v1/verifications", null, verification("4000000000000127", "\"123\""));
    HttpResponse<String> match = post("/v1/verifications", null, verification("4242424242424242", "\"123\""));
    HttpResponse<String> noCsc = post("/v1/verifications", null, verification("4242424242424242", "null"));

    assertThat(mismatch.statusCode()).isEqualTo(200);
    assertThat(json(mismatch).get("csc_result").asText()).isEqualTo("fail");
    assertThat(json(match).get("csc_result").asText()).isEqualTo("pass");
    assertThat(json(noCsc).get("csc_result").asText()).isEqualTo("unavailable");
  }

  @Test
  void theSlowCardIsApproved() throws Exception {
    JsonNode body = json(authorize(newKey(), "4000000000000077", 2500));

    assertThat(body.get("status").asText()).isEqualTo("approved");
  }

  @Test
  void anIdempotentRetryReturnsTheSameAuthorization() throws Exception {
    String key = newKey();
    HttpResponse<String> first = authorize(key, "4242424242424242", 1200);
    HttpResponse<String> retry = authorize(key, "4242424242424242", 1200);

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
    assertThat(json(authorize(newKey(), "4242424242424242", 1200)).get("id")).isNotEqualTo(json(first).get("id"));
  }

  @Test
  void partialAndFullRefundsSucceedThenAnOverRefundIs409() throws Exception {
    String id = json(authorize(newKey(), "5555555555554444", 5000)).get("id").asText();

    HttpResponse<String> partial = post("/v1/authorizations/" + id + "/refunds", null, "{\"amount\": 2000}");
    HttpResponse<String> full = post("/v1/authorizations/" + id + "/refunds", null, "{\"amount\": 3000}");
    HttpResponse<String> over = post("/v1/authorizations/" + id + "/refunds", null, "{\"amount\": 1}");

    assertThat(partial.statusCode()).isEqualTo(201);
    assertThat(json(partial).get("id").asText()).startsWith("rf_");
    assertThat(json(partial).get("authorization_id").asText()).isEqualTo(id);
    assertThat(json(partial).get("amount").asLong()).isEqualTo(2000);
    assertThat(json(partial).get("status").asText()).isEqualTo("succeeded");
    assertThat(full.statusCode()).isEqualTo(201);
    assertThat(over.statusCode()).isEqualTo(409);
    assertThat(json(over).get("code").asText()).isEqualTo("refund_exceeds_capture");
    assertThat(json(get("/v1/authorizations/" + id)).get("refunded_amount").asLong()).isEqualTo(5000);
  }

  @Test
  void aDeclinedAuthorizationIsNotRefundable() throws Exception {
    String id = json(authorize(newKey(), "4000000000000002", 5000)).get("id").asText();

    HttpResponse<String> refund = post("/v1/authorizations/" + id + "/refunds", null, "{\"amount\": 100}");

    assertThat(refund.statusCode()).isEqualTo(409);
    assertThat(json(refund).get("code").asText()).isEqualTo("not_refundable");
  }

  @Test
  void aLaterCaptureMakesAnUncapturedAuthorizationRefundable() throws Exception {
    HttpResponse<String> created = post("/v1/authorizations", newKey(),
        "{\"card_number\": \"4242424242424242\", \"expiry_month\": 1, \"expiry_year\": 2031, \"amount\": 900, \"currency\": \"USD\", \"capture\": false}");
    String id = json(created).get("id").asText();
    assertThat(json(created).get("captured").asBoolean()).isFalse();

    HttpResponse<String> captured = post("/v1/authorizations/" + id + "/capture", null, "");

    assertThat(captured.statusCode()).isEqualTo(200);
    assertThat(json(captured).get("captured").asBoolean()).isTrue();
    assertThat(post("/v1/authorizations/" + id + "/refunds", null, "{\"amount\": 900}").statusCode()).isEqualTo(201);
  }

  @Test
  void anUnknownAuthorizationIs404() throws Exception {
    HttpResponse<String> get = get("/v1/authorizations/auth_unknown");
    HttpResponse<String> refund = post("/v1/authorizations/auth_unknown/refunds", null, "{\"amount\": 100}");
    HttpResponse<String> capture = post("/v1/authorizations/auth_unknown/capture", null, "");

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(json(get).get("code").asText()).isEqualTo("not_found");
    assertThat(refund.statusCode()).isEqualTo(404);
    assertThat(capture.statusCode()).isEqualTo(404);
  }

  @Test
  void anAuthorizationWithoutIdempotencyKeyIs400() throws Exception {
    HttpResponse<String> response = post("/v1/authorizations", null, authorization("4242424242424242", 100));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asText()).isEqualTo("missing_idempotency_key");
  }

  @Test
  void invalidInputIs400WithItsCodeAndFieldAndNeverEchoesTheCardNumber() throws Exception {
    HttpResponse<String> badCard = authorize(newKey(), "4242424242424241", 100);
    HttpResponse<String> badAmount = authorize(newKey(), "4242424242424242", 0);
    HttpResponse<String> fractional = post("/v1/authorizations", newKey(), authorization("4242424242424242", 100).replace("100", "1.5"));
    HttpResponse<String> nullBody = post("/v1/authorizations", newKey(), "null");

    assertThat(badCard.statusCode()).isEqualTo(400);
    assertThat(json(badCard).get("code").asText()).isEqualTo("invalid_card_number");
    assertThat(json(badCard).at("/details/field").asText()).isEqualTo("card_number");
    assertThat(badCard.body()).doesNotContain("4242424242424241");
    assertThat(json(badAmount).get("code").asText()).isEqualTo("invalid_amount");
    assertThat(fractional.statusCode()).isEqualTo(400);
    assertThat(json(fractional).get("code").asText()).isEqualTo("invalid_json");
    assertThat(nullBody.statusCode()).isEqualTo(400);
  }

  @Test
  void healthNamesTheService() throws Exception {
    HttpResponse<String> health = get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("service").asText()).isEqualTo("bank-sandbox");
  }

  private HttpResponse<String> authorize(String key, String number, long amount) throws Exception {
    return post("/v1/authorizations", key, authorization(number, amount));
  }

  private static String authorization(String number, long amount) {
    return "{\"card_number\": \"" + number + "\", \"expiry_month\": 12, \"expiry_year\": 2099, \"amount\": " + amount
        + ", \"currency\": \"EUR\", \"reference\": \"order-42\"}";
  }

  private static String verification(String number, String csc) {
    return "{\"card_number\": \"" + number + "\", \"expiry_month\": 12, \"expiry_year\": 2099, \"csc\": " + csc + "}";
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}
