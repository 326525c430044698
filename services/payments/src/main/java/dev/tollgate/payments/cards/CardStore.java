package dev.tollgate.payments.cards;

import dev.tollgate.payments.api.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code cards} table. */
final class CardStore {
  private final Jdbi jdbi;

  CardStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(Card card) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into cards (id, marketplace_id, vault_token, fingerprint, brand, last_four, expiry_month, expiry_year, csc_result, holder_name, created_at)
            values (:id, :marketplaceId, :vaultToken, :fingerprint, :brand, :lastFour, :expiryMonth, :expiryYear, :cscResult, :holderName, :createdAt)""")
        .bind("id", card.id())
        .bind("marketplaceId", card.marketplaceId())
        .bind("vaultToken", card.vaultToken())
        .bind("fingerprint", card.fingerprint())
        .bind("brand", card.brand())
        .bind("lastFour", card.lastFour())
        .bind("expiryMonth", card.expiryMonth())
        .bind("expiryYear", card.expiryYear())
        .bind("cscResult", card.cscResult())
        .bind("holderName", card.holderName())
        .bind("createdAt", card.createdAt())
        .execute());
  }

  Optional<Card> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from cards where id = :id").bind("id", id).map(CardStore::map).findOne());
  }

  /** The marketplace's cards, newest first, in the window of {@code page} plus one. */
  List<Card> list(String marketplaceId, PageRequest page) {
    return jdbi.withHandle(h -> h.createQuery("select * from cards where marketplace_id = :mp order by created_at desc, id desc limit :limit offset :offset")
        .bind("mp", marketplaceId)
        .bind("limit", page.fetchSize())
        .bind("offset", page.offset())
        .map(CardStore::map)
        .list());
  }

  private static Card map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Card(
        rs.getString("id"),
        rs.getString("marketplace_id"),
        rs.getString("vault_token"),
        rs.getString("fingerprint"),
        rs.getString("brand"),
        rs.getString("last_four"),
        rs.getInt("expiry_month"),
        rs.getInt("expiry_year"),
        rs.getString("csc_result"),
        rs.getString("holder_name"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
