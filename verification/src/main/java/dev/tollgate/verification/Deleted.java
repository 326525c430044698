package dev.tollgate.verification;

/**
 * Rows payments' test-data cleanup deleted, on the wire {@code {marketplaces, cards, debits, refunds}}.
 */
public record Deleted(int marketplaces, int cards, int debits, int refunds) {
  /** Nothing deleted. */
  public static final Deleted NONE = new Deleted(0, 0, 0, 0);

  /** The sum of both counts. */
  public Deleted plus(Deleted other) {
    return new Deleted(marketplaces + other.marketplaces, cards + other.cards, debits + other.debits, refunds + other.refunds);
  }

  @Override
  public String toString() {
    return marketplaces + " marketplaces, " + cards + " cards, " + debits + " debits, " + refunds + " refunds";
  }
}
