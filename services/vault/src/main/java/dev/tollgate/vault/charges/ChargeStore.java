package dev.tollgate.vault.charges;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code charges} table (migrations/vault/V2): one row per Idempotency-Key. */
final class ChargeStore {
  private static final String COLUMNS = "id, token, status, decline_code, amount, currency, bank_authorization_id";
  private static final RowMapper<Charge> MAPPER = (rs, ctx) -> new Charge(
      rs.getString("id"),
      rs.getString("token"),
      rs.getString("status"),
      rs.getString("decline_code"),
      rs.getLong("amount"),
      rs.getString("currency"),
      rs.getString("bank_authorization_id"));

  private final Jdbi jdbi;

  ChargeStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores {@code charge} under {@code idempotencyKey} unless a charge already holds that key;
   * returns the charge stored under the key either way (the first one wins a race).
   */
  Charge insertOrKeep(Charge charge, String idempotencyKey) {
    return jdbi.inTransaction(handle -> {
      handle.createUpdate("""
              insert into charges (id, token, idempotency_key, amount, currency, status, decline_code, bank_authorization_id)
              values (:id, :token, :key, :amount, :currency, :status, :declineCode, :authorizationId)
              on conflict (idempotency_key) do nothing""")
          .bind("id", charge.id())
          .bind("token", charge.token())
          .bind("key", idempotencyKey)
          .bind("amount", charge.amount())
          .bind("currency", charge.currency())
          .bind("status", charge.status())
          .bind("declineCode", charge.declineCode())
          .bind("authorizationId", charge.bankAuthorizationId())
          .execute();
      return handle.createQuery("select " + COLUMNS + " from charges where idempotency_key = :key").bind("key", idempotencyKey).map(MAPPER).one();
    });
  }

  Optional<Charge> findByIdempotencyKey(String idempotencyKey) {
    return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from charges where idempotency_key = :key").bind("key", idempotencyKey).map(MAPPER).findOne());
  }

  Optional<Charge> find(String id) {
    return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from charges where id = :id").bind("id", id).map(MAPPER).findOne());
  }
}
