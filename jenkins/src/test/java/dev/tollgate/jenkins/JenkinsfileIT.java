package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release Jenkinsfile, evaluated by the recording interpreter: its stages and their order,
 * the parallel suites, one existing ./pipeline subcommand per stage, what only the release
 * branch runs, the locks, milestone and credentials, and what every build publishes.
 */
class JenkinsfileIT {
  private static Jenkinsfile jenkinsfile;
  private static PipelineScript pipeline;

  @BeforeAll
  static void evaluate() {
    jenkinsfile = Jenkinsfile.load(Checks.ROOT.resolve("Jenkinsfile"));
    pipeline = PipelineScript.in(Checks.ROOT);
  }

  @Test
  void carriesTheOptionsOfEveryTollgateJob() {
    Checks.assertCarriesTheOptionsOfEveryTollgateJob(jenkinsfile);
  }

  @Test
  void runsOnTheTollgateAgentInTheWorkspaceEveryTollgateJobShares() {
    Checks.assertRunsOnTheTollgateAgentInTheSharedWorkspace(jenkinsfile, "/var/lib/tollgate");
  }

  @Test
  void declaresTheReleaseStagesInOrder() {
    assertThat(jenkinsfile.stages()).extracting(Jenkinsfile.Stage::name).containsExactly(
        "Unit Tests", "Coverage Gate", "Staging Deploy", "Suites", "Production Deploy", "Verify Production");
  }

  @Test
  void runsTheClientAndAcceptanceSuitesAsParallelBranchesOfTheSuitesStage() {
    assertThat(jenkinsfile.stages()).filteredOn(Jenkinsfile.Stage::isParallel).extracting(Jenkinsfile.Stage::name)
        .containsExactly("Suites");
    assertThat(jenkinsfile.stage("Suites").branches()).extracting(Jenkinsfile.Stage::name)
        .containsExactly("Client Suite", "Acceptance Server", "Acceptance");
  }

  @Test
  void makesEachStageExactlyOneCallToASubcommandThatPipelineDispatches() {
    for (Jenkinsfile.Stage stage : jenkinsfile.leafStages()) {
      assertThat(stage.shSteps()).as("sh steps of stage '%s'", stage.name()).hasSize(1);
      assertThat(stage.shSteps().get(0).command()).as("stage '%s'", stage.name())
          .matches("\\./pipeline [a-z][a-z-]*( [a-z][a-z-]*)*");
    }
    assertThat(Checks.stepsNotCallingASubcommand(jenkinsfile, pipeline.subcommands())).isEmpty();
  }

  @Test
  void runsOnlySuitesThePipelineKnowsInTheSuitesBranches() {
    List<String> suites = pipeline.suites();
    for (Jenkinsfile.Stage branch : jenkinsfile.stage("Suites").branches()) {
      String run = branch.run();
      assertThat(run).as("branch '%s'", branch.name()).startsWith("suite ");
      assertThat(suites).as("suites of pipeline.json, for branch '%s'", branch.name()).contains(run.substring("suite ".length()));
    }
    assertThat(jenkinsfile.stage("Suites").branches()).hasSameSizeAs(suites);
  }

  @Test
  void passesTheShellOnlyPlainStringsThatGroovyDoesNotInterpolate() {
    assertThat(jenkinsfile.shSteps()).allSatisfy(step ->
        assertThat(step.isPlainString()).as("stage '%s' sh %s", step.stage().name(), step.command()).isTrue());
  }

  @Test
  void deploysToProductionOnlyFromTheReleaseBranchPastAMilestoneUnderTheProductionLock() {
    Jenkinsfile.Stage deploy = jenkinsfile.stage("Production Deploy");
    Jenkinsfile.ShStep step = deploy.shSteps().get(0);

    assertThat(deploy.whenBranches()).containsExactly("release");
    assertThat(step.locks()).containsExactly("production");
    assertThat(step.afterMilestone()).as("a milestone() before ./pipeline production").isTrue();
    assertThat(deploy.call().only("steps").descendants().filter(call -> call.name().equals("milestone")))
        .singleElement().satisfies(milestone -> assertThat(milestone.named("ordinal")).isInstanceOf(Integer.class));
  }

  @Test
  void deploysToStagingUnderTheStagingLock() {
    assertThat(jenkinsfile.stage("Staging Deploy").shSteps().get(0).locks()).containsExactly("staging");
  }

  @Test
  void verifiesProductionOnlyFromTheReleaseBranch() {
    assertThat(jenkinsfile.stage("Verify Production").whenBranches()).containsExactly("release");
  }

  @Test
  void locksProductionNowhereButWhereItDeploys() {
    assertThat(jenkinsfile.shSteps()).filteredOn(step -> step.locks().contains("production"))
        .extracting(step -> step.stage().name()).containsExactly("Production Deploy");
  }

