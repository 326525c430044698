package dev.tollgate.vault.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrandsTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "4242424242424242, VISA",
      "4000000000000002, VISA",
      "5100000000000000, MASTERCARD",
      "5555555555554444, MASTERCARD",
      "2221000000000009, MASTERCARD",
      "2223003122003222, MASTERCARD",
      "2720999999999996, MASTERCARD",
      "340000000000009, AMEX",
      "378282246310005, AMEX",
      "6011111111111117, DISCOVER",
      "6500000000000002, DISCOVER",
  })
  void theIinRangesOfTheBrief(String number, Brand brand) {
    assertThat(Brands.detect(number)).contains(brand);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "5000000000000009", // below Mastercard 51
      "5600000000000000", // above Mastercard 55
      "2220999999999991", // below Mastercard 2221
      "2721000000000004", // above Mastercard 2720
      "3530111333300000", // JCB
      "30569309025904", // Diners Club
      "360000000000000", // Diners Club, next to Amex 34/37
      "6012000000000003", // next to Discover 6011
      "6400000000000000", // below Discover 65
      "1234567812345670",
      "2"
  })
  void numbersOutsideTheRangesHaveNoBrand(String number) {
    assertThat(Brands.detect(number)).isEmpty();
  }

  @Test
  void eachBrandKnowsItsCscLengthAndNumberLengths() {
    assertThat(Brand.VISA.cscLength()).isEqualTo(3);
    assertThat(Brand.MASTERCARD.cscLength()).isEqualTo(3);
    assertThat(Brand.DISCOVER.cscLength()).isEqualTo(3);
    assertThat(Brand.AMEX.cscLength()).isEqualTo(4);
    assertThat(Brand.AMEX.acceptsLength(15)).isTrue();
    assertThat(Brand.AMEX.acceptsLength(16)).isFalse();
    assertThat(Brand.VISA.acceptsLength(13)).isTrue();
    assertThat(Brand.VISA.acceptsLength(15)).isFalse();
    assertThat(Brand.MASTERCARD.acceptsLength(19)).isFalse();
  }

  @Test
  void wireNamesAreTheContractsLowercaseNames() {
    assertThat(Brand.values()).extracting(Brand::wireName).containsExactly("visa", "mastercard", "amex", "discover");
  }
}
