package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every Tollgate Jenkinsfile is held to, and where the files are. */
final class Checks {
  static final Path ROOT = Repository.root();
  static final Path JENKINS = ROOT.resolve("jenkins");
  static final String AGENT_LABEL = "tollgate";

  /** The plugin behind each step or directive the Jenkinsfiles may call; "jenkins-core" needs none. */
  static final Map<String, String> STEP_PLUGINS = Map.ofEntries(
      Map.entry("pipeline", "pipeline-model-definition"),
      Map.entry("agent", "pipeline-model-definition"),
      Map.entry("node", "pipeline-model-definition"),
      Map.entry("label", "pipeline-model-definition"),
      Map.entry("customWorkspace", "pipeline-model-definition"),
      Map.entry("options", "pipeline-model-definition"),
      Map.entry("parameters", "pipeline-model-definition"),
      Map.entry("stages", "pipeline-model-definition"),
      Map.entry("stage", "pipeline-model-definition"),
      Map.entry("steps", "pipeline-model-definition"),
      Map.entry("parallel", "pipeline-model-definition"),
      Map.entry("when", "pipeline-model-definition"),
      Map.entry("branch", "pipeline-model-definition"),
      Map.entry("post", "pipeline-model-definition"),
      Map.entry("always", "pipeline-model-definition"),
      Map.entry("environment", "pipeline-model-definition"),
      Map.entry("string", "jenkins-core"),
      Map.entry("buildDiscarder", "jenkins-core"),
      Map.entry("logRotator", "jenkins-core"),
      Map.entry("disableConcurrentBuilds", "workflow-job"),
      Map.entry("timestamps", "timestamper"),
      Map.entry("timeout", "workflow-basic-steps"),
      Map.entry("archiveArtifacts", "workflow-basic-steps"),
      Map.entry("sh", "workflow-durable-task-step"),
      Map.entry("checkout", "workflow-scm-step"),
      Map.entry("git", "git"),
      Map.entry("lock", "lockable-resources"),
      Map.entry("milestone", "pipeline-milestone-step"),
      Map.entry("withCredentials", "credentials-binding"),
      Map.entry("usernamePassword", "credentials-binding"),
      Map.entry("junit", "junit"),
      Map.entry("recordCoverage", "coverage"));

  private Checks() {
  }

  /** jenkins/casc.yaml, parsed. */
  static JsonNode casc() {
    Path file = JENKINS.resolve("casc.yaml");
    try {
      return new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not YAML: " + e.getMessage(), e);
    }
  }

  /** The variables casc.yaml hands to jobs.groovy (its jobs: providedEnv entries), as written there. */
  static Map<String, String> providedEnv(JsonNode casc) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (JsonNode entry : casc.path("jobs")) {
      entry.path("providedEnv").fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue().asText()));
    }
    return variables;
  }

  /** jobs.groovy evaluated with the variables casc.yaml provides. */
  static JobDsl jobs() {
    DslInterpreter interpreter = new DslInterpreter(providedEnv(casc()));
    DslCall root = interpreter.run(JENKINS.resolve("jobs.groovy"));
    return new JobDsl(root, interpreter.unresolved());
  }

  /** The recorded Job DSL file and the names it read that nothing provided. */
  record JobDsl(DslCall root, Set<String> unresolved) {
    /** The job {@code kind('name') { }}; fails naming it when it is not there exactly once. */
    DslCall job(String kind, String name) {
      List<DslCall> found = root.children(kind).stream().filter(job -> name.equals(job.text(0))).toList();
      assertThat(found).as("%s('%s') in jobs.groovy", kind, name).hasSize(1);
      return found.get(0);
    }

    /** The inline pipeline script of the pipelineJob {@code name}, evaluated. */
    Jenkinsfile inlinePipeline(String name) {
      DslCall script = find(job("pipelineJob", name).only("definition"), "script");
      return Jenkinsfile.parse(script.text(0), "jobs.groovy " + name);
    }

    /** The first call named {@code name} anywhere under {@code call}. */
    static DslCall find(DslCall call, String name) {
      return call.descendants().filter(found -> found.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + "(...) in " + call));
    }
  }

  /** timestamps(), timeout(... MINUTES), disableConcurrentBuilds(), buildDiscarder(logRotator(numToKeepStr: 'N')). */
  static void assertCarriesTheOptionsOfEveryTollgateJob(Jenkinsfile file) {
    assertThat(file.optionNames()).as("options of %s", file.name())
        .contains("timestamps", "timeout", "disableConcurrentBuilds", "buildDiscarder");
    DslCall timeout = file.option("timeout");
    assertThat(timeout.namedText("unit")).as("timeout unit in %s", file.name()).isEqualTo("MINUTES");
    assertThat(timeout.named("time")).as("timeout in %s", file.name()).isInstanceOf(Integer.class);
    assertThat((Integer) timeout.named("time")).as("timeout in %s", file.name()).isBetween(1, 24 * 60);
    Object discarder = file.option("buildDiscarder").positional().get(0);
    assertThat(discarder).as("buildDiscarder in %s", file.name()).isInstanceOf(DslCall.class);
    DslCall rotator = (DslCall) discarder;
    assertThat(rotator.name()).isEqualTo("logRotator");
    assertThat(rotator.namedText("numToKeepStr")).as("logRotator numToKeepStr in %s", file.name()).matches("[1-9][0-9]*");
  }

  /** Every sh step runs ./pipeline with one of {@code subcommands} (what ./pipeline commands prints); the stage and command of each that does not. */
  static List<String> stepsNotCallingASubcommand(Jenkinsfile file, Set<String> subcommands) {
    List<String> wrong = new ArrayList<>();
    for (Jenkinsfile.ShStep step : file.shSteps()) {
      String where = file.name() + " stage '" + step.stage().name() + "' runs '" + step.command() + "'";
      if (step.subcommand().isEmpty()) {
        wrong.add(where + ", which is not ./pipeline <subcommand>");
      } else if (!subcommands.contains(step.subcommand().get())) {
        wrong.add(where + ", but ./pipeline has no subcommand '" + step.subcommand().get() + "' (./pipeline commands: "
            + String.join(" ", subcommands) + ")");
      }
    }
    return wrong;
  }

  static void assertRunsOnTheTollgateAgentInTheSharedWorkspace(Jenkinsfile file, String workspace) {
    assertThat(file.agentNode("label")).as("agent label of %s", file.name()).contains(AGENT_LABEL);
    assertThat(file.agentNode("customWorkspace")).as("agent workspace of %s", file.name()).contains(workspace);
  }
}
