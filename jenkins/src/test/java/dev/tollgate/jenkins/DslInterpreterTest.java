package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.junit.jupiter.api.Test;

/** The recording interpreter: Groovy evaluates the DSL, every call is recorded, nothing runs. */
class DslInterpreterTest {
  private static DslCall run(String source) {
    return new DslInterpreter(Map.of()).run(source, "Jenkinsfile");
  }

  @Test
  void recordsEachCallWithItsArgumentsAndTheCallsInsideItsClosureInOrder() {
    DslCall root = run("""
        pipeline {
          stages {
            stage('One') { steps { sh './pipeline unit' } }
            stage('Two') { steps { sh './pipeline coverage' } }
          }
        }
        """);

    DslCall stages = root.only("pipeline").only("stages");
    assertThat(stages.children()).extracting(DslCall::toString).containsExactly("stage('One')", "stage('Two')");
    assertThat(stages.children().get(1).only("steps").only("sh").text(0)).isEqualTo("./pipeline coverage");
    assertThat(stages.hasBody()).isTrue();
    assertThat(stages.children().get(0).only("steps").only("sh").hasBody()).isFalse();
  }

  @Test
  void recordsNamedArgumentsAndKeepsACallPassedAsAnArgumentOutOfItsSiblings() {
    DslCall options = run("""
        pipeline {
          options {
            timeout(time: 60, unit: 'MINUTES')
            buildDiscarder(logRotator(numToKeepStr: '20'))
          }
        }
        """).only("pipeline").only("options");

    assertThat(options.children()).extracting(DslCall::name).containsExactly("timeout", "buildDiscarder");
    assertThat(options.only("timeout").named("time")).isEqualTo(60);
    DslCall rotator = (DslCall) options.only("buildDiscarder").positional().get(0);
    assertThat(rotator.name()).isEqualTo("logRotator");
    assertThat(rotator.namedText("numToKeepStr")).isEqualTo("20");
  }

  @Test
  void readsNamesNothingDefinesAsSymbolsThatKeepTheirPathInStrings() {
    DslCall pipeline = run("""
        pipeline {
          agent any
          post { always { archiveArtifacts(artifacts: "var/runs/${env.BUILD_TAG}/**") } }
        }
        """).only("pipeline");

    assertThat(pipeline.only("agent").positional().get(0)).hasToString("${any}");
    assertThat(pipeline.only("post").only("always").only("archiveArtifacts").namedText("artifacts"))
        .isEqualTo("var/runs/${env.BUILD_TAG}/**");
  }

  @Test
  void recordsAnAssignmentAsACallWithItsValue() {
    DslCall git = run("source { git { id = 'tollgate' } }").only("source").only("git");

    assertThat(git.only("id").isAssignment()).isTrue();
    assertThat(git.only("id").text(0)).isEqualTo("tollgate");
  }

  @Test
  void resolvesTheVariablesHandedInAndListsEveryOtherNameRead() {
    DslInterpreter interpreter = new DslInterpreter(Map.of("TOLLGATE_GIT_URL", "https://git.example.com/t.git"));

    DslCall root = interpreter.run("job { remote(TOLLGATE_GIT_URL); credentialsId(GIT_CREDENTIALS) }", "jobs.groovy");

    assertThat(root.only("job").only("remote").text(0)).isEqualTo("https://git.example.com/t.git");
    assertThat(interpreter.unresolved()).containsExactly("GIT_CREDENTIALS");
  }

  @Test
  void refusesASourceGroovyCannotCompileNamingTheLine() {
    assertThatThrownBy(() -> run("""
        pipeline {
          stages {
            stage('One') { steps { sh './pipeline unit } }
          }
        }
        """))
        .isInstanceOf(MultipleCompilationErrorsException.class)
        .hasMessageContaining("Jenkinsfile").hasMessageContaining("@ line 3");
  }
}
