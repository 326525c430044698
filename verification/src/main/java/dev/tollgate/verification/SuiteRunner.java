package dev.tollgate.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the suites once with the JUnit Platform Launcher: only tests tagged
 * {@value #PRODUCTION_TAG}, suites ordered by {@link SuiteOrder}, the run's {@link RunContext}
 * registered for {@link VerificationExtension}, results collected by {@link ResultCollector}.
 */
final class SuiteRunner {
  /** The tag of the tests that are safe to run against production. */
  static final String PRODUCTION_TAG = "production";
  /** The package whose classes are the production suites. */
  static final String SUITES_PACKAGE = "dev.tollgate.verification.suites";

  private final List<DiscoverySelector> selectors;

  /** @param selectors where the suites are, e.g. a package selector of {@link #SUITES_PACKAGE} */
  SuiteRunner(List<DiscoverySelector> selectors) {
    this.selectors = List.copyOf(selectors);
  }

  /** The suites, and a failure of the run as a whole (no suites found, an engine failed), if any. */
  record Outcome(List<SuiteResult> suites, Optional<String> error) {}

  /**
   * Runs the suites for {@code context}; {@code extraListeners} see every event too (e.g. the
   * JUnit XML report of one-shot mode). Never throws for a test's failure.
   */
  Outcome run(RunContext context, List<TestExecutionListener> extraListeners) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(TagFilter.includeTags(PRODUCTION_TAG))
        .configurationParameter(ActiveRuns.RUN_ID_PARAMETER, context.runId())
        .configurationParameter("junit.jupiter.testclass.order.default", SuiteOrder.class.getName())
        .build();
    SuiteOutcomes outcomes = new SuiteOutcomes();
    ResultCollector collector = new ResultCollector(outcomes);
    List<TestExecutionListener> listeners = new ArrayList<>();
    listeners.add(collector);
    listeners.addAll(extraListeners);
    String error = null;
    ActiveRuns.register(context, outcomes);
    try {
      Launcher launcher = LauncherFactory.create();
      TestPlan plan = launcher.discover(request);
      error = cycleIn(plan);
      if (error == null) {
        launcher.execute(plan, listeners.toArray(TestExecutionListener[]::new));
      }
    } catch (RuntimeException | LinkageError e) {
      error = "the JUnit Launcher failed: " + Redaction.describe(e);
    } finally {
      ActiveRuns.unregister(context.runId());
    }
    List<SuiteResult> suites = collector.results();
    if (error == null) {
      error = collector.engineFailure().orElse(null);
    }
    if (error == null && suites.isEmpty()) {
      error = "no suite with tests tagged '" + PRODUCTION_TAG + "' was found: nothing was verified";
    }
    return new Outcome(suites, Optional.ofNullable(error));
  }

  /** Why the plan's suites cannot be ordered (a dependency cycle, a duplicate name), or null. */
  private static String cycleIn(TestPlan plan) {
    try {
      SuiteGraph.order(suiteClasses(plan));
      return null;
    } catch (IllegalArgumentException e) {
      return "the suites cannot run: " + e.getMessage();
    }
  }

  /** The suite classes of a plan: the class containers right below each engine. */
  private static List<Class<?>> suiteClasses(TestPlan plan) {
    List<Class<?>> classes = new ArrayList<>();
    for (TestIdentifier engine : plan.getRoots()) {
      for (TestIdentifier child : plan.getChildren(engine)) {
        child.getSource().filter(ClassSource.class::isInstance).ifPresent(source -> classes.add(((ClassSource) source).getJavaClass()));
      }
    }
    return classes;
  }
}
