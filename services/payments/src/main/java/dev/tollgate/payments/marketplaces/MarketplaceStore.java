package dev.tollgate.payments.marketplaces;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code marketplaces} table. */
final class MarketplaceStore {
  private static final String COLUMNS = "id, name, email, test, created_at";
  private final Jdbi jdbi;

  MarketplaceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(Marketplace marketplace, String apiKeyHash) {
    jdbi.useHandle(h -> h.createUpdate("insert into marketplaces (id, name, email, test, api_key_hash, created_at) values (:id, :name, :email, :test, :hash, :createdAt)")
        .bind("id", marketplace.id())
        .bind("name", marketplace.name())
        .bind("email", marketplace.email())
        .bind("test", marketplace.test())
        .bind("hash", apiKeyHash)
        .bind("createdAt", marketplace.createdAt())
        .execute());
  }

  Optional<Marketplace> findByKeyHash(String apiKeyHash) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from marketplaces where api_key_hash = :hash")
        .bind("hash", apiKeyHash)
        .map(MarketplaceStore::map)
        .findOne());
  }

  Optional<Marketplace> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from marketplaces where id = :id")
        .bind("id", id)
        .map(MarketplaceStore::map)
        .findOne());
  }

  private static Marketplace map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Marketplace(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getBoolean("test"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
