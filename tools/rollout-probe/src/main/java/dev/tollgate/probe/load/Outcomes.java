package dev.tollgate.probe.load;

/**
 * How the probe judges an HTTP status. Status 0 stands for a transport error: no HTTP answer
 * at all (refused or reset connection, timeout) or a request never sent.
 */
public final class Outcomes {
  private Outcomes() {}

  /**
   * True for a valid answer: any 2xx, or 402 (a business decline of a debit: the API worked
   * and stored the failed debit).
   */
  public static boolean ok(int status) {
    return (status >= 200 && status < 300) || status == 402;
  }

  /**
   * True when a client retries the attempt, once: a debit or card POST that got no answer or a
   * 5xx. A debit's retry reuses its Idempotency-Key, so it cannot charge twice. Payments' card
   * POST takes no Idempotency-Key (only {@code POST /v1/debits} does), so a retry after a lost
   * answer may tokenize the number twice: a second card row the probe never learns of, harmless
   * (nothing is charged, and it goes with the test marketplace). Reads and 4xx answers are not
   * retried.
   */
  public static boolean retried(RequestKind kind, int status) {
    return (kind == RequestKind.CREATE_DEBIT || kind == RequestKind.CREATE_CARD) && (status == 0 || status >= 500);
  }
}
