package dev.tollgate.payments.api;

import java.security.SecureRandom;

/**
 * Resource ids: a type prefix, an underscore and 24 characters of [0-9A-Za-z], e.g.
 * {@code card_3fT0...}. Random ids carry about 142 bits of entropy.
 */
public final class Ids {
  static final int LENGTH = 24;
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A new random id with {@code prefix} ("mp", "card", "db", "rf"). */
  public static String random(String prefix) {
    byte[] bytes = new byte[LENGTH];
    RANDOM.nextBytes(bytes);
    return encode(prefix, bytes);
  }

  /**
   * The id that {@code parts} always give (SHA-256 of the parts), so a retried request can
   * reuse the id of its first attempt.
   */
  public static String derived(String prefix, String... parts) {
    return encode(prefix, Hashing.sha256(String.join("\u0000", parts)));
  }

  private static String encode(String prefix, byte[] bytes) {
    StringBuilder id = new StringBuilder(prefix).append('_');
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
    }
    return id.toString();
  }
}
