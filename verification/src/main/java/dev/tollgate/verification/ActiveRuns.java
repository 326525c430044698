package dev.tollgate.verification;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs in progress in this JVM, by run id: the bridge from the runner to the JUnit
 * extension, which learns the run id from the Launcher's configuration parameter
 * {@value #RUN_ID_PARAMETER} and finds here the run's {@link RunContext} and the outcomes of
 * the suites that already ended. Several runs may be registered at once (one-shot mode beside
 * the service in tests), each under its own id.
 */
final class ActiveRuns {
  /** The configuration parameter that carries the run id into the JUnit engine. */
  static final String RUN_ID_PARAMETER = "tollgate.verification.run-id";

  private static final Map<String, ActiveRun> RUNS = new ConcurrentHashMap<>();

  /** A run in progress. */
  record ActiveRun(RunContext context, SuiteOutcomes outcomes) {}

  private ActiveRuns() {}

  /**
   * Registers a run until {@link #unregister(String)}.
   *
   * @throws IllegalStateException when a run with that id is already registered
   */
  static void register(RunContext context, SuiteOutcomes outcomes) {
    if (RUNS.putIfAbsent(context.runId(), new ActiveRun(context, outcomes)) != null) {
      throw new IllegalStateException("run " + context.runId() + " is already in progress");
    }
  }

  static void unregister(String runId) {
    RUNS.remove(runId);
  }

  static Optional<ActiveRun> find(String runId) {
    return Optional.ofNullable(RUNS.get(runId));
  }
}
