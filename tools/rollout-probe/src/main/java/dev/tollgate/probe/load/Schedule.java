package dev.tollgate.probe.load;

/**
 * The open-loop schedule: request {@code n} (from 0) is due {@code n / rate} seconds after the
 * start, whatever happened to the requests before it. A slow server therefore cannot lower
 * the offered rate (no coordinated omission).
 *
 * @param rate requests per second, at least 1
 */
public record Schedule(int rate) {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** @throws IllegalArgumentException when {@code rate < 1} */
  public Schedule {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be at least 1 request per second, was " + rate);
    }
  }

  /** When request {@code n} is due, in nanoseconds after the start (exact, rounded down). */
  public long dueNanos(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("request index must be >= 0, was " + n);
    }
    return Math.multiplyExact(n, NANOS_PER_SECOND) / rate;
  }
}
