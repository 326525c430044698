package dev.tollgate.payments.refunds;

import dev.tollgate.service.ApiError;

/**
 * How much a refund may take from a debit. Amounts are integer minor units. A debit can be
 * refunded, in one go or in parts, up to its amount; only a succeeded debit can be refunded.
 */
final class RefundMath {
  private RefundMath() {}

  /**
   * The amount to refund.
   *
   * @param requested the amount asked for, or null for everything that remains
   * @throws ApiError 409 {@code debit_not_refundable} for a debit that did not succeed; 409
   *     {@code refund_exceeds_debit} when more than what remains is asked for, or nothing
   *     remains; 400 {@code invalid_amount} for a requested amount &le; 0
   */
  static long amountToRefund(boolean debitSucceeded, long debitAmount, long refundedAmount, Long requested) {
    if (!debitSucceeded) {
      throw ApiError.conflict("debit_not_refundable", "only a succeeded debit can be refunded");
    }
    if (requested != null && requested <= 0) {
      throw ApiError.invalid("invalid_amount", "amount", "amount must be a positive integer number of minor units (cents)");
    }
    long remaining = debitAmount - refundedAmount;
    if (remaining <= 0) {
      throw ApiError.conflict("refund_exceeds_debit", "the debit is already fully refunded");
    }
    if (requested != null && requested > remaining) {
      throw ApiError.conflict("refund_exceeds_debit", "a refund of " + requested + " exceeds the " + remaining + " that remains of the debit");
    }
    return requested == null ? remaining : requested;
  }
}
