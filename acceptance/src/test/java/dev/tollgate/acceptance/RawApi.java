package dev.tollgate.acceptance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP to the payments API, for what the typed client cannot express on purpose (a body
 * without a required field, a body that is not JSON, HTTP Basic, the internal test-data
 * endpoint) or hides (the exact text of an answer).
 */
final class RawApi {
  /** A status, the body's text, and the body as JSON ({@link MissingNode} when it is not JSON). */
  record Answer(int status, String text, JsonNode json) {
    String code() {
      return json.path("code").asText();
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final URI baseUrl;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private RawApi(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Calls authenticated with {@code Authorization: Bearer <apiKey>}. */
  static RawApi bearer(URI baseUrl, String apiKey) {
    return new RawApi(baseUrl).header("Authorization", "Bearer " + apiKey);
  }

  /** Calls authenticated with HTTP Basic, the key as user name and an empty password. */
  static RawApi basic(URI baseUrl, String apiKey) {
    String credentials = Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    return new RawApi(baseUrl).header("Authorization", "Basic " + credentials);
  }

  /** Calls with no credentials but {@code name: value}. */
  static RawApi withHeader(URI baseUrl, String name, String value) {
    return new RawApi(baseUrl).header(name, value);
  }

  private RawApi header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, String body) {
    return send("POST", path, body);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  private Answer send(String method, String path, String body) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), json(response.body()));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " got no answer from " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonNode json(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
