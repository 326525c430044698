package dev.tollgate.vault.cards;

import dev.tollgate.cards.Luhn;
import dev.tollgate.service.ApiError;
import java.time.Clock;
import java.time.YearMonth;

/**
 * Checks a {@link CardRequest} before anything is sent to the bank. Each failure is an
 * {@link ApiError} 400 whose {@code details.field} names the field; messages never contain
 * the number or the CSC. Codes, in the order checked: {@code missing_field},
 * {@code invalid_card_number} (not 12-19 digits, Luhn failure, or a length its brand does not
 * issue), {@code unsupported_brand}, {@code invalid_expiry} (month outside 1-12, year not four
 * digits), {@code card_expired} (before the current month of the clock; a card is valid through
 * its expiry month), {@code invalid_csc} (not exactly the brand's CSC length in digits).
 */
final class CardValidator {
  private final Clock clock;

  /** @param clock gives the current month for the expiry check */
  CardValidator(Clock clock) {
    this.clock = clock;
  }

  /** The validated card, or an {@link ApiError} 400 as described above. */
  ValidCard validate(CardRequest request) {
    String number = required(request.number(), "number");
    int month = required(request.expiryMonth(), "expiry_month");
    int year = required(request.expiryYear(), "expiry_year");
    String csc = required(request.csc(), "csc");
    if (!Luhn.isCardNumber(number)) {
      throw ApiError.invalid("invalid_card_number", "number", "number is not a valid card number (12 to 19 digits passing the Luhn check)");
    }
    Brand brand = Brands.detect(number).orElseThrow(() -> ApiError.invalid("unsupported_brand", "number", "the card's brand is not accepted (visa, mastercard, amex, discover)"));
    if (!brand.acceptsLength(number.length())) {
      throw ApiError.invalid("invalid_card_number", "number", "a " + brand.wireName() + " card number cannot have " + number.length() + " digits");
    }
    if (month < 1 || month > 12) {
      throw ApiError.invalid("invalid_expiry", "expiry_month", "expiry_month must be 1 to 12, not " + month);
    }
    if (year < 1000 || year > 9999) {
      throw ApiError.invalid("invalid_expiry", "expiry_year", "expiry_year must have four digits (e.g. 2030), not " + year);
    }
    if (YearMonth.of(year, month).isBefore(YearMonth.now(clock))) {
      throw ApiError.invalid("card_expired", "expiry_year", "the card expired at the end of " + YearMonth.of(year, month));
    }
    if (!csc.matches("[0-9]{" + brand.cscLength() + "}")) {
      throw ApiError.invalid("invalid_csc", "csc", "csc must be " + brand.cscLength() + " digits for a " + brand.wireName() + " card");
    }
    String holder = request.holderName() == null || request.holderName().isBlank() ? null : request.holderName().trim();
    return new ValidCard(number, brand, month, year, csc, holder);
  }

  private static <T> T required(T value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw ApiError.invalid("missing_field", field, field + " is required");
    }
    return value;
  }
}
