package dev.tollgate.verification;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Sends {@link AlertPayload}s to the alert webhook, when one is configured: one POST with a
 * JSON body, a 10-second bound, no retry. A webhook that fails or answers non-2xx is logged and
 * never fails the run.
 */
final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Optional<URI> webhook;
  private final HttpClient http;

  Alerts(Optional<URI> webhook) {
    this.webhook = webhook;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  }

  /**
   * Alerts about a finished run when there is something to say.
   *
   * @return whether the webhook accepted an alert (2xx)
   */
  boolean runFinished(RunReport run, int consecutiveFailures, int failuresBefore) {
    Optional<AlertPayload> payload = AlertPayload.of(run, consecutiveFailures, failuresBefore);
    if (payload.isEmpty() || webhook.isEmpty()) {
      return false;
    }
    return post(webhook.get(), payload.get());
  }

  private boolean post(URI url, AlertPayload payload) {
    try {
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(payload), StandardCharsets.UTF_8))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        LOG.info("alert sent {} {} {}", kv("event", payload.event()), kv("run_id", payload.runId()), kv("status", response.statusCode()));
        return true;
      }
      LOG.warn("alert webhook refused the alert {} {} {}", kv("event", payload.event()), kv("run_id", payload.runId()), kv("status", response.statusCode()));
    } catch (JsonProcessingException e) {
      LOG.error("alert could not be written as JSON {}", kv("run_id", payload.runId()), e);
    } catch (IOException e) {
      LOG.warn("alert webhook did not answer {} {} {}", kv("event", payload.event()), kv("run_id", payload.runId()), kv("error", e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
