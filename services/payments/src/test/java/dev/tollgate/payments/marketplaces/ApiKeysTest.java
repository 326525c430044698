package dev.tollgate.payments.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void aKeyIsSkFollowedBy32UrlSafeCharacters() {
    assertThat(ApiKeys.generate()).matches("sk_[A-Za-z0-9_-]{32}");
  }

  @Test
  void twoKeysDiffer() {
    assertThat(ApiKeys.generate()).isNotEqualTo(ApiKeys.generate());
  }

  @Test
  void theStoredHashIsTheSha256HexOfTheKey() {
    // FIPS 180-2 test vector: SHA-256("abc")
    assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
