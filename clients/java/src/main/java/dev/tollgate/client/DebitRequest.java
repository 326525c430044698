package dev.tollgate.client;

/**
 * Body of {@code POST /v1/debits}: {@code {card_id, amount, currency, description?}}.
 *
 * @param cardId the calling marketplace's card ({@code card_…})
 * @param amount integer minor units (cents for USD), &gt; 0
 * @param currency ISO 4217, three uppercase letters, e.g. {@code USD}
 * @param description up to 1000 characters, or null
 */
public record DebitRequest(String cardId, long amount, String currency, String description) {
  /** A debit without description. */
  public DebitRequest(String cardId, long amount, String currency) {
    this(cardId, amount, currency, null);
  }
}
