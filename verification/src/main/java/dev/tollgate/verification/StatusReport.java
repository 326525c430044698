package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /status}.
 *
 * @param status {@code passed}, {@code failed}, {@code stale} or {@code no run yet}
 * @param reason a sentence saying why, naming the failed tests
 * @param checkedAt when the status was computed
 * @param targetUrl the payments API verified
 * @param intervalSeconds time between scheduled runs
 * @param staleAfter when the status turns {@code stale} unless another run completes
 * @param running whether a run is in progress now
 * @param runnerStartedAt when the runner started
 * @param consecutiveFailures how many runs in a row failed, up to the last one
 * @param productionVersion the version the target reported in the last run, or null
 * @param failedTests the last run's failed tests as {@code <suite>.<test>}
 * @param lastRun the last completed run, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusReport(
    String status,
    String reason,
    Instant checkedAt,
    String targetUrl,
    long intervalSeconds,
    Instant staleAfter,
    boolean running,
    Instant runnerStartedAt,
    int consecutiveFailures,
    String productionVersion,
    List<String> failedTests,
    RunReport lastRun) {}
