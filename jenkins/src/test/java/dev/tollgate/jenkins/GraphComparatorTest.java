package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The comparison that keeps the Jenkinsfile and {@code ./pipeline graph} equal: it must name
 * the stage whenever one side adds, drops, renames, reorders or changes one.
 */
class GraphComparatorTest {
  private static final List<StageGraph.Node> RELEASE = List.of(
      StageGraph.Node.step("Unit Tests", "unit"),
      StageGraph.Node.step("Coverage Gate", "coverage"),
      StageGraph.Node.step("Staging Deploy", "staging"),
      StageGraph.Node.parallel("Suites", List.of(
          StageGraph.Node.step("Client Suite", "suite client"),
          StageGraph.Node.step("Acceptance Server", "suite acceptance-server"),
          StageGraph.Node.step("Acceptance", "suite acceptance"))),
      StageGraph.Node.step("Production Deploy", "production"),
      StageGraph.Node.step("Verify Production", "verify"));

  private static StageGraph release() {
    return new StageGraph(RELEASE);
  }

  private static StageGraph changed(Consumer<List<StageGraph.Node>> change) {
    List<StageGraph.Node> stages = new ArrayList<>(RELEASE);
    change.accept(stages);
    return new StageGraph(stages);
  }

  private static List<String> jenkinsfileAgainstPipeline(StageGraph jenkinsfile, StageGraph pipeline) {
    return StageGraph.differences(jenkinsfile, "the Jenkinsfile", pipeline, "./pipeline graph");
  }

  @Test
  void findsNoDifferenceBetweenEqualGraphs() {
    assertThat(jenkinsfileAgainstPipeline(release(), release())).isEmpty();
  }

  @Test
  void namesAStageAddedToTheJenkinsfileOnly() {
    StageGraph jenkinsfile = changed(stages -> stages.add(2, StageGraph.Node.step("Lint", "lint")));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release()))
        .containsExactly("stage 'Lint' is in the Jenkinsfile but not in ./pipeline graph");
  }

  @Test
  void namesAStageAddedToThePipelineGraphOnly() {
    StageGraph pipeline = changed(stages -> stages.add(StageGraph.Node.step("Smoke Tests", "smoke")));

    assertThat(jenkinsfileAgainstPipeline(release(), pipeline))
        .containsExactly("stage 'Smoke Tests' is in ./pipeline graph but not in the Jenkinsfile");
  }

  @Test
  void namesBothNamesOfARenamedStage() {
    StageGraph jenkinsfile = changed(stages -> stages.set(1, StageGraph.Node.step("Coverage", "coverage")));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).containsExactlyInAnyOrder(
        "stage 'Coverage' is in the Jenkinsfile but not in ./pipeline graph",
        "stage 'Coverage Gate' is in ./pipeline graph but not in the Jenkinsfile");
  }

  @Test
  void namesAStageThatMovedAndShowsBothOrders() {
    StageGraph jenkinsfile = changed(stages -> stages.add(0, stages.remove(1)));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).singleElement().asString()
        .startsWith("stage 'Coverage Gate' comes after nothing in the Jenkinsfile but after 'Unit Tests' in ./pipeline graph")
        .contains("the Jenkinsfile: Coverage Gate -> Unit Tests -> Staging Deploy")
        .contains("./pipeline graph: Unit Tests -> Coverage Gate -> Staging Deploy");
  }

  @Test
  void namesAStageThatRunsAnotherSubcommandWithBothCommands() {
    StageGraph jenkinsfile = changed(stages -> stages.set(2, StageGraph.Node.step("Staging Deploy", "staging --fast")));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).containsExactly(
        "stage 'Staging Deploy' runs './pipeline staging --fast' in the Jenkinsfile but './pipeline staging' in ./pipeline graph");
  }

  @Test
  void namesABranchAddedToAParallelStageOnOneSideWithItsStage() {
    StageGraph pipeline = changed(stages -> stages.set(3, StageGraph.Node.parallel("Suites", List.of(
        StageGraph.Node.step("Client Suite", "suite client"),
        StageGraph.Node.step("Acceptance Server", "suite acceptance-server"),
        StageGraph.Node.step("Acceptance", "suite acceptance"),
        StageGraph.Node.step("Load", "suite load")))));

    assertThat(jenkinsfileAgainstPipeline(release(), pipeline))
        .containsExactly("branch 'Load' of stage 'Suites' is in ./pipeline graph but not in the Jenkinsfile");
  }

  @Test
  void namesABranchThatRunsAnotherSuite() {
    StageGraph jenkinsfile = changed(stages -> stages.set(3, StageGraph.Node.parallel("Suites", List.of(
        StageGraph.Node.step("Client Suite", "suite client"),
        StageGraph.Node.step("Acceptance Server", "suite acceptance"),
        StageGraph.Node.step("Acceptance", "suite acceptance")))));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).containsExactly(
        "branch 'Acceptance Server' of stage 'Suites' runs './pipeline suite acceptance' in the Jenkinsfile"
            + " but './pipeline suite acceptance-server' in ./pipeline graph");
  }

  @Test
  void namesAStageThatIsParallelOnOneSideOnly() {
    StageGraph jenkinsfile = changed(stages -> stages.set(3, StageGraph.Node.step("Suites", "suites")));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).containsExactly(
        "stage 'Suites' runs './pipeline suites' in the Jenkinsfile but a parallel stage in ./pipeline graph");
  }

  @Test
  void ignoresTheOrderOfParallelBranchesWhichRunAtOnce() {
    StageGraph jenkinsfile = changed(stages -> stages.set(3, StageGraph.Node.parallel("Suites", List.of(
        StageGraph.Node.step("Acceptance", "suite acceptance"),
        StageGraph.Node.step("Client Suite", "suite client"),
        StageGraph.Node.step("Acceptance Server", "suite acceptance-server")))));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release())).isEmpty();
  }

  @Test
  void namesAStageDeclaredTwice() {
    StageGraph jenkinsfile = changed(stages -> stages.add(StageGraph.Node.step("Unit Tests", "unit")));

    assertThat(jenkinsfileAgainstPipeline(jenkinsfile, release()))
        .containsExactly("stage 'Unit Tests' appears 2 times in the Jenkinsfile");
  }

  @Test
  void readsTheJsonThatPipelineGraphPrints() {
    StageGraph graph = StageGraph.fromJson("""
        [
          {"name": "Unit Tests", "run": "unit"},
          {"name": "Suites", "parallel": [{"name": "Client Suite", "run": "suite client"}]}
        ]
        """);

    assertThat(graph).isEqualTo(new StageGraph(List.of(
        StageGraph.Node.step("Unit Tests", "unit"),
        StageGraph.Node.parallel("Suites", List.of(StageGraph.Node.step("Client Suite", "suite client"))))));
  }

  @Test
  void refusesJsonThatIsNotAStageGraphNamingTheProblem() {
    assertThatThrownBy(() -> StageGraph.fromJson("{\"name\": \"Unit Tests\"}")).hasMessageContaining("expected a JSON array");
    assertThatThrownBy(() -> StageGraph.fromJson("[{\"name\": \"Unit Tests\"}]"))
        .hasMessageContaining("stage 'Unit Tests' has neither run nor parallel");
  }
}
