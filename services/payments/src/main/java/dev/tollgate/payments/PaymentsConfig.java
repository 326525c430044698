package dev.tollgate.payments;

import dev.tollgate.service.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The payments service's settings besides the database's and HTTP's.
 *
 * @param fraudUrl base URL of the fraud service ({@code FRAUD_URL}, required)
 * @param vaultUrl base URL of the vault ({@code VAULT_URL}, required)
 * @param verificationToken the secret of {@code DELETE /internal/test-data}
 *     ({@code VERIFICATION_TOKEN}; unset: that endpoint always answers 401)
 * @param maxRiskScore debits with a higher fraud risk score are declined {@code high_risk}
 *     ({@code MAX_RISK_SCORE}, 0..100, default 75)
 * @param upstreamTimeout bound on each call to fraud or the vault ({@code UPSTREAM_TIMEOUT_MS},
 *     default 5000)
 */
public record PaymentsConfig(URI fraudUrl, URI vaultUrl, Optional<String> verificationToken, int maxRiskScore, Duration upstreamTimeout) {
  public static final int DEFAULT_MAX_RISK_SCORE = 75;
  public static final int DEFAULT_UPSTREAM_TIMEOUT_MS = 5000;

  /**
   * Reads the settings.
   *
   * @throws Env.ConfigException naming the variable when one is missing or malformed
   */
  public static PaymentsConfig from(Env env) {
    int maxRisk = env.intValue("MAX_RISK_SCORE", DEFAULT_MAX_RISK_SCORE);
    if (maxRisk < 0 || maxRisk > 100) {
      throw new Env.ConfigException("MAX_RISK_SCORE='" + maxRisk + "' must be from 0 to 100");
    }
    int timeoutMs = env.intValue("UPSTREAM_TIMEOUT_MS", DEFAULT_UPSTREAM_TIMEOUT_MS);
    if (timeoutMs <= 0) {
      throw new Env.ConfigException("UPSTREAM_TIMEOUT_MS='" + timeoutMs + "' must be a positive number of milliseconds");
    }
    return new PaymentsConfig(url(env, "FRAUD_URL"), url(env, "VAULT_URL"), env.find("VERIFICATION_TOKEN"), maxRisk, Duration.ofMillis(timeoutMs));
  }

  private static URI url(Env env, String name) {
    String value = env.require(name);
    try {
      URI uri = URI.create(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Env.ConfigException(name + "='" + value + "' is not an http(s) URL such as http://127.0.0.1:8180");
  }
}
