package dev.tollgate.jenkins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A declarative Jenkinsfile as {@link DslInterpreter} recorded it: its agent, options,
 * parameters, stages (with their {@code when} branches and parallel branches), the shell steps
 * each stage runs with the locks, credentials and milestones around them, and its stage graph
 * in the shape {@code ./pipeline graph} prints.
 */
final class Jenkinsfile {
  /** A shell step that is one ./pipeline call: the subcommand, then its arguments. */
  static final Pattern PIPELINE_CALL = Pattern.compile("\\./pipeline ([a-z][a-z-]*)(?: (.+))?");

  private final String name;
  private final DslCall pipeline;

  private Jenkinsfile(String name, DslCall pipeline) {
    this.name = name;
    this.pipeline = pipeline;
  }

  static Jenkinsfile load(Path file) {
    return of(DslInterpreter.evaluate(file));
  }

  static Jenkinsfile parse(String source, String name) {
    return of(new DslInterpreter(java.util.Map.of()).run(source, name));
  }

  private static Jenkinsfile of(DslCall root) {
    return new Jenkinsfile(root.name(), root.only("pipeline"));
  }

  String name() {
    return name;
  }

  DslCall pipeline() {
    return pipeline;
  }

  /** The names of the calls in {@code options { }}. */
  List<String> optionNames() {
    return pipeline.only("options").children().stream().map(DslCall::name).toList();
  }

  DslCall option(String option) {
    return pipeline.only("options").only(option);
  }

  /** The parameter definitions ({@code string(name: ...)}), or none. */
  List<DslCall> parameters() {
    return pipeline.first("parameters").map(DslCall::children).orElse(List.of());
  }

  /** The {@code agent { node { } }} settings: label and customWorkspace. */
  Optional<String> agentNode(String setting) {
    return pipeline.only("agent").first("node").flatMap(node -> node.first(setting)).map(call -> call.text(0));
  }

  /** The calls of {@code post { <condition> { } }}. */
  List<DslCall> post(String condition) {
    return pipeline.first("post").flatMap(post -> post.first(condition)).map(DslCall::children).orElse(List.of());
  }

  List<Stage> stages() {
    return pipeline.only("stages").children("stage").stream().map(Stage::new).toList();
  }

  Stage stage(String stageName) {
    return stages().stream().filter(stage -> stage.name().equals(stageName)).findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " has no stage '" + stageName + "'"));
  }

  /** Every stage that runs steps: the top-level ones and the branches of parallel ones. */
  List<Stage> leafStages() {
    return stages().stream().flatMap(stage -> stage.isParallel() ? stage.branches().stream() : Stream.of(stage)).toList();
  }

  /** Every call in the file. */
  Stream<DslCall> calls() {
    return Stream.concat(Stream.of(pipeline), pipeline.descendants());
  }

  /** Every {@code sh} step in the file. */
  List<ShStep> shSteps() {
    return leafStages().stream().flatMap(stage -> stage.shSteps().stream()).toList();
  }

  /** The stage graph: stage name and the ./pipeline subcommand it runs, parallel stages with their branches. */
  StageGraph graph() {
    List<StageGraph.Node> nodes = new ArrayList<>();
    for (Stage stage : stages()) {
      if (stage.isParallel()) {
        nodes.add(StageGraph.Node.parallel(stage.name(),
            stage.branches().stream().map(branch -> StageGraph.Node.step(branch.name(), branch.run())).toList()));
      } else {
        nodes.add(StageGraph.Node.step(stage.name(), stage.run()));
      }
    }
    return new StageGraph(nodes);
  }

  /** One {@code stage('name') { }}. */
  record Stage(DslCall call) {
    String name() {
      return call.text(0);
    }

    boolean isParallel() {
      return call.first("parallel").isPresent();
    }

    List<Stage> branches() {
      return call.first("parallel").map(parallel -> parallel.children("stage").stream().map(Stage::new).toList())
          .orElse(List.of());
    }

    /** The branches of {@code when { branch '...' }}; empty when the stage always runs. */
    List<String> whenBranches() {
      return call.first("when").map(when -> when.children("branch").stream().map(branch -> branch.text(0)).toList())
          .orElse(List.of());
    }

    /** Whether the stage has a {@code when} at all. */
    boolean isConditional() {
      return call.first("when").isPresent();
    }

    /** The lock resources of the stage's own {@code options { lock(...) }}. */
    List<String> stageLocks() {
      return call.first("options").map(options -> options.children("lock").stream().map(Jenkinsfile::lockResource).toList())
          .orElse(List.of());
    }

    List<ShStep> shSteps() {
      return call.first("steps").stream().flatMap(DslCall::descendants).filter(step -> step.name().equals("sh"))
          .map(step -> new ShStep(this, step)).toList();
    }

    /** What the stage's one shell step passes to ./pipeline; fails naming the stage otherwise. */
    String run() {
      List<ShStep> steps = shSteps();
      if (steps.size() != 1) {
        throw new IllegalStateException("stage '" + name() + "' has " + steps.size()
            + " sh steps; each stage is exactly one ./pipeline call");
      }
      return steps.get(0).pipelineArguments()
          .orElseThrow(() -> new IllegalStateException("stage '" + name() + "' runs '" + steps.get(0).command()
              + "', not ./pipeline <subcommand>"));
    }
  }

  /** One {@code sh} step and what surrounds it. */
  record ShStep(Stage stage, DslCall call) {
    /** The script as written (a GString reads with its ${...} in place). */
    String command() {
      Object script = call.positional().isEmpty() ? call.named("script") : call.positional().get(0);
      return DslCall.textOf(script);
    }

    /** Whether the script is a plain string, not one Groovy interpolates before the shell sees it. */
    boolean isPlainString() {
      Object script = call.positional().isEmpty() ? call.named("script") : call.positional().get(0);
      return script instanceof String;
    }

    /** Everything after "./pipeline ", when the script is one ./pipeline call. */
    Optional<String> pipelineArguments() {
      String command = command();
      return command != null && command.startsWith("./pipeline ") ? Optional.of(command.substring("./pipeline ".length()))
          : Optional.empty();
    }

    /** The subcommand, when the script is one ./pipeline call. */
    Optional<String> subcommand() {
      Matcher matcher = PIPELINE_CALL.matcher(command() == null ? "" : command());
      return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The resources locked around this step: by lock() steps around it or by its stage's options. */
    List<String> locks() {
      List<String> locks = new ArrayList<>(stage.stageLocks());
      call.ancestors().stream().filter(around -> around.name().equals("lock")).map(Jenkinsfile::lockResource).forEach(locks::add);
      return locks;
    }

    /** The credentials bound around this step (their usernamePassword(...) etc. calls). */
    List<DslCall> credentials() {
      return call.ancestors().stream().filter(around -> around.name().equals("withCredentials"))
          .flatMap(with -> with.positional().stream())
          .flatMap(arg -> arg instanceof List<?> list ? list.stream() : Stream.of(arg))
          .filter(DslCall.class::isInstance).map(DslCall.class::cast).toList();
    }

    /** Whether a milestone() step comes before this step in its stage. */
    boolean afterMilestone() {
      DslCall steps = stage.call().only("steps");
      for (DslCall step : steps.descendants().toList()) {
        if (step == call) {
          return false;
        }
        if (step.name().equals("milestone")) {
          return true;
        }
      }
      return false;
    }
  }

  /** The resource of {@code lock('name')} or {@code lock(resource: 'name')}. */
  static String lockResource(DslCall lock) {
    String resource = lock.text(0);
    return resource != null ? resource : lock.namedText("resource");
  }
}
