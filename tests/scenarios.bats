#!/usr/bin/env bats
# The gate scenarios: each bad change in scenarios/ goes through the release job and must be
# stopped by the stage that exists for it, with production untouched; the harmless change
# must reach production. ./pipeline test runs this file last (its harmless change stays live).
# Refusing an unknown scenario or a malformed expect file is tests/fast/scenarios.bats'.

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  ensure_up "$ROOT/tests/target/scenarios-up.log"
  # The branch's coverage baseline, which no scenario's build may move.
  sha256sum "$ROOT"/var/coverage/*/*.json > "$BATS_FILE_TMPDIR/baselines" 2>/dev/null || true
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
  # Each build tested only what its change touches, reusing the release production ran.
  for name in coverage-drop contract-break not-null-without-backfill edited-migration needs-production-setting harmless-change; do
    run_dir="$ROOT/var/runs/$(jq -r .run "$ROOT/var/scenarios/$name/result.json")"
    [ "$(jq -r '.tests_reused_from // empty' "$run_dir/unit.json")" != "" ]
  done
  grep -q "testing only what changed since .*: services/fraud, services/stack, acceptance, coverage-report " \
    "$ROOT/var/runs/$(jq -r .run "$ROOT/var/scenarios/contract-break/result.json")/stage-Unit-Tests.log"
  # No scenario moved the branch's coverage baseline.
  [ "$(sha256sum "$ROOT"/var/coverage/*/*.json 2>/dev/null | grep -v '/scenario-')" = "$(grep -v '/scenario-' "$BATS_FILE_TMPDIR/baselines")" ]
}
