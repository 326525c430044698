package dev.tollgate.vault;

import dev.tollgate.service.Env;
import dev.tollgate.vault.crypto.VaultKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The vault's own settings, read once from the environment: {@code VAULT_ENCRYPTION_KEY}
 * (required; base64 of 32 bytes), {@code BANK_URL} (required; e.g.
 * {@code http://127.0.0.1:8090}) and {@code BANK_TIMEOUT_MS} (bound on each bank call in
 * milliseconds, default 5000). The database variables are read by
 * {@link dev.tollgate.service.Database}.
 */
public record VaultConfig(VaultKey key, URI bankUrl, Duration bankTimeout) {
  /** Default {@code BANK_TIMEOUT_MS}. */
  public static final int DEFAULT_BANK_TIMEOUT_MS = 5000;

  /**
   * Reads the settings.
   *
   * @throws Env.ConfigException naming the variable at fault
   */
  public static VaultConfig from(Env env) {
    VaultKey key = VaultKey.fromEnv(env);
    URI bankUrl = httpUrl(env, "BANK_URL");
    int timeoutMs = env.intValue("BANK_TIMEOUT_MS", DEFAULT_BANK_TIMEOUT_MS);
    if (timeoutMs <= 0) {
      throw new Env.ConfigException("BANK_TIMEOUT_MS='" + timeoutMs + "' must be a positive number of milliseconds");
    }
    return new VaultConfig(key, bankUrl, Duration.ofMillis(timeoutMs));
  }

  private static URI httpUrl(Env env, String name) {
    String raw = env.require(name);
    try {
      URI uri = new URI(raw);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new Env.ConfigException(name + "='" + raw + "' is not an http(s) URL such as http://127.0.0.1:8090");
  }
}
