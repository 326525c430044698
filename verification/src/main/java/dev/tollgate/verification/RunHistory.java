package dev.tollgate.verification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last runs, newest first, at most {@code keep} of them, and how many runs in a row have
 * failed (counted over every run since the runner started, not only the kept ones). Thread-safe.
 */
final class RunHistory {
  private final int keep;
  private final Deque<RunReport> runs = new ArrayDeque<>();
  private int consecutiveFailures;

  /** @param keep how many runs to keep, at least 1 */
  RunHistory(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, not " + keep);
    }
    this.keep = keep;
  }

  /** What the history held when it was read. */
  record Snapshot(Optional<RunReport> latest, int consecutiveFailures, List<RunReport> runs) {}

  /**
   * Adds a finished run, dropping the oldest beyond {@code keep}.
   *
   * @return the number of consecutive failures before this run (to tell a recovery)
   */
  synchronized int record(RunReport run) {
    int before = consecutiveFailures;
    runs.addFirst(run);
    while (runs.size() > keep) {
      runs.removeLast();
    }
    consecutiveFailures = run.passed() ? 0 : consecutiveFailures + 1;
    return before;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(Optional.ofNullable(runs.peekFirst()), consecutiveFailures, List.copyOf(new ArrayList<>(runs)));
  }

  int keep() {
    return keep;
  }
}
