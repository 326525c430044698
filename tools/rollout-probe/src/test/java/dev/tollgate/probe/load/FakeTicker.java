package dev.tollgate.probe.load;

/** A clock that only moves when waited on: waiting jumps straight to the deadline. */
final class FakeTicker implements Ticker {
  private long now = 1_000_000L;

  @Override
  public synchronized long nanos() {
    return now;
  }

  @Override
  public synchronized void sleepUntil(long deadline) {
    now = Math.max(now, deadline);
  }

  synchronized void advance(long nanos) {
    now += nanos;
  }
}
