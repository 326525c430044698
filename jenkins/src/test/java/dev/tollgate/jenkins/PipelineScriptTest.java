package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the pipeline's settings and subcommands: pipeline.json texts in a temporary
 * directory, the output of {@code ./pipeline commands}, and a stand-in script in its place (the
 * repository's own ./pipeline is the ITs').
 */
class PipelineScriptTest {
  private static final String SETTINGS = """
      {
        "stages": [{"name": "Unit Tests", "run": "unit"}],
        "check_stages": ["Unit Tests", "Coverage Gate", "Staging Deploy", "Suites"],
        "suites": {
          "client": {"maven": ["-pl", "clients/java", "-Pclient-suite"], "reports": "clients/java/target/client-suite/failsafe-reports"},
          "acceptance-server": {"maven": ["-pl", "acceptance"], "reports": "acceptance/target/acceptance-server/failsafe-reports"},
          "acceptance": {"maven": ["-pl", "acceptance"], "reports": "acceptance/target/acceptance/failsafe-reports"}
        },
        "databases": ["fraud", "vault", "payments"]
      }
      """;

  @TempDir
  Path dir;

  private PipelineScript withSettings(String json) throws IOException {
    Files.writeString(dir.resolve("pipeline.json"), json);
    return PipelineScript.in(dir);
  }

  private PipelineScript withScript(String body) throws IOException {
    Path script = dir.resolve("pipeline");
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return PipelineScript.in(dir);
  }

  @Test
  void readsTheSuiteNamesAsTheKeysOfTheSuitesObjectInTheirOrder() throws IOException {
    assertThat(withSettings(SETTINGS).suites()).containsExactly("client", "acceptance-server", "acceptance");
  }

  @Test
  void readsTheCheckStagesInTheirOrder() throws IOException {
    assertThat(withSettings(SETTINGS).checkStages()).containsExactly("Unit Tests", "Coverage Gate", "Staging Deploy", "Suites");
  }

  @Test
  void refusesSettingsWithoutSuitesOrCheckStagesNamingTheFileTheKeyAndTheKeysThereAre() throws IOException {
    PipelineScript script = withSettings("{\"stages\": [], \"databases\": []}");
    Path file = dir.resolve("pipeline.json");

    assertThatThrownBy(script::suites).hasMessage(file + " has no \"suites\" (its keys: stages, databases)");
    assertThatThrownBy(script::checkStages).hasMessage(file + " has no \"check_stages\" (its keys: stages, databases)");
  }

  @Test
  void refusesSuitesThatAreNotAnObjectOfSuitesNamingTheFile() throws IOException {
    PipelineScript list = withSettings("{\"suites\": [\"client\", \"acceptance\"]}");
    assertThatThrownBy(list::suites)
        .hasMessage(dir.resolve("pipeline.json") + ": \"suites\" is not an object with a key per suite: [\"client\",\"acceptance\"]");
    PipelineScript none = withSettings("{\"suites\": {}}");
    assertThatThrownBy(none::suites).hasMessageContaining("\"suites\" is not an object with a key per suite: {}");
  }

  @Test
  void refusesACheckStageThatIsNotANameNamingItsIndex() throws IOException {
    PipelineScript script = withSettings("{\"check_stages\": [\"Unit Tests\", {\"name\": \"Suites\"}]}");
    assertThatThrownBy(script::checkStages)
        .hasMessage(dir.resolve("pipeline.json") + ": check_stages[1] is not a stage name (a string): {\"name\":\"Suites\"}");
  }

  @Test
  void refusesASuiteGivenTwiceRatherThanLoseOneAndItsPlace() throws IOException {
    PipelineScript script = withSettings("{\"suites\": {\"client\": {}, \"acceptance\": {}, \"client\": {}}}");
    assertThatThrownBy(script::suites).hasMessageStartingWith(dir.resolve("pipeline.json") + " is not JSON: Duplicate field 'client'");
  }

  @Test
  void refusesSettingsThatAreNotJsonNamingTheFileLineAndColumn() throws IOException {
    PipelineScript script = withSettings("{\n  \"suites\": {\"client\": {},}\n}\n");
    assertThatThrownBy(script::suites).hasMessageStartingWith(dir.resolve("pipeline.json") + " is not JSON: ")
        .hasMessageEndingWith("(line 2, column 27)");
  }

  @Test
  void refusesMissingSettingsNamingTheFile() {
    assertThatThrownBy(() -> PipelineScript.in(dir).checkStages())
        .hasMessageStartingWith("cannot read " + dir.resolve("pipeline.json") + ": java.nio.file.NoSuchFileException");
  }

  @Test
  void readsOneSubcommandALineOfWhatPipelineCommandsPrints() {
    assertThat(PipelineScript.subcommandsIn("bench\nbootstrap\ncheck\n\nsuite\n", "./pipeline commands"))
        .containsExactly("bench", "bootstrap", "check", "suite");
  }

  @Test
  void refusesALineThatIsNotASubcommandOrNoSubcommandsAtAllNamingWhatPrintedThem() {
    assertThatThrownBy(() -> PipelineScript.subcommandsIn("unit\nusage: ./pipeline <command>\n", "./pipeline commands"))
        .hasMessage("./pipeline commands printed 'usage: ./pipeline <command>', which is not a subcommand name ([a-z][a-z-]*)");
    assertThatThrownBy(() -> PipelineScript.subcommandsIn("\n", "./pipeline commands"))
        .hasMessage("./pipeline commands printed no subcommands");
  }

  @Test
  void runsTheScriptsCommandsSubcommandInItsOwnDirectory() throws IOException {
    PipelineScript script = withScript("""
        [ "$1" = commands ] && [ -f ./pipeline.json ] || exit 9
        printf 'graph\\nrollback\\nverify\\n'
        """);
    Files.writeString(dir.resolve("pipeline.json"), "{}");

    assertThat(script.subcommands()).containsExactly("graph", "rollback", "verify");
  }

  @Test
  void failsNamingTheCommandItsExitStatusAndItsStderrWhenTheScriptFails() throws IOException {
    PipelineScript script = withScript("echo \"pipeline: unknown command '$1'\" >&2; exit 1\n");

    assertThatThrownBy(script::subcommands)
        .hasMessage(dir.resolve("pipeline").toAbsolutePath() + " commands exited 1: pipeline: unknown command 'commands'\n");
  }
}
