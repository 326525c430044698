package dev.tollgate.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomIdsTest {
  @Test
  void idsCarryThePrefixAnd24HexCharactersAndDiffer() {
    String first = RandomIds.next("tok_");

    assertThat(first).matches("tok_[0-9a-f]{24}");
    assertThat(RandomIds.next("tok_")).isNotEqualTo(first);
  }
}
