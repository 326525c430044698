package dev.tollgate.probe.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** When the load loop stops sending: asked before each request with the time it is due. */
public interface StopCondition {
  /** True when no request due {@code dueNanos} after the start should be sent any more. */
  boolean reached(long dueNanos);

  /** Requests due before {@code seconds} after the start are sent; none after. */
  static StopCondition after(long seconds) {
    long limit = Math.multiplyExact(seconds, 1_000_000_000L);
    return dueNanos -> dueNanos >= limit;
  }

  /** Stops once {@code stopFile} exists, and in any case after {@code maxSeconds}. */
  static StopCondition whenFileAppears(Path stopFile, long maxSeconds) {
    StopCondition max = after(maxSeconds);
    return dueNanos -> max.reached(dueNanos) || Files.exists(stopFile);
  }
}
