package dev.tollgate.verification;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.client.PaymentsClient;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One verification run from start to end, the same for the service and for one-shot mode:
 * <ol>
 *   <li>sweep: delete test data created more than the TTL ago (left by crashed runs);
 *   <li>ask the target for its version ({@code GET /health});
 *   <li>run the suites ({@link SuiteRunner}) with a new {@link RunContext} (the run's tenant);
 *   <li>clean up: delete every marketplace the run signed up;
 *   <li>log the outcome as structured lines (one per failed test and per skipped suite).
 * </ol>
 */
final class Verifier {
  private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final VerificationConfig config;
  private final Clock clock;
  private final SuiteRunner suites;
  private final HttpClient http;
  private final TestDataCleanup cleanup;
  private final ProductionProbe probe;

  /**
   * @param selectors where the suites are; {@link #production} uses the suites package
   */
  Verifier(VerificationConfig config, Clock clock, List<DiscoverySelector> selectors) {
    this.config = config;
    this.clock = clock;
    this.suites = new SuiteRunner(selectors);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    this.cleanup = new TestDataCleanup(http, config.targetUrl(), config.verificationToken(), HTTP_TIMEOUT);
    this.probe = new ProductionProbe(http, config.targetUrl(), HTTP_TIMEOUT);
  }

  /** A verifier of the production suites ({@value SuiteRunner#SUITES_PACKAGE}). */
  static Verifier production(VerificationConfig config, Clock clock) {
    return new Verifier(config, clock, List.of(DiscoverySelectors.selectPackage(SuiteRunner.SUITES_PACKAGE)));
  }

  /** A new run id: the start time in UTC and six random hex digits, e.g. {@code 20261121T051724Z-3fa9c1}. */
  static String newRunId(Instant start) {
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return RUN_TIME.format(start) + "-" + HexFormat.of().formatHex(random);
  }

  /** Runs once; {@code extraListeners} also receive the Launcher's events. Never throws for a failure of the target. */
  RunReport run(List<TestExecutionListener> extraListeners) {
    Instant started = clock.instant();
    String runId = newRunId(started);
    LOG.info("verification run started {} {}", kv("run_id", runId), kv("target_url", config.targetUrl().toString()));
    Housekeeping sweep = sweep(started.minus(config.sweepTtl()));
    String version = probe.version().orElse(null);
    PaymentsClient client = PaymentsClient.builder(config.targetUrl()).httpClient(http).requestTimeout(HTTP_TIMEOUT).build();
    RunContext context = new RunContext(runId, config.targetUrl(), client);
    SuiteRunner.Outcome outcome = suites.run(context, extraListeners);
    Housekeeping cleanedUp = cleanUp(context.marketplaceIds());
    Instant ended = clock.instant();
    String error = outcome.error().orElse(null);
    RunReport report = new RunReport(runId, RunReport.statusOf(outcome.suites(), sweep, cleanedUp, error), started, ended,
        Duration.between(started, ended).toMillis(), config.targetUrl().toString(), version, context.tenantName(), outcome.suites(), sweep, cleanedUp, error);
    log(report);
    return report;
  }

  private Housekeeping sweep(Instant createdBefore) {
    try {
      return Housekeeping.ok(cleanup.sweep(createdBefore));
    } catch (TestDataCleanup.CleanupException e) {
      return Housekeeping.failed(Deleted.NONE, "sweep failed: " + e.getMessage());
    }
  }

  private Housekeeping cleanUp(List<String> marketplaceIds) {
    Deleted deleted = Deleted.NONE;
    List<String> errors = new ArrayList<>();
    for (String id : marketplaceIds) {
      try {
        deleted = deleted.plus(cleanup.deleteMarketplace(id));
      } catch (TestDataCleanup.CleanupException e) {
        errors.add(e.getMessage());
      }
    }
    return errors.isEmpty() ? Housekeeping.ok(deleted) : Housekeeping.failed(deleted, "cleanup failed: " + String.join("; ", errors));
  }

  private static void log(RunReport run) {
    for (SuiteResult suite : run.suites()) {
      if (suite.failureMessage() != null) {
        LOG.warn("verification suite failed {} {} {}", kv("run_id", run.runId()), kv("suite", suite.name()), kv("failure_message", suite.failureMessage()));
      }
      if (suite.skipReason() != null) {
        LOG.warn("verification suite skipped {} {} {}", kv("run_id", run.runId()), kv("suite", suite.name()), kv("skip_reason", suite.skipReason()));
      }
      for (TestResult test : suite.tests()) {
        if (TestResult.FAILED.equals(test.status())) {
          LOG.warn("verification test failed {} {} {} {}", kv("run_id", run.runId()), kv("suite", suite.name()), kv("test", test.name()), kv("failure_message", test.failureMessage()));
        }
      }
    }
    for (Housekeeping step : List.of(run.sweep(), run.cleanup())) {
      if (!step.ok()) {
        LOG.warn("verification housekeeping failed {} {}", kv("run_id", run.runId()), kv("error", step.error()));
      }
    }
    if (run.error() != null) {
      LOG.warn("verification run failed {} {}", kv("run_id", run.runId()), kv("error", run.error()));
    }
    LOG.info("verification run finished {} {} {} {} {} {} {}", kv("run_id", run.runId()), kv("status", run.status()),
        kv("passed", run.count(TestResult.PASSED)), kv("failed", run.count(TestResult.FAILED)), kv("skipped", run.count(TestResult.SKIPPED)),
        kv("production_version", run.productionVersion()), kv("duration_ms", run.durationMs()));
  }
}
