package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.Env;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationConfigTest {
  private static Map<String, String> required() {
    Map<String, String> env = new HashMap<>();
    env.put("TARGET_URL", "http://127.0.0.1:8080");
    env.put("VERIFICATION_TOKEN", "s3cret-token");
    return env;
  }

  private static VerificationConfig read(Map<String, String> env) {
    return VerificationConfig.from(Env.of(env));
  }

  @Test
  void defaultsAreFiveMinutesAnHourAndFiftyRunsWithoutWebhook() {
    VerificationConfig config = read(required());

    assertThat(config.targetUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(config.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.sweepTtl()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.keepRuns()).isEqualTo(50);
    assertThat(config.alertWebhook()).isEmpty();
  }

  @Test
  void theIntervalIsGivenInMinutesOrInSeconds() {
    Map<String, String> minutes = required();
    minutes.put("VERIFY_INTERVAL_MINUTES", "2");
    Map<String, String> seconds = required();
    seconds.put("VERIFY_INTERVAL_SECONDS", "3");

    assertThat(read(minutes).interval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(read(seconds).interval()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void settingBothIntervalVariablesIsRefusedNamingBoth() {
    Map<String, String> env = required();
    env.put("VERIFY_INTERVAL_MINUTES", "2");
    env.put("VERIFY_INTERVAL_SECONDS", "3");

    assertThatThrownBy(() -> read(env)).isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("VERIFY_INTERVAL_MINUTES").hasMessageContaining("VERIFY_INTERVAL_SECONDS");
  }

  @Test
  void aMissingTargetOrTokenIsRefusedNamingTheVariable() {
    Map<String, String> noTarget = required();
    noTarget.remove("TARGET_URL");
    Map<String, String> noToken = required();
    noToken.remove("VERIFICATION_TOKEN");

    assertThatThrownBy(() -> read(noTarget)).isInstanceOf(Env.ConfigException.class).hasMessageContaining("TARGET_URL is not set");
    assertThatThrownBy(() -> read(noToken)).isInstanceOf(Env.ConfigException.class).hasMessageContaining("VERIFICATION_TOKEN is not set");
  }

  @Test
  void aTargetThatIsNotAnHttpUrlIsRefused() {
    Map<String, String> env = required();
    env.put("TARGET_URL", "127.0.0.1:8080");

    assertThatThrownBy(() -> read(env)).isInstanceOf(Env.ConfigException.class).hasMessageContaining("TARGET_URL='127.0.0.1:8080' is not an http(s) URL");
  }

  @Test
  void zeroOrMalformedNumbersAreRefusedNamingTheVariable() {
    Map<String, String> zeroInterval = required();
    zeroInterval.put("VERIFY_INTERVAL_SECONDS", "0");
    Map<String, String> badKeep = required();
    badKeep.put("VERIFY_KEEP_RUNS", "lots");
    Map<String, String> zeroTtl = required();
    zeroTtl.put("VERIFY_SWEEP_TTL_MINUTES", "0");

    assertThatThrownBy(() -> read(zeroInterval)).hasMessageContaining("VERIFY_INTERVAL_SECONDS='0' must be at least 1");
    assertThatThrownBy(() -> read(badKeep)).hasMessageContaining("VERIFY_KEEP_RUNS='lots' is not an integer");
    assertThatThrownBy(() -> read(zeroTtl)).hasMessageContaining("VERIFY_SWEEP_TTL_MINUTES='0' must be at least 1");
  }

  @Test
  void theWebhookIsReadWhenSetAndTheTokenNeverPrinted() {
    Map<String, String> env = required();
    env.put("ALERT_WEBHOOK_URL", "https://alerts.example.com/hooks/verification");

    VerificationConfig config = read(env);

    assertThat(config.alertWebhook()).contains(URI.create("https://alerts.example.com/hooks/verification"));
    assertThat(config.toString()).doesNotContain("s3cret-token");
  }
}
