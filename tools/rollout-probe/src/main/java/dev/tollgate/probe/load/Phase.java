package dev.tollgate.probe.load;

import java.util.Locale;
import java.util.Optional;

/**
 * The phase of a rollout a request was sent in, as the pipeline marks it in the phase file;
 * {@link #STEADY} when the probe runs without one. Declared in display order. {@link #WARMUP}
 * is load sent only to warm the services' JIT and pools before {@code before} is measured
 * (the rollout benchmark's steady state must not be a cold JVM's first seconds).
 */
public enum Phase {
  WARMUP,
  BEFORE,
  DURING,
  AFTER,
  STEADY;

  /** The name used in the phase file, on stdout and in the JSON report: {@code before}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The phase a phase file's content names ({@code warmup}, {@code before}, {@code during} or {@code after},
   * surrounding whitespace and case ignored); empty for anything else, {@code steady}
   * included (it is not something the pipeline marks).
   */
  public static Optional<Phase> fromFileContent(String content) {
    String value = content.strip().toLowerCase(Locale.ROOT);
    for (Phase phase : new Phase[] {WARMUP, BEFORE, DURING, AFTER}) {
      if (phase.wireName().equals(value)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
