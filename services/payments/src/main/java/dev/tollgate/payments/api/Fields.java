package dev.tollgate.payments.api;

import dev.tollgate.service.ApiError;
import java.util.regex.Pattern;

/**
 * Request field checks shared by the features. Each failure is a 400 with a stable code and
 * {@code details.field} naming the field: {@code missing_field}, {@code invalid_amount},
 * {@code invalid_currency}, {@code field_too_long}.
 */
public final class Fields {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Fields() {}

  /** The value, which must be present and not blank; else 400 {@code missing_field}. */
  public static <T> T require(T value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw ApiError.invalid("missing_field", field, field + " is required");
    }
    return value;
  }

  /** Optional text: null stays null; longer than {@code maxLength} is 400 {@code field_too_long}. */
  public static String optional(String value, String field, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw ApiError.invalid("field_too_long", field, field + " must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** Required text of at most {@code maxLength} characters. */
  public static String requireText(String value, String field, int maxLength) {
    return optional(require(value, field), field, maxLength);
  }

  /** An amount in integer minor units, which must be present and &gt; 0 (400 {@code invalid_amount}). */
  public static long requireAmount(Long amount, String field) {
    require(amount, field);
    return positiveAmount(amount, field);
  }

  /** {@code amount} must be &gt; 0; else 400 {@code invalid_amount}. */
  public static long positiveAmount(long amount, String field) {
    if (amount <= 0) {
      throw ApiError.invalid("invalid_amount", field, field + " must be a positive integer number of minor units (cents)");
    }
    return amount;
  }

  /** An ISO 4217 code: three uppercase letters (400 {@code invalid_currency} otherwise). */
  public static String requireCurrency(String currency, String field) {
    require(currency, field);
    if (!CURRENCY.matcher(currency).matches()) {
      throw ApiError.invalid("invalid_currency", field, field + " must be an ISO 4217 code of three uppercase letters, e.g. USD");
    }
    return currency;
  }
}
