package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One suite of a run, on the wire {@code {name, status, duration_ms, depends_on,
 * failure_message?, skip_reason?, tests: [...]}}.
 *
 * @param name its {@link VerificationSuite} name
 * @param status {@code failed} when a test or the suite's own setup failed, {@code skipped}
 *     when it did not run (a dependency failed or was skipped), else {@code passed}
 * @param durationMs wall time in milliseconds; 0 when skipped
 * @param dependsOn the suites it depends on ({@link DependsOnSuites})
 * @param failureMessage a failure of the suite itself (not of one test), or null
 * @param skipReason why it was skipped, naming the dependency, or null
 * @param tests its tests in the order they ran; a skipped suite lists them as skipped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuiteResult(String name, String status, long durationMs, List<String> dependsOn, String failureMessage, String skipReason, List<TestResult> tests) {
  /** Whether the suite failed. */
  public boolean failed() {
    return TestResult.FAILED.equals(status);
  }
}
