package dev.tollgate.verification;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling; the deadline only bounds a hung test, it is not asserted. */
final class Await {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up waiting (" + DEADLINE.toSeconds() + " s) for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
  }
}
