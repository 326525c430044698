package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jenkins/rollback.Jenkinsfile: a described VERSION parameter, the rollback under the production
 * lock, then Verify Production; and the shell step passes VERSION as one argument or none.
 */
class RollbackJenkinsfileIT {
  private static Jenkinsfile rollback;
  private static PipelineScript pipeline;

  @TempDir
  Path dir;

  @BeforeAll
  static void evaluate() {
    rollback = Jenkinsfile.load(Checks.JENKINS.resolve("rollback.Jenkinsfile"));
    pipeline = PipelineScript.in(Checks.ROOT);
  }

  @Test
  void carriesTheOptionsOfEveryTollgateJob() {
    Checks.assertCarriesTheOptionsOfEveryTollgateJob(rollback);
  }

  @Test
  void runsOnTheTollgateAgentInTheWorkspaceThatHoldsTheReleaseStore() {
    Checks.assertRunsOnTheTollgateAgentInTheSharedWorkspace(rollback, "/var/lib/tollgate");
  }

  @Test
  void takesTheVersionAsADescribedStringParameterThatIsEmptyByDefault() {
    assertThat(rollback.parameters()).singleElement().satisfies(parameter -> {
      assertThat(parameter.name()).isEqualTo("string");
      assertThat(parameter.namedText("name")).isEqualTo("VERSION");
      assertThat(parameter.namedText("defaultValue")).isEmpty();
      assertThat(parameter.namedText("description")).contains("var/releases/").contains("Empty: the release before");
    });
  }

  @Test
  void rollsBackUnderTheProductionLockThenVerifiesProduction() {
    assertThat(rollback.stages()).extracting(Jenkinsfile.Stage::name).containsExactly("Rollback", "Verify Production");
    assertThat(rollback.stages()).allSatisfy(stage -> assertThat(stage.shSteps()).as("stage '%s'", stage.name()).hasSize(1));

    Jenkinsfile.ShStep rollbackStep = rollback.stage("Rollback").shSteps().get(0);
    assertThat(rollbackStep.subcommand()).contains("rollback");
    assertThat(rollbackStep.locks()).containsExactly("production");
    assertThat(rollback.stage("Verify Production").shSteps().get(0).command()).isEqualTo("./pipeline verify");
    assertThat(rollback.stages()).noneMatch(Jenkinsfile.Stage::isConditional);
  }

  @Test
  void callsOnlySubcommandsThatPipelineDispatches() {
    assertThat(Checks.stepsNotCallingASubcommand(rollback, pipeline.subcommands())).isEmpty();
  }

  @Test
  void passesTheShellOnlyPlainStringsThatGroovyDoesNotInterpolate() {
    assertThat(rollback.shSteps()).allSatisfy(step ->
        assertThat(step.isPlainString()).as("stage '%s' sh %s", step.stage().name(), step.command()).isTrue());
  }

  @Test
  void passesAnEmptyVersionAsNoArgumentAndAnyOtherAsExactlyOneUntouched() throws Exception {
    String command = rollback.stage("Rollback").shSteps().get(0).command();
    Path stub = dir.resolve("pipeline");
    Files.writeString(stub, "#!/bin/sh\nprintf '%s\\n' \"$#\"\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(shell(command, null)).containsExactly("1", "[rollback]");
    assertThat(shell(command, "")).containsExactly("1", "[rollback]");
    assertThat(shell(command, "20261121.051724-4a81b31")).containsExactly("2", "[rollback]", "[20261121.051724-4a81b31]");
    assertThat(shell(command, "a b; touch pwned $(touch pwned2)"))
        .containsExactly("2", "[rollback]", "[a b; touch pwned $(touch pwned2)]");
    assertThat(dir.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned2")).doesNotExist();
  }

  /** Runs {@code command} as Jenkins's sh step does (/bin/sh -e), with VERSION set to {@code version} or unset. */
  private List<String> shell(String command, String version) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-e", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("VERSION");
    if (version != null) {
      builder.environment().put("VERSION", version);
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
