package dev.tollgate.probe.load;

import java.util.concurrent.locks.LockSupport;

/** A monotonic clock the load loop can wait on; tests pass a fake that only pretends to wait. */
public interface Ticker {
  /** Now, in nanoseconds from an arbitrary origin (like {@link System#nanoTime()}). */
  long nanos();

  /** Returns once {@link #nanos()} has reached {@code deadline}; at once if it already has. */
  void sleepUntil(long deadline);

  /** The real clock. */
  static Ticker system() {
    return new Ticker() {
      @Override
      public long nanos() {
        return System.nanoTime();
      }

      @Override
      public void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
          LockSupport.parkNanos(left);
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
      }
    };
  }
}
