package dev.tollgate.payments.debits;

import dev.tollgate.payments.api.Bodies;
import dev.tollgate.payments.api.Page;
import dev.tollgate.payments.api.PageRequest;
import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.JsonClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Debits: charging a card after a fraud check.
 *
 * <ul>
 *   <li>{@code POST /v1/debits} {@code {card_id, amount, currency, description?}}, optional
 *       header {@code Idempotency-Key} (at most 255 characters) → 201 the debit when it
 *       succeeded; 402 {@code {"code": failure_code, "message", "details": {"debit_id"}}}
 *       when it failed ({@code csc_check_failed}, {@code high_risk}, or the bank's decline
 *       code). Either way the debit is stored. 400 for invalid fields, 404 for an unknown or
 *       another marketplace's card, 502 {@code upstream_error} (e.g. a fraud answer without
 *       {@code csc_check}) and 504 {@code upstream_timeout} store nothing. A retry with the
 *       same key and body gets the first status and body; with another body 422
 *       {@code idempotency_key_reused}; while the first is running 409
 *       {@code idempotency_key_in_progress}.
 *   <li>{@code GET /v1/debits/{id}} → 200 {@code {id, card_id, amount, currency, status,
 *       failure_code, refunded_amount, risk_score, description, created_at}}; 404 otherwise.
 *   <li>{@code GET /v1/debits?limit&offset} → 200 a page, newest first.
 * </ul>
 */
public final class DebitRoutes {
  static final int MAX_KEY_LENGTH = 255;
  private final DebitCreation creation;
  private final DebitStore store;

  private DebitRoutes(DebitCreation creation, DebitStore store) {
    this.creation = creation;
    this.store = store;
  }

  /**
   * Registers the debit routes.
   *
   * @param maxRiskScore debits whose fraud risk score is above this (0..100) are declined
   */
  public static void register(Javalin app, Jdbi jdbi, JsonClient fraud, JsonClient vault, int maxRiskScore) {
    DebitCreation creation = new DebitCreation(jdbi, new FraudChecks(fraud), new DeclineRules(maxRiskScore), new VaultCharges(vault));
    DebitRoutes routes = new DebitRoutes(creation, new DebitStore(jdbi));
    app.post("/v1/debits", routes::create);
    app.get("/v1/debits/{id}", routes::get);
    app.get("/v1/debits", routes::list);
  }

  private void create(Context ctx) {
    String marketplaceId = Tenancy.marketplaceId(ctx);
    DebitRequest request = Bodies.read(ctx, DebitRequest.class).validated();
    StoredResponse response = creation.create(marketplaceId, request, idempotencyKey(ctx.header("Idempotency-Key")));
    ctx.status(response.status()).contentType("application/json").result(response.body());
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    Debit debit = Tenancy.requireOwned(store.find(id), Debit::marketplaceId, Tenancy.marketplaceId(ctx), "debit", id);
    ctx.json(DebitView.of(debit));
  }

  private void list(Context ctx) {
    PageRequest page = PageRequest.from(ctx);
    ctx.json(Page.of(store.list(Tenancy.marketplaceId(ctx), page), page).map(DebitView::of));
  }

  static Optional<String> idempotencyKey(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.isBlank() || header.length() > MAX_KEY_LENGTH) {
      throw ApiError.invalid("invalid_idempotency_key", "Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    return Optional.of(header);
  }
}
