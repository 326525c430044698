package dev.tollgate.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.cards.Luhn;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Reading and validating request bodies. Every failure is a 400 {@link ApiError} with a
 * stable code and {@code details.field}; no message ever repeats a card number.
 */
final class Requests {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern CSC = Pattern.compile("[0-9]{3,4}");

  /** The lowest and highest expiry years accepted (four-digit years only). */
  static final int MIN_EXPIRY_YEAR = 2000;
  static final int MAX_EXPIRY_YEAR = 2199;

  private Requests() {}

  /**
   * The body as {@code type}. A body that is not JSON, has a field of the wrong type or is
   * JSON {@code null} is a 400 {@code invalid_json} (the first two through {@code HttpService}).
   */
  static <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
    T body = Json.mapper().readValue(ctx.body(), type);
    if (body == null) {
      throw new ApiError(400, "invalid_json", "request body must be a JSON object");
    }
    return body;
  }

  /** A present, non-blank string field. */
  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiError.invalid("missing_field", field, field + " is required");
    }
    return value;
  }

  /** A present field of any type. */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiError.invalid("missing_field", field, field + " is required");
    }
    return value;
  }

  /** A card number: 12 to 19 digits passing the Luhn check. The message never repeats it. */
  static String cardNumber(String number) {
    required(number, "card_number");
    if (!Luhn.isCardNumber(number)) {
      throw ApiError.invalid("invalid_card_number", "card_number", "card_number must be 12 to 19 digits and pass the Luhn check");
    }
    return number;
  }

  /** Expiry month 1-12 and a four-digit year in [{@value #MIN_EXPIRY_YEAR}, {@value #MAX_EXPIRY_YEAR}]. */
  static void expiry(Integer month, Integer year) {
    required(month, "expiry_month");
    required(year, "expiry_year");
    if (month < 1 || month > 12) {
      throw ApiError.invalid("invalid_expiry", "expiry_month", "expiry_month must be between 1 and 12");
    }
    if (year < MIN_EXPIRY_YEAR || year > MAX_EXPIRY_YEAR) {
      throw ApiError.invalid("invalid_expiry", "expiry_year", "expiry_year must be a four-digit year between " + MIN_EXPIRY_YEAR + " and " + MAX_EXPIRY_YEAR);
    }
  }

  /** An amount in minor units (e.g. cents), greater than zero. */
  static long amount(Long amount) {
    required(amount, "amount");
    if (amount <= 0) {
      throw ApiError.invalid("invalid_amount", "amount", "amount must be a positive integer in minor units (e.g. cents)");
    }
    return amount;
  }

  /** An ISO 4217 currency code: three uppercase letters. */
  static String currency(String currency) {
    required(currency, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw ApiError.invalid("invalid_currency", "currency", "currency must be an ISO 4217 code of three uppercase letters");
    }
    return currency;
  }

  /** A card security code when present: three or four digits. The message never repeats it. */
  static void csc(String csc) {
    if (csc != null && !CSC.matcher(csc).matches()) {
      throw ApiError.invalid("invalid_csc", "csc", "csc must be three or four digits");
    }
  }
}
