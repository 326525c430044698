package dev.tollgate.vault.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.service.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardValidatorTest {
  /** "Now" is 15 March 2027. */
  private final CardValidator validator = new CardValidator(Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aValidCardComesBackWithItsBrandAndLastFour() {
    ValidCard card = validator.validate(new CardRequest("4242424242424242", 12, 2030, "123", "  Ada Lovelace "));

    assertThat(card.brand()).isEqualTo(Brand.VISA);
    assertThat(card.lastFour()).isEqualTo("4242");
    assertThat(card.expiryMonth()).isEqualTo(12);
    assertThat(card.expiryYear()).isEqualTo(2030);
    assertThat(card.holderName()).isEqualTo("Ada Lovelace");
    assertThat(card.details().number()).isEqualTo("4242424242424242");
  }

  @Test
  void aBlankHolderNameIsStoredAsNone() {
    assertThat(validator.validate(new CardRequest("4242424242424242", 12, 2030, "123", " ")).holderName()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"number", "expiry_month", "expiry_year", "csc"})
  void eachRequiredFieldIsReportedWhenMissing(String field) {
    CardRequest request = new CardRequest(
        field.equals("number") ? null : "4242424242424242",
        field.equals("expiry_month") ? null : 12,
        field.equals("expiry_year") ? null : 2030,
        field.equals("csc") ? null : "123",
        null);

    assertRefused(request, "missing_field", field);
  }

  @Test
  void aBlankNumberIsMissing() {
    assertRefused(new CardRequest("  ", 12, 2030, "123", null), "missing_field", "number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "4242 4242 4242 4242", "42424242424", "42424242424242424242", "4242-4242-4242-4242"})
  void numbersThatAreNotCardNumbersAreInvalid(String number) {
    assertRefused(new CardRequest(number, 12, 2030, "123", null), "invalid_card_number", "number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"424242424242424", "400000000000000002", "34000000000000"})
  void aLengthTheBrandDoesNotIssueIsInvalid(String number) {
    assertRefused(new CardRequest(number, 12, 2030, "1234", null), "invalid_card_number", "number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3530111333300000", "30569309025904"})
  void luhnValidNumbersOfOtherBrandsAreUnsupported(String number) {
    assertRefused(new CardRequest(number, 12, 2030, "123", null), "unsupported_brand", "number");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 13, -1})
  void monthsOutsideOneToTwelveAreInvalid(int month) {
    assertRefused(new CardRequest("4242424242424242", month, 2030, "123", null), "invalid_expiry", "expiry_month");
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 999, 10000})
  void yearsWithoutFourDigitsAreInvalid(int year) {
    assertRefused(new CardRequest("4242424242424242", 12, year, "123", null), "invalid_expiry", "expiry_year");
  }

  @Test
  void aCardThatExpiredLastMonthIsExpired() {
    assertRefused(new CardRequest("4242424242424242", 2, 2027, "123", null), "card_expired", "expiry_year");
  }

  @Test
  void aCardThatExpiredInAnEarlierYearIsExpired() {
    assertRefused(new CardRequest("4242424242424242", 12, 2026, "123", null), "card_expired", "expiry_year");
  }

  @Test
  void aCardExpiringThisMonthIsStillValid() {
    assertThat(validator.validate(new CardRequest("4242424242424242", 3, 2027, "123", null)).expiryMonth()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} with csc {1}")
  @CsvSource({"4242424242424242, 123", "5555555555554444, 000", "6011111111111117, 999", "378282246310005, 1234"})
  void theCscHasTheBrandsLength(String number, String csc) {
    assertThat(validator.validate(new CardRequest(number, 12, 2030, csc, null)).csc()).isEqualTo(csc);
  }

  @ParameterizedTest(name = "{0} with csc {1}")
  @CsvSource({"4242424242424242, 1234", "4242424242424242, 12", "5555555555554444, 1234", "378282246310005, 123", "378282246310005, 12345", "4242424242424242, 12a", "6011111111111117, ' 12'"})
  void aCscOfAnotherLengthOrNotDigitsIsInvalid(String number, String csc) {
    assertRefused(new CardRequest(number, 12, 2030, csc, null), "invalid_csc", "csc");
  }

  private void assertRefused(CardRequest request, String code, String field) {
    ApiError error = catchThrowableOfType(ApiError.class, () -> validator.validate(request));

    assertThat(error).as("validation error").isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.details()).containsEntry("field", field);
  }
}
