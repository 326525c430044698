package dev.tollgate.payments.cards;

import java.time.Instant;

/** A card on the wire: {@code {id, brand, last_four, expiry_month, expiry_year, holder_name, created_at}}. */
record CardView(String id, String brand, String lastFour, int expiryMonth, int expiryYear, String holderName, Instant createdAt) {
  static CardView of(Card card) {
    return new CardView(card.id(), card.brand(), card.lastFour(), card.expiryMonth(), card.expiryYear(), card.holderName(), card.createdAt());
  }
}
