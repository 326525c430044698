package dev.tollgate.probe.results;

import dev.tollgate.probe.load.RequestRecord;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Counts and latency percentiles of a group of requests.
 *
 * @param requests how many were due (sent or not)
 * @param failed how many did not finally get a valid answer (see
 *     {@link dev.tollgate.probe.load.Outcomes#ok}), never-sent ones included
 * @param p50Ms median latency in milliseconds (nearest rank, over the requests that were
 *     sent, from when each was due to its final answer); null when none was sent
 * @param p99Ms the 99th percentile, likewise
 */
public record Stats(long requests, long failed, Double p50Ms, Double p99Ms) {
  /** The stats of {@code records}. */
  public static Stats of(Collection<RequestRecord> records) {
    long failed = records.stream().filter(r -> !r.ok()).count();
    long[] latencies = records.stream().filter(RequestRecord::sent).mapToLong(RequestRecord::latencyMicros).sorted().toArray();
    return new Stats(records.size(), failed, millis(Percentiles.nearestRankOfSorted(latencies, 50)), millis(Percentiles.nearestRankOfSorted(latencies, 99)));
  }

  /** How many got a valid answer. */
  public long ok() {
    return requests - failed;
  }

  private static Double millis(OptionalLong micros) {
    return micros.isPresent() ? micros.getAsLong() / 1000.0 : null;
  }
}
