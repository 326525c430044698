package dev.tollgate.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CardCipherTest {
  private static final String PAN = "4242424242424242";
  private final CardCipher cipher = new CardCipher(key(1));

  @Test
  void aSealedNumberOpensToTheSameNumber() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);

    assertThat(cipher.open("tok_a", sealed)).isEqualTo(PAN);
  }

  @Test
  void theCiphertextDoesNotHoldTheNumberAndCarriesANonceAndATag() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);

    assertThat(sealed.nonce()).hasSize(12);
    assertThat(sealed.ciphertext()).hasSize(PAN.length() + 16);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(PAN);
    assertThat(HexFormat.of().formatHex(sealed.ciphertext())).doesNotContain(PAN);
  }

  @Test
  void everySealingUsesAFreshNonceSoTheSameNumberNeverEncryptsTheSameWay() {
    CardCipher.Sealed first = cipher.seal("tok_a", PAN);
    CardCipher.Sealed second = cipher.seal("tok_a", PAN);

    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
  }

  @Test
  void aFlippedCiphertextBitIsRejected() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);
    byte[] tampered = sealed.ciphertext();
    tampered[3] ^= 0x01;

    assertThatThrownBy(() -> cipher.open("tok_a", new CardCipher.Sealed(sealed.nonce(), tampered)))
        .isInstanceOf(CardCipher.TamperedException.class)
        .hasMessageContaining("tok_a")
        .hasMessageNotContaining(PAN);
  }

  @Test
  void aChangedNonceIsRejected() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);
    byte[] nonce = sealed.nonce();
    nonce[0] ^= 0x01;

    assertThatThrownBy(() -> cipher.open("tok_a", new CardCipher.Sealed(nonce, sealed.ciphertext()))).isInstanceOf(CardCipher.TamperedException.class);
  }

  @Test
  void aTruncatedCiphertextIsRejected() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);
    byte[] truncated = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length - 1);

    assertThatThrownBy(() -> cipher.open("tok_a", new CardCipher.Sealed(sealed.nonce(), truncated))).isInstanceOf(CardCipher.TamperedException.class);
  }

  @Test
  void aCiphertextMovedToAnotherTokenIsRejected() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);

    assertThatThrownBy(() -> cipher.open("tok_b", sealed)).isInstanceOf(CardCipher.TamperedException.class);
  }

  @Test
  void anotherKeyCannotOpenIt() {
    CardCipher.Sealed sealed = cipher.seal("tok_a", PAN);

    assertThatThrownBy(() -> new CardCipher(key(2)).open("tok_a", sealed)).isInstanceOf(CardCipher.TamperedException.class);
  }

  @Test
  void sealedValuesPrintOnlyTheirSizes() {
    assertThat(cipher.seal("tok_a", PAN).toString()).isEqualTo("Sealed[nonce=12 bytes, ciphertext=32 bytes]");
  }

  static VaultKey key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return VaultKey.of(bytes);
  }
}
