#!/usr/bin/env bats
# The Suites stage: the client suite, acceptance server and in-memory acceptance run in
# parallel against staging; and the bug the stage exists for (fraud renames csc_check, every
# unit test stays green) is stopped by it.

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  "$PIPELINE" up > "$ROOT/tests/target/suites-up.log" 2>&1
  if [ "$(cat "$ROOT/var/staging/release")" != "$(latest_release)" ]; then
    "$PIPELINE" staging > "$ROOT/tests/target/suites-staging.log" 2>&1
  fi
}

teardown_file() {
  git -C "$ROOT" worktree remove --force "$ROOT/var/test/contract-break" 2>/dev/null || true
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

@test "fraud renaming csc_check keeps fraud's own tests green and fails the acceptance suite" {
  worktree="$ROOT/var/test/contract-break"
  rm -rf "$worktree"; git -C "$ROOT" worktree prune
  git -C "$ROOT" worktree add --detach "$worktree" HEAD
  cd "$worktree"
  scenarios/contract-break/apply.sh
  ./mvnw -q -B install -pl acceptance -am -DskipTests -Drevision=0.0.0-contract-break
  # Fraud's own unit and component tests pass with the rename.
  ./mvnw -q -B verify -pl services/fraud -Drevision=0.0.0-contract-break > "$ROOT/tests/target/contract-break-fraud.log" 2>&1
  # The in-memory acceptance suite does not.
  run ./mvnw -B verify -pl acceptance -Pacceptance -Drevision=0.0.0-contract-break
  [ "$status" -ne 0 ]
  [[ "$output" == *"check response lacks csc_check"* ]]
}
