package dev.tollgate.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP and JSON for the resource groups: one request, its answer parsed, or the error mapped
 * to the {@link PaymentsException} subclass of its status.
 */
final class Transport {
  static final String USER_AGENT = "tollgate-payments-java";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final HttpClient http;
  private final String baseUrl;
  private final String apiKey;
  private final Duration requestTimeout;

  Transport(HttpClient http, URI baseUrl, String apiKey, Duration requestTimeout) {
    this.http = http;
    String url = baseUrl.toString();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
  }

  Transport withApiKey(String key) {
    return new Transport(http, URI.create(baseUrl), key, requestTimeout);
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static JavaType type(Class<?> type) {
    return MAPPER.constructType(type);
  }

  static JavaType pageOf(Class<?> item) {
    return MAPPER.getTypeFactory().constructParametricType(Page.Body.class, item);
  }

  /** {@code value} as one path segment, percent-encoded. */
  static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an id must not be null or empty");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The query of a list request. */
  static String window(int limit, int offset) {
    return "?limit=" + limit + "&offset=" + offset;
  }

  <T> T get(String path, JavaType answer) {
    return send("GET", path, null, Map.of(), answer);
  }

  <T> T post(String path, Object body, Map<String, String> headers, JavaType answer) {
    return send("POST", path, body, headers, answer);
  }

  private <T> T send(String method, String path, Object body, Map<String, String> headers, JavaType answer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT);
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetworkException(method + " " + path + " got no answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(method + " " + path + " was interrupted", e);
    }
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return read(response, method, path, answer);
    }
    throw error(response.statusCode(), response.body());
  }

  private static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static <T> T read(HttpResponse<String> response, String method, String path, JavaType answer) {
    try {
      T value = MAPPER.readValue(response.body(), answer);
      if (value == null) {
        throw new JsonProcessingException("empty body") {};
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new PaymentsException(response.statusCode(), "invalid_response",
          method + " " + path + " answered " + response.statusCode() + " with a body that is not the expected JSON: " + e.getOriginalMessage(), Map.of());
    }
  }

  /** The exception for an error answer: {@code {"code","message","details"?}} or anything else. */
  static PaymentsException error(int status, String body) {
    String code = "http_" + status;
    String message = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
    Map<String, Object> details = Map.of();
    try {
      JsonNode json = MAPPER.readTree(body == null ? "" : body);
      if (json != null && json.isObject() && json.path("code").isTextual()) {
        code = json.get("code").asText();
        message = json.path("message").isTextual() ? json.get("message").asText() : code;
        if (json.path("details").isObject()) {
          details = MAPPER.convertValue(json.get("details"), MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON (e.g. a proxy's HTML error page): keep the generic code and the raw text
    }
    return PaymentsException.of(status, code, message, details);
  }

  private static String abbreviate(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }
}
