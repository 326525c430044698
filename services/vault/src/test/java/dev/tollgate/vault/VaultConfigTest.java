package dev.tollgate.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.Env;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultConfigTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void readsTheBankUrlAndDefaultsTheTimeoutTo5Seconds() {
    VaultConfig config = VaultConfig.from(env(Map.of()));

    assertThat(config.bankUrl()).hasToString("http://127.0.0.1:8090");
    assertThat(config.bankTimeout()).isEqualTo(Duration.ofMillis(5000));
  }

  @Test
  void readsTheBankTimeoutInMilliseconds() {
    assertThat(VaultConfig.from(env(Map.of("BANK_TIMEOUT_MS", "250"))).bankTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void theKeyIsCheckedFirstSoAMissingKeyIsNamedEvenWithNothingElseSet() {
    assertThatThrownBy(() -> VaultConfig.from(Env.of(Map.of())))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("VAULT_ENCRYPTION_KEY");
  }

  @Test
  void aMissingBankUrlIsNamed() {
    assertThatThrownBy(() -> VaultConfig.from(Env.of(Map.of("VAULT_ENCRYPTION_KEY", KEY))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("BANK_URL");
  }

  @Test
  void aBankUrlThatIsNotHttpIsNamedWithItsValue() {
    assertThatThrownBy(() -> VaultConfig.from(env(Map.of("BANK_URL", "127.0.0.1:8090"))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("BANK_URL='127.0.0.1:8090'");
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> VaultConfig.from(env(Map.of("BANK_TIMEOUT_MS", "0"))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("BANK_TIMEOUT_MS");
  }

  @Test
  void theConfigNeverPrintsTheKey() {
    assertThat(VaultConfig.from(env(Map.of())).toString()).doesNotContain(KEY).contains("redacted");
  }

  private static Env env(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(Map.of("VAULT_ENCRYPTION_KEY", KEY, "BANK_URL", "http://127.0.0.1:8090"));
    values.putAll(extra);
    return Env.of(values);
  }
}
