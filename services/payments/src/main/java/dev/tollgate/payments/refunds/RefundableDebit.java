package dev.tollgate.payments.refunds;

/** What a refund needs of its debit, read under a row lock. */
record RefundableDebit(String id, String marketplaceId, String status, long amount, long refundedAmount, String vaultChargeId) {
  boolean succeeded() {
    return "succeeded".equals(status);
  }
}
