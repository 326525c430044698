package dev.tollgate.probe.results;

import dev.tollgate.probe.load.Attempt;
import dev.tollgate.probe.load.Phase;
import dev.tollgate.probe.load.RequestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run found: what {@link TextReport} prints and {@link JsonReport} writes.
 *
 * @param runId the run's id (its marketplace is {@code rollout-probe-<runId>})
 * @param target the base URL probed
 * @param rate the offered rate, requests per second
 * @param startedAt when the load started (wall clock, UTC)
 * @param durationSeconds how long requests were sent for
 * @param passed true when nothing failed and nothing was lost (see {@link #of})
 * @param summary the totals
 * @param failures the first failed requests, in schedule order
 * @param series per-second counts and latencies, by second then phase
 */
public record Report(String runId, String target, int rate, Instant startedAt, double durationSeconds, boolean passed, Summary summary, List<FailureExample> failures,
    List<SecondStats> series) {
  /** How many failed requests the report lists at most. */
  public static final int MAX_FAILURE_EXAMPLES = 20;
  /** The instance name counted for answers without {@code X-Served-By}. */
  public static final String UNKNOWN_INSTANCE = "unknown";

  /** A copy with unmodifiable lists. */
  public Report {
    failures = List.copyOf(failures);
    series = List.copyOf(series);
  }

  /**
   * The report of {@code records} (one per request of the schedule). It passes when no request
   * failed and the lost check found nothing missing and did not itself fail; a run without a
   * database (lost not checked) passes on its failures alone.
   */
  public static Report of(String runId, String target, int rate, Instant startedAt, double durationSeconds, List<RequestRecord> records, LostCheck lost) {
    Stats total = Stats.of(records);
    Map<Phase, List<RequestRecord>> byPhase = new EnumMap<>(Phase.class);
    Map<Long, Map<Phase, List<RequestRecord>>> bySecond = new TreeMap<>();
    Map<String, Long> instances = new TreeMap<>();
    Map<String, Long> kinds = new TreeMap<>();
    List<FailureExample> failures = new ArrayList<>();
    for (RequestRecord record : records) {
      kinds.merge(record.kind().label(), 1L, Long::sum);
      byPhase.computeIfAbsent(record.phase(), p -> new ArrayList<>()).add(record);
      bySecond.computeIfAbsent(record.dueNanos() / 1_000_000_000L, s -> new EnumMap<>(Phase.class)).computeIfAbsent(record.phase(), p -> new ArrayList<>()).add(record);
      for (Attempt attempt : record.attempts()) {
        if (attempt.status() != 0) {
          instances.merge(attempt.instance() == null ? UNKNOWN_INSTANCE : attempt.instance(), 1L, Long::sum);
        }
      }
      if (!record.ok() && failures.size() < MAX_FAILURE_EXAMPLES) {
        failures.add(example(record));
      }
    }
    List<PhaseStats> phases = new ArrayList<>();
    byPhase.forEach((phase, list) -> phases.add(PhaseStats.of(phase.wireName(), Stats.of(list))));
    List<SecondStats> series = new ArrayList<>();
    bySecond.forEach((second, perPhase) -> perPhase.forEach((phase, list) -> {
      Stats stats = Stats.of(list);
      series.add(new SecondStats(second, phase.wireName(), stats.requests(), stats.ok(), stats.failed(), stats.p50Ms(), stats.p99Ms()));
    }));
    long retried = records.stream().filter(RequestRecord::retried).count();
    long notSent = records.stream().filter(r -> !r.sent()).count();
    Summary summary = new Summary(total.requests(), total.failed(), retried, notSent, total.p50Ms(), total.p99Ms(), phases, lost, instances, kinds);
    return new Report(runId, target, rate, startedAt, durationSeconds, total.failed() == 0 && lost.passed(), summary, failures, series);
  }

  private static FailureExample example(RequestRecord record) {
    List<Attempt> attempts = record.attempts();
    String instance = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).instance();
    return new FailureExample(record.index(), record.dueNanos() / 1e9, record.phase().wireName(), record.kind().label(), record.finalStatus(), attempts.size(), instance,
        record.error());
  }
}
