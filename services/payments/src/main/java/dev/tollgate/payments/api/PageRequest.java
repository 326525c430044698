package dev.tollgate.payments.api;

import dev.tollgate.service.ApiError;
import io.javalin.http.Context;

/**
 * A list request's window: {@code limit} 1..100 (default 20) items from {@code offset} (&ge; 0,
 * default 0). Bad values are 400 {@code invalid_limit} or {@code invalid_offset}.
 */
public record PageRequest(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** From the query parameters {@code limit} and {@code offset}. */
  public static PageRequest from(Context ctx) {
    return parse(ctx.queryParam("limit"), ctx.queryParam("offset"));
  }

  /** From raw parameter values; null means absent. */
  public static PageRequest parse(String limit, String offset) {
    int parsedLimit = parse(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit", "an integer from 1 to " + MAX_LIMIT);
    int parsedOffset = parse(offset, 0, 0, Integer.MAX_VALUE, "offset", "an integer of 0 or more");
    return new PageRequest(parsedLimit, parsedOffset);
  }

  /** How many rows to fetch: one more than the limit tells whether there are more. */
  public int fetchSize() {
    return limit + 1;
  }

  private static int parse(String raw, int fallback, int min, int max, String name, String expected) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw ApiError.invalid("invalid_" + name, name, name + " must be " + expected + ", got '" + abbreviate(raw) + "'");
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 20 ? raw : raw.substring(0, 20) + "...";
  }
}
