package dev.tollgate.payments.debits;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code idempotency_keys} table. A key is reserved by inserting its row before any work
 * (the unique (marketplace_id, key) constraint lets exactly one concurrent request win),
 * completed with the answer in the debit's transaction, or released when no answer was reached.
 */
final class IdempotencyStore {
  private final Jdbi jdbi;

  IdempotencyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** True when this call inserted the row, i.e. owns the key now. */
  boolean reserve(String marketplaceId, String key, String requestHash) {
    return jdbi.withHandle(h -> h.createUpdate("""
            insert into idempotency_keys (marketplace_id, key, request_hash, created_at) values (:mp, :key, :hash, :now)
            on conflict (marketplace_id, key) do nothing""")
        .bind("mp", marketplaceId)
        .bind("key", key)
        .bind("hash", requestHash)
        .bind("now", Instant.now())
        .execute()) == 1;
  }

  Optional<IdempotencyRecord> find(String marketplaceId, String key) {
    return jdbi.withHandle(h -> h.createQuery("select request_hash, response_status, response_body from idempotency_keys where marketplace_id = :mp and key = :key")
        .bind("mp", marketplaceId)
        .bind("key", key)
        .map((rs, ctx) -> new IdempotencyRecord(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
        .findOne());
  }

  /** Stores the answer, inside the caller's transaction. */
  void complete(Handle handle, String marketplaceId, String key, StoredResponse response) {
    handle.createUpdate("update idempotency_keys set response_status = :status, response_body = :body where marketplace_id = :mp and key = :key")
        .bind("status", response.status())
        .bind("body", response.body())
        .bind("mp", marketplaceId)
        .bind("key", key)
        .execute();
  }

  /** Frees an unfinished reservation so the request can be retried with the same key. */
  void release(String marketplaceId, String key) {
    jdbi.useHandle(h -> h.createUpdate("delete from idempotency_keys where marketplace_id = :mp and key = :key and response_status is null")
        .bind("mp", marketplaceId)
        .bind("key", key)
        .execute());
  }
}
