package dev.tollgate.vault.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable identifiers: a prefix ({@code tok_}, {@code ch_}, ...) and 24 hex characters (96 random bits). */
public final class RandomIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** A new identifier, e.g. {@code next("tok_")} gives {@code tok_3f9c0a...}. */
  public static String next(String prefix) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
