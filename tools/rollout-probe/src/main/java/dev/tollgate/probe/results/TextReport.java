package dev.tollgate.probe.results;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human summary of a {@link Report}, as printed on stdout. */
public final class TextReport {
  private static final String ROW = "%-8s %9s %8s %9s %9s%n";

  private TextReport() {}

  /**
   * Renders, e.g.:
   *
   * <pre>
   * rollout-probe run 20261121-0510-k3x9 against http://127.0.0.1:8080: 100 req/s for 60.0 s
   * phase     requests   failed    p50 ms    p99 ms
   * before        2000        0       3.1      12.0
   * during        3000        0       3.4      15.2
   * after         1000        0       3.0      11.8
   * total         6000        0       3.2      14.1
   * kinds: GET /v1/debits 1800, GET /v1/debits/{id} 1800, POST /v1/cards 600, POST /v1/debits 1800
   * retried POSTs: 0; not sent (in-flight cap, or no card to charge): 0
   * lost: 0 of 1800 acknowledged debits (checked in the payments database)
   * instances: prod-payments-1 2001, prod-payments-2 1999, prod-payments-3 2000
   * result: PASS
   * </pre>
   *
   * followed, when requests failed, by the first {@value Report#MAX_FAILURE_EXAMPLES} of them.
   */
  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "rollout-probe run %s against %s: %d req/s for %.1f s%n", report.runId(), report.target(), report.rate(), report.durationSeconds()));
    Summary summary = report.summary();
    out.append(String.format(Locale.ROOT, ROW, "phase", "requests", "failed", "p50 ms", "p99 ms"));
    for (PhaseStats phase : summary.phases()) {
      out.append(String.format(Locale.ROOT, ROW, phase.phase(), phase.requests(), phase.failed(), ms(phase.p50Ms()), ms(phase.p99Ms())));
    }
    out.append(String.format(Locale.ROOT, ROW, "total", summary.requests(), summary.failed(), ms(summary.p50Ms()), ms(summary.p99Ms())));
    out.append("kinds: ").append(summary.kinds().isEmpty() ? "none" : counts(summary.kinds())).append(System.lineSeparator());
    out.append(String.format(Locale.ROOT, "retried POSTs: %d; not sent (in-flight cap, or no card to charge): %d%n", summary.retried(), summary.notSent()));
    out.append("lost: ").append(lost(summary.lost())).append(System.lineSeparator());
    out.append("instances: ").append(summary.instances().isEmpty() ? "none answered" : counts(summary.instances())).append(System.lineSeparator());
    if (!report.failures().isEmpty()) {
      out.append(String.format(Locale.ROOT, "failed requests (first %d of %d):%n", report.failures().size(), summary.failed()));
      for (FailureExample failure : report.failures()) {
        out.append(String.format(Locale.ROOT, "  #%d at %.3f s (%s) %s: status %d after %d attempt%s%s%s%n", failure.index(), failure.atSeconds(), failure.phase(), failure.request(),
            failure.status(), failure.attempts(), failure.attempts() == 1 ? "" : "s", failure.instance() == null ? "" : " from " + failure.instance(),
            failure.error() == null ? "" : ": " + failure.error()));
      }
    }
    out.append("result: ").append(report.passed() ? "PASS" : "FAIL").append(System.lineSeparator());
    return out.toString();
  }

  private static String lost(LostCheck lost) {
    if (lost.error() != null) {
      return "check failed (" + lost.error() + ") for " + lost.acknowledged() + " acknowledged debits";
    }
    if (!lost.checked()) {
      return "not checked (no --database-url); " + lost.acknowledged() + " debits acknowledged";
    }
    String line = lost.lostIds().size() + " of " + lost.acknowledged() + " acknowledged debits (checked in the payments database)";
    return lost.lostIds().isEmpty() ? line : line + ": " + String.join(", ", lost.lostIds().subList(0, Math.min(20, lost.lostIds().size())))
        + (lost.lostIds().size() > 20 ? ", …" : "");
  }

  private static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String ms(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
