#!/usr/bin/env bats
# The scenario judge's input: an unknown scenario, or a malformed expect file, is refused
# naming it before anything is applied or run.

load test_helper

teardown() {
  rm -rf "$ROOT/scenarios/9-malformed"
}

@test "an unknown scenario is refused, naming the known ones" {
  run "$PIPELINE" scenario no-such-change
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown scenario 'no-such-change' (known: coverage-drop contract-break"* ]]
}

@test "a malformed expect file is refused, naming its file and line, before anything runs" {
  mkdir -p "$ROOT/scenarios/9-malformed"
  printf '#!/bin/sh\ntouch "%s/malformed-applied"\n' "$TOLLGATE_VAR" > "$ROOT/scenarios/9-malformed/apply.sh"
  chmod +x "$ROOT/scenarios/9-malformed/apply.sh"
  printf '# comment\nstage: Suites\nstopped by: Suites\n' > "$ROOT/scenarios/9-malformed/expect"
  run "$PIPELINE" scenario malformed
  [ "$status" -ne 0 ]
  [[ "$output" == *"scenarios/9-malformed/expect:3: expected 'stage: ', 'message: ' or 'mail: ', got 'stopped by: Suites'"* ]]
  [ ! -e "$TOLLGATE_VAR/malformed-applied" ]
  printf 'stage: Smoke Tests\n' > "$ROOT/scenarios/9-malformed/expect"
  run "$PIPELINE" scenario malformed
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown stage 'Smoke Tests' (stages: Unit Tests, Coverage Gate, Staging Deploy, Suites, Production Deploy, Verify Production, or none)"* ]]
  printf 'message: hello\n' > "$ROOT/scenarios/9-malformed/expect"
  run "$PIPELINE" scenario malformed
  [ "$status" -ne 0 ]
  [[ "$output" == *"scenarios/9-malformed/expect: no 'stage:' line"* ]]
  [ ! -e "$TOLLGATE_VAR/malformed-applied" ]
}
