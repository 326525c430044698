package dev.tollgate.vault.crypto;

import dev.tollgate.service.Env;
import java.util.Base64;

/**
 * The vault's master key: 32 bytes (AES-256) given base64-encoded in
 * {@code VAULT_ENCRYPTION_KEY}. It encrypts card numbers ({@link CardCipher}) and, through a
 * derived key, computes their fingerprints ({@link Fingerprints}). Never printed.
 */
public final class VaultKey {
  /** The environment variable that holds the key. */
  public static final String VARIABLE = "VAULT_ENCRYPTION_KEY";
  /** AES-256 key length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private VaultKey(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /**
   * Reads and checks {@code VAULT_ENCRYPTION_KEY}.
   *
   * @throws Env.ConfigException naming the variable when it is unset, not base64, or does not
   *     decode to exactly 32 bytes; the message never contains the value
   */
  public static VaultKey fromEnv(Env env) {
    String encoded = env.require(VARIABLE);
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new Env.ConfigException(VARIABLE + " is not valid base64 (expected the base64 of " + LENGTH + " random bytes, e.g. from: head -c 32 /dev/urandom | base64)");
    }
    if (decoded.length != LENGTH) {
      throw new Env.ConfigException(VARIABLE + " decodes to " + decoded.length + " bytes but AES-256 needs exactly " + LENGTH + " (e.g. from: head -c 32 /dev/urandom | base64)");
    }
    return new VaultKey(decoded);
  }

  /**
   * A key from raw bytes (tests, tools).
   *
   * @throws IllegalArgumentException unless {@code bytes} holds exactly 32 bytes
   */
  public static VaultKey of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a vault key has " + LENGTH + " bytes, not " + bytes.length);
    }
    return new VaultKey(bytes);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "VaultKey[redacted]";
  }
}
