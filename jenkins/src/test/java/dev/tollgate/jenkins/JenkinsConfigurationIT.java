package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jenkins/casc.yaml and jenkins/plugins.txt against what the Jenkinsfiles and jobs.groovy use:
 * the locks, the credentials, the mail settings, the agent, and a plugin for every step.
 */
class JenkinsConfigurationIT {
  /** The plugin behind each part of casc.yaml Tollgate configures. */
  private static final Map<String, String> CASC_PLUGINS = Map.of(
      "/jobs", "job-dsl",
      "/credentials", "credentials",
      "/unclassified/mailer", "mailer",
      "/unclassified/lockableResourcesManager", "lockable-resources");

  /** The plugin behind each Job DSL call of jobs.groovy that needs one. */
  private static final Map<String, String> JOB_DSL_PLUGINS = Map.of(
      "multibranchPipelineJob", "workflow-multibranch",
      "workflowBranchProjectFactory", "workflow-multibranch",
      "branchSource", "branch-api",
      "gitBranchDiscovery", "git",
      "headWildcardFilter", "scm-api",
      "periodicFolderTrigger", "cloudbees-folder",
      "pipelineJob", "workflow-job",
      "cpsScm", "workflow-cps",
      "cps", "workflow-cps");

  private static JsonNode casc;
  private static List<Jenkinsfile> jenkinsfiles;

  @BeforeAll
  static void load() {
    casc = Checks.casc();
    jenkinsfiles = List.of(
        Jenkinsfile.load(Checks.ROOT.resolve("Jenkinsfile")),
        Jenkinsfile.load(Checks.JENKINS.resolve("rollback.Jenkinsfile")),
        Checks.jobs().inlinePipeline("tollgate-system-verification"));
  }

  @Test
  void cascIsYamlWithTheSectionsJenkinsReads() {
    assertThat(casc.isObject()).isTrue();
    assertThat(casc.fieldNames()).toIterable().contains("jenkins", "credentials", "unclassified", "jobs");
    assertThat(casc.at("/jenkins/systemMessage").asText()).contains("./pipeline");
  }

  @Test
  void declaresEveryLockableResourceTheJenkinsfilesLock() {
    Set<String> locked = new LinkedHashSet<>();
    jenkinsfiles.forEach(file -> file.shSteps().forEach(step -> locked.addAll(step.locks())));
    List<String> declared = new ArrayList<>();
    casc.at("/unclassified/lockableResourcesManager/declaredResources").forEach(resource -> declared.add(resource.path("name").asText()));

    assertThat(locked).containsExactlyInAnyOrder("staging", "production");
    assertThat(declared).containsExactlyInAnyOrderElementsOf(locked);
  }

  @Test
  void declaresEveryCredentialTheJenkinsfilesBindAsAGlobalUsernamePasswordWithNoSecretWritten() {
    Map<String, Credential> credentials = new LinkedHashMap<>();
    casc.at("/credentials/system/domainCredentials").forEach(domain -> domain.path("credentials")
        .forEach(credential -> credential.fields().forEachRemaining(kind ->
            credentials.put(kind.getValue().path("id").asText(), new Credential(kind.getKey(), kind.getValue())))));

    List<DslCall> bindings = jenkinsfiles.stream().flatMap(file -> file.shSteps().stream())
        .flatMap(step -> step.credentials().stream()).toList();
    assertThat(bindings).isNotEmpty();
    for (DslCall binding : bindings) {
      Credential credential = credentials.get(binding.namedText("credentialsId"));
      assertThat(credential).as("credential %s in casc.yaml", binding.namedText("credentialsId")).isNotNull();
      assertThat(credential.kind()).isEqualTo(binding.name());
      assertThat(credential.field("scope")).as("scope: a pipeline sees GLOBAL credentials only").isEqualTo("GLOBAL");
    }
    credentials.forEach((id, credential) -> {
      assertThat(credential.field("username")).as("username of %s", id).matches("\\$\\{[A-Z_]+(:-)?\\}");
      assertThat(credential.field("password")).as("password of %s", id).matches("\\$\\{[A-Z_]+(:-)?\\}");
    });
    assertThat(casc.at("/unclassified/mailer/authentication/credentialsId").asText()).isIn(credentials.keySet());
  }

