package dev.tollgate.payments.debits;

import dev.tollgate.payments.api.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code debits} table, and the card facts a debit needs. */
final class DebitStore {
  private final Jdbi jdbi;

  DebitStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<CardRef> findCard(String cardId) {
    return jdbi.withHandle(h -> h.createQuery("select id, marketplace_id, vault_token, fingerprint, csc_result from cards where id = :id")
        .bind("id", cardId)
        .map((rs, ctx) -> new CardRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .findOne());
  }

  /** Inserts, inside the caller's transaction. */
  void insert(Handle handle, Debit debit) {
    handle.createUpdate("""
            insert into debits (id, marketplace_id, card_id, amount, currency, status, failure_code, risk_score, vault_charge_id, refunded_amount, description, created_at)
            values (:id, :marketplaceId, :cardId, :amount, :currency, :status, :failureCode, :riskScore, :vaultChargeId, :refundedAmount, :description, :createdAt)""")
        .bind("id", debit.id())
        .bind("marketplaceId", debit.marketplaceId())
        .bind("cardId", debit.cardId())
        .bind("amount", debit.amount())
        .bind("currency", debit.currency())
        .bind("status", debit.status())
        .bind("failureCode", debit.failureCode())
        .bind("riskScore", debit.riskScore())
        .bind("vaultChargeId", debit.vaultChargeId())
        .bind("refundedAmount", debit.refundedAmount())
        .bind("description", debit.description())
        .bind("createdAt", debit.createdAt())
        .execute();
  }

  Optional<Debit> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from debits where id = :id").bind("id", id).map(DebitStore::map).findOne());
  }

  /** The marketplace's debits, newest first, in the window of {@code page} plus one. */
  List<Debit> list(String marketplaceId, PageRequest page) {
    return jdbi.withHandle(h -> h.createQuery("select * from debits where marketplace_id = :mp order by created_at desc, id desc limit :limit offset :offset")
        .bind("mp", marketplaceId)
        .bind("limit", page.fetchSize())
        .bind("offset", page.offset())
        .map(DebitStore::map)
        .list());
  }

  private static Debit map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Debit(
        rs.getString("id"),
        rs.getString("marketplace_id"),
        rs.getString("card_id"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("status"),
        rs.getString("failure_code"),
        rs.getInt("risk_score"),
        rs.getString("vault_charge_id"),
        rs.getLong("refunded_amount"),
        rs.getString("description"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
