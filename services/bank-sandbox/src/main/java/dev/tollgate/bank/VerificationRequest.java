package dev.tollgate.bank;

/**
 * {@code POST /v1/verifications} body: a zero-amount account verification. {@code csc} is
 * optional; without it the result is {@code "unavailable"}.
 */
record VerificationRequest(String cardNumber, Integer expiryMonth, Integer expiryYear, String csc) {

  /** Checks every field; see {@link Requests} for the 400 codes. */
  void validate() {
    Requests.cardNumber(cardNumber);
    Requests.expiry(expiryMonth, expiryYear);
    Requests.csc(csc);
  }

  /** Never shows the card number or the CSC. */
  @Override
  public String toString() {
    return "VerificationRequest[expiryMonth=" + expiryMonth + ", expiryYear=" + expiryYear + "]";
  }
}
