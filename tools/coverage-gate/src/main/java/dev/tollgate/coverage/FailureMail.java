package dev.tollgate.coverage;

import java.util.List;

/**
 * The words of the failure email (pure text, no I/O).
 *
 * <p>Subject: the worst failing check, e.g. {@code Coverage gate failed:
 * dev.tollgate.payments.debits 94.47% < 95.00%} (the counter is added in parentheses when it is
 * not LINE, e.g. {@code … 40.00% < 50.00% (branches)}). Body: every failing check with actual,
 * required and delta, the rule that applied, the commit, how to reproduce locally, then the full
 * table.
 */
record FailureMail(String subject, String body) {

  /**
   * Composes the email for a failed run.
   *
   * @param authorName the committer's name, or null
   * @param repro the command that reproduces the run locally
   * @throws IllegalArgumentException when nothing failed
   */
  static FailureMail compose(RunInfo run, List<Check> checks, String authorName, String repro) {
    Check worst = Gate.worst(checks).orElseThrow(() -> new IllegalArgumentException("the gate passed"));
    String subject = "Coverage gate failed: " + worst.displayName() + " " + worst.actual() + " < " + worst.required()
        + (worst.counter() == Counter.LINE ? "" : " (" + worst.counter().phrase() + ")");
    List<Check> failures = Gate.failures(checks);
    StringBuilder body = new StringBuilder();
    body.append("Hello").append(authorName == null || authorName.isBlank() ? "" : " " + authorName).append(",\n\n");
    body.append("The Coverage Gate failed for commit ").append(run.shortCommit())
        .append(run.commit() != null && run.commit().length() > 12 ? " (" + run.commit() + ")" : "")
        .append(", scope ").append(run.scope())
        .append(run.branch() == null ? "" : ", branch " + run.branch()).append(".\n");
    body.append(failures.size() == 1 ? "One check is" : failures.size() + " checks are")
        .append(" below the floor set in ").append(run.rulesFile()).append(":\n\n");
    for (Check failure : failures) {
      String delta = failure.delta();
      body.append("  ").append(failure.displayName()).append('\n');
      body.append("    ").append(failure.counter().phrase()).append(": actual ").append(failure.actual())
          .append(" (").append(failure.tally()).append("), required ").append(failure.required())
          .append(", delta ").append(delta == null ? "n/a" : delta + " points").append('\n');
      body.append("    rule: package=\"").append(failure.rule().pattern()).append("\" on line ")
          .append(failure.rule().line()).append(" of ").append(run.rulesFile()).append('\n');
      body.append("    ").append(failure.jacocoMessage()).append("\n\n");
    }
    body.append(run.baselineSentence()).append("\n\n");
    body.append("To reproduce locally:\n\n    ").append(repro).append("\n\n");
    body.append("Every package checked:\n\n").append(Table.rows(checks)).append('\n');
    body.append("-- \nTollgate coverage gate. You receive this because you authored commit ")
        .append(run.shortCommit()).append(".\n");
    return new FailureMail(subject, body.toString());
  }
}
