package dev.tollgate.payments.verification;

import dev.tollgate.service.ApiError;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes test marketplaces and everything they own (refunds, debits, cards, idempotency
 * records) in one transaction, the marketplaces' rows locked first.
 */
final class TestDataCleaner {
  private final Jdbi jdbi;

  TestDataCleaner(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @throws ApiError 403 {@code not_test_data} when the named marketplace is not a test one
   *     (then nothing is deleted)
   */
  DeletedCounts delete(Selection selection) {
    return jdbi.inTransaction(h -> {
      List<String> ids = selection.marketplaceId() != null ? named(h, selection.marketplaceId()) : createdBefore(h, selection);
      if (ids.isEmpty()) {
        return DeletedCounts.NONE;
      }
      int refunds = deleteOwned(h, "refunds", ids);
      int debits = deleteOwned(h, "debits", ids);
      int cards = deleteOwned(h, "cards", ids);
      deleteOwned(h, "idempotency_keys", ids);
      int marketplaces = h.createUpdate("delete from marketplaces where id = any(:ids)").bindArray("ids", String.class, ids).execute();
      return new DeletedCounts(marketplaces, cards, debits, refunds);
    });
  }

  private static List<String> named(Handle h, String id) {
    Optional<Boolean> test = h.createQuery("select test from marketplaces where id = :id for update").bind("id", id).mapTo(Boolean.class).findOne();
    if (test.isPresent() && !test.get()) {
      throw ApiError.forbidden("not_test_data", "marketplace " + id + " is not a test marketplace; nothing was deleted");
    }
    return test.isPresent() ? List.of(id) : List.of();
  }

  private static List<String> createdBefore(Handle h, Selection selection) {
    return h.createQuery("select id from marketplaces where test and created_at < :before for update")
        .bind("before", selection.createdBefore())
        .mapTo(String.class)
        .list();
  }

  private static int deleteOwned(Handle h, String table, List<String> marketplaceIds) {
    return h.createUpdate("delete from " + table + " where marketplace_id = any(:ids)").bindArray("ids", String.class, marketplaceIds).execute();
  }
}
