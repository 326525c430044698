package dev.tollgate.payments.api;

import dev.tollgate.service.ApiError;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which marketplace (tenant) a request acts for, and the rule that another marketplace's
 * resource is a 404, never a 403, so callers cannot learn which ids exist.
 */
public final class Tenancy {
  private static final String ATTRIBUTE = "tollgate.marketplace_id";

  private Tenancy() {}

  /** Records the authenticated marketplace of the request. */
  public static void authenticate(Context ctx, String marketplaceId) {
    ctx.attribute(ATTRIBUTE, marketplaceId);
  }

  /**
   * The authenticated marketplace's id.
   *
   * @throws ApiError 401 when the request was not authenticated
   */
  public static String marketplaceId(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      throw ApiError.unauthorized("authentication required");
    }
    return id;
  }

  /**
   * The resource when it exists and belongs to {@code caller}.
   *
   * @param what the resource's name in the error message ("card", "debit")
   * @throws ApiError 404 {@code not_found} when it is absent or another marketplace's
   */
  public static <T> T requireOwned(Optional<T> resource, Function<T, String> owner, String caller, String what, String id) {
    return resource.filter(found -> owner.apply(found).equals(caller)).orElseThrow(() -> ApiError.notFound(what, id));
  }
}
