package dev.tollgate.payments.refunds;

import java.time.Instant;

/** A refund on the wire: {@code {id:"rf_…", debit_id, amount, status, created_at}}. */
record RefundView(String id, String debitId, long amount, String status, Instant createdAt) {
  static RefundView of(Refund refund) {
    return new RefundView(refund.id(), refund.debitId(), refund.amount(), refund.status(), refund.createdAt());
  }
}
