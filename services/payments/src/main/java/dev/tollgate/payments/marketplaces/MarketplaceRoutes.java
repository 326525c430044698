package dev.tollgate.payments.marketplaces;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.payments.api.Bodies;
import dev.tollgate.payments.api.Ids;
import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marketplaces (tenants) and authentication.
 *
 * <ul>
 *   <li>{@code POST /v1/marketplaces} (no auth) {@code {name, email?, test?}} → 201
 *       {@code {id:"mp_…", name, email, test, api_key:"sk_…", created_at}}; the key is shown
 *       once and stored only as its SHA-256 hex.
 *   <li>{@code GET /v1/marketplaces/me} → 200 {@code {id, name, email, test, created_at}}.
 *   <li>Every other {@code /v1/*} request needs {@code Authorization: Bearer sk_…} or HTTP
 *       Basic with the key as user name and an empty password; else 401 {@code unauthorized}.
 * </ul>
 */
public final class MarketplaceRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceRoutes.class);
  private final MarketplaceStore store;

  private MarketplaceRoutes(MarketplaceStore store) {
    this.store = store;
  }

  /** Registers the authentication handler and the marketplace routes on {@code app}. */
  public static void register(Javalin app, Jdbi jdbi) {
    MarketplaceRoutes routes = new MarketplaceRoutes(new MarketplaceStore(jdbi));
    app.before("/v1/*", new Authentication(routes.store));
    app.post("/v1/marketplaces", routes::signup);
    app.get("/v1/marketplaces/me", routes::me);
  }

  private void signup(Context ctx) {
    SignupRequest request = Bodies.read(ctx, SignupRequest.class).validated();
    String apiKey = ApiKeys.generate();
    Marketplace marketplace = new Marketplace(Ids.random("mp"), request.name(), request.email(), request.test(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    store.insert(marketplace, ApiKeys.hash(apiKey));
    LOG.info("marketplace created {} {}", kv("marketplace_id", marketplace.id()), kv("test", marketplace.test()));
    ctx.status(201).json(SignupResponse.of(marketplace, apiKey));
  }

  private void me(Context ctx) {
    String id = Tenancy.marketplaceId(ctx);
    ctx.json(store.find(id).orElseThrow(() -> ApiError.unauthorized("the marketplace of this key no longer exists")));
  }
}
