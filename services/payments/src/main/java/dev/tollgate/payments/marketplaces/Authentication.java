package dev.tollgate.payments.marketplaces;

import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.ApiError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The {@code before} handler of {@code /v1/*}: every request but signup must carry a known
 * API key (see {@link Credentials}); else 401 {@code unauthorized}.
 */
final class Authentication implements Handler {
  static final String SIGNUP_PATH = "/v1/marketplaces";
  private final MarketplaceStore store;

  Authentication(MarketplaceStore store) {
    this.store = store;
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.method() == HandlerType.POST && ctx.path().replaceAll("/+$", "").equals(SIGNUP_PATH)) {
      return;
    }
    String key = Credentials.apiKey(ctx.header("Authorization"))
        .orElseThrow(() -> reject(ctx, "an API key is required: Authorization: Bearer sk_... or Basic with the key as user name"));
    Marketplace marketplace = store.findByKeyHash(ApiKeys.hash(key)).orElseThrow(() -> reject(ctx, "unknown API key"));
    Tenancy.authenticate(ctx, marketplace.id());
  }

  private static ApiError reject(Context ctx, String message) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"payments\"");
    return ApiError.unauthorized(message);
  }
}
