package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlywayVersionTest {

  @Test
  void versionsCompareNumericallyPartByPart() {
    assertThat(Database.compareVersions("1.10", "1.9")).isPositive();
    assertThat(Database.compareVersions("2", "10")).isNegative();
    assertThat(Database.compareVersions("2", "2.0")).isZero();
    assertThat(Database.compareVersions("2_1", "2.1")).isZero();
  }

  @Test
  void aVersionThatIsNotNumericIsRefusedByName() {
    assertThatThrownBy(() -> Database.compareVersions("2.a", "1")).hasMessageContaining("'2.a' is not a Flyway version");
  }
}
