package dev.tollgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void startupWithoutADatabaseUrlFailsNamingTheVariable() {
    assertThatThrownBy(() -> Main.boot(Env.of(Map.of())))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("DATABASE_URL is not set");
  }

  @Test
  void theVelocityWindowDefaultsTo60MinutesAndMustBeAPositiveInteger() {
    assertThat(Main.velocityWindow(Env.of(Map.of()))).isEqualTo(Duration.ofMinutes(60));
    assertThat(Main.velocityWindow(Env.of(Map.of("FRAUD_VELOCITY_WINDOW_MINUTES", "15")))).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> Main.velocityWindow(Env.of(Map.of("FRAUD_VELOCITY_WINDOW_MINUTES", "0"))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("FRAUD_VELOCITY_WINDOW_MINUTES");
    assertThatThrownBy(() -> Main.boot(Env.of(Map.of("FRAUD_VELOCITY_WINDOW_MINUTES", "an hour", "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/x"))))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessageContaining("FRAUD_VELOCITY_WINDOW_MINUTES");
  }
}
