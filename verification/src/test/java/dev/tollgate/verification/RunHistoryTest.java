package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
  private static Instant at(int minute) {
    return Reports.START.plusSeconds(60L * minute);
  }

  @Test
  void keepsOnlyTheNewestRunsNewestFirst() {
    RunHistory history = new RunHistory(3);
    for (int minute = 1; minute <= 5; minute++) {
      history.record(Reports.passed(at(minute)));
    }

    assertThat(history.snapshot().runs()).extracting(RunReport::endedAt).containsExactly(at(5), at(4), at(3));
    assertThat(history.snapshot().latest()).hasValueSatisfying(run -> assertThat(run.endedAt()).isEqualTo(at(5)));
  }

  @Test
  void countsConsecutiveFailuresAndResetsThemOnAPass() {
    RunHistory history = new RunHistory(50);
    history.record(Reports.failed(at(1)));
    history.record(Reports.failed(at(2)));
    assertThat(history.snapshot().consecutiveFailures()).isEqualTo(2);

    int before = history.record(Reports.passed(at(3)));

    assertThat(before).as("failures in a row before the passing run").isEqualTo(2);
    assertThat(history.snapshot().consecutiveFailures()).isZero();
  }

  @Test
  void consecutiveFailuresKeepCountingBeyondTheKeptRuns() {
    RunHistory history = new RunHistory(2);
    for (int minute = 1; minute <= 4; minute++) {
      history.record(Reports.failed(at(minute)));
    }

    assertThat(history.snapshot().runs()).hasSize(2);
    assertThat(history.snapshot().consecutiveFailures()).isEqualTo(4);
  }

  @Test
  void anEmptyHistoryHasNoLatestRun() {
    assertThat(new RunHistory(1).snapshot().latest()).isEmpty();
  }

  @Test
  void keepingNoRunIsRefused() {
    assertThatThrownBy(() -> new RunHistory(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
