package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One verification run, as {@code GET /status} ({@code last_run}) and {@code GET /runs} show it.
 *
 * @param runId e.g. {@code 20261121T051724Z-3fa9c1}
 * @param status {@code passed} when every suite passed, the sweep and the cleanup succeeded
 *     and the run itself did not fail; else {@code failed}
 * @param startedAt when the run started (the runner's clock)
 * @param endedAt when it ended, cleanup included
 * @param durationMs {@code endedAt - startedAt} in milliseconds
 * @param targetUrl the payments API verified ({@code TARGET_URL})
 * @param productionVersion the {@code version} of {@code GET TARGET_URL/health} at the start
 *     of the run, or null when it did not answer
 * @param tenant the name of the run's test marketplace, {@code sysverify-<run id>}
 * @param suites every suite, in the order they ran
 * @param sweep the removal of test data older than the TTL, before the suites
 * @param cleanup the removal of the run's own marketplaces, after the suites
 * @param error a failure of the run itself (no suites found, the Launcher failed), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(
    String runId,
    String status,
    Instant startedAt,
    Instant endedAt,
    long durationMs,
    String targetUrl,
    String productionVersion,
    String tenant,
    List<SuiteResult> suites,
    Housekeeping sweep,
    Housekeeping cleanup,
    String error) {

  /** The status of a run from its parts. */
  static String statusOf(List<SuiteResult> suites, Housekeeping sweep, Housekeeping cleanup, String error) {
    boolean passed = error == null && sweep.ok() && cleanup.ok() && suites.stream().noneMatch(SuiteResult::failed);
    return passed ? TestResult.PASSED : TestResult.FAILED;
  }

  /** Whether the run passed. */
  public boolean passed() {
    return TestResult.PASSED.equals(status);
  }

  /** The failed tests as {@code <suite>.<test>}, in run order; a suite that failed as a whole is {@code <suite>}. */
  public List<String> failedTests() {
    return suites.stream().flatMap(suite -> {
      Stream<String> tests = suite.tests().stream().filter(t -> TestResult.FAILED.equals(t.status())).map(t -> suite.name() + "." + t.name());
      return suite.failureMessage() != null ? Stream.concat(Stream.of(suite.name()), tests) : tests;
    }).toList();
  }

  /** How many tests had {@code status}. */
  public long count(String status) {
    return suites.stream().flatMap(s -> s.tests().stream()).filter(t -> status.equals(t.status())).count();
  }
}
