package dev.tollgate.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that stands still until the test moves it, for code that takes its time from
 * an injected clock (TTLs, staleness, velocity windows).
 *
 * <p>{@link #instant()} answers the start instant plus every {@link #advance(Duration)} since, at
 * the full precision of {@link Instant} (nanoseconds); {@link #millis()} is that instant in epoch
 * milliseconds. The zone is always UTC: {@link #withZone(ZoneId)} returns this same clock, so code
 * that asks for another zone still reads the time the test set.
 *
 * <p>Thread-safe: the instant is volatile, so a thread that reads the clock (a service or a
 * scheduler under test) sees the latest advance, and {@link #advance(Duration)} is atomic, so
 * moves from several threads all add up.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** A clock that reads {@code start} until it is advanced. */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock by {@code by}: forward when positive, backward when negative. */
  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock itself: it keeps UTC whatever zone is asked for. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
