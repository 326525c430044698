package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseSourceTest {
  @TempDir
  Path dir;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void withoutAPhaseFileItIsAlwaysSteady() {
    assertThat(PhaseSource.steady().current()).isEqualTo(Phase.STEADY);
  }

  @Test
  void eachReadSeesWhatThePipelineLastWroteToTheFile() throws IOException {
    Path file = dir.resolve("phase");
    PhaseSource phases = PhaseSource.file(file, warnings::add);

    Files.writeString(file, "warmup");
    assertThat(phases.current()).isEqualTo(Phase.WARMUP);
    Files.writeString(file, "before");
    assertThat(phases.current()).isEqualTo(Phase.BEFORE);
    Files.writeString(file, "during\n");
    assertThat(phases.current()).isEqualTo(Phase.DURING);
    Files.writeString(file, "  After \n");
    assertThat(phases.current()).isEqualTo(Phase.AFTER);
    assertThat(warnings).isEmpty();
  }

  @Test
  void itIsBeforeUntilTheFileFirstAppears() throws IOException {
    Path file = dir.resolve("phase");
    PhaseSource phases = PhaseSource.file(file, warnings::add);

    assertThat(phases.current()).isEqualTo(Phase.BEFORE);
    Files.writeString(file, "during");
    assertThat(phases.current()).isEqualTo(Phase.DURING);
    assertThat(warnings).isEmpty();
  }

  @Test
  void anEmptyOrRemovedFileKeepsTheLastPhase() throws IOException {
    Path file = dir.resolve("phase");
    PhaseSource phases = PhaseSource.file(file, warnings::add);
    Files.writeString(file, "during");
    phases.current();

    Files.writeString(file, ""); // caught between truncation and write
    assertThat(phases.current()).isEqualTo(Phase.DURING);
    Files.delete(file);
    assertThat(phases.current()).isEqualTo(Phase.DURING);
    assertThat(warnings).isEmpty();
  }

  @Test
  void unrecognizedContentKeepsTheLastPhaseAndIsReportedOnce() throws IOException {
    Path file = dir.resolve("phase");
    PhaseSource phases = PhaseSource.file(file, warnings::add);
    Files.writeString(file, "after");
    phases.current();

    Files.writeString(file, "rollback");
    assertThat(phases.current()).isEqualTo(Phase.AFTER);
    assertThat(phases.current()).isEqualTo(Phase.AFTER);

    assertThat(warnings).singleElement().asString().contains("'rollback'", file.toString(), "keeping phase after");
  }

  @Test
  void steadyIsNotAPhaseThePipelineCanMark() {
    assertThat(Phase.fromFileContent("steady")).isEmpty();
    assertThat(Phase.fromFileContent("during")).contains(Phase.DURING);
  }
}
