package dev.tollgate.vault.charges;

/**
 * A charge as stored and answered: {@code id} ({@code ch_...}), the card {@code token},
 * {@code status} {@code "succeeded"} or {@code "declined"}, the bank's {@code declineCode}
 * when declined (else null), the amount in minor units, the currency, and the bank's
 * authorization id.
 */
record Charge(String id, String token, String status, String declineCode, long amount, String currency, String bankAuthorizationId) {
  static final String SUCCEEDED = "succeeded";
  static final String DECLINED = "declined";
}
