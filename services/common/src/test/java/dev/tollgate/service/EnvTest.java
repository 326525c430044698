package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

  @Test
  void requireNamesTheMissingVariable() {
    Env env = Env.of(Map.of("OTHER", "x"));

    assertThatThrownBy(() -> env.require("DATABASE_URL"))
        .isInstanceOf(Env.ConfigException.class)
        .hasMessage("configuration error: DATABASE_URL is not set");
  }

  @Test
  void blankValuesCountAsUnset() {
    Env env = Env.of(Map.of("HTTP_HOST", "  "));

    assertThat(env.get("HTTP_HOST", "127.0.0.1")).isEqualTo("127.0.0.1");
  }

  @Test
  void intValueNamesTheVariableAndTheValueAtFault() {
    Env env = Env.of(Map.of("HTTP_PORT", "90x0"));

    assertThatThrownBy(() -> env.intValue("HTTP_PORT", 9000)).hasMessageContaining("HTTP_PORT='90x0' is not an integer");
  }

  @Test
  void secondsRefusesNegativeDurations() {
    Env env = Env.of(Map.of("SHUTDOWN_TIMEOUT_SECONDS", "-1"));

    assertThatThrownBy(() -> env.seconds("SHUTDOWN_TIMEOUT_SECONDS", Duration.ofSeconds(10))).hasMessageContaining("must not be negative");
  }

  @Test
  void secondsReadsWholeSeconds() {
    assertThat(Env.of(Map.of("T", "7")).seconds("T", Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
    assertThat(Env.of(Map.of()).seconds("T", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
  }
}
