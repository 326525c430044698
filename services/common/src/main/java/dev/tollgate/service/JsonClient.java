package dev.tollgate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JSON-over-HTTP client for calls between services (payments to fraud and vault, vault to
 * the bank), with the {@link Json} convention and bounded time.
 *
 * <p>A 2xx answer is parsed into the requested type. Anything else raises a {@link Failure}
 * (an {@link ApiError} with status 502, or 504 on a timeout) that carries the upstream
 * status and {@code code}, so the caller can translate the cases it understands and let the
 * rest surface as upstream errors.
 */
public final class JsonClient {
  private final String service;
  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param service the upstream's name, used in error messages ("fraud", "bank")
   * @param baseUrl e.g. {@code http://127.0.0.1:8180}; paths are appended to it
   * @param timeout bound on each whole request, connect included
   */
  public JsonClient(String service, URI baseUrl, Duration timeout) {
    this.service = service;
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** POSTs {@code body} as JSON to {@code path} with extra {@code headers}; parses the 2xx body as {@code type}. */
  public <T> T post(String path, Object body, Map<String, String> headers, Class<T> type) {
    try {
      return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write request body for " + service, e);
    }
  }

  /** GETs {@code path}; parses the 2xx body as {@code type}. */
  public <T> T get(String path, Class<T> type) {
    return send(request(path, Map.of()).GET(), type);
  }

  private HttpRequest.Builder request(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("Content-Type", "application/json").header("Accept", "application/json");
    headers.forEach(builder::header);
    return builder;
  }

  private <T> T send(HttpRequest.Builder request, Class<T> type) {
    HttpResponse<String> response;
    // The request's own timeout covers only the response headers; waiting on the future
    // bounds the whole exchange, body included.
    CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpConnectTimeoutException) {
        throw new Failure(service, 502, 0, "connect_timeout", "could not connect within " + timeout.toMillis() + " ms");
      }
      if (e.getCause() instanceof HttpTimeoutException) {
        throw timedOut();
      }
      throw new Failure(service, 502, 0, "unreachable", "unreachable: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(service, 502, 0, "interrupted", "interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      String code = upstreamCode(response.body());
      throw new Failure(service, 502, response.statusCode(), code, "answered HTTP " + response.statusCode() + " (" + code + ")");
    }
    try {
      return Json.mapper().readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new Failure(service, 502, response.statusCode(), "malformed_response", "answered a body that is not a " + type.getSimpleName());
    }
  }

  private Failure timedOut() {
    return new Failure(service, 504, 0, "timeout", "no answer within " + timeout.toMillis() + " ms");
  }

  private static String upstreamCode(String body) {
    try {
      JsonNode code = Json.mapper().readTree(body).path("code");
      return code.isTextual() ? code.asText() : "unknown";
    } catch (JsonProcessingException e) {
      return "unknown";
    }
  }

  /**
   * A call that did not return 2xx. {@link #upstreamStatus()} is 0 when no HTTP answer came
   * (timeout, refused connection); {@link #upstreamCode()} is the upstream's {@code code}.
   */
  public static final class Failure extends ApiError {
    private final int upstreamStatus;
    private final String upstreamCode;

    Failure(String service, int status, int upstreamStatus, String upstreamCode, String message) {
      super(status, status == 504 ? "upstream_timeout" : "upstream_error", service + " " + message, Map.of("service", service));
      this.upstreamStatus = upstreamStatus;
      this.upstreamCode = upstreamCode;
    }

    public int upstreamStatus() {
      return upstreamStatus;
    }

    public String upstreamCode() {
      return upstreamCode;
    }
  }
}
