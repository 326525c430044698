package dev.tollgate.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate's report to people, printed on every run: a heading, one row per check (package,
 * counter, covered/total, actual %, required %, delta, the rule that applied, result), one
 * JaCoCo-style line per failure, and a closing verdict line.
 */
final class Table {
  private static final String[] HEADINGS =
      {"PACKAGE", "COUNTER", "COVERED/TOTAL", "ACTUAL", "REQUIRED", "DELTA", "RULE", "RESULT"};
  private static final boolean[] RIGHT = {false, false, true, true, true, true, false, false};

  private Table() {}

  /** The whole report, lines separated by '\n', ending with one. */
  static String render(RunInfo run, List<Check> checks) {
    StringBuilder out = new StringBuilder();
    out.append("Coverage gate, scope ").append(run.scope()).append(": rules ").append(run.rulesFile())
        .append(", report").append(run.reports().size() == 1 ? " " : "s ").append(String.join(" + ", run.reports()))
        .append('\n');
    out.append(run.baselineSentence()).append("\n\n");
    out.append(rows(checks));
    List<Check> failures = Gate.failures(checks);
    if (!failures.isEmpty()) {
      out.append('\n');
      failures.forEach(f -> out.append(f.jacocoMessage()).append('\n'));
    }
    out.append('\n').append(verdictLine(run, checks)).append('\n');
    return out.toString();
  }

  /** The aligned rows, heading first. */
  static String rows(List<Check> checks) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADINGS);
    for (Check check : checks) {
      String delta = check.delta();
      lines.add(new String[] {
          check.displayName(),
          check.counter().name(),
          check.tally().toString(),
          check.actual(),
          check.required(),
          delta == null ? "n/a" : delta,
          check.rule() == null ? "(none)" : check.rule().describe(),
          check.result().label()});
    }
    int[] widths = new int[HEADINGS.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        if (i > 0) {
          row.append("  ");
        }
        String padding = " ".repeat(widths[i] - line[i].length());
        row.append(RIGHT[i] ? padding + line[i] : line[i] + padding);
      }
      out.append(row.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** "Coverage gate PASSED (scope unit): …" or "Coverage gate FAILED (scope unit): …". */
  static String verdictLine(RunInfo run, List<Check> checks) {
    long packages = checks.stream().map(Check::packageName).distinct().count();
    long gated = checks.stream().filter(c -> c.result() != Check.Result.NOT_GATED).count();
    long notGated = checks.size() - gated;
    String unruled = notGated == 0 ? "" : "; " + notGated + " package" + (notGated == 1 ? "" : "s") + " matched no rule";
    List<Check> failures = Gate.failures(checks);
    if (failures.isEmpty()) {
      return "Coverage gate PASSED (scope " + run.scope() + "): " + gated + " check" + (gated == 1 ? "" : "s") + " on "
          + packages + " package" + (packages == 1 ? "" : "s") + ", all at or above their floor" + unruled + ".";
    }
    return "Coverage gate FAILED (scope " + run.scope() + "): " + failures.size() + " of " + gated + " check"
        + (gated == 1 ? "" : "s") + " below their floor" + unruled + ".";
  }
}
