package dev.tollgate.vault.charges;

import dev.tollgate.service.ApiError;
import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.cards.Cards;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/**
 * The charges feature.
 *
 * <ul>
 *   <li>{@code POST /v1/cards/{token}/charges}, header {@code Idempotency-Key} (required, at
 *       most 255 characters, forwarded to the bank), {@code {amount, currency, reference?}} →
 *       201 {@code {id, token, status, decline_code, amount, currency, bank_authorization_id}};
 *       400 {@code missing_idempotency_key}, {@code invalid_idempotency_key},
 *       {@code missing_field}, {@code invalid_amount}, {@code invalid_currency}; 404
 *       {@code card_not_found}; 422 {@code idempotency_key_reused}; 504
 *       {@code upstream_timeout}; 502 {@code upstream_error}.
 *   <li>{@code POST /v1/charges/{id}/refunds} {@code {amount}} → 201
 *       {@code {id, charge_id, amount, status}}; 404 {@code charge_not_found}; 409 with the
 *       bank's code; 400 as above for the amount.
 * </ul>
 */
public final class Charges {
  private static final int MAX_KEY_LENGTH = 255;

  private final Charger charger;
  private final Refunder refunder;

  /** @param cards the cards feature, to decrypt the card behind a token */
  public Charges(Jdbi jdbi, Cards cards, Bank bank) {
    ChargeStore store = new ChargeStore(jdbi);
    this.charger = new Charger(cards, bank, store);
    this.refunder = new Refunder(bank, store, new RefundStore(jdbi));
  }

  /** Registers the charges and refunds routes. */
  public void routes(Javalin app) {
    app.post("/v1/cards/{token}/charges", this::charge);
    app.post("/v1/charges/{id}/refunds", this::refund);
  }

  private void charge(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null || key.isBlank()) {
      throw ApiError.invalid("missing_idempotency_key", "Idempotency-Key", "the Idempotency-Key header is required");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw ApiError.invalid("invalid_idempotency_key", "Idempotency-Key", "the Idempotency-Key header must be at most " + MAX_KEY_LENGTH + " characters");
    }
    ctx.status(201).json(charger.charge(ctx.pathParam("token"), key, body(ctx, ChargeRequest.class)));
  }

  private void refund(Context ctx) {
    ctx.status(201).json(refunder.refund(ctx.pathParam("id"), body(ctx, RefundRequest.class)));
  }

  private static <T> T body(Context ctx, Class<T> type) {
    T body = ctx.bodyAsClass(type);
    if (body == null) {
      throw new ApiError(400, "invalid_json", "request body must be a JSON object");
    }
    return body;
  }
}
