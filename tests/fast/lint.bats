#!/usr/bin/env bats
# ./pipeline lint: ansible-lint, yamllint and the syntax checks over deploy/ and the pipeline's
# YAML. It needs no environment, so it runs in the fast tier.

load test_helper

@test "lint: ansible-lint, yamllint and the syntax checks are clean" {
  run "$PIPELINE" lint
  [ "$status" -eq 0 ]
  [[ "$output" == *"lint: clean"* ]]
}
