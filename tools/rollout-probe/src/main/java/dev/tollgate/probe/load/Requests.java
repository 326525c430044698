package dev.tollgate.probe.load;

import java.util.concurrent.CompletableFuture;

/** Sends the requests of the schedule and records them; {@link Traffic} is the real one. */
public interface Requests {
  /**
   * Sends request {@code index}, due {@code dueNanos} after the start, without waiting for it.
   * Called from the load loop's one thread, in order.
   *
   * @return its record once it is finally answered (or given up on); never completes
   *     exceptionally
   */
  CompletableFuture<RequestRecord> send(long index, long dueNanos);

  /** The record of request {@code index}, which was not sent because of {@code reason}. */
  RequestRecord notSent(long index, long dueNanos, String reason);
}
