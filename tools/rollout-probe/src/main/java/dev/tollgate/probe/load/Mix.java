package dev.tollgate.probe.load;

/**
 * The request mix, a fixed pattern over the schedule so that every run offers the same load:
 * of every ten requests, three create a debit (30%), four read one by id and three list
 * debits (70% reads). The pattern starts with a debit, so reads by id have one to read soon.
 */
public final class Mix {
  private static final RequestKind[] PATTERN = {
    RequestKind.CREATE_DEBIT, RequestKind.GET_DEBIT, RequestKind.LIST_DEBITS, RequestKind.CREATE_DEBIT, RequestKind.LIST_DEBITS,
    RequestKind.GET_DEBIT, RequestKind.CREATE_DEBIT, RequestKind.GET_DEBIT, RequestKind.LIST_DEBITS, RequestKind.GET_DEBIT,
  };

  private Mix() {}

  /**
   * What request {@code index} of the schedule does when {@code debitKnown} (some debit has
   * been acknowledged so far); a read by id becomes a list while none has.
   */
  public static RequestKind kindOf(long index, boolean debitKnown) {
    RequestKind planned = PATTERN[(int) Math.floorMod(index, (long) PATTERN.length)];
    return planned == RequestKind.GET_DEBIT && !debitKnown ? RequestKind.LIST_DEBITS : planned;
  }
}
