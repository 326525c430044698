package dev.tollgate.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The runner's side of payments' verification-only cleanup, {@code DELETE
 * /internal/test-data} with header {@code X-Verification-Token} (payments' README): one test
 * marketplace by id, or every test marketplace created before an instant (the sweeper).
 * Payments deletes only {@code test} marketplaces and what they own.
 */
final class TestDataCleanup {
  private final HttpClient http;
  private final String baseUrl;
  private final String token;
  private final Duration timeout;

  /**
   * @param targetUrl the payments API ({@code TARGET_URL})
   * @param token payments' {@code VERIFICATION_TOKEN}; never logged or put in a message
   */
  TestDataCleanup(HttpClient http, URI targetUrl, String token, Duration timeout) {
    this.http = http;
    String url = targetUrl.toString();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.token = token;
    this.timeout = timeout;
  }

  /**
   * Deletes the test marketplace {@code marketplaceId} and everything it owns; an unknown id
   * deletes nothing.
   *
   * @throws CleanupException when payments refuses (401: wrong token; 403 {@code not_test_data}:
   *     not a test marketplace, nothing deleted) or does not answer
   */
  Deleted deleteMarketplace(String marketplaceId) {
    return delete("marketplace_id=" + encode(marketplaceId), "marketplace " + marketplaceId);
  }

  /**
   * Deletes every test marketplace created before {@code createdBefore}, and what they own.
   *
   * @throws CleanupException as {@link #deleteMarketplace}
   */
  Deleted sweep(Instant createdBefore) {
    return delete("created_before=" + encode(createdBefore.toString()), "test data created before " + createdBefore);
  }

  private Deleted delete(String query, String what) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/test-data?" + query))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("X-Verification-Token", token)
        .DELETE()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CleanupException("deleting " + what + " got no answer from " + baseUrl + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CleanupException("deleting " + what + " was interrupted");
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status == 200 && body.path("deleted").isObject()) {
      JsonNode deleted = body.get("deleted");
      return new Deleted(deleted.path("marketplaces").asInt(), deleted.path("cards").asInt(), deleted.path("debits").asInt(), deleted.path("refunds").asInt());
    }
    String code = body.path("code").asText("none");
    String message = body.path("message").asText("");
    if (status == 401) {
      throw new CleanupException("payments refused the verification token while deleting " + what
          + " (401 " + code + "): VERIFICATION_TOKEN must equal payments' VERIFICATION_TOKEN; the test data was left in place");
    }
    if (status == 403) {
      throw new CleanupException("payments refused to delete " + what + " (403 " + code + "): " + message);
    }
    throw new CleanupException("deleting " + what + " answered " + status + " (code " + code + ")" + (message.isEmpty() ? "" : ": " + message));
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = Json.mapper().readTree(body == null ? "" : body);
      return node == null ? Json.mapper().createObjectNode() : node;
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Payments refused a cleanup or did not answer; the message says which and what to fix. */
  static final class CleanupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CleanupException(String message) {
      super(message);
    }
  }
}
