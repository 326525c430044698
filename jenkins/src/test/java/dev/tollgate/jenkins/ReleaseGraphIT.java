package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Jenkinsfile and {@code ./pipeline release} run the same stage graph: the stages of the
 * Jenkinsfile, with the ./pipeline call each makes and the branches of its parallel stage, are
 * exactly what {@code ./pipeline graph} prints. A stage added, dropped, renamed, moved or
 * changed on one side fails here, naming it.
 */
class ReleaseGraphIT {
  @Test
  void jenkinsfileDeclaresTheStageGraphThatPipelineReleaseRuns() {
    StageGraph jenkinsfile = Jenkinsfile.load(Checks.ROOT.resolve("Jenkinsfile")).graph();
    StageGraph pipeline = StageGraph.fromJson(PipelineScript.in(Checks.ROOT).graphJson());

    assertThat(StageGraph.differences(jenkinsfile, "the Jenkinsfile", pipeline, "./pipeline graph"))
        .as("differences between the Jenkinsfile and ./pipeline graph").isEmpty();
    assertThat(pipeline.names()).hasSizeGreaterThanOrEqualTo(6);
  }
}
