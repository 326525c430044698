package dev.tollgate.vault.cards;

import dev.tollgate.vault.crypto.CardCipher;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code cards} table (migrations/vault/V1). */
final class CardStore {
  private final Jdbi jdbi;

  CardStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(StoredCard card) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            insert into cards (token, number_ciphertext, nonce, fingerprint, brand, last_four, expiry_month, expiry_year, holder_name)
            values (:token, :ciphertext, :nonce, :fingerprint, :brand, :lastFour, :expiryMonth, :expiryYear, :holderName)""")
        .bind("token", card.token())
        .bind("ciphertext", card.sealed().ciphertext())
        .bind("nonce", card.sealed().nonce())
        .bind("fingerprint", card.fingerprint())
        .bind("brand", card.brand())
        .bind("lastFour", card.lastFour())
        .bind("expiryMonth", card.expiryMonth())
        .bind("expiryYear", card.expiryYear())
        .bind("holderName", card.holderName())
        .execute());
  }

  Optional<StoredCard> find(String token) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            select token, number_ciphertext, nonce, fingerprint, brand, last_four, expiry_month, expiry_year, holder_name
            from cards where token = :token""")
        .bind("token", token)
        .map((rs, ctx) -> new StoredCard(
            rs.getString("token"),
            new CardCipher.Sealed(rs.getBytes("nonce"), rs.getBytes("number_ciphertext")),
            rs.getString("fingerprint"),
            rs.getString("brand"),
            rs.getString("last_four"),
            rs.getInt("expiry_month"),
            rs.getInt("expiry_year"),
            rs.getString("holder_name")))
        .findOne());
  }
}
