package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON body POSTed to {@code ALERT_WEBHOOK_URL}: after every failed run
 * ({@code event: "verification_failed"}), and after the first passing run that follows failures
 * ({@code "verification_recovered"}).
 *
 * @param event {@code verification_failed} or {@code verification_recovered}
 * @param service always {@code verification}
 * @param runId the run
 * @param targetUrl the payments API verified
 * @param productionVersion the version the target reported, or null
 * @param startedAt the run's start
 * @param endedAt the run's end
 * @param consecutiveFailures runs failed in a row, this one included (0 when recovered)
 * @param failedTests every failed test: suite, test, failure message
 * @param skippedSuites every skipped suite and why
 * @param problems failures outside the tests (sweep, cleanup, the run itself)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPayload(
    String event,
    String service,
    String runId,
    String targetUrl,
    String productionVersion,
    Instant startedAt,
    Instant endedAt,
    int consecutiveFailures,
    List<FailedTest> failedTests,
    List<SkippedSuite> skippedSuites,
    List<String> problems) {

  /** A failed test; {@code test} is null when the suite failed as a whole. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FailedTest(String suite, String test, String message) {}

  /** A suite that did not run, and why. */
  public record SkippedSuite(String suite, String reason) {}

  /**
   * The alert for a finished run, or empty when there is nothing to say (a passing run after a
   * passing run).
   *
   * @param consecutiveFailures failures in a row including {@code run}
   * @param failuresBefore failures in a row before {@code run}
   */
  static Optional<AlertPayload> of(RunReport run, int consecutiveFailures, int failuresBefore) {
    if (run.passed()) {
      return failuresBefore == 0
          ? Optional.empty()
          : Optional.of(new AlertPayload("verification_recovered", "verification", run.runId(), run.targetUrl(), run.productionVersion(),
              run.startedAt(), run.endedAt(), 0, List.of(), List.of(), List.of()));
    }
    List<FailedTest> failed = new ArrayList<>();
    List<SkippedSuite> skipped = new ArrayList<>();
    for (SuiteResult suite : run.suites()) {
      if (suite.failureMessage() != null) {
        failed.add(new FailedTest(suite.name(), null, suite.failureMessage()));
      }
      suite.tests().stream().filter(t -> TestResult.FAILED.equals(t.status())).forEach(t -> failed.add(new FailedTest(suite.name(), t.name(), t.failureMessage())));
      if (suite.skipReason() != null) {
        skipped.add(new SkippedSuite(suite.name(), suite.skipReason()));
      }
    }
    List<String> problems = new ArrayList<>();
    for (Housekeeping step : List.of(run.sweep(), run.cleanup())) {
      if (!step.ok()) {
        problems.add(step.error());
      }
    }
    if (run.error() != null) {
      problems.add(run.error());
    }
    return Optional.of(new AlertPayload("verification_failed", "verification", run.runId(), run.targetUrl(), run.productionVersion(),
        run.startedAt(), run.endedAt(), consecutiveFailures, failed, skipped, problems));
  }
}
