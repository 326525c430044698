package dev.tollgate.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.Env;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentsConfigTest {
  private static final Map<String, String> REQUIRED = Map.of("FRAUD_URL", "http://127.0.0.1:8180", "VAULT_URL", "http://127.0.0.1:8280");

  @Test
  void defaultsApplyWhenOnlyTheUrlsAreSet() {
    PaymentsConfig config = PaymentsConfig.from(Env.of(REQUIRED));
    assertThat(config).isEqualTo(new PaymentsConfig(URI.create("http://127.0.0.1:8180"), URI.create("http://127.0.0.1:8280"), Optional.empty(), 75, Duration.ofMillis(5000)));
  }

  @Test
  void everyVariableIsRead() {
    PaymentsConfig config = PaymentsConfig.from(Env.of(with("VERIFICATION_TOKEN", "t", "MAX_RISK_SCORE", "60", "UPSTREAM_TIMEOUT_MS", "1500")));
    assertThat(config.verificationToken()).contains("t");
    assertThat(config.maxRiskScore()).isEqualTo(60);
    assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aMissingUrlIsNamed() {
    assertThatThrownBy(() -> PaymentsConfig.from(Env.of(Map.of("FRAUD_URL", "http://x"))))
        .isInstanceOf(Env.ConfigException.class).hasMessageContaining("VAULT_URL");
  }

  @Test
  void aUrlThatIsNotHttpIsNamed() {
    assertThatThrownBy(() -> PaymentsConfig.from(Env.of(with("FRAUD_URL", "127.0.0.1:8180"))))
        .isInstanceOf(Env.ConfigException.class).hasMessageContaining("FRAUD_URL='127.0.0.1:8180'");
  }

  @Test
  void aRiskScoreOutsideZeroToOneHundredIsRefused() {
    assertThatThrownBy(() -> PaymentsConfig.from(Env.of(with("MAX_RISK_SCORE", "101")))).hasMessageContaining("MAX_RISK_SCORE");
    assertThatThrownBy(() -> PaymentsConfig.from(Env.of(with("UPSTREAM_TIMEOUT_MS", "0")))).hasMessageContaining("UPSTREAM_TIMEOUT_MS");
  }

  private static Map<String, String> with(String... pairs) {
    Map<String, String> values = new HashMap<>(REQUIRED);
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }
}
