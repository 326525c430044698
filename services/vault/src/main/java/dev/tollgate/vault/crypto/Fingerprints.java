package dev.tollgate.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Card fingerprints: lowercase hex HMAC-SHA256 (RFC 2104) of the card number, under a key
 * derived from the vault key as HMAC-SHA256(vault key, {@value #LABEL}). The same number
 * always gives the same 64-character fingerprint, so fraud can count a card's use without
 * seeing it, and nobody without the vault key can test a guessed number against one.
 */
public final class Fingerprints {
  /** The fixed label the fingerprint key is derived from; changing it changes every fingerprint. */
  public static final String LABEL = "tollgate-vault card fingerprint v1";
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;

  /** Fingerprints under a key derived from {@code vaultKey}. */
  public Fingerprints(VaultKey vaultKey) {
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(vaultKey.bytes(), HMAC), LABEL.getBytes(StandardCharsets.US_ASCII)), HMAC);
  }

  /** The fingerprint of {@code number}: 64 lowercase hex characters. */
  public String of(String number) {
    return HexFormat.of().formatHex(hmac(key, number.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable: " + e.getClass().getSimpleName());
    }
  }
}
