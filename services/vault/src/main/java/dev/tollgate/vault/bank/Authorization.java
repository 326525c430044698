package dev.tollgate.vault.bank;

/**
 * The bank's answer to an authorization: {@code id} ({@code auth_...}), {@code status}
 * {@code "approved"} or {@code "declined"}, the bank's {@code declineCode} when declined
 * (e.g. {@code card_declined}, {@code insufficient_funds}), and the amount in minor units.
 */
public record Authorization(String id, String status, String declineCode, Long amount, String currency, Boolean captured, Long refundedAmount) {
  /** Whether the bank approved the charge. */
  public boolean approved() {
    return "approved".equals(status);
  }
}
