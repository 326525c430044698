package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jenkins/jobs.groovy, evaluated by the recording interpreter with the variables casc.yaml hands
 * it: the multibranch release job, the rollback job and the on-demand system verification.
 */
class JobDslIT {
  private static Checks.JobDsl jobs;
  private static Map<String, String> provided;

  @BeforeAll
  static void evaluate() {
    provided = Checks.providedEnv(Checks.casc());
    jobs = Checks.jobs();
  }

  @Test
  void definesTheReleaseRollbackAndSystemVerificationJobsAndNothingElse() {
    assertThat(jobs.root().children()).extracting(job -> job.name() + " " + job.text(0)).containsExactly(
        "multibranchPipelineJob tollgate",
        "pipelineJob tollgate-rollback",
        "pipelineJob tollgate-system-verification");
  }

  @Test
  void readsOnlyTheVariablesCascProvides() {
    assertThat(jobs.unresolved()).as("names jobs.groovy reads that casc.yaml's providedEnv does not provide").isEmpty();
    assertThat(provided).containsKeys("TOLLGATE_GIT_URL", "TOLLGATE_GIT_CREDENTIALS");
  }

  @Test
  void buildsEveryBranchOfTheRepositoryThroughTheJenkinsfileWithReleaseAmongThem() {
    DslCall tollgate = jobs.job("multibranchPipelineJob", "tollgate");
    DslCall git = Checks.JobDsl.find(tollgate.only("branchSources"), "git");

    assertThat(git.only("remote").text(0)).isEqualTo(provided.get("TOLLGATE_GIT_URL"));
    assertThat(git.only("credentialsId").text(0)).isEqualTo(provided.get("TOLLGATE_GIT_CREDENTIALS"));
    assertThat(git.only("traits").first("gitBranchDiscovery")).isPresent();
    DslCall filter = git.only("traits").only("headWildcardFilter");
    List<String> includes = List.of(filter.only("includes").text(0).split("\\s+"));
    String excludes = filter.only("excludes").text(0);
    for (String branch : List.of("release", "main", "feature/faster-refunds")) {
      assertThat(matchesAny(includes, branch)).as("includes %s match %s", includes, branch).isTrue();
      assertThat(excludes.isBlank() || !matchesAny(List.of(excludes.split("\\s+")), branch))
          .as("excludes '%s' let %s through", excludes, branch).isTrue();
    }
    assertThat(Checks.JobDsl.find(tollgate.only("factory"), "scriptPath").text(0)).isEqualTo("Jenkinsfile");
    assertThat(Checks.ROOT.resolve("Jenkinsfile")).isRegularFile();
    assertThat(Checks.JobDsl.find(tollgate.only("triggers"), "interval").text(0)).isNotBlank();
  }

  @Test
  void runsRollbackJenkinsfileFromTheReleaseBranchWithTheSameVersionParameter() {
    DslCall rollbackJob = jobs.job("pipelineJob", "tollgate-rollback");
    DslCall cpsScm = Checks.JobDsl.find(rollbackJob.only("definition"), "cpsScm");

    String scriptPath = cpsScm.only("scriptPath").text(0);
    assertThat(scriptPath).isEqualTo("jenkins/rollback.Jenkinsfile");
    assertThat(Checks.ROOT.resolve(scriptPath)).isRegularFile();
    assertThat(Checks.JobDsl.find(cpsScm, "branch").text(0)).isEqualTo("*/release");
    assertThat(Checks.JobDsl.find(cpsScm, "url").text(0)).isEqualTo(provided.get("TOLLGATE_GIT_URL"));

    DslCall parameter = rollbackJob.only("parameters").only("stringParam");
    DslCall declared = Jenkinsfile.load(Checks.ROOT.resolve(scriptPath)).parameters().get(0);
    assertThat(parameter.text(0)).isEqualTo("VERSION").isEqualTo(declared.namedText("name"));
    assertThat(parameter.text(1)).isEmpty();
    assertThat(parameter.text(2)).as("the job's VERSION description, which the Jenkinsfile's replaces on its first run")
        .isEqualTo(declared.namedText("description"));
  }

  @Test
  void verifiesProductionOnDemandOnlyWithOneCallToPipelineVerifyFromTheReleaseBranch() {
    DslCall verification = jobs.job("pipelineJob", "tollgate-system-verification");

    assertThat(verification.first("triggers")).as("triggers of the on-demand job").isEmpty();
    assertThat(verification.first("parameters")).as("parameters of the on-demand job").isEmpty();
    assertThat(verification.only("description").text(0)).contains("five minutes").contains("Verify Production");

    Jenkinsfile script = jobs.inlinePipeline("tollgate-system-verification");
    Checks.assertCarriesTheOptionsOfEveryTollgateJob(script);
    Checks.assertRunsOnTheTollgateAgentInTheSharedWorkspace(script, "/var/lib/tollgate");
    assertThat(script.shSteps()).extracting(Jenkinsfile.ShStep::command).containsExactly("./pipeline verify");
    DslCall checkout = Checks.JobDsl.find(script.pipeline(), "git");
    assertThat(checkout.namedText("url")).isEqualTo(provided.get("TOLLGATE_GIT_URL"));
    assertThat(checkout.namedText("branch")).isEqualTo("release");
    assertThat(Checks.stepsNotCallingASubcommand(script, PipelineScript.in(Checks.ROOT).subcommands())).isEmpty();
  }

  private static boolean matchesAny(List<String> wildcards, String branch) {
    // As the branch filter reads them: * is any run of characters, / included; the rest is literal.
    return wildcards.stream().anyMatch(wildcard ->
        branch.matches(Pattern.quote(wildcard).replace("*", "\\E.*\\Q")));
  }
}
