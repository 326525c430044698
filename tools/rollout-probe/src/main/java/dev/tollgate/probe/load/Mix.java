package dev.tollgate.probe.load;

/**
 * The request mix, a fixed pattern over the schedule so that every run offers the same load:
 * of every ten requests, three create a debit (30%), four read one by id and three list
 * debits (70% reads). The pattern starts with a debit, so reads by id have one to read soon.
 * A read whose slot comes while the debits need a card becomes a card POST instead (about one
 * in ten requests, as a card serves {@link CardPool#MAX_CHARGES} debits), so debits keep their
 * share and the rate is unchanged.
 */
public final class Mix {
  private static final RequestKind[] PATTERN = {
    RequestKind.CREATE_DEBIT, RequestKind.GET_DEBIT, RequestKind.LIST_DEBITS, RequestKind.CREATE_DEBIT, RequestKind.LIST_DEBITS,
    RequestKind.GET_DEBIT, RequestKind.CREATE_DEBIT, RequestKind.GET_DEBIT, RequestKind.LIST_DEBITS, RequestKind.GET_DEBIT,
  };

  private Mix() {}

  /**
   * What request {@code index} of the schedule does when {@code debitKnown} (some debit has
   * been acknowledged so far) and {@code cardWanted}: a read becomes a card POST while a card is
   * wanted; else a read by id becomes a list while no debit is known.
   */
  public static RequestKind kindOf(long index, boolean debitKnown, boolean cardWanted) {
    RequestKind planned = PATTERN[(int) Math.floorMod(index, (long) PATTERN.length)];
    if (planned == RequestKind.CREATE_DEBIT) {
      return planned;
    }
    if (cardWanted) {
      return RequestKind.CREATE_CARD;
    }
    return planned == RequestKind.GET_DEBIT && !debitKnown ? RequestKind.LIST_DEBITS : planned;
  }
}
