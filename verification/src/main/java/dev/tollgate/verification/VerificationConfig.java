package dev.tollgate.verification;

import dev.tollgate.service.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The runner's settings, read once from the environment.
 *
 * @param targetUrl the payments API to verify, {@code TARGET_URL} (required): production's
 *     public URL (its HAProxy frontend), never one instance
 * @param verificationToken payments' {@code VERIFICATION_TOKEN} (required), sent as
 *     {@code X-Verification-Token} to the cleanup endpoint; hidden by {@link #toString()}
 * @param interval time between the starts of two scheduled runs: {@code VERIFY_INTERVAL_MINUTES}
 *     (default 5) or {@code VERIFY_INTERVAL_SECONDS} (for tests), not both; at least 1
 * @param sweepTtl test data older than this is swept at the start of each run,
 *     {@code VERIFY_SWEEP_TTL_MINUTES} (default 60, at least 1)
 * @param keepRuns how many runs {@code GET /runs} keeps, {@code VERIFY_KEEP_RUNS} (default 50, at least 1)
 * @param alertWebhook where failed (and recovered) runs are POSTed, {@code ALERT_WEBHOOK_URL}; optional
 */
public record VerificationConfig(URI targetUrl, String verificationToken, Duration interval, Duration sweepTtl, int keepRuns, Optional<URI> alertWebhook) {
  /** The default time between runs: five minutes. */
  public static final int DEFAULT_INTERVAL_MINUTES = 5;
  /** The default age after which test data is swept: an hour. */
  public static final int DEFAULT_SWEEP_TTL_MINUTES = 60;
  /** The default number of runs kept. */
  public static final int DEFAULT_KEEP_RUNS = 50;

  /**
   * Reads the settings.
   *
   * @throws Env.ConfigException naming the variable that is missing or malformed
   */
  public static VerificationConfig from(Env env) {
    URI target = url("TARGET_URL", env.require("TARGET_URL"));
    String token = env.require("VERIFICATION_TOKEN");
    Optional<URI> webhook = env.find("ALERT_WEBHOOK_URL").map(value -> url("ALERT_WEBHOOK_URL", value));
    return new VerificationConfig(target, token, interval(env), Duration.ofMinutes(atLeastOne(env, "VERIFY_SWEEP_TTL_MINUTES", DEFAULT_SWEEP_TTL_MINUTES)),
        atLeastOne(env, "VERIFY_KEEP_RUNS", DEFAULT_KEEP_RUNS), webhook);
  }

  private static Duration interval(Env env) {
    boolean minutes = env.find("VERIFY_INTERVAL_MINUTES").isPresent();
    boolean seconds = env.find("VERIFY_INTERVAL_SECONDS").isPresent();
    if (minutes && seconds) {
      throw new Env.ConfigException("VERIFY_INTERVAL_MINUTES and VERIFY_INTERVAL_SECONDS are both set; set only one");
    }
    return seconds
        ? Duration.ofSeconds(atLeastOne(env, "VERIFY_INTERVAL_SECONDS", 0))
        : Duration.ofMinutes(atLeastOne(env, "VERIFY_INTERVAL_MINUTES", DEFAULT_INTERVAL_MINUTES));
  }

  private static int atLeastOne(Env env, String name, int fallback) {
    int value = env.intValue(name, fallback);
    if (value < 1) {
      throw new Env.ConfigException(name + "='" + value + "' must be at least 1");
    }
    return value;
  }

  private static URI url(String name, String value) {
    try {
      URI uri = URI.create(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Env.ConfigException(name + "='" + value + "' is not an http(s) URL such as http://127.0.0.1:8080");
  }

  @Override
  public String toString() {
    return "VerificationConfig[targetUrl=" + targetUrl + ", verificationToken=<hidden>, interval=" + interval + ", sweepTtl=" + sweepTtl
        + ", keepRuns=" + keepRuns + ", alertWebhook=" + alertWebhook.orElse(null) + "]";
  }
}
