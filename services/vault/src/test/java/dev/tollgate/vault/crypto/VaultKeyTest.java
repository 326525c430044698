package dev.tollgate.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.Env;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultKeyTest {
  @Test
  void aBase64KeyOf32BytesIsAccepted() {
    String encoded = Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(VaultKey.fromEnv(Env.of(Map.of("VAULT_ENCRYPTION_KEY", encoded)))).isNotNull();
  }

  @Test
  void aMissingKeyNamesTheVariable() {
    assertThatThrownBy(() -> VaultKey.fromEnv(Env.of(Map.of())))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("VAULT_ENCRYPTION_KEY");
  }

  @Test
  void aKeyOfAnotherLengthNamesTheVariableAndBothLengthsButNotTheValue() {
    String encoded = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

    assertThatThrownBy(() -> VaultKey.fromEnv(Env.of(Map.of("VAULT_ENCRYPTION_KEY", encoded))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("VAULT_ENCRYPTION_KEY")
        .hasMessageContaining("16 bytes")
        .hasMessageContaining("32")
        .hasMessageNotContaining(encoded);
  }

  @Test
  void aKeyThatIsNotBase64NamesTheVariableButNotTheValue() {
    assertThatThrownBy(() -> VaultKey.fromEnv(Env.of(Map.of("VAULT_ENCRYPTION_KEY", "not*base64*secret"))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("VAULT_ENCRYPTION_KEY")
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not*base64*secret");
  }

  @Test
  void rawKeysMustHave32Bytes() {
    assertThatThrownBy(() -> VaultKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeyNeverPrints() {
    assertThat(VaultKey.of(new byte[32])).hasToString("VaultKey[redacted]");
  }
}
