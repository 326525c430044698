package dev.tollgate.payments.cards;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.payments.api.Bodies;
import dev.tollgate.payments.api.Ids;
import dev.tollgate.payments.api.Page;
import dev.tollgate.payments.api.PageRequest;
import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.JsonClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cards, tokenized by the vault; payments stores the token, fingerprint and CSC result, never
 * the number.
 *
 * <ul>
 *   <li>{@code POST /v1/cards} {@code {number, expiry_month, expiry_year, csc, holder_name?}}
 *       → 201 {@code {id:"card_…", brand, last_four, expiry_month, expiry_year, holder_name,
 *       created_at}}; 400 {@code missing_field}, or the vault's own 400 code passed through.
 *   <li>{@code GET /v1/cards/{id}} → 200 the card; 404 when absent or another marketplace's.
 *   <li>{@code GET /v1/cards?limit&offset} → 200 a page, newest first.
 * </ul>
 */
public final class CardRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CardRoutes.class);
  private final CardStore store;
  private final VaultCards vault;

  private CardRoutes(CardStore store, VaultCards vault) {
    this.store = store;
    this.vault = vault;
  }

  /** Registers the card routes; {@code vault} is a client of the vault's base URL. */
  public static void register(Javalin app, Jdbi jdbi, JsonClient vault) {
    CardRoutes routes = new CardRoutes(new CardStore(jdbi), new VaultCards(vault));
    app.post("/v1/cards", routes::create);
    app.get("/v1/cards/{id}", routes::get);
    app.get("/v1/cards", routes::list);
  }

  private void create(Context ctx) {
    String marketplaceId = Tenancy.marketplaceId(ctx);
    CardRequest request = Bodies.read(ctx, CardRequest.class).validated();
    VaultCard tokenized = vault.tokenize(request);
    Card card = new Card(
        Ids.random("card"),
        marketplaceId,
        tokenized.token(),
        tokenized.fingerprint(),
        tokenized.brand(),
        tokenized.lastFour(),
        tokenized.expiryMonth(),
        tokenized.expiryYear(),
        tokenized.cscResult(),
        request.holderName(),
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    store.insert(card);
    LOG.info("card created {} {} {}", kv("card_id", card.id()), kv("marketplace_id", marketplaceId), kv("brand", card.brand()));
    ctx.status(201).json(CardView.of(card));
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    Card card = Tenancy.requireOwned(store.find(id), Card::marketplaceId, Tenancy.marketplaceId(ctx), "card", id);
    ctx.json(CardView.of(card));
  }

  private void list(Context ctx) {
    PageRequest page = PageRequest.from(ctx);
    ctx.json(Page.of(store.list(Tenancy.marketplaceId(ctx), page), page).map(CardView::of));
  }
}
