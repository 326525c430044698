package dev.tollgate.probe.load;

import java.util.List;

/**
 * One request of the schedule, as its client saw it: its attempts (two when a debit or card
 * POST was retried) and the final answer.
 *
 * @param index its place in the schedule, from 0
 * @param dueNanos when it was due, nanoseconds after the start of the load
 * @param phase the phase current when it was first sent
 * @param kind what it did
 * @param attempts every exchange, in order; empty when it was never sent (the in-flight cap
 *     was reached, or a debit found no card to charge)
 * @param latencyMicros microseconds from {@code dueNanos} to the final answer (retry
 *     included); -1 when it was never sent
 * @param debitId the debit the API acknowledged (a 201's {@code id}, a 402's
 *     {@code details.debit_id}); null otherwise
 * @param error why it was not sent, or the last attempt's error; null when it was answered
 */
public record RequestRecord(long index, long dueNanos, Phase phase, RequestKind kind, List<Attempt> attempts, long latencyMicros, String debitId, String error) {
  /** A copy with an unmodifiable list of attempts. */
  public RequestRecord {
    attempts = List.copyOf(attempts);
  }

  /** The final HTTP status: the last attempt's, 0 when never sent or never answered. */
  public int finalStatus() {
    return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).status();
  }

  /** True when the final answer is valid (see {@link Outcomes#ok}). */
  public boolean ok() {
    return Outcomes.ok(finalStatus());
  }

  /** True when at least one attempt was sent. */
  public boolean sent() {
    return !attempts.isEmpty();
  }

  /** True when it was retried. */
  public boolean retried() {
    return attempts.size() > 1;
  }
}
