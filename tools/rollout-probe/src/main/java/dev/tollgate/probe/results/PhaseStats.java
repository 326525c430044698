package dev.tollgate.probe.results;

/**
 * The {@link Stats} of one phase.
 *
 * @param phase {@code before}, {@code during}, {@code after} or {@code steady}
 * @param requests how many requests were first sent (or due) in it
 * @param failed how many of them failed
 * @param p50Ms median latency in milliseconds, null when none was sent
 * @param p99Ms the 99th percentile, likewise
 */
public record PhaseStats(String phase, long requests, long failed, Double p50Ms, Double p99Ms) {
  static PhaseStats of(String phase, Stats stats) {
    return new PhaseStats(phase, stats.requests(), stats.failed(), stats.p50Ms(), stats.p99Ms());
  }
}
