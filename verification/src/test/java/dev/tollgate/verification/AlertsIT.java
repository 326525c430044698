package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsIT {
  private static final java.time.Instant END = Reports.START.plusSeconds(30);
  private MockWebServer webhook;

  @BeforeEach
  void start() throws Exception {
    webhook = new MockWebServer();
    webhook.start();
  }

  @AfterEach
  void stop() throws Exception {
    webhook.shutdown();
  }

  private Alerts alerts() {
    return new Alerts(Optional.of(URI.create(webhook.url("/hooks/verification").toString())));
  }

  @Test
  void aFailedRunIsPostedAsJsonNamingTheFailedTests() throws Exception {
    webhook.enqueue(new MockResponse().setResponseCode(204));

    boolean sent = alerts().runFinished(Reports.failed(END), 2, 1);

    RecordedRequest request = webhook.takeRequest(10, TimeUnit.SECONDS);
    JsonNode body = Json.mapper().readTree(request.getBody().readUtf8());
    assertThat(sent).isTrue();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/hooks/verification");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body.path("event").asText()).isEqualTo("verification_failed");
    assertThat(body.path("consecutive_failures").asInt()).isEqualTo(2);
    assertThat(body.path("failed_tests").get(0).path("suite").asText()).isEqualTo("cards");
    assertThat(body.path("failed_tests").get(0).path("test").asText()).isEqualTo("tokenizes");
    assertThat(body.path("failed_tests").get(0).path("message").asText()).contains("502 upstream_error");
  }

  @Test
  void aWebhookThatFailsIsReportedAsNotSentWithoutThrowing() {
    webhook.enqueue(new MockResponse().setResponseCode(500));

    assertThat(alerts().runFinished(Reports.failed(END), 1, 0)).isFalse();
    assertThat(webhook.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPassingRunAfterAPassingRunPostsNothing() {
    assertThat(alerts().runFinished(Reports.passed(END), 0, 0)).isFalse();
    assertThat(webhook.getRequestCount()).isZero();
  }

  @Test
  void theMonitorAlertsAfterAFailedRunAndAgainWhenItRecovers() throws Exception {
    webhook.enqueue(new MockResponse().setResponseCode(200));
    webhook.enqueue(new MockResponse().setResponseCode(200));
    MutableClock clock = new MutableClock(Reports.START);
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    try (Monitor monitor = new Monitor(Duration.ofMinutes(5), 50,
        () -> runs.incrementAndGet() == 1 ? Reports.failed(clock.instant()) : Reports.passed(clock.instant()), alerts(), clock, "http://127.0.0.1:8080")) {
      monitor.trigger().get(30, TimeUnit.SECONDS);
      monitor.trigger().get(30, TimeUnit.SECONDS);
    }

    JsonNode failed = Json.mapper().readTree(webhook.takeRequest(10, TimeUnit.SECONDS).getBody().readUtf8());
    JsonNode recovered = Json.mapper().readTree(webhook.takeRequest(10, TimeUnit.SECONDS).getBody().readUtf8());
    assertThat(failed.path("event").asText()).isEqualTo("verification_failed");
    assertThat(failed.path("consecutive_failures").asInt()).isEqualTo(1);
    assertThat(recovered.path("event").asText()).isEqualTo("verification_recovered");
  }
}
