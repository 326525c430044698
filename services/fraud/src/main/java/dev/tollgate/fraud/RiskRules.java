package dev.tollgate.fraud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk rules: pure, explainable, additive. Each rule that adds risk adds its reason.
 *
 * <table>
 *   <caption>Rules (amounts in minor units, whatever the currency)</caption>
 *   <tr><th>rule</th><th>risk</th><th>reason</th></tr>
 *   <tr><td>amount &lt; 10,000 (100.00)</td><td>+0</td><td>none</td></tr>
 *   <tr><td>10,000 ≤ amount &lt; 100,000 (1,000.00)</td><td>+10</td><td>{@code amount_band_medium}</td></tr>
 *   <tr><td>100,000 ≤ amount &lt; 500,000 (5,000.00)</td><td>+30</td><td>{@code amount_band_high}</td></tr>
 *   <tr><td>amount ≥ 500,000</td><td>+60</td><td>{@code amount_band_very_high}</td></tr>
 *   <tr><td>n checks on the card within the window, this one included, n &gt; 3</td>
 *       <td>+15 × (n − 3)</td><td>{@code velocity_<n>_in_<minutes>m}</td></tr>
 *   <tr><td>csc_check "fail"</td><td>+20</td><td>{@code csc_check_fail}</td></tr>
 *   <tr><td>sum above 100</td><td>capped at 100</td><td>{@code score_capped_at_100}</td></tr>
 * </table>
 */
final class RiskRules {
  static final long MEDIUM_AMOUNT = 10_000;
  static final long HIGH_AMOUNT = 100_000;
  static final long VERY_HIGH_AMOUNT = 500_000;
  static final int FREE_ATTEMPTS = 3;
  static final int RISK_PER_EXTRA_ATTEMPT = 15;
  static final int RISK_CSC_FAIL = 20;
  static final int MAX_SCORE = 100;

  /** A score in 0..100 and the reasons that explain it, in rule order. */
  record Assessment(int score, List<String> reasons) {}

  private final Duration window;

  /**
   * @param window how far back checks on the same card count for velocity; at least a minute
   */
  RiskRules(Duration window) {
    if (window.toMinutes() < 1) {
      throw new IllegalArgumentException("the velocity window must be at least one minute, not " + window);
    }
    this.window = window;
  }

  Duration window() {
    return window;
  }

  /** What the caller sent as csc_result, as the check reports it: absent means "unavailable". */
  static String cscCheck(String cscResult) {
    return cscResult == null ? "unavailable" : cscResult;
  }

  /**
   * Scores one payment.
   *
   * @param amount in minor units, &gt; 0
   * @param cscCheck "pass", "fail" or "unavailable"
   * @param attemptsInWindow checks on the same card fingerprint within the window, this one
   *     included (so at least 1)
   */
  Assessment assess(long amount, String cscCheck, int attemptsInWindow) {
    List<String> reasons = new ArrayList<>();
    long score = amountRisk(amount, reasons);
    if (attemptsInWindow > FREE_ATTEMPTS) {
      score += (long) RISK_PER_EXTRA_ATTEMPT * (attemptsInWindow - FREE_ATTEMPTS);
      reasons.add("velocity_" + attemptsInWindow + "_in_" + window.toMinutes() + "m");
    }
    if ("fail".equals(cscCheck)) {
      score += RISK_CSC_FAIL;
      reasons.add("csc_check_fail");
    }
    if (score > MAX_SCORE) {
      score = MAX_SCORE;
      reasons.add("score_capped_at_" + MAX_SCORE);
    }
    return new Assessment((int) score, List.copyOf(reasons));
  }

  private static int amountRisk(long amount, List<String> reasons) {
    if (amount >= VERY_HIGH_AMOUNT) {
      reasons.add("amount_band_very_high");
      return 60;
    }
    if (amount >= HIGH_AMOUNT) {
      reasons.add("amount_band_high");
      return 30;
    }
    if (amount >= MEDIUM_AMOUNT) {
      reasons.add("amount_band_medium");
      return 10;
    }
    return 0;
  }
}
