package dev.tollgate.payments.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void aRandomIdIsThePrefixAnUnderscoreAnd24Alphanumerics() {
    assertThat(Ids.random("card")).matches("card_[0-9A-Za-z]{24}");
    assertThat(Ids.random("db")).isNotEqualTo(Ids.random("db"));
  }

  @Test
  void aDerivedIdDependsOnlyOnItsParts() {
    assertThat(Ids.derived("db", "mp_1", "key")).isEqualTo(Ids.derived("db", "mp_1", "key")).matches("db_[0-9A-Za-z]{24}");
    assertThat(Ids.derived("db", "mp_1", "key")).isNotEqualTo(Ids.derived("db", "mp_2", "key"));
    assertThat(Ids.derived("db", "mp_1", "ke", "y")).isNotEqualTo(Ids.derived("db", "mp_1", "k", "ey"));
  }
}
