#!/usr/bin/env bats
# The Suites stage: the client suite, acceptance server and in-memory acceptance run in
# parallel against staging. The bug the stage exists for (fraud renames csc_check, every unit
# test stays green) is scenarios/2-contract-break's.

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  ensure_up "$ROOT/tests/target/suites-up.log"
  if [ "$(cat "$ROOT/var/staging/release")" != "$(latest_release)" ]; then
    "$PIPELINE" staging "$(latest_release)" > "$ROOT/tests/target/suites-staging.log" 2>&1
  fi
}

@test "the three suites pass in parallel against staging, each with its own JUnit XML, then the acceptance coverage gate" {
  export TOLLGATE_RUN="test-suites-$$"
  run "$PIPELINE" suites
  [ "$status" -eq 0 ]
  for suite in client acceptance-server acceptance; do
    grep -Eq "^  $suite +passed" <<<"$output"
    ls "$ROOT/var/runs/$TOLLGATE_RUN/junit/$suite"/TEST-*.xml
    [ "$(jq -r .status "$ROOT/var/runs/$TOLLGATE_RUN/suite-$suite.json")" = passed ]
  done
  grep -q "ratio" <<<"$output"
  grep -q "Coverage gate PASSED (scope acceptance)" "$ROOT/var/runs/$TOLLGATE_RUN/suite-acceptance.log"
}

@test "an unknown suite is refused, naming the known ones" {
  run "$PIPELINE" suite smoke
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown suite 'smoke' (known: client acceptance-server acceptance)"* ]]
}

@test "a suite that runs no test fails, naming it, and an earlier run's reports do not speak for it" {
  run_id="test-suite-empty-$$"
  module="$ROOT/clients/java/target"
  # skipTests on (the Unit Tests build's reuse marker left behind), and a passing report of
  # an earlier run where this run's would go.
  mkdir -p "$module/client-suite/failsafe-reports"
  echo test > "$module/tests-reused-from-release"
  printf '<testsuite name="Stale" tests="1" failures="0" errors="0" skipped="0"><testcase name="passedLastTime" classname="Stale" time="1"/></testsuite>\n' \
    > "$module/client-suite/failsafe-reports/TEST-Stale.xml"
  TOLLGATE_RUN="$run_id" run "$PIPELINE" suite client
  rm -f "$module/tests-reused-from-release"
  [ "$status" -ne 0 ]
  [[ "$output" == *"suite client ran no tests"* ]]
  [ ! -e "$module/client-suite/failsafe-reports/TEST-Stale.xml" ]
  [ "$(jq -r .status "$ROOT/var/runs/$run_id/suite-client.json")" = failed ]
}
