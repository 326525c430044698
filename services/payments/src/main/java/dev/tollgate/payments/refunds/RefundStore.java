package dev.tollgate.payments.refunds;

import dev.tollgate.payments.api.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code refunds} table and the refund-related columns of {@code debits}. */
final class RefundStore {
  private final Jdbi jdbi;

  RefundStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The debit, locked ({@code select … for update}) until the caller's transaction ends. */
  Optional<RefundableDebit> lockDebit(Handle handle, String debitId) {
    return handle.createQuery("select id, marketplace_id, status, amount, refunded_amount, vault_charge_id from debits where id = :id for update")
        .bind("id", debitId)
        .map((rs, ctx) -> new RefundableDebit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6)))
        .findOne();
  }

  Optional<String> debitOwner(String debitId) {
    return jdbi.withHandle(h -> h.createQuery("select marketplace_id from debits where id = :id").bind("id", debitId).mapTo(String.class).findOne());
  }

  /** Stores the refund and adds its amount to the debit's refunded_amount. */
  void insert(Handle handle, Refund refund) {
    handle.createUpdate("""
            insert into refunds (id, marketplace_id, debit_id, amount, status, vault_refund_id, created_at)
            values (:id, :marketplaceId, :debitId, :amount, :status, :vaultRefundId, :createdAt)""")
        .bind("id", refund.id())
        .bind("marketplaceId", refund.marketplaceId())
        .bind("debitId", refund.debitId())
        .bind("amount", refund.amount())
        .bind("status", refund.status())
        .bind("vaultRefundId", refund.vaultRefundId())
        .bind("createdAt", refund.createdAt())
        .execute();
    handle.createUpdate("update debits set refunded_amount = refunded_amount + :amount where id = :id")
        .bind("amount", refund.amount())
        .bind("id", refund.debitId())
        .execute();
  }

  /** The debit's refunds, newest first, in the window of {@code page} plus one. */
  List<Refund> list(String debitId, PageRequest page) {
    return jdbi.withHandle(h -> h.createQuery("select * from refunds where debit_id = :debit order by created_at desc, id desc limit :limit offset :offset")
        .bind("debit", debitId)
        .bind("limit", page.fetchSize())
        .bind("offset", page.offset())
        .map(RefundStore::map)
        .list());
  }

  private static Refund map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Refund(
        rs.getString("id"),
        rs.getString("marketplace_id"),
        rs.getString("debit_id"),
        rs.getLong("amount"),
        rs.getString("status"),
        rs.getString("vault_refund_id"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
