package dev.tollgate.probe.load;

/**
 * The start of the load on a {@link Ticker}: every time the probe records is nanoseconds after it.
 *
 * @param ticker the clock
 * @param startNanos the ticker's reading at the start
 */
public record Epoch(Ticker ticker, long startNanos) {
  /** An epoch starting at the ticker's current reading. */
  public static Epoch startingNow(Ticker ticker) {
    return new Epoch(ticker, ticker.nanos());
  }

  /** Nanoseconds since the start. */
  public long elapsedNanos() {
    return ticker.nanos() - startNanos;
  }

  /** Waits until {@code offsetNanos} after the start (returns at once when that is past). */
  public void sleepUntil(long offsetNanos) {
    ticker.sleepUntil(startNanos + offsetNanos);
  }
}
