package dev.tollgate.vault.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {
  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444", "378282246310005", "6011111111111117", "4000000000000002", "4000000000000127", "4222222222222", "18"})
  void numbersWithTheRightCheckDigitPass(String number) {
    assertThat(Luhn.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "4242424242424243", "5555555555554440", "378282246310006", "2424242424242424"})
  void numbersWithAWrongCheckDigitOrSwappedDigitsFail(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "4242 4242 4242 4242", "424242424242424a", "-4242424242424242"})
  void anythingButTwoOrMoreDigitsFails(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
  }
}
