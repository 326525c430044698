package dev.tollgate.payments.debits;

import dev.tollgate.payments.api.Fields;

/**
 * Body of {@code POST /v1/debits}: {@code {card_id, amount, currency, description?}};
 * {@code amount} in integer minor units (&gt; 0), {@code currency} ISO 4217 (three uppercase
 * letters).
 */
record DebitRequest(String cardId, Long amount, String currency, String description) {
  DebitRequest validated() {
    Fields.requireText(cardId, "card_id", 64);
    Fields.requireAmount(amount, "amount");
    Fields.requireCurrency(currency, "currency");
    Fields.optional(description, "description", 1000);
    return this;
  }
}
