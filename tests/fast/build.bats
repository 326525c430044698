#!/usr/bin/env bats
# What a build starting from an earlier release tests: the modules its change touches and
# their dependents; every other module keeps that release's measurements.

load test_helper

# base_release COMMIT [DIRTY]: a release built from COMMIT that can serve as a base.
base_release() {
  fake_release 20260101.000000-base
  mkdir -p "$TOLLGATE_VAR/releases/20260101.000000-base/coverage"
  jq --arg c "$1" --argjson d "${2:-false}" '.commit = $c | .dirty = $d' "$TOLLGATE_VAR/releases/20260101.000000-base/manifest.json" > "$BATS_TEST_TMPDIR/m"
  mv "$BATS_TEST_TMPDIR/m" "$TOLLGATE_VAR/releases/20260101.000000-base/manifest.json"
}

@test "a change to payments tests payments and what depends on it, never fraud" {
  build="$BATS_TEST_TMPDIR/worktree"
  git -C "$ROOT" worktree add -q --detach "$build" HEAD
  base_release "$(git -C "$ROOT" rev-parse HEAD)"
  echo "// changed" >> "$build/services/payments/src/main/java/dev/tollgate/payments/Main.java"
  scope=$(TOLLGATE_BUILD_ROOT="$build" fn unit_scope 20260101.000000-base)
  git -C "$ROOT" worktree remove --force "$build"
  [ "$scope" = "$(printf '%s\n' services/payments services/stack tools/rollout-probe acceptance coverage-report)" ]
}

@test "a base release built from uncommitted changes, or without coverage data, cannot serve" {
  base_release "$(git -C "$ROOT" rev-parse HEAD)" true
  run fn unit_scope 20260101.000000-base
  [ "$status" -ne 0 ]
  base_release "$(git -C "$ROOT" rev-parse HEAD)"
  rm -rf "$TOLLGATE_VAR/releases/20260101.000000-base/coverage"
  run fn unit_scope 20260101.000000-base
  [ "$status" -ne 0 ]
  base_release 0123456789012345678901234567890123456789
  run fn unit_scope 20260101.000000-base
  [ "$status" -ne 0 ]
}

@test "modules outside the scope get the base release's coverage data and the reuse marker" {
  build="$BATS_TEST_TMPDIR/build"
  mkdir -p "$build/a/target/surefire-reports" "$build/b"
  printf '<project>\n  <modules>\n    <module>a</module>\n    <module>b</module>\n  </modules>\n</project>\n' > "$build/pom.xml"
  echo stale > "$build/a/target/tests-reused-from-release"
  echo "an earlier build's" > "$build/a/target/jacoco.exec"
  touch "$build/a/target/surefire-reports/TEST-Deleted.xml"
  fake_release 20260101.000000-base
  mkdir -p "$TOLLGATE_VAR/releases/20260101.000000-base/coverage/b/target"
  echo measured > "$TOLLGATE_VAR/releases/20260101.000000-base/coverage/b/target/jacoco.exec"
  TOLLGATE_BUILD_ROOT="$build" fn reuse_tests 20260101.000000-base a
  [ ! -e "$build/a/target/tests-reused-from-release" ]
  [ ! -e "$build/a/target/jacoco.exec" ] && [ ! -e "$build/a/target/surefire-reports" ]
  [ "$(cat "$build/b/target/tests-reused-from-release")" = 20260101.000000-base ]
  [ "$(cat "$build/b/target/jacoco.exec")" = measured ]
}

@test "a build that tests everything starts with no module's earlier coverage data or reuse marker" {
  build="$BATS_TEST_TMPDIR/build"
  mkdir -p "$build/a/target" "$build/b/target"
  printf '<project>\n  <modules>\n    <module>a</module>\n    <module>b</module>\n  </modules>\n</project>\n' > "$build/pom.xml"
  echo 20260101.000000-base > "$build/b/target/tests-reused-from-release"
  echo "an earlier build's" > "$build/a/target/jacoco.exec"
  TOLLGATE_BUILD_ROOT="$build" fn reuse_tests "" ""
  [ -z "$(find "$build" -name '*.exec' -o -name tests-reused-from-release)" ]
}

@test "the reuse markers go when the Unit Tests build is over, its coverage data stays" {
  build="$BATS_TEST_TMPDIR/build"
  mkdir -p "$build/a/target" "$build/b/target"
  printf '<project>\n  <modules>\n    <module>a</module>\n    <module>b</module>\n  </modules>\n</project>\n' > "$build/pom.xml"
  echo 20260101.000000-base > "$build/b/target/tests-reused-from-release"
  echo measured > "$build/b/target/jacoco.exec"
  TOLLGATE_BUILD_ROOT="$build" fn forget_reuse
  [ ! -e "$build/b/target/tests-reused-from-release" ]
  [ "$(cat "$build/b/target/jacoco.exec")" = measured ]
}
