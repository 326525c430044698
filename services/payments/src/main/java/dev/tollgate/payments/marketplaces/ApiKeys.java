package dev.tollgate.payments.marketplaces;

import dev.tollgate.payments.api.Hashing;
import java.security.SecureRandom;
import java.util.Base64;

/** Secret API keys: {@code sk_} followed by 32 random URL-safe base64 characters (192 bits). */
final class ApiKeys {
  static final String PREFIX = "sk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new key; shown to the marketplace once, never stored. */
  static String generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored and looked up instead of the key: its SHA-256 as lowercase hex. */
  static String hash(String key) {
    return Hashing.sha256Hex(key);
  }
}
