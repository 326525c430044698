package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One test of a run, on the wire {@code {name, status, duration_ms, failure_message?, skip_reason?}}.
 *
 * @param name the test method's name, e.g. {@code tokenizesAFreshApprovedCard}
 * @param status {@code passed}, {@code failed} or {@code skipped}
 * @param durationMs wall time in milliseconds; 0 when skipped
 * @param failureMessage why it failed (card-number-like digit runs redacted), or null
 * @param skipReason why it did not run, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(String name, String status, long durationMs, String failureMessage, String skipReason) {
  /** Status of a test or suite that passed. */
  public static final String PASSED = "passed";
  /** Status of a test or suite that failed. */
  public static final String FAILED = "failed";
  /** Status of a test or suite that did not run. */
  public static final String SKIPPED = "skipped";

  static TestResult passed(String name, long durationMs) {
    return new TestResult(name, PASSED, durationMs, null, null);
  }

  static TestResult failed(String name, long durationMs, String message) {
    return new TestResult(name, FAILED, durationMs, message, null);
  }

  static TestResult skipped(String name, String reason) {
    return new TestResult(name, SKIPPED, 0, null, reason);
  }
}
