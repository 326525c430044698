package dev.tollgate.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444", "4000000000000002", "4000000000009995", "4000000000000127",
      "4000000000000077", "378282246310005", "6011111111111117", "100000000008", "4111111111111111110"})
  void acceptsNumbersWhoseLastDigitIsTheCheckDigit(String number) {
    assertThat(Luhn.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "5555555555554445", "4242 4242 4242 4242", "4242-4242-4242-4242", "42424242424242a2",
      "00000000000", "41111111111111111110", ""})
  void refusesWrongCheckDigitsSeparatorsLettersAndLengthsOutside12To19(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refusesNull() {
    assertThat(Luhn.isValid(null)).isFalse();
  }
}
