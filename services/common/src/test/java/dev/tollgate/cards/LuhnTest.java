package dev.tollgate.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {
  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444", "4000000000000002", "4000000000009995", "4000000000000127",
      "4000000000000077", "378282246310005", "6011111111111117", "100000000008", "4111111111111111110"})
  void cardNumbersOf12To19DigitsWhoseLastIsTheCheckDigitPass(String number) {
    assertThat(Luhn.isCardNumber(number)).isTrue();
    assertThat(Luhn.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "4242424242424243", "5555555555554440", "378282246310006", "2424242424242424"})
  void aWrongCheckDigitOrSwappedDigitsFail(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
    assertThat(Luhn.isCardNumber(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "4242 4242 4242 4242", "4242-4242-4242-4242", "424242424242424a", "-4242424242424242"})
  void anythingButTwoOrMoreAsciiDigitsFails(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
    assertThat(Luhn.isCardNumber(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"18", "4222222222222", "00000000000", "41111111111111111115"})
  void theCheckAloneTakesAnyLengthButACardNumberHas12To19Digits(String number) {
    assertThat(Luhn.isValid(number)).isTrue();
    assertThat(Luhn.isCardNumber(number)).isEqualTo(number.length() >= 12 && number.length() <= 19);
  }

  @Test
  void nullFails() {
    assertThat(Luhn.isValid(null)).isFalse();
    assertThat(Luhn.isCardNumber(null)).isFalse();
  }
}
