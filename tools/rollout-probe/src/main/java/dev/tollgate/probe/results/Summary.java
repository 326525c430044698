package dev.tollgate.probe.results;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a run.
 *
 * @param requests how many requests were due
 * @param failed how many did not finally get a valid answer (2xx or 402), after a debit POST's
 *     one retry; never-sent ones included
 * @param retried how many debit or card POSTs were sent twice
 * @param notSent how many were never sent, because the in-flight cap was reached or a debit
 *     found no card to charge (all failed)
 * @param p50Ms median latency in milliseconds over every sent request, null when none was sent
 * @param p99Ms the 99th percentile, likewise
 * @param phases the same per phase, in the order before, during, after, steady (phases
 *     without requests left out)
 * @param lost the database check of acknowledged debits
 * @param instances responses per {@code X-Served-By} value, by name; {@code unknown} counts
 *     answers without the header
 * @param kinds requests per kind, by its label (e.g. {@code "POST /v1/cards": 60}); kinds
 *     without requests left out
 */
public record Summary(long requests, long failed, long retried, long notSent, Double p50Ms, Double p99Ms, List<PhaseStats> phases, LostCheck lost, Map<String, Long> instances,
    Map<String, Long> kinds) {
  /** A copy with unmodifiable collections; instances and kinds sorted by name. */
  public Summary {
    phases = List.copyOf(phases);
    instances = Collections.unmodifiableMap(new TreeMap<>(instances));
    kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
  }
}
