package dev.tollgate.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts card numbers at rest with AES-256-GCM (NIST SP 800-38D): a fresh random 12-byte
 * nonce per encryption, a 128-bit tag, and the card's token as associated data, so a
 * ciphertext copied onto another card's row does not decrypt. Thread-safe.
 */
public final class CardCipher {
  /** GCM nonce length in bytes (the 96 bits SP 800-38D recommends). */
  public static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  /** A cipher under {@code key} with a strong random source for nonces. */
  public CardCipher(VaultKey key) {
    this(key, new SecureRandom());
  }

  CardCipher(VaultKey key, SecureRandom random) {
    this.key = new SecretKeySpec(key.bytes(), "AES");
    this.random = random;
  }

  /** Encrypts {@code number} for the card {@code token}; the result holds the nonce and the ciphertext with its tag. */
  public Sealed seal(String token, String number) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, token);
      return new Sealed(nonce, cipher.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption is unavailable: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Decrypts the number of card {@code token}.
   *
   * @throws TamperedException when the ciphertext, nonce, token or key does not match
   */
  public String open(String token, Sealed sealed) {
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), token);
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.US_ASCII);
    } catch (AEADBadTagException e) {
      throw new TamperedException(token);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption is unavailable: " + e.getClass().getSimpleName());
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String token) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(token.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** A sealed card number: the 12-byte nonce and the ciphertext followed by the 16-byte tag. */
  public record Sealed(byte[] nonce, byte[] ciphertext) {
    public Sealed {
      nonce = nonce.clone();
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public String toString() {
      return "Sealed[nonce=" + nonce.length + " bytes, ciphertext=" + ciphertext.length + " bytes]";
    }
  }

  /** A stored card that fails GCM authentication: corrupted, tampered with, or under another key. */
  public static final class TamperedException extends RuntimeException {
    TamperedException(String token) {
      super("the stored number of card " + token + " fails authentication (tampered, corrupted or under another key)");
    }
  }
}