  @Test
  void runsOnOtherBranchesExactlyTheStagesOfPipelineCheck() {
    assertThat(jenkinsfile.stages()).filteredOn(Jenkinsfile.Stage::isConditional)
        .allSatisfy(stage -> assertThat(stage.whenBranches()).as("when of stage '%s'", stage.name()).containsExactly("release"));
    assertThat(jenkinsfile.stages()).filteredOn(stage -> !stage.isConditional()).extracting(Jenkinsfile.Stage::name)
        .containsExactlyElementsOf(pipeline.checkStages());
  }

  @Test
  void bindsTheSmtpLoginToEveryStepThatRunsTheCoverageGateAndToNoOther() {
    List<Jenkinsfile.ShStep> bound = jenkinsfile.shSteps().stream().filter(step -> !step.credentials().isEmpty()).toList();

    assertThat(bound).extracting(step -> step.stage().name()).containsExactly("Coverage Gate", "Acceptance");
    assertThat(bound).allSatisfy(step -> assertThat(step.credentials()).singleElement().satisfies(binding -> {
      assertThat(binding.name()).isEqualTo("usernamePassword");
      assertThat(binding.namedText("credentialsId")).isEqualTo("tollgate-smtp");
      assertThat(binding.namedText("usernameVariable")).isEqualTo("SMTP_USER");
      assertThat(binding.namedText("passwordVariable")).isEqualTo("SMTP_PASSWORD");
    }));
  }

  @Test
  void publishesTheTestReportsCoverageAndRunRecordsOfEveryBuildWhateverStoppedIt() {
    List<DslCall> always = jenkinsfile.post("always");

    DslCall junit = always.stream().filter(call -> call.name().equals("junit")).findFirst().orElseThrow();
    assertThat(junit.named("allowEmptyResults")).isEqualTo(true);
    assertThat(List.of(junit.namedText("testResults").split(",\\s*"))).containsExactlyInAnyOrder(
        "**/target/surefire-reports/TEST-*.xml",
        "**/target/failsafe-reports/TEST-*.xml",
        "var/runs/${env.BUILD_TAG}/junit/**/TEST-*.xml",
        "tests/target/TEST-*.xml");

    List<String> coverage = always.stream().filter(call -> call.name().equals("recordCoverage"))
        .flatMap(call -> ((List<?>) call.named("tools")).stream()).map(tool -> (java.util.Map<?, ?>) tool)
        .peek(tool -> assertThat(tool.get("parser")).isEqualTo("JACOCO"))
        .map(tool -> String.valueOf(tool.get("pattern"))).toList();
    assertThat(coverage).containsExactlyInAnyOrder(
        "coverage-report/target/site/jacoco-aggregate/jacoco.xml",
        "acceptance/target/acceptance/site/jacoco-acceptance/jacoco.xml");

    DslCall archive = always.stream().filter(call -> call.name().equals("archiveArtifacts")).findFirst().orElseThrow();
    assertThat(archive.named("allowEmptyArchive")).isEqualTo(true);
    assertThat(List.of(archive.namedText("artifacts").split(",\\s*")))
        .containsExactlyInAnyOrder("var/runs/${env.BUILD_TAG}/**", "var/mail/**");
  }

  @Test
  void readsTheRunRecordsWherePipelineWritesThemForThisBuild() throws IOException {
    // ./pipeline names the run after Jenkins's BUILD_TAG: var/runs/<run>/ is this build's. The
    // script and the lib/pipeline/*.bash files it sources, read as one text.
    StringBuilder bash = new StringBuilder(Files.readString(Checks.ROOT.resolve("pipeline")));
    try (Stream<Path> files = Files.list(Checks.ROOT.resolve("lib/pipeline"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bash")).sorted().toList()) {
        bash.append('\n').append(Files.readString(file));
      }
    }
    assertThat(bash.toString())
        .containsPattern("TOLLGATE_RUN=\"\\$\\{TOLLGATE_RUN:-\\$\\{BUILD_TAG:-")
        .contains("/runs/$TOLLGATE_RUN");
  }

  @Test
  void explainsInItsHeaderThatTheStageLogicLivesInPipeline() throws IOException {
    List<String> header = Files.readAllLines(Checks.ROOT.resolve("Jenkinsfile")).stream()
        .takeWhile(line -> line.startsWith("//")).toList();

    assertThat(header).hasSizeGreaterThan(3);
    assertThat(String.join("\n", header)).contains("./pipeline").contains("cmd_<subcommand>").contains("./pipeline graph");
  }

  @Test
  void usesNoScriptBlockGroovyOnlyConnectsTheSteps() {
    Set<String> allowed = Checks.STEP_PLUGINS.keySet();
    assertThat(jenkinsfile.calls().map(DslCall::name).distinct())
        .as("calls of the Jenkinsfile (a new one needs its plugin in Checks.STEP_PLUGINS)").isSubsetOf(allowed)
        .doesNotContain("script");
  }
}
