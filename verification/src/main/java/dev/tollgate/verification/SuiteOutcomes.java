package dev.tollgate.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each suite of the current run ended so far, written by {@link ResultCollector} when a
 * suite finishes and read by {@link VerificationExtension} before a dependent suite starts.
 */
final class SuiteOutcomes {
  /** A finished suite's outcome. */
  enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

  void record(String suite, Outcome outcome) {
    outcomes.put(suite, outcome);
  }

  Optional<Outcome> of(String suite) {
    return Optional.ofNullable(outcomes.get(suite));
  }

  /**
   * Why a suite that depends on {@code dependencies} must not run, or empty when every one of
   * them passed, e.g. {@code "depends on suite 'cards', which failed"}.
   */
  Optional<String> blockingReason(String... dependencies) {
    List<String> reasons = new ArrayList<>();
    for (String dependency : dependencies) {
      Outcome outcome = outcomes.get(dependency);
      if (outcome == null) {
        reasons.add("depends on suite '" + dependency + "', which has not run in this run");
      } else if (outcome == Outcome.FAILED) {
        reasons.add("depends on suite '" + dependency + "', which failed");
      } else if (outcome == Outcome.SKIPPED) {
        reasons.add("depends on suite '" + dependency + "', which was skipped");
      }
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }
}
