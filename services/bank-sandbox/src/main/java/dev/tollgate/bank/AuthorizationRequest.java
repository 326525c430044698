package dev.tollgate.bank;

/**
 * {@code POST /v1/authorizations} body. {@code amount} is in minor units (e.g. cents),
 * {@code capture} defaults to true (authorize and capture at once), {@code reference} is the
 * caller's own identifier, optional and only echoed to the log.
 */
record AuthorizationRequest(
    String cardNumber, Integer expiryMonth, Integer expiryYear, Long amount, String currency, Boolean capture, String reference) {

  /** Checks every field; see {@link Requests} for the 400 codes. */
  void validate() {
    Requests.cardNumber(cardNumber);
    Requests.expiry(expiryMonth, expiryYear);
    Requests.amount(amount);
    Requests.currency(currency);
  }

  /** Whether to capture at once: true unless {@code capture} is false. */
  boolean captureNow() {
    return capture == null || capture;
  }

  /** Never shows the card number. */
  @Override
  public String toString() {
    return "AuthorizationRequest[amount=" + amount + ", currency=" + currency + ", capture=" + capture + ", reference=" + reference + "]";
  }
}
