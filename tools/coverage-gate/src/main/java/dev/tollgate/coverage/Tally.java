package dev.tollgate.coverage;

/**
 * One counter's figures for one package: how many items (lines, branches, …) are covered out of
 * how many in total. JaCoCo writes {@code missed} and {@code covered}; {@code total = missed +
 * covered}. A tally of 0/0 means there is nothing of that kind to cover.
 */
record Tally(long covered, long total) {
  static final Tally ZERO = new Tally(0, 0);

  Tally {
    if (covered < 0 || total < covered) {
      throw new IllegalArgumentException("covered " + covered + " of total " + total);
    }
  }

  long missed() {
    return total - covered;
  }

  Tally plus(Tally other) {
    return new Tally(Math.addExact(covered, other.covered), Math.addExact(total, other.total));
  }

  @Override
  public String toString() {
    return covered + "/" + total;
  }
}
