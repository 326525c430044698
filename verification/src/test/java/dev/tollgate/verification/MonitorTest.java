package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorTest {
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private final MutableClock clock = new MutableClock(Reports.START);
  private Monitor monitor;

  private Monitor monitor(Duration interval, int keep, Supplier<RunReport> runs) {
    monitor = new Monitor(interval, keep, runs, new Alerts(Optional.empty()), clock, "http://127.0.0.1:8080");
    return monitor;
  }

  /** Runs that end at the clock's current time, passing or failing in the given order, then passing. */
  private Supplier<RunReport> script(String... outcomes) {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(List.of(outcomes));
    return () -> "failed".equals(queue.poll()) ? Reports.failed(clock.instant()) : Reports.passed(clock.instant());
  }

  @AfterEach
  void stop() {
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  void beforeAnyRunTheStatusIs503NoRunYet() {
    Monitor.Answer<StatusReport> status = monitor(INTERVAL, 50, script()).status();

    assertThat(status.httpStatus()).isEqualTo(503);
    assertThat(status.body().status()).isEqualTo("no run yet");
    assertThat(status.body().lastRun()).isNull();
  }

  @Test
  void theStatusFollowsTheLastRunAndCountsFailuresInARow() throws Exception {
    Monitor monitor = monitor(INTERVAL, 50, script("failed", "failed", "passed"));

    monitor.trigger().get(30, TimeUnit.SECONDS);
    monitor.trigger().get(30, TimeUnit.SECONDS);
    Monitor.Answer<StatusReport> failing = monitor.status();
    monitor.trigger().get(30, TimeUnit.SECONDS);
    Monitor.Answer<StatusReport> passing = monitor.status();

    assertThat(failing.httpStatus()).isEqualTo(503);
    assertThat(failing.body().consecutiveFailures()).isEqualTo(2);
    assertThat(failing.body().failedTests()).containsExactly("cards.tokenizes");
    assertThat(failing.body().productionVersion()).isEqualTo("20261121.051724-4a81b31");
    assertThat(passing.httpStatus()).isEqualTo(200);
    assertThat(passing.body().consecutiveFailures()).isZero();
    assertThat(passing.body().failedTests()).isEmpty();
  }

  @Test
  void aStatusComputedMoreThanTwoIntervalsAfterTheLastRunIsStale() throws Exception {
    Monitor monitor = monitor(INTERVAL, 50, script("passed"));
    monitor.trigger().get(30, TimeUnit.SECONDS);
    assertThat(monitor.status().httpStatus()).isEqualTo(200);

    clock.advance(INTERVAL.multipliedBy(2).plusSeconds(1));

    Monitor.Answer<StatusReport> status = monitor.status();
    assertThat(status.httpStatus()).isEqualTo(503);
    assertThat(status.body().status()).isEqualTo("stale");
    assertThat(status.body().lastRun().status()).as("the last run itself passed").isEqualTo("passed");
  }

  @Test
  void theRunsListKeepsOnlyTheConfiguredNumberNewestFirst() throws Exception {
    Monitor monitor = monitor(INTERVAL, 2, script("failed", "failed", "passed"));
    for (int i = 0; i < 3; i++) {
      monitor.trigger().get(30, TimeUnit.SECONDS);
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(monitor.runs().keep()).isEqualTo(2);
    assertThat(monitor.runs().runs()).extracting(RunReport::status).containsExactly("passed", "failed");
  }

  @Test
  void scheduledRunsRepeatEveryIntervalAndACrashedRunDoesNotEndTheSchedule() {
    AtomicInteger calls = new AtomicInteger();
    Monitor monitor = monitor(Duration.ofMillis(50), 50, () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("the first run crashes");
      }
      return Reports.passed(clock.instant());
    });

    monitor.start();

    Await.until("two scheduled runs after the crashed one", () -> calls.get() >= 3);
    assertThat(monitor.status().httpStatus()).isEqualTo(200);
  }

  @Test
  void triggersWhileARunIsQueuedShareThatRun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstStarted = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Monitor monitor = monitor(INTERVAL, 50, () -> {
      if (calls.incrementAndGet() == 1) {
        firstStarted.countDown();
        awaitQuietly(release);
      }
      return Reports.passed(clock.instant());
    });

    CompletableFuture<RunReport> first = monitor.trigger();
    assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<RunReport> second = monitor.trigger();
    CompletableFuture<RunReport> third = monitor.trigger();
    assertThat(monitor.status().body().running()).isTrue();
    release.countDown();

    assertThat(third).isSameAs(second).isNotSameAs(first);
    second.get(30, TimeUnit.SECONDS);
    assertThat(calls.get()).isEqualTo(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
