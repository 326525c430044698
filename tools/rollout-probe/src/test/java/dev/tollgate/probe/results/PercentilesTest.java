package dev.tollgate.probe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void theNearestRankIsTheValueAtTheCeilingOfPTimesNOverAHundred() {
    long[] values = {15, 20, 35, 40, 50};

    assertThat(Percentiles.nearestRank(values, 5)).hasValue(15);
    assertThat(Percentiles.nearestRank(values, 30)).hasValue(20);
    assertThat(Percentiles.nearestRank(values, 40)).hasValue(20);
    assertThat(Percentiles.nearestRank(values, 50)).hasValue(35);
    assertThat(Percentiles.nearestRank(values, 99)).hasValue(50);
    assertThat(Percentiles.nearestRank(values, 100)).hasValue(50);
  }

  @Test
  void wholePercentilesOfRoundCountsLandExactlyOnTheirRank() {
    long[] hundred = LongStream.rangeClosed(1, 100).toArray();
    long[] thousand = LongStream.rangeClosed(1, 1000).toArray();

    assertThat(Percentiles.nearestRank(hundred, 50)).hasValue(50);
    assertThat(Percentiles.nearestRank(hundred, 99)).hasValue(99);
    assertThat(Percentiles.nearestRank(thousand, 99)).hasValue(990);
    assertThat(Percentiles.nearestRank(thousand, 50)).hasValue(500);
  }

  @Test
  void theResultIsAlwaysARecordedValueNeverAnInterpolation() {
    long[] values = {10, 1000};

    assertThat(Percentiles.nearestRank(values, 50)).hasValue(10);
    assertThat(Percentiles.nearestRank(values, 51)).hasValue(1000);
  }

  @Test
  void unsortedValuesAreSortedWithoutBeingModified() {
    long[] values = {9, 1, 7, 3, 5};

    assertThat(Percentiles.nearestRank(values, 50)).hasValue(5);
    assertThat(Percentiles.nearestRank(values, 99)).hasValue(9);
    assertThat(values).containsExactly(9, 1, 7, 3, 5);
  }

  @Test
  void noValuesHaveNoPercentileAndOneValueIsEveryPercentile() {
    assertThat(Percentiles.nearestRank(new long[0], 50)).isEqualTo(OptionalLong.empty());
    assertThat(Percentiles.nearestRank(new long[] {42}, 1)).hasValue(42);
    assertThat(Percentiles.nearestRank(new long[] {42}, 99)).hasValue(42);
  }

  @Test
  void aPercentileOutsideZeroToAHundredIsRefused() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0");
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 100.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100.5");
  }
}
