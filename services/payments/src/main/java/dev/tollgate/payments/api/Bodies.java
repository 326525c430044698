package dev.tollgate.payments.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Reading request bodies and writing response bodies with the shared JSON convention. A body
 * that is not JSON or has a wrongly typed field is a 400 {@code invalid_json} (rendered by
 * service-common); an empty or {@code null} body where one is required is the same.
 */
public final class Bodies {
  private Bodies() {}

  /** The body as {@code type}; 400 {@code invalid_json} when it is empty or {@code null}. */
  public static <T> T read(Context ctx, Class<T> type) {
    return readOptional(ctx, type).orElseThrow(() -> new ApiError(400, "invalid_json", "a JSON object request body is required"));
  }

  /** The body as {@code type}, or empty when the request has no body or {@code null}. */
  public static <T> Optional<T> readOptional(Context ctx, Class<T> type) {
    String body = ctx.body().strip();
    if (body.isEmpty() || body.equals("null")) {
      return Optional.empty(); // Javalin's bodyAsClass refuses a JSON null with an NPE
    }
    return Optional.of(ctx.bodyAsClass(type));
  }

  /** {@code value} as JSON text. */
  public static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
