package dev.tollgate.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The Launcher listener that turns one run's execution events into {@link SuiteResult}s, and
 * records each suite's outcome in {@link SuiteOutcomes} as soon as the suite ends, so that the
 * suites after it can be skipped when it failed.
 *
 * <p>A suite is a test class container; its tests are the test identifiers below it. A skipped
 * suite's tests (which JUnit does not report one by one) are listed from the test plan with the
 * suite's skip reason; so are the tests of a suite whose own setup failed before they ran.
 */
final class ResultCollector implements TestExecutionListener {
  private final SuiteOutcomes outcomes;
  private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
  private final Map<String, SuiteRecord> suites = new LinkedHashMap<>();
  private TestPlan plan;
  private String engineFailure;

  ResultCollector(SuiteOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public synchronized void executionStarted(TestIdentifier id) {
    startedNanos.put(id.getUniqueId(), System.nanoTime());
    if (isSuite(id)) {
      suite(id);
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    if (isSuite(id)) {
      SuiteRecord suite = suite(id);
      suite.skipReason = reason;
      for (TestIdentifier test : plan.getDescendants(id)) {
        if (test.isTest()) {
          suite.tests.add(TestResult.skipped(testName(test), reason));
        }
      }
      outcomes.record(suite.name, SuiteOutcomes.Outcome.SKIPPED);
    } else if (id.isTest()) {
      suiteOf(id).ifPresent(suite -> suite.tests.add(TestResult.skipped(testName(id), reason)));
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    long millis = elapsedMillis(id);
    if (id.isTest()) {
      suiteOf(id).ifPresent(suite -> suite.tests.add(testResult(testName(id), millis, result)));
    } else if (isSuite(id)) {
      SuiteRecord suite = suite(id);
      suite.durationMs = millis;
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        suite.failureMessage = result.getThrowable().map(Redaction::describe).orElse("the suite " + result.getStatus().name().toLowerCase());
        listTestsThatNeverRan(id, suite, "the suite failed before this test ran");
      }
      outcomes.record(suite.name, suite.failed() ? SuiteOutcomes.Outcome.FAILED : SuiteOutcomes.Outcome.PASSED);
    } else if (plan != null && plan.getParent(id).isEmpty() && result.getStatus() == TestExecutionResult.Status.FAILED) {
      engineFailure = id.getDisplayName() + " failed: " + result.getThrowable().map(Redaction::describe).orElse("no cause given");
    }
  }

  /** The suites in the order they started or were skipped. */
  synchronized List<SuiteResult> results() {
    return suites.values().stream().map(SuiteRecord::toResult).toList();
  }

  /** A failure of a test engine as a whole (e.g. discovery failed), or empty. */
  synchronized Optional<String> engineFailure() {
    return Optional.ofNullable(engineFailure);
  }

  private static TestResult testResult(String name, long millis, TestExecutionResult result) {
    return switch (result.getStatus()) {
      case SUCCESSFUL -> TestResult.passed(name, millis);
      case ABORTED -> new TestResult(name, TestResult.SKIPPED, millis, null,
          "aborted: " + result.getThrowable().map(Redaction::describe).orElse("an assumption did not hold"));
      case FAILED -> TestResult.failed(name, millis, result.getThrowable().map(Redaction::describe).orElse("failed without a cause"));
    };
  }

  private void listTestsThatNeverRan(TestIdentifier suiteId, SuiteRecord suite, String reason) {
    List<String> reported = suite.tests.stream().map(TestResult::name).toList();
    for (TestIdentifier test : plan.getDescendants(suiteId)) {
      if (test.isTest() && !reported.contains(testName(test))) {
        suite.tests.add(TestResult.skipped(testName(test), reason));
      }
    }
  }

  private long elapsedMillis(TestIdentifier id) {
    Long started = startedNanos.remove(id.getUniqueId());
    return started == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private SuiteRecord suite(TestIdentifier id) {
    return suites.computeIfAbsent(id.getUniqueId(), key -> {
      Class<?> type = ((ClassSource) id.getSource().orElseThrow()).getJavaClass();
      return new SuiteRecord(SuiteGraph.nameOf(type), SuiteGraph.dependenciesOf(type));
    });
  }

  /** The suite above {@code id}. */
  private Optional<SuiteRecord> suiteOf(TestIdentifier id) {
    Optional<TestIdentifier> current = plan.getParent(id);
    while (current.isPresent() && !isSuite(current.get())) {
      current = plan.getParent(current.get());
    }
    return current.map(this::suite);
  }

  /** A suite is a class container right below an engine (a nested class belongs to its suite). */
  private boolean isSuite(TestIdentifier id) {
    return id.isContainer()
        && id.getSource().filter(ClassSource.class::isInstance).isPresent()
        && plan.getParent(id).map(parent -> plan.getParent(parent).isEmpty()).orElse(false);
  }

  private static String testName(TestIdentifier id) {
    return id.getSource()
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getMethodName())
        .orElse(id.getDisplayName());
  }

  /** A suite while it runs. */
  private static final class SuiteRecord {
    final String name;
    final List<String> dependsOn;
    final List<TestResult> tests = new ArrayList<>();
    long durationMs;
    String failureMessage;
    String skipReason;

    SuiteRecord(String name, List<String> dependsOn) {
      this.name = name;
      this.dependsOn = dependsOn;
    }

    boolean failed() {
      return failureMessage != null || tests.stream().anyMatch(t -> TestResult.FAILED.equals(t.status()));
    }

    SuiteResult toResult() {
      String status = skipReason != null ? TestResult.SKIPPED : failed() ? TestResult.FAILED : TestResult.PASSED;
      return new SuiteResult(name, status, durationMs, dependsOn, failureMessage, skipReason, List.copyOf(tests));
    }
  }
}
