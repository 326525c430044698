package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {
  private static final BigDecimal NINETY_FIVE = new BigDecimal("0.95");

  @Test
  void exactlyAtTheMinimumPasses() {
    assertThat(Figures.meets(new Tally(95, 100), NINETY_FIVE)).isTrue();
    assertThat(Figures.meets(new Tally(19, 20), NINETY_FIVE)).isTrue();
    assertThat(Figures.meets(new Tally(9_500, 10_000), NINETY_FIVE)).isTrue();
    assertThat(Figures.meets(new Tally(0, 7), BigDecimal.ZERO)).isTrue();
    assertThat(Figures.meets(new Tally(7, 7), BigDecimal.ONE)).isTrue();
  }

  @Test
  void oneCoveredLineFewerThanTheMinimumFails() {
    assertThat(Figures.meets(new Tally(94, 100), NINETY_FIVE)).isFalse();
    assertThat(Figures.meets(new Tally(18, 20), NINETY_FIVE)).isFalse();
    assertThat(Figures.meets(new Tally(9_499, 10_000), NINETY_FIVE)).isFalse();
    assertThat(Figures.meets(new Tally(6, 7), BigDecimal.ONE)).isFalse();
  }

  @Test
  void ratiosThatAreNotExactDecimalsAreComparedExactly() {
    // 2/3 = 0.6666…: above 0.6666, below 0.6667; a double would blur neither, but 0.1+0.2 style sums would.
    assertThat(Figures.meets(new Tally(2, 3), new BigDecimal("0.6666"))).isTrue();
    assertThat(Figures.meets(new Tally(2, 3), new BigDecimal("0.6667"))).isFalse();
    // 1,000,000,001 lines: one short of 95% by a hair that a double cannot see.
    long total = 1_000_000_001L;
    long needed = 950_000_001L; // ceil(0.95 * total)
    assertThat(Figures.meets(new Tally(needed, total), NINETY_FIVE)).isTrue();
    assertThat(Figures.meets(new Tally(needed - 1, total), NINETY_FIVE)).isFalse();
  }

  @Test
  void aCounterWithNothingToCountPasses() {
    assertThat(Figures.meets(Tally.ZERO, BigDecimal.ONE)).isTrue();
    assertThat(Figures.percent(Tally.ZERO, 2)).isEqualTo("-");
  }

  @Test
  void percentagesAreTruncatedNeverRoundedUp() {
    assertThat(Figures.percent(new Tally(94_999, 100_000), 2)).isEqualTo("94.99%");
    assertThat(Figures.percent(new Tally(18_999, 20_000), 2)).isEqualTo("94.99%"); // 94.995
    assertThat(Figures.percent(new Tally(2, 3), 2)).isEqualTo("66.66%");
    assertThat(Figures.percent(new Tally(9_447, 10_000), 2)).isEqualTo("94.47%");
    assertThat(Figures.percent(new Tally(1, 1), 2)).isEqualTo("100.00%");
    assertThat(Figures.percent(new Tally(0, 5), 2)).isEqualTo("0.00%");
  }

  @Test
  void requiredPercentagesShowTheMinimumExactlyWithAtLeastTwoDecimals() {
    assertThat(Figures.required(NINETY_FIVE)).isEqualTo("95.00%");
    assertThat(Figures.required(new BigDecimal("0.6"))).isEqualTo("60.00%");
    assertThat(Figures.required(BigDecimal.ONE)).isEqualTo("100.00%");
    assertThat(Figures.required(BigDecimal.ZERO)).isEqualTo("0.00%");
    assertThat(Figures.required(new BigDecimal("0.95555"))).isEqualTo("95.555%");
  }

  @Test
  void theActualGetsAsManyDecimalsAsTheRequiredSoAFailureNeverPrintsAtTheFloor() {
    BigDecimal minimum = new BigDecimal("0.95555");
    int scale = Figures.percentScale(minimum);
    Tally justBelow = new Tally(955_549, 1_000_000); // 95.5549%
    assertThat(Figures.meets(justBelow, minimum)).isFalse();
    assertThat(Figures.percent(justBelow, scale)).isEqualTo("95.554%");
    assertThat(Figures.percentScale(NINETY_FIVE)).isEqualTo(2);
  }

  @Test
  void jacocoRatiosHaveFourDecimalsTruncated() {
    assertThat(Figures.ratio(new Tally(9_447, 10_000), Figures.ratioScale(NINETY_FIVE))).isEqualTo("0.9447");
    assertThat(Figures.ratio(new Tally(2, 3), 4)).isEqualTo("0.6666");
    assertThat(Figures.ratio(NINETY_FIVE, Figures.ratioScale(NINETY_FIVE))).isEqualTo("0.9500");
  }

  @Test
  void deltaIsSignedPercentagePointsAgainstTheBaseline() {
    assertThat(Figures.delta(new Tally(9_447, 10_000), new Tally(9_500, 10_000))).isEqualTo("-0.53");
    assertThat(Figures.delta(new Tally(96, 100), new Tally(84, 100))).isEqualTo("+12.00");
    assertThat(Figures.delta(new Tally(19, 20), new Tally(95, 100))).isEqualTo("0.00");
  }

  @Test
  void aDropSmallerThanOneHundredthStillShowsItsSign() {
    assertThat(Figures.delta(new Tally(99_999, 100_000), new Tally(1, 1))).isEqualTo("-0.00");
    assertThat(Figures.delta(new Tally(2, 3), new Tally(1, 3))).isEqualTo("+33.33");
  }

  @Test
  void deltaIsUndefinedWhenEitherSideHasNothingToCount() {
    assertThat(Figures.delta(Tally.ZERO, new Tally(1, 2))).isNull();
    assertThat(Figures.delta(new Tally(1, 2), Tally.ZERO)).isNull();
  }

  @Test
  void shortfallsCompareExactlyAcrossDifferentFloors() {
    // 90/100 against 0.95 is 5 points short; 50/100 against 0.50 is not short at all.
    assertThat(Figures.compareShortfall(new Tally(90, 100), NINETY_FIVE, new Tally(50, 100), new BigDecimal("0.5")))
        .isPositive();
    // 1/3 against 0.5 (0.1666… short) vs 60/100 against 0.75 (0.15 short).
    assertThat(Figures.compareShortfall(new Tally(1, 3), new BigDecimal("0.5"), new Tally(60, 100), new BigDecimal("0.75")))
        .isPositive();
  }
}
