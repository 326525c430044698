package dev.tollgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestCardsTest {
  @Test
  void everyMagicNumberPassesTheLuhnCheck() {
    assertThat(Stream.of(TestCards.APPROVED_VISA, TestCards.APPROVED_MASTERCARD, TestCards.DECLINED,
            TestCards.INSUFFICIENT_FUNDS, TestCards.CSC_FAIL, TestCards.SLOW))
        .allMatch(TestCards::luhnValid);
  }

  @Test
  void theLuhnCheckRefusesAWrongCheckDigitAndNonDigits() {
    assertThat(TestCards.luhnValid("4242424242424241")).isFalse();
    assertThat(TestCards.luhnValid("4242 4242 4242 4242")).isFalse();
    assertThat(TestCards.luhnValid("")).isFalse();
  }

  @Test
  void uniqueNumbersAreSixteenDigitLuhnValidVisasThatDifferFromEachOther() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String number = TestCards.uniqueApproved();
      assertThat(number).hasSize(16).startsWith("4");
      assertThat(TestCards.luhnValid(number)).as(number).isTrue();
      seen.add(number);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void aRequestExpiresInTheFuture() {
    CardRequest request = TestCards.request(TestCards.APPROVED_VISA);

    assertThat(request.expiryYear()).isGreaterThan(Year.now().getValue());
    assertThat(request.csc()).hasSize(3);
  }
}
