package dev.tollgate.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/checks} body: {@code card_fingerprint} (the vault's fingerprint, required),
 * {@code amount} (minor units, &gt; 0), {@code currency} (ISO 4217, three uppercase letters),
 * {@code csc_result} ("pass", "fail", "unavailable" or absent).
 */
record CheckRequest(String cardFingerprint, Long amount, String currency, String cscResult) {
  static final int MAX_FINGERPRINT_LENGTH = 255;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> CSC_RESULTS = Set.of("pass", "fail", "unavailable");

  /**
   * Parses a body. Not JSON or a wrongly typed field: a {@link JsonProcessingException}, which
   * the service answers with 400 {@code invalid_json}; JSON {@code null}: the same code here.
   */
  static CheckRequest read(String body) throws JsonProcessingException {
    CheckRequest request = Json.mapper().readValue(body, CheckRequest.class);
    if (request == null) {
      throw new ApiError(400, "invalid_json", "request body must be a JSON object");
    }
    return request;
  }

  /**
   * Checks every field, in order.
   *
   * @throws ApiError 400 {@code missing_field}, {@code invalid_card_fingerprint},
   *     {@code invalid_amount}, {@code invalid_currency} or {@code invalid_csc_result}, with
   *     {@code details.field}
   */
  void validate() {
    if (cardFingerprint == null || cardFingerprint.isBlank()) {
      throw missing("card_fingerprint");
    }
    if (cardFingerprint.length() > MAX_FINGERPRINT_LENGTH) {
      throw ApiError.invalid("invalid_card_fingerprint", "card_fingerprint", "card_fingerprint must be at most " + MAX_FINGERPRINT_LENGTH + " characters");
    }
    if (amount == null) {
      throw missing("amount");
    }
    if (amount <= 0) {
      throw ApiError.invalid("invalid_amount", "amount", "amount must be a positive integer in minor units (e.g. cents)");
    }
    if (currency == null) {
      throw missing("currency");
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw ApiError.invalid("invalid_currency", "currency", "currency must be an ISO 4217 code of three uppercase letters");
    }
    if (cscResult != null && !CSC_RESULTS.contains(cscResult)) {
      throw ApiError.invalid("invalid_csc_result", "csc_result", "csc_result must be one of pass, fail, unavailable, or absent");
    }
  }

  private static ApiError missing(String field) {
    return ApiError.invalid("missing_field", field, field + " is required");
  }
}
