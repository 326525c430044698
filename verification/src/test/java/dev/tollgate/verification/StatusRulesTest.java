package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final Instant RUNNER_START = Reports.START;
  private static final Instant RUN_END = RUNNER_START.plusSeconds(30);
  private final StatusRules rules = new StatusRules(INTERVAL);

  @Test
  void beforeTheFirstRunCompletesTheStatusIs503NoRunYet() {
    StatusRules.Verdict verdict = rules.verdict(null, RUNNER_START, RUNNER_START.plusSeconds(10));

    assertThat(verdict.httpStatus()).isEqualTo(503);
    assertThat(verdict.status()).isEqualTo("no run yet");
  }

  @Test
  void aRunnerThatNeverCompletesARunWithinTwoIntervalsIsStale() {
    StatusRules.Verdict verdict = rules.verdict(null, RUNNER_START, RUNNER_START.plus(INTERVAL.multipliedBy(2)).plusSeconds(1));

    assertThat(verdict.httpStatus()).isEqualTo(503);
    assertThat(verdict.status()).isEqualTo("stale");
  }

  @Test
  void aPassedLastRunIs200() {
    StatusRules.Verdict verdict = rules.verdict(Reports.passed(RUN_END), RUNNER_START, RUN_END.plusSeconds(60));

    assertThat(verdict.httpStatus()).isEqualTo(200);
    assertThat(verdict.status()).isEqualTo("passed");
  }

  @Test
  void aFailedLastRunIs503NamingTheFailedTestsAndSkippedSuites() {
    StatusRules.Verdict verdict = rules.verdict(Reports.failed(RUN_END), RUNNER_START, RUN_END.plusSeconds(60));

    assertThat(verdict.httpStatus()).isEqualTo(503);
    assertThat(verdict.status()).isEqualTo("failed");
    assertThat(verdict.reason()).isEqualTo("the last run failed: 1 test failed (cards.tokenizes), 1 suite skipped");
  }

  @Test
  void aRunWhoseCleanupFailedIs503SayingWhy() {
    StatusRules.Verdict verdict = rules.verdict(Reports.failedCleanup(RUN_END), RUNNER_START, RUN_END.plusSeconds(60));

    assertThat(verdict.httpStatus()).isEqualTo(503);
    assertThat(verdict.reason()).contains("cleanup failed: 401");
  }

  @Test
  void aPassedRunOlderThanTwoIntervalsIsStale() {
    StatusRules.Verdict verdict = rules.verdict(Reports.passed(RUN_END), RUNNER_START, RUN_END.plus(INTERVAL.multipliedBy(2)).plusMillis(1));

    assertThat(verdict.httpStatus()).isEqualTo(503);
    assertThat(verdict.status()).isEqualTo("stale");
    assertThat(verdict.reason()).contains(RUN_END.toString()).contains("stuck or dead");
  }

  @Test
  void exactlyTwoIntervalsAfterTheLastRunIsNotYetStale() {
    StatusRules.Verdict verdict = rules.verdict(Reports.passed(RUN_END), RUNNER_START, RUN_END.plus(INTERVAL.multipliedBy(2)));

    assertThat(verdict.status()).isEqualTo("passed");
  }

  @Test
  void staleAfterIsTheLastRunsEndPlusTwoIntervals() {
    assertThat(rules.staleAfter(Reports.passed(RUN_END), RUNNER_START)).isEqualTo(RUN_END.plusSeconds(600));
    assertThat(rules.staleAfter(null, RUNNER_START)).isEqualTo(RUNNER_START.plusSeconds(600));
  }
}
