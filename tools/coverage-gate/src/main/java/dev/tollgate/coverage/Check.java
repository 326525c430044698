package dev.tollgate.coverage;

import java.math.BigDecimal;

/**
 * One row of the gate's table: one counter of one package against the limit of the rule that
 * applies to it. {@code rule} and {@code minimum} are null for a package no rule matches
 * ({@link Result#NOT_GATED}); {@code baseline} is null when the last passing run of the branch
 * did not measure this package and counter, or there is no such run.
 */
record Check(String packageName, Counter counter, Tally tally, BigDecimal minimum, Rule rule, Tally baseline,
    Result result) {

  /** The outcome of one check. */
  enum Result {
    PASS,
    FAIL,
    NOT_GATED;

    /** The word the table and the JSON verdict use. */
    String label() {
      return switch (this) {
        case PASS -> "PASS";
        case FAIL -> "FAIL";
        case NOT_GATED -> "NO RULE";
      };
    }
  }

  /** The package as shown to people; the default package has an empty name in reports. */
  String displayName() {
    return packageName.isEmpty() ? "(default package)" : packageName;
  }

  /** The actual percentage, truncated, with as many decimals as the required one. */
  String actual() {
    return Figures.percent(tally, Figures.percentScale(minimum));
  }

  /** The required percentage, exactly; "-" when not gated. */
  String required() {
    return minimum == null ? "-" : Figures.required(minimum);
  }

  /** Percentage points against the baseline ({@code -0.53}), or null when there is none to compare. */
  String delta() {
    return baseline == null ? null : Figures.delta(tally, baseline);
  }

  /** JaCoCo's phrasing of a failure: "pkg: lines covered ratio is 0.9447, but expected minimum is 0.9500". */
  String jacocoMessage() {
    int scale = Figures.ratioScale(minimum);
    return displayName() + ": " + counter.phrase() + " covered ratio is " + Figures.ratio(tally, scale)
        + ", but expected minimum is " + Figures.ratio(minimum, scale);
  }
}
