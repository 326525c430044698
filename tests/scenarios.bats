#!/usr/bin/env bats
# The gate scenarios: each bad change in scenarios/ goes through the release job and must be
# stopped by the stage that exists for it, with production untouched; the harmless change
# must reach production. ./pipeline test runs this file last (its harmless change stays live).

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  "$PIPELINE" up > "$ROOT/tests/target/scenarios-up.log" 2>&1
}

teardown() {
  rm -rf "$ROOT/scenarios/9-malformed"
}

@test "every gate stops the bad change it exists for, and the harmless change reaches production" {
  run "$PIPELINE" scenarios
  echo "$output" > "$ROOT/tests/target/scenarios.log"
  [ "$status" -eq 0 ]
  table=$(sed -n '/^SCENARIO /,$p' <<<"$output")
  echo "$table" >&3
  [ "$(grep -c ' pass$' <<<"$table")" -eq 6 ]
  grep -Eq '^coverage-drop +Coverage Gate +Coverage Gate +pass$' <<<"$table"
  grep -Eq '^contract-break +Suites +Suites +pass$' <<<"$table"
  grep -Eq '^not-null-without-backfill +Staging Deploy +Staging Deploy +pass$' <<<"$table"
  grep -Eq '^edited-migration +Staging Deploy +Staging Deploy +pass$' <<<"$table"
  grep -Eq '^needs-production-setting +Production Deploy +Production Deploy +pass$' <<<"$table"
  grep -Eq '^harmless-change +none +none +pass$' <<<"$table"
  # The build production refused is not what it runs; the harmless one is, everywhere.
  grep -q "VAULT_REGION is not set" "$ROOT/var/production/instances/prod-vault-1/service.log"
  [ "$(production_versions | grep -c -- "-scenario-harmless-change UP")" -eq 7 ]
}

@test "an unknown scenario is refused, naming the known ones" {
  run "$PIPELINE" scenario no-such-change
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown scenario 'no-such-change' (known: coverage-drop contract-break"* ]]
}

@test "a malformed expect file is refused, naming its file and line, before anything runs" {
  mkdir -p "$ROOT/scenarios/9-malformed"
  printf '#!/bin/sh\ntouch "%s/var/test/malformed-applied"\n' "$ROOT" > "$ROOT/scenarios/9-malformed/apply.sh"
  chmod +x "$ROOT/scenarios/9-malformed/apply.sh"
  printf '# comment\nstage: Suites\nstopped by: Suites\n' > "$ROOT/scenarios/9-malformed/expect"
  mkdir -p "$ROOT/var/test"; rm -f "$ROOT/var/test/malformed-applied"
  run "$PIPELINE" scenario malformed
  [ "$status" -ne 0 ]
  [[ "$output" == *"scenarios/9-malformed/expect:3: expected 'stage: ', 'message: ' or 'mail: ', got 'stopped by: Suites'"* ]]
  [ ! -e "$ROOT/var/test/malformed-applied" ]
  printf 'stage: Smoke Tests\n' > "$ROOT/scenarios/9-malformed/expect"
  run "$PIPELINE" scenario malformed
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown stage 'Smoke Tests' (stages: Unit Tests, Coverage Gate, Staging Deploy, Suites, Production Deploy, Verify Production, or none)"* ]]
}
