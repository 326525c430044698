package dev.tollgate.payments.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest payments uses (API keys, request hashes, derived ids). */
public final class Hashing {
  private Hashing() {}

  /** The SHA-256 digest of {@code text} encoded as UTF-8: 32 bytes. */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The SHA-256 digest of {@code text} (UTF-8) as 64 lowercase hex characters. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }
}
