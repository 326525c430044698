package dev.tollgate.probe.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load loop: sends each request of the {@link Schedule} when it is due, whether or not the
 * earlier ones have been answered, until the {@link StopCondition} says stop; then waits for
 * the requests still in flight. At most {@code maxInFlight} requests are outstanding; a request
 * due while that many are is not sent and is recorded as failed, so a slow server shows up as
 * failures and latency, never as a lower offered rate.
 */
public final class OpenLoop {
  private final Schedule schedule;
  private final StopCondition stop;
  private final int maxInFlight;

  /**
   * @param maxInFlight the most requests outstanding at once, at least 1
   * @throws IllegalArgumentException when {@code maxInFlight < 1}
   */
  public OpenLoop(Schedule schedule, StopCondition stop, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.schedule = schedule;
    this.stop = stop;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Runs the load from {@code epoch}'s start; returns every request's record, in schedule
   * order, once all are answered. Interrupting the thread ends the sending early.
   */
  public List<RequestRecord> run(Epoch epoch, Requests requests) {
    List<CompletableFuture<RequestRecord>> records = new ArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    for (long index = 0; !Thread.currentThread().isInterrupted(); index++) {
      long due = schedule.dueNanos(index);
      epoch.sleepUntil(due);
      if (stop.reached(due)) {
        break;
      }
      if (inFlight.get() >= maxInFlight) {
        records.add(CompletableFuture.completedFuture(requests.notSent(index, due, "not sent: " + maxInFlight + " requests were already in flight")));
        continue;
      }
      inFlight.incrementAndGet();
      records.add(requests.send(index, due).whenComplete((record, error) -> inFlight.decrementAndGet()));
    }
    return records.stream().map(CompletableFuture::join).sorted(Comparator.comparingLong(RequestRecord::index)).toList();
  }
}
