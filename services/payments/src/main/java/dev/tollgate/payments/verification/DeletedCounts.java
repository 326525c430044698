package dev.tollgate.payments.verification;

/** How many rows the cleanup deleted; on the wire {@code {marketplaces, cards, debits, refunds}}. */
record DeletedCounts(int marketplaces, int cards, int debits, int refunds) {
  static final DeletedCounts NONE = new DeletedCounts(0, 0, 0, 0);
}
