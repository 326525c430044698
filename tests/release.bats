#!/usr/bin/env bats
# ./pipeline release end to end, the main job, twice in a row: the first stands up the local
# environments itself when they are not up (./pipeline test runs this file first, so on a fresh
# machine it is) and runs every unit test; the second builds the same commit again, so its Unit
# Tests stage starts from the first release (TOLLGATE_BASE_RELEASE, as the gate scenarios do)
# and is a real rolling upgrade of it. Both end with the new release on all seven production
# instances and no failed request under the rollout probe.

load lib/environments

setup_file() {
  RELEASE_TEST_ID="$(date +%s)"
  export TOLLGATE_SEED_SIZE=5MB RELEASE_TEST_ID
  mkdir -p "$ROOT/tests/target"
  # Whether this run starts from nothing: no production yet, so release must stand it up.
  [ -f "$ROOT/var/production/release" ] && echo no > "$BATS_FILE_TMPDIR/fresh" || echo yes > "$BATS_FILE_TMPDIR/fresh"
}

# release_passes RUN: ./pipeline release as run RUN, and the facts every release must end with.
release_passes() {
  export TOLLGATE_RUN="$1"
  run "$PIPELINE" release
  echo "$output" > "$ROOT/tests/target/$1.log"
  [ "$status" -eq 0 ]
  live=$(cat "$ROOT/var/production/release")
  [ "$live" = "$(latest_release)" ]
  [[ "$output" == *"release $1 passed: $live is live in production"* ]]
  [ "$(production_versions | grep -c " $live UP")" -eq 7 ]
  record="$ROOT/var/runs/$1"
  [ "$(jq -r .status "$record/run.json")" = passed ]
  # The run's own release is the one every stage used, and the one now live.
  [ "$(cat "$record/release")" = "$live" ] && [ "$(jq -r .release "$record/run.json")" = "$live" ]
  [ "$(jq -r .release "$record/unit.json")" = "$live" ]
  [ "$(jq -r '[.stages[].name] | join(",")' "$record/run.json")" = "Unit Tests,Coverage Gate,Staging Deploy,Suites,Production Deploy,Verify Production" ]
  [ "$(jq .probe.failed "$record/production.json")" -eq 0 ]
  [ "$(jq .probe.lost "$record/production.json")" -eq 0 ]
  [ "$(jq .probe.requests "$record/production.json")" -gt 100 ]
  [ "$(jq '[.rollout[].failed] | add' "$record/production.json")" -eq 0 ]
  [ "$(jq .rollout.payments.requests "$record/production.json")" -gt 100 ]
  # The summary names where everything is.
  [[ "$output" == *"during the rollout, HAProxy counted: "* ]]
  [[ "$output" == *"records: $record"* ]]
  ls "$record"/junit/verify/TEST-*.xml > /dev/null
}

@test "a release from a fresh clone ends with its build on all seven production instances and no failed request" {
  release_passes "test-release-1-$RELEASE_TEST_ID"
  [ "$(jq -r '.tests_reused_from // empty' "$record/unit.json")" = "" ]
  ls "$record"/junit/unit/TEST-*.xml > /dev/null
  if [ "$(cat "$BATS_FILE_TMPDIR/fresh")" = yes ]; then
    [[ "$output" == *"standing up the local environments first"* ]]
  fi
  cat "$ROOT/var/production/release" > "$BATS_FILE_TMPDIR/first"
}

@test "a second release of the same commit reuses the first one's test results and is a real rolling upgrade, again with no failed request" {
  first=$(cat "$BATS_FILE_TMPDIR/first")
  TOLLGATE_BASE_RELEASE="$first" release_passes "test-release-2-$RELEASE_TEST_ID"
  [ "$(cat "$ROOT/var/production/release")" != "$first" ]
  [[ "$output" != *"standing up the local environments first"* ]]
  # Nothing changed since the first release's commit: no module's tests run again (no JUnit
  # XML), and the Coverage Gate still sees every package (the first release's JaCoCo data).
  [ "$(jq -r .tests_reused_from "$record/unit.json")" = "$first" ]
  [ -z "$(find "$record/junit/unit" -name 'TEST-*.xml' 2>/dev/null)" ]
  grep -q "testing only what changed since $first: coverage-report " "$record/stage-Unit-Tests.log"
  [ "$(jq -r .status "$record/coverage-unit.json")" = passed ]
}

@test "runs lists both releases as passed, with the version each left live" {
  run "$PIPELINE" runs
  [ "$status" -eq 0 ]
  grep -Eq "^test-release-1-$RELEASE_TEST_ID +release .* passed, $(cat "$BATS_FILE_TMPDIR/first") live" <<<"$output"
  grep -Eq "^test-release-2-$RELEASE_TEST_ID +release .* passed, $(cat "$ROOT/var/production/release") live" <<<"$output"
}
