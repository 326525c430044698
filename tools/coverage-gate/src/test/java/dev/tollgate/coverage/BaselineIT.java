package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineIT {

  @Test
  void theVerdictReadsBackAsABaselineWithTheSameFigures(@TempDir Path dir) throws Exception {
    Baseline.write(dir, "feature/x", Verdicts.toJson(Checks.run(null), Checks.sample()));
    Baseline baseline = Baseline.read(dir, "feature/x").orElseThrow();
    assertThat(baseline.file().getFileName().toString()).isEqualTo("feature_x.json");
    assertThat(baseline.commit()).isEqualTo("6c9f010aa1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(baseline.tallies()).containsEntry(Gate.key("dev.tollgate.payments.debits", Counter.LINE),
        new Tally(9_447, 10_000));
    assertThat(baseline.tallies()).containsEntry(Gate.key("dev.tollgate.bank", Counter.BRANCH), new Tally(30, 40));
    assertThat(Baseline.read(dir, "main")).isEmpty();
    assertThat(baseline.tallies()).hasSize(5);
  }

  @Test
  void aBaselineThatIsNotAVerdictIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("release.json"), "not json");
    assertThatThrownBy(() -> Baseline.read(dir, "release"))
        .isInstanceOf(GateException.class)
        .hasMessageContaining(dir.resolve("release.json").toString());
  }
}
