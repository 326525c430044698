package dev.tollgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the pipeline script: its case dispatch and its arrays. */
class PipelineScriptTest {
  private static final PipelineScript SCRIPT = PipelineScript.of("""
      SUITES=(client acceptance-server acceptance)
      CHECK_STAGES=("Unit Tests" "Coverage Gate"  # the gates
        'Staging Deploy' Suites)
      main() {
        local command="${1:-help}"
        case "$command" in
          bootstrap | build | unit | coverage \\
            | staging | suite | graph | help)
            "cmd_$command" "$@" ;;
          *) cmd_help >&2; die "unknown command '$command'" ;;
        esac
      }
      """);

  @Test
  void readsTheSubcommandsOfTheCaseDispatchAcrossContinuationLines() {
    assertThat(SCRIPT.subcommands()).containsExactly("bootstrap", "build", "unit", "coverage", "staging", "suite", "graph", "help");
  }

  @Test
  void readsBashArraysOfBareAndQuotedWordsOverSeveralLines() {
    assertThat(SCRIPT.array("SUITES")).containsExactly("client", "acceptance-server", "acceptance");
    assertThat(SCRIPT.array("CHECK_STAGES")).containsExactly("Unit Tests", "Coverage Gate", "Staging Deploy", "Suites");
  }

  @Test
  void refusesAScriptWithoutACaseDispatchOrArrayNamingWhatIsMissing() {
    PipelineScript script = PipelineScript.of("echo hello\n");

    assertThatThrownBy(script::subcommands).hasMessageContaining("no `case \"$command\" in` dispatch");
    assertThatThrownBy(() -> script.array("SUITES")).hasMessageContaining("no array SUITES=(...)");
  }
}
