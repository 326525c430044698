package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Jenkinsfile model on small inline Jenkinsfiles: what the checks of the real ones rely on. */
class JenkinsfileTest {
  private static Jenkinsfile parse(String stages) {
    return Jenkinsfile.parse("pipeline {\n  stages {\n" + stages + "\n  }\n}\n", "Jenkinsfile");
  }

  @Test
  void graphsEachStageAsItsPipelineCallAndAParallelStageAsItsBranches() {
    Jenkinsfile file = parse("""
        stage('Unit Tests') { steps { sh './pipeline unit' } }
        stage('Suites') {
          parallel {
            stage('Client Suite') { steps { sh './pipeline suite client' } }
            stage('Acceptance') { steps { sh './pipeline suite acceptance' } }
          }
        }
        """);

    assertThat(file.graph()).isEqualTo(new StageGraph(List.of(
        StageGraph.Node.step("Unit Tests", "unit"),
        StageGraph.Node.parallel("Suites", List.of(
            StageGraph.Node.step("Client Suite", "suite client"),
            StageGraph.Node.step("Acceptance", "suite acceptance"))))));
  }

  @Test
  void refusesToGraphAStageWithTwoShellStepsNamingIt() {
    Jenkinsfile file = parse("stage('Unit Tests') { steps { sh './pipeline build'; sh './pipeline unit' } }");

    assertThatThrownBy(file::graph).hasMessageContaining("stage 'Unit Tests' has 2 sh steps");
  }

  @Test
  void refusesToGraphAStageThatRunsSomethingElseThanPipelineNamingIt() {
    Jenkinsfile file = parse("stage('Unit Tests') { steps { sh 'mvn verify' } }");

    assertThatThrownBy(file::graph).hasMessageContaining("stage 'Unit Tests' runs 'mvn verify'");
  }

  @Test
  void findsTheLocksAroundAStepWhetherHeldByALockStepOrByTheStageOptions() {
    Jenkinsfile file = parse("""
        stage('Staging Deploy') { steps { lock('staging') { sh './pipeline staging' } } }
        stage('Production Deploy') {
          options { lock(resource: 'production') }
          steps { sh './pipeline production' }
        }
        stage('Verify Production') { steps { sh './pipeline verify' } }
        """);

    assertThat(file.stage("Staging Deploy").shSteps().get(0).locks()).containsExactly("staging");
    assertThat(file.stage("Production Deploy").shSteps().get(0).locks()).containsExactly("production");
    assertThat(file.stage("Verify Production").shSteps().get(0).locks()).isEmpty();
  }

  @Test
  void seesWhetherAMilestoneComesBeforeAStep() {
    Jenkinsfile file = parse("""
        stage('Before') { steps { milestone(ordinal: 1); lock('production') { sh './pipeline production' } } }
        stage('After') { steps { sh './pipeline production'; milestone(ordinal: 2) } }
        """);

    assertThat(file.stage("Before").shSteps().get(0).afterMilestone()).isTrue();
    assertThat(file.stage("After").shSteps().get(0).afterMilestone()).isFalse();
  }

  @Test
  void findsTheCredentialsBoundAroundAStepAndTheBranchesAStageRunsOn() {
    Jenkinsfile file = parse("""
        stage('Coverage Gate') {
          when { branch 'release' }
          steps {
            withCredentials([usernamePassword(credentialsId: 'tollgate-smtp', usernameVariable: 'U', passwordVariable: 'P')]) {
              sh './pipeline coverage'
            }
          }
        }
        """);

    Jenkinsfile.Stage stage = file.stage("Coverage Gate");
    assertThat(stage.whenBranches()).containsExactly("release");
    assertThat(stage.shSteps().get(0).credentials()).singleElement()
        .satisfies(binding -> assertThat(binding.namedText("credentialsId")).isEqualTo("tollgate-smtp"));
    assertThat(stage.call().only("steps").children()).extracting(DslCall::name).containsExactly("withCredentials");
  }

  @Test
  void tellsAPlainShellStringFromOneGroovyInterpolates() {
    Jenkinsfile file = parse("""
        stage('Plain') { steps { sh './pipeline rollback ${VERSION:+"$VERSION"}' } }
        stage('Interpolated') { steps { sh "./pipeline rollback ${params.VERSION}" } }
        """);

    assertThat(file.stage("Plain").shSteps().get(0).isPlainString()).isTrue();
    assertThat(file.stage("Plain").shSteps().get(0).subcommand()).contains("rollback");
    assertThat(file.stage("Interpolated").shSteps().get(0).isPlainString()).isFalse();
    assertThat(file.stage("Interpolated").shSteps().get(0).command()).isEqualTo("./pipeline rollback ${params.VERSION}");
  }
}
