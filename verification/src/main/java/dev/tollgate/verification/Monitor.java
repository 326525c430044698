package dev.tollgate.verification;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's core: runs verification every interval (the first run at once) and on demand,
 * one run at a time, keeps the history, alerts, and answers {@code GET /status} and
 * {@code GET /runs}.
 *
 * <p>Scheduled runs start {@code interval} apart (a run longer than the interval delays the next
 * one; runs never overlap). A triggered run ({@link #trigger()}, {@code POST /runs}) queues behind
 * the run in progress; triggers while one is already queued share it.
 */
public final class Monitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

  private final Duration interval;
  private final Supplier<RunReport> runs;
  private final RunHistory history;
  private final Alerts alerts;
  private final Clock clock;
  private final String targetUrl;
  private final StatusRules rules;
  private final Instant startedAt;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "verification-runs");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Instant> running = new AtomicReference<>();
  private CompletableFuture<RunReport> queued;

  /**
   * @param interval time between the starts of scheduled runs
   * @param keepRuns how many runs {@link #runs()} keeps
   * @param runs performs one run (a {@link Verifier} in production; a fake in tests)
   * @param clock the time of status answers and of the runner's start
   */
  Monitor(Duration interval, int keepRuns, Supplier<RunReport> runs, Alerts alerts, Clock clock, String targetUrl) {
    this.interval = interval;
    this.runs = runs;
    this.history = new RunHistory(keepRuns);
    this.alerts = alerts;
    this.clock = clock;
    this.targetUrl = targetUrl;
    this.rules = new StatusRules(interval);
    this.startedAt = clock.instant();
  }

  /** A monitor of the production suites with {@code config}'s settings. */
  public static Monitor of(VerificationConfig config, Clock clock) {
    Verifier verifier = Verifier.production(config, clock);
    return new Monitor(config.interval(), config.keepRuns(), () -> verifier.run(List.of()), new Alerts(config.alertWebhook()), clock, config.targetUrl().toString());
  }

  /** Starts the schedule: a run now, then one every interval. */
  public void start() {
    executor.scheduleAtFixedRate(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("verification scheduled {} {}", kv("interval_seconds", interval.toSeconds()), kv("target_url", targetUrl));
  }

  /**
   * Queues a run now (behind the one in progress, if any); a trigger while a run is already
   * queued returns that run.
   *
   * @return the queued run's report, once it has run
   */
  public synchronized CompletableFuture<RunReport> trigger() {
    if (queued != null) {
      return queued;
    }
    CompletableFuture<RunReport> run = new CompletableFuture<>();
    queued = run;
    executor.execute(() -> {
      synchronized (this) {
        queued = null;
      }
      RunReport report = runSafely();
      if (report != null) {
        run.complete(report);
      } else {
        run.completeExceptionally(new IllegalStateException("the run failed before it produced a report (see the log)"));
      }
    });
    return run;
  }

  /** Whether a triggered run is waiting for the one in progress. */
  synchronized boolean runQueued() {
    return queued != null;
  }

  /** The answer of {@code GET /status}: its HTTP status and body. */
  public Answer<StatusReport> status() {
    RunHistory.Snapshot snapshot = history.snapshot();
    RunReport last = snapshot.latest().orElse(null);
    Instant now = clock.instant();
    StatusRules.Verdict verdict = rules.verdict(last, startedAt, now);
    StatusReport body = new StatusReport(verdict.status(), verdict.reason(), now, targetUrl, interval.toSeconds(), rules.staleAfter(last, startedAt),
        running.get() != null, startedAt, snapshot.consecutiveFailures(), last == null ? null : last.productionVersion(),
        last == null ? List.of() : last.failedTests(), last);
    return new Answer<>(verdict.httpStatus(), body);
  }

  /** The body of {@code GET /runs}. */
  public Runs runs() {
    return new Runs(history.keep(), history.snapshot().runs());
  }

  /** An HTTP answer: status and body. */
  public record Answer<T>(int httpStatus, T body) {}

  /**
   * The kept runs, on the wire {@code {keep, runs: [...]}}.
   *
   * @param keep how many runs are kept ({@code VERIFY_KEEP_RUNS})
   * @param runs the kept runs, newest first
   */
  public record Runs(int keep, List<RunReport> runs) {}

  /** Stops scheduling; a run in progress is interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** One run; anything thrown is logged (an exception must not end the schedule). */
  private RunReport runSafely() {
    running.set(clock.instant());
    try {
      RunReport report = runs.get();
      int before = history.record(report);
      alerts.runFinished(report, history.snapshot().consecutiveFailures(), before);
      return report;
    } catch (RuntimeException | Error e) {
      LOG.error("verification run crashed {}", kv("error", String.valueOf(e)), e);
      return null;
    } finally {
      running.set(null);
    }
  }
}
