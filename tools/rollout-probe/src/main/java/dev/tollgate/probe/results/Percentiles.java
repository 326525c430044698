package dev.tollgate.probe.results;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Exact percentiles by the nearest-rank method: the p-th percentile of N values is the value
 * at rank ⌈p/100 × N⌉ (1-based) of the values sorted ascending, i.e. the smallest recorded
 * value that at least p% of the values do not exceed. Always one of the recorded values,
 * never interpolated.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code percentile}-th percentile of {@code values} (any order; not modified).
   *
   * @param percentile in (0, 100]
   * @return empty when there are no values
   * @throws IllegalArgumentException when {@code percentile} is outside (0, 100]
   */
  public static OptionalLong nearestRank(long[] values, double percentile) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return nearestRankOfSorted(sorted, percentile);
  }

  /** As {@link #nearestRank}, for values already sorted ascending (not checked). */
  public static OptionalLong nearestRankOfSorted(long[] sorted, double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
    }
    if (sorted.length == 0) {
      return OptionalLong.empty();
    }
    // p * N first, then / 100: exact for whole percentiles, so p99 of 100 values is rank 99.
    int rank = (int) Math.ceil(percentile * sorted.length / 100.0);
    return OptionalLong.of(sorted[Math.max(rank, 1) - 1]);
  }
}
