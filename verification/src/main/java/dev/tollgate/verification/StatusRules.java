package dev.tollgate.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules of {@code GET /status}:
 * <ul>
 *   <li>no run has completed yet: 503 {@code "no run yet"} (or {@code "stale"} once the runner
 *       has been up for more than twice the interval without completing one);
 *   <li>the last run ended more than twice the interval before now: 503 {@code "stale"} (the
 *       runner is stuck or dead), whatever that run's result;
 *   <li>else the last run passed: 200 {@code "passed"}; it failed: 503 {@code "failed"}.
 * </ul>
 * Exactly twice the interval is not yet stale.
 */
final class StatusRules {
  /** {@code GET /status}'s status values. */
  static final String PASSED = "passed";
  static final String FAILED = "failed";
  static final String STALE = "stale";
  static final String NO_RUN_YET = "no run yet";

  private final Duration interval;

  StatusRules(Duration interval) {
    this.interval = interval;
  }

  /** The outcome: status text, HTTP status, and a sentence saying why. */
  record Verdict(String status, int httpStatus, String reason) {}

  /**
   * @param last the last completed run, or null
   * @param runnerStartedAt when the runner started
   * @param now the time of the request
   */
  Verdict verdict(RunReport last, Instant runnerStartedAt, Instant now) {
    Duration limit = interval.multipliedBy(2);
    if (last == null) {
      if (now.isAfter(runnerStartedAt.plus(limit))) {
        return new Verdict(STALE, 503, "no run has completed since the runner started at " + runnerStartedAt + ", more than twice the interval ("
            + limit.toSeconds() + " s) ago: the runner is stuck");
      }
      return new Verdict(NO_RUN_YET, 503, "no verification run has completed yet");
    }
    if (now.isAfter(last.endedAt().plus(limit))) {
      return new Verdict(STALE, 503, "the last run ended at " + last.endedAt() + ", more than twice the interval (" + limit.toSeconds()
          + " s) ago: the runner is stuck or dead");
    }
    if (last.passed()) {
      return new Verdict(PASSED, 200, "the last run passed: " + last.count(TestResult.PASSED) + " tests");
    }
    return new Verdict(FAILED, 503, failureSentence(last));
  }

  /** Stale after this instant (the last run's end, or the runner's start, plus twice the interval). */
  Instant staleAfter(RunReport last, Instant runnerStartedAt) {
    return (last == null ? runnerStartedAt : last.endedAt()).plus(interval.multipliedBy(2));
  }

  private static String failureSentence(RunReport run) {
    List<String> failed = run.failedTests();
    StringBuilder text = new StringBuilder("the last run failed:");
    if (!failed.isEmpty()) {
      text.append(' ').append(failed.size()).append(failed.size() == 1 ? " test failed (" : " tests failed (").append(String.join(", ", failed)).append(')');
    }
    long skipped = run.suites().stream().filter(s -> TestResult.SKIPPED.equals(s.status())).count();
    if (skipped > 0) {
      text.append(failed.isEmpty() ? " " : ", ").append(skipped).append(skipped == 1 ? " suite skipped" : " suites skipped");
    }
    for (Housekeeping step : List.of(run.sweep(), run.cleanup())) {
      if (!step.ok()) {
        text.append("; ").append(step.error());
      }
    }
    if (run.error() != null) {
      text.append("; ").append(run.error());
    }
    return text.toString();
  }
}
