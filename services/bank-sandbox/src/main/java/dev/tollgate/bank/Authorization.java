package dev.tollgate.bank;

/**
 * An authorization as the API shows it: {@code id} "auth_…", {@code status} "approved" or
 * "declined", {@code decline_code} null when approved, {@code amount} and
 * {@code refunded_amount} in minor units. Immutable: changes make a new value.
 */
record Authorization(String id, String status, String declineCode, long amount, String currency, boolean captured, long refundedAmount) {
  static final String APPROVED = "approved";
  static final String DECLINED = "declined";

  boolean approved() {
    return APPROVED.equals(status);
  }

  /** What may still be refunded: the captured amount minus what was refunded (0 when not captured). */
  long refundable() {
    return captured ? amount - refundedAmount : 0;
  }

  Authorization withCaptured() {
    return new Authorization(id, status, declineCode, amount, currency, true, refundedAmount);
  }

  Authorization withRefund(long refund) {
    return new Authorization(id, status, declineCode, amount, currency, captured, refundedAmount + refund);
  }
}
