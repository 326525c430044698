package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void theNthRequestIsDueNOverRateSecondsAfterTheStart() {
    Schedule schedule = new Schedule(100);

    assertThat(schedule.dueNanos(0)).isZero();
    assertThat(schedule.dueNanos(1)).isEqualTo(10_000_000L);
    assertThat(schedule.dueNanos(250)).isEqualTo(2_500_000_000L);
    assertThat(schedule.dueNanos(90_000)).isEqualTo(900_000_000_000L);
  }

  @Test
  void aRateThatDoesNotDivideASecondRoundsEachDueTimeDownWithoutDrift() {
    Schedule schedule = new Schedule(3);

    assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333L);
    assertThat(schedule.dueNanos(2)).isEqualTo(666_666_666L);
    assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
    assertThat(schedule.dueNanos(3_000)).isEqualTo(1_000_000_000_000L);
  }

  @Test
  void aRateBelowOneAndANegativeIndexAreRefused() {
    assertThatThrownBy(() -> new Schedule(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new Schedule(5).dueNanos(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
  }
}
