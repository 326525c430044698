package dev.tollgate.vault.charges;

import org.jdbi.v3.core.Jdbi;

/** The {@code refunds} table (migrations/vault/V2). */
final class RefundStore {
  private final Jdbi jdbi;

  RefundStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(Refund refund, String bankRefundId) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            insert into refunds (id, charge_id, amount, status, bank_refund_id)
            values (:id, :chargeId, :amount, :status, :bankRefundId)""")
        .bind("id", refund.id())
        .bind("chargeId", refund.chargeId())
        .bind("amount", refund.amount())
        .bind("status", refund.status())
        .bind("bankRefundId", bankRefundId)
        .execute());
  }
}
