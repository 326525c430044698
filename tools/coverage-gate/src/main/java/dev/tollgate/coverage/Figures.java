package dev.tollgate.coverage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The arithmetic of the gate, exact throughout (integers and {@link BigDecimal}, never float).
 *
 * <ul>
 *   <li>A tally meets a minimum when {@code covered >= minimum * total}; 0/0 always does.
 *   <li>Percentages are truncated, never rounded: 94.999% prints as {@code 94.99%}. They get two
 *       decimals, or as many as the required figure needs (a minimum of 0.9555 prints 95.55%
 *       required and the actual with two decimals too; 0.95555 prints 95.555% and the actual
 *       with three), so a failing figure always prints below its floor and a passing one at or
 *       above it.
 *   <li>Deltas are percentage points against the last passing run, truncated toward zero to two
 *       decimals and signed by the exact difference ({@code -0.00} is a drop smaller than 0.01).
 * </ul>
 */
final class Figures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Figures() {}

  /** True when {@code tally}'s covered ratio is at least {@code minimum}; 0/0 has nothing to miss. */
  static boolean meets(Tally tally, BigDecimal minimum) {
    if (tally.total() == 0) {
      return true;
    }
    return BigDecimal.valueOf(tally.covered()).compareTo(minimum.multiply(BigDecimal.valueOf(tally.total()))) >= 0;
  }

  /** Decimal places for percentages judged against {@code minimum}: two, or more if it needs them. */
  static int percentScale(BigDecimal minimum) {
    return minimum == null ? 2 : Math.max(2, minimum.movePointRight(2).stripTrailingZeros().scale());
  }

  /** {@code covered / total} in percent, truncated to {@code scale} places, e.g. {@code 94.47%}; "-" for 0/0. */
  static String percent(Tally tally, int scale) {
    if (tally.total() == 0) {
      return "-";
    }
    return truncatedPercent(tally, scale).toPlainString() + "%";
  }

  static BigDecimal truncatedPercent(Tally tally, int scale) {
    return BigDecimal.valueOf(tally.covered()).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(tally.total()), scale, RoundingMode.DOWN);
  }

  /** The minimum in percent, exactly, e.g. {@code 95.00%} for 0.95. */
  static String required(BigDecimal minimum) {
    return minimum.movePointRight(2).setScale(percentScale(minimum), RoundingMode.UNNECESSARY).toPlainString() + "%";
  }

  /** Decimal places for ratios in JaCoCo-style messages: four, or more if the minimum needs them. */
  static int ratioScale(BigDecimal minimum) {
    return Math.max(4, minimum.stripTrailingZeros().scale());
  }

  /** {@code covered / total} as a ratio truncated to {@code scale} places, e.g. {@code 0.9447}. */
  static String ratio(Tally tally, int scale) {
    if (tally.total() == 0) {
      return "n/a";
    }
    return BigDecimal.valueOf(tally.covered())
        .divide(BigDecimal.valueOf(tally.total()), scale, RoundingMode.DOWN).toPlainString();
  }

  /** The minimum as a ratio with {@code scale} places, e.g. {@code 0.9500}. */
  static String ratio(BigDecimal minimum, int scale) {
    return minimum.setScale(Math.max(scale, minimum.scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  /**
   * The change in percentage points from {@code before} to {@code now}, e.g. {@code -0.53} or
   * {@code +1.20}; {@code 0.00} when unchanged; null when either has nothing to count.
   */
  static String delta(Tally now, Tally before) {
    if (now.total() == 0 || before.total() == 0) {
      return null;
    }
    BigInteger numerator = BigInteger.valueOf(now.covered()).multiply(BigInteger.valueOf(before.total()))
        .subtract(BigInteger.valueOf(before.covered()).multiply(BigInteger.valueOf(now.total())))
        .multiply(BigInteger.valueOf(100));
    BigInteger denominator = BigInteger.valueOf(now.total()).multiply(BigInteger.valueOf(before.total()));
    BigDecimal points = new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.DOWN).abs();
    String sign = switch (numerator.signum()) {
      case 1 -> "+";
      case -1 -> "-";
      default -> "";
    };
    return sign + points.toPlainString();
  }

  /**
   * How far {@code tally} is below {@code minimum}, compared exactly: positive when {@code a}
   * falls further short than {@code b}.
   */
  static int compareShortfall(Tally a, BigDecimal minimumA, Tally b, BigDecimal minimumB) {
    // shortfall = minimum - covered/total = (minimum*total - covered) / total; cross-multiply.
    BigDecimal left = minimumA.multiply(BigDecimal.valueOf(a.total())).subtract(BigDecimal.valueOf(a.covered()))
        .multiply(BigDecimal.valueOf(b.total()));
    BigDecimal right = minimumB.multiply(BigDecimal.valueOf(b.total())).subtract(BigDecimal.valueOf(b.covered()))
        .multiply(BigDecimal.valueOf(a.total()));
    return left.compareTo(right);
  }
}
