package dev.tollgate.vault.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.service.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  @Test
  void positiveAmountsAndIsoCurrenciesPass() {
    assertThat(Money.amount(1L)).isEqualTo(1L);
    assertThat(Money.currency("EUR")).isEqualTo("EUR");
  }

  @Test
  void aMissingAmountOrCurrencyIsAMissingField() {
    assertCode(catchThrowableOfType(ApiError.class, () -> Money.amount(null)), "missing_field", "amount");
    assertCode(catchThrowableOfType(ApiError.class, () -> Money.currency(null)), "missing_field", "currency");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void amountsThatAreNotPositiveAreInvalid(long amount) {
    assertCode(catchThrowableOfType(ApiError.class, () -> Money.amount(amount)), "invalid_amount", "amount");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "EURO", "E1R", "EU"})
  void currenciesThatAreNotThreeUppercaseLettersAreInvalid(String currency) {
    assertCode(catchThrowableOfType(ApiError.class, () -> Money.currency(currency)), "invalid_currency", "currency");
  }

  private static void assertCode(ApiError error, String code, String field) {
    assertThat(error).isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.details()).containsEntry("field", field);
  }
}
