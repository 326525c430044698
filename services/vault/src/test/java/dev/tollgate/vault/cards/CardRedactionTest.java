package dev.tollgate.vault.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.service.ApiError;
import dev.tollgate.vault.bank.CardDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A card number (PAN) or CSC must never show up in a toString or in an error. */
class CardRedactionTest {
  private static final String CSC = "987";
  private final CardValidator validator = new CardValidator(Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "378282246310005", "6011111111111117"})
  void cardTypesNeverPrintTheNumberOrTheCsc(String number) {
    CardRequest request = new CardRequest(number, 12, 2030, CSC, "Ada");
    ValidCard card = new ValidCard(number, Brand.VISA, 12, 2030, CSC, "Ada");
    CardDetails details = card.details();

    assertThat(request.toString()).doesNotContain(number).doesNotContain(CSC);
    assertThat(card.toString()).doesNotContain(number).doesNotContain(CSC).contains(number.substring(number.length() - 4));
    assertThat(details.toString()).doesNotContain(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4242424242424241", // Luhn failure
      "424242424242424", // length Visa does not issue
      "3530111333300000", // unsupported brand
  })
  void errorsAboutTheNumberNeverContainIt(String number) {
    assertErrorOmits(new CardRequest(number, 12, 2030, CSC, null), number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444"})
  void errorsAboutOtherFieldsNeverContainTheNumberOrCsc(String number) {
    assertErrorOmits(new CardRequest(number, 13, 2030, CSC, null), number);
    assertErrorOmits(new CardRequest(number, 1, 2020, CSC, null), number);
    assertErrorOmits(new CardRequest(number, 12, 2030, "98", null), number);
    assertErrorOmits(new CardRequest(number, 12, 2030, "9876", null), "9876");
  }

  private void assertErrorOmits(CardRequest request, String secret) {
    ApiError error = catchThrowableOfType(ApiError.class, () -> validator.validate(request));

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).doesNotContain(secret).doesNotContain(CSC);
    assertThat(error.toString()).doesNotContain(secret);
    assertThat(error.details().toString()).doesNotContain(secret);
  }
}