  @Test
  void givesEveryBuildTheMailSettingsTheCoverageGateReadsFromPlaceholders() {
    Map<String, String> env = new LinkedHashMap<>();
    casc.at("/jenkins/globalNodeProperties").forEach(property -> property.at("/envVars/env")
        .forEach(variable -> env.put(variable.path("key").asText(), variable.path("value").asText())));

    for (String key : List.of("SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS", "MAIL_FROM")) {
      assertThat(env).containsKey(key);
      assertThat(env.get(key)).as("%s, read from the controller's environment", key).startsWith("${" + key);
    }
  }

  @Test
  void offersOneAgentWithTheJenkinsfilesLabelAndOneExecutorBecauseEveryJobSharesItsWorkspace() {
    List<JsonNode> agents = new ArrayList<>();
    casc.at("/jenkins/nodes").forEach(node -> agents.add(node.path("permanent")));

    assertThat(agents).singleElement().satisfies(agent -> {
      assertThat(List.of(agent.path("labelString").asText().split("\\s+"))).contains(Checks.AGENT_LABEL);
      assertThat(agent.path("numExecutors").asInt()).isEqualTo(1);
    });
    assertThat(casc.at("/jenkins/numExecutors").asInt(-1)).as("executors of the controller itself").isZero();
    assertThat(jenkinsfiles).extracting(file -> file.agentNode("label").orElse(null)).containsOnly(Checks.AGENT_LABEL);
    assertThat(jenkinsfiles).extracting(file -> file.agentNode("customWorkspace").orElse(null)).doesNotContainNull()
        .containsOnly(jenkinsfiles.get(0).agentNode("customWorkspace").get());
  }

  @Test
  void seedsTheJobsFromJobsGroovy() {
    List<String> files = new ArrayList<>();
    casc.path("jobs").forEach(entry -> {
      if (entry.has("file")) {
        files.add(entry.get("file").asText());
      }
    });

    assertThat(files).singleElement().asString().endsWith("/jobs.groovy");
    assertThat(Checks.JENKINS.resolve("jobs.groovy")).isRegularFile();
  }

  @Test
  void listsOnePluginIdPerLineInPluginsTxt() throws IOException {
    List<String> entries = plugins();

    assertThat(entries).isNotEmpty().doesNotHaveDuplicates()
        .allSatisfy(entry -> assertThat(entry).matches("[a-z0-9][a-z0-9._-]*(:[A-Za-z0-9._-]+)?"));
  }

  @Test
  void listsInPluginsTxtThePluginOfEveryStepTheJenkinsfilesCall() throws IOException {
    List<String> unknown = new ArrayList<>();
    Set<String> needed = new LinkedHashSet<>();
    for (Jenkinsfile file : jenkinsfiles) {
      file.calls().map(DslCall::name).distinct().forEach(step -> {
        String plugin = Checks.STEP_PLUGINS.get(step);
        if (plugin == null) {
          unknown.add(step + " (in " + file.name() + ")");
        } else if (!plugin.equals("jenkins-core")) {
          needed.add(plugin);
        }
      });
    }

    assertThat(unknown).as("steps with no plugin in Checks.STEP_PLUGINS").isEmpty();
    assertThat(pluginIds()).containsAll(needed);
  }

  @Test
  void listsInPluginsTxtThePluginsCascAndJobsGroovyConfigure() throws IOException {
    Set<String> needed = new LinkedHashSet<>(List.of("configuration-as-code"));
    CASC_PLUGINS.forEach((path, plugin) -> {
      if (!casc.at(path).isMissingNode()) {
        needed.add(plugin);
      }
    });
    Checks.jobs().root().descendants().map(DslCall::name).map(JOB_DSL_PLUGINS::get)
        .filter(plugin -> plugin != null).forEach(needed::add);

    assertThat(needed).contains("job-dsl", "workflow-multibranch", "scm-api");
    assertThat(pluginIds()).containsAll(needed);
  }

  /** One credential of casc.yaml: its kind (usernamePassword, ...) and its fields. */
  private record Credential(String kind, JsonNode fields) {
    String field(String name) {
      return fields.path(name).asText();
    }
  }

  private static List<String> plugins() throws IOException {
    return Files.readAllLines(Checks.JENKINS.resolve("plugins.txt")).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }

  private static List<String> pluginIds() throws IOException {
    return plugins().stream().map(entry -> entry.split(":", 2)[0]).toList();
  }
}
