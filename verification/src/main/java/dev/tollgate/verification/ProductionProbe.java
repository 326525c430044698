package dev.tollgate.verification;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the target which release it runs: {@code GET TARGET_URL/health} answers
 * {@code {"service", "version", "status"}} (every Tollgate service's health endpoint). Through
 * HAProxy that is the version of whichever instance answered.
 */
final class ProductionProbe {
  private static final Logger LOG = LoggerFactory.getLogger(ProductionProbe.class);
  private final HttpClient http;
  private final URI health;
  private final Duration timeout;

  ProductionProbe(HttpClient http, URI targetUrl, Duration timeout) {
    this.http = http;
    String url = targetUrl.toString();
    this.health = URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/health");
    this.timeout = timeout;
  }

  /** The reported version, or empty (logged) when the target does not answer with one. */
  Optional<String> version() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode version = Json.mapper().readTree(response.body()).path("version");
      if (version.isTextual()) {
        return Optional.of(version.asText());
      }
      LOG.warn("target health has no version {} {}", kv("url", health.toString()), kv("status", response.statusCode()));
    } catch (IOException e) {
      LOG.warn("target health did not answer {} {}", kv("url", health.toString()), kv("error", e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }
}
