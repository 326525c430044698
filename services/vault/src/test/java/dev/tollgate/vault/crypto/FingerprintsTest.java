package dev.tollgate.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private final Fingerprints fingerprints = new Fingerprints(CardCipherTest.key(1));

  @Test
  void theSameNumberAlwaysHasTheSameFingerprint() {
    assertThat(fingerprints.of("4242424242424242")).isEqualTo(new Fingerprints(CardCipherTest.key(1)).of("4242424242424242"));
  }

  @Test
  void anotherNumberHasAnotherFingerprint() {
    assertThat(fingerprints.of("4242424242424242")).isNotEqualTo(fingerprints.of("5555555555554444"));
  }

  @Test
  void aFingerprintIs64LowercaseHexCharactersWithoutTheNumber() {
    assertThat(fingerprints.of("4242424242424242")).matches("[0-9a-f]{64}").doesNotContain("4242424242424242");
  }

  @Test
  void anotherVaultKeyGivesAnotherFingerprint() {
    assertThat(fingerprints.of("4242424242424242")).isNotEqualTo(new Fingerprints(CardCipherTest.key(2)).of("4242424242424242"));
  }

  @Test
  void itIsKeyedSoAPlainHashOfAGuessedNumberDoesNotMatchIt() throws Exception {
    String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("4242424242424242".getBytes(StandardCharsets.US_ASCII)));

    assertThat(fingerprints.of("4242424242424242")).isNotEqualTo(plain);
  }
}
