package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertPayloadTest {
  private static final java.time.Instant END = Reports.START.plusSeconds(30);

  @Test
  void aFailedRunsAlertNamesEachFailedTestWithItsMessageAndEachSkippedSuiteWithItsReason() {
    AlertPayload alert = AlertPayload.of(Reports.failed(END), 3, 2).orElseThrow();

    assertThat(alert.event()).isEqualTo("verification_failed");
    assertThat(alert.consecutiveFailures()).isEqualTo(3);
    assertThat(alert.failedTests()).containsExactly(new AlertPayload.FailedTest("cards", "tokenizes", "ServerException[502 upstream_error]: the vault failed"));
    assertThat(alert.skippedSuites()).containsExactly(new AlertPayload.SkippedSuite("debits", "depends on suite 'cards', which failed"));
    assertThat(alert.problems()).isEmpty();
  }

  @Test
  void theAlertIsSnakeCaseJsonWithTheRunAndTarget() throws Exception {
    JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(AlertPayload.of(Reports.failed(END), 1, 0).orElseThrow()));

    assertThat(json.path("event").asText()).isEqualTo("verification_failed");
    assertThat(json.path("service").asText()).isEqualTo("verification");
    assertThat(json.path("run_id").asText()).isEqualTo("20261121T050000Z-abc123");
    assertThat(json.path("target_url").asText()).isEqualTo("http://127.0.0.1:8080");
    assertThat(json.path("production_version").asText()).isEqualTo("20261121.051724-4a81b31");
    assertThat(json.path("failed_tests").get(0).path("test").asText()).isEqualTo("tokenizes");
    assertThat(json.path("skipped_suites").get(0).path("reason").asText()).isEqualTo("depends on suite 'cards', which failed");
  }

  @Test
  void aCleanupFailureIsAProblemOfTheAlert() {
    AlertPayload alert = AlertPayload.of(Reports.failedCleanup(END), 1, 0).orElseThrow();

    assertThat(alert.failedTests()).isEmpty();
    assertThat(alert.problems()).containsExactly("cleanup failed: 401");
  }

  @Test
  void aPassingRunAfterFailuresSendsARecovery() {
    Optional<AlertPayload> alert = AlertPayload.of(Reports.passed(END), 0, 4);

    assertThat(alert).hasValueSatisfying(a -> {
      assertThat(a.event()).isEqualTo("verification_recovered");
      assertThat(a.failedTests()).isEmpty();
    });
  }

  @Test
  void aPassingRunAfterAPassingRunSendsNothing() {
    assertThat(AlertPayload.of(Reports.passed(END), 0, 0)).isEmpty();
  }
}
