package dev.tollgate.vault.charges;

import dev.tollgate.service.ApiError;

/** Checks of request amounts (integer minor units, &gt; 0) and currencies (ISO 4217: three uppercase letters). */
final class Money {
  private Money() {}

  /** The amount, or 400 {@code missing_field} / {@code invalid_amount} naming {@code amount}. */
  static long amount(Long amount) {
    if (amount == null) {
      throw ApiError.invalid("missing_field", "amount", "amount is required");
    }
    if (amount <= 0) {
      throw ApiError.invalid("invalid_amount", "amount", "amount must be a positive integer in minor units (e.g. cents), not " + amount);
    }
    return amount;
  }

  /** The currency, or 400 {@code missing_field} / {@code invalid_currency} naming {@code currency}. */
  static String currency(String currency) {
    if (currency == null || currency.isBlank()) {
      throw ApiError.invalid("missing_field", "currency", "currency is required");
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw ApiError.invalid("invalid_currency", "currency", "currency must be an ISO 4217 code of three uppercase letters (e.g. EUR)");
    }
    return currency;
  }
}
