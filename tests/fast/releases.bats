#!/usr/bin/env bats
# One release per run: each stage finds the release its own run built, never the newest on
# disk; what a stage runs from the store is checked against the release's manifest first.

load test_helper

@test "two runs interleaving in one workspace each keep their own release" {
  fake_release 20260101.000000-aaaaaaa
  fake_release 20260102.000000-bbbbbbb
  TOLLGATE_RUN=run-a fn record_run_release 20260101.000000-aaaaaaa
  TOLLGATE_RUN=run-b fn record_run_release 20260102.000000-bbbbbbb
  [ "$(TOLLGATE_RUN=run-a fn release_for staging)" = 20260101.000000-aaaaaaa ]
  [ "$(TOLLGATE_RUN=run-b fn release_for staging)" = 20260102.000000-bbbbbbb ]
  # Run a's suites refuse a staging that run b has deployed since, naming both releases.
  mkdir -p "$TOLLGATE_VAR/staging"; echo 20260102.000000-bbbbbbb > "$TOLLGATE_VAR/staging/release"
  TOLLGATE_RUN=run-a run fn suite_release
  [ "$status" -ne 0 ]
  [[ "$output" == *"run run-a tests 20260101.000000-aaaaaaa, but staging runs 20260102.000000-bbbbbbb"* ]]
  [ "$(TOLLGATE_RUN=run-b fn suite_release)" = 20260102.000000-bbbbbbb ]
}

@test "a stage of a run that built no release refuses, naming the run, unless a version is given" {
  fake_release 20260101.000000-aaaaaaa
  run fn release_for staging
  [ "$status" -ne 0 ]
  [[ "$output" == *"staging: run fast-test has built no release"* ]]
  [ "$(fn release_for staging 20260101.000000-aaaaaaa)" = 20260101.000000-aaaaaaa ]
}

@test "an unknown release is refused, listing the known ones" {
  fake_release 20260101.000000-aaaaaaa
  mkdir -p "$TOLLGATE_VAR/releases/20260103.000000-ccccccc.partial"
  run fn release_for staging 19990101.000000-nothing
  [ "$status" -ne 0 ]
  [[ "$output" == *"release '19990101.000000-nothing' is not in $TOLLGATE_VAR/releases (known: 20260101.000000-aaaaaaa )"* ]]
}

@test "a jar changed after the build is refused before it runs, naming both digests" {
  fake_release 20260101.000000-aaaaaaa
  jar="$TOLLGATE_VAR/releases/20260101.000000-aaaaaaa/migration-check.jar"
  [ "$(fn release_file 20260101.000000-aaaaaaa migration-check.jar)" = "$jar" ]
  echo tampered >> "$jar"
  run fn release_java 20260101.000000-aaaaaaa migration-check --help
  [ "$status" -ne 0 ]
  [[ "$output" == *"$jar has SHA-256 $(sha256sum "$jar" | cut -d' ' -f1), its manifest says "*"nothing was run"* ]]
}

@test "a release's deploy files changed after the build are refused" {
  fake_release 20260101.000000-aaaaaaa
  echo "# edited" >> "$TOLLGATE_VAR/releases/20260101.000000-aaaaaaa/deploy/site.yml"
  run fn release_file 20260101.000000-aaaaaaa deploy
  [ "$status" -ne 0 ]
  [[ "$output" == *"deploy has SHA-256"* ]]
}

@test "a play of a release whose deploy files changed runs no playbook, wherever it is called from" {
  fake_release 20260101.000000-aaaaaaa
  echo "# edited" >> "$TOLLGATE_VAR/releases/20260101.000000-aaaaaaa/deploy/site.yml"
  # A playbook of the same name in the caller's directory, and an ansible-playbook that says it ran.
  mkdir -p "$BATS_TEST_TMPDIR/bin" "$BATS_TEST_TMPDIR/cwd"; echo "- hosts: all" > "$BATS_TEST_TMPDIR/cwd/site.yml"
  printf '#!/bin/sh\ntouch "%s/ran"\n' "$BATS_TEST_TMPDIR" > "$BATS_TEST_TMPDIR/bin/ansible-playbook"
  chmod +x "$BATS_TEST_TMPDIR/bin/ansible-playbook"
  cd "$BATS_TEST_TMPDIR/cwd"
  # As the stages call it: inside step, where a failing command does not end the shell by itself.
  PATH="$BATS_TEST_TMPDIR/bin:$PATH" run fn step staging "$(date +%s)" "deploying" play production 20260101.000000-aaaaaaa site.yml
  [ "$status" -ne 0 ]
  [[ "$output" == *"deploy has SHA-256"*"nothing was run"* ]]
  [ ! -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "the release before another is the newest older one in the store" {
  fake_release 20260101.000000-aaaaaaa
  fake_release 20260102.000000-bbbbbbb
  fake_release 20260103.000000-ccccccc
  [ "$(fn release_before 20260103.000000-ccccccc)" = 20260102.000000-bbbbbbb ]
  [ -z "$(fn release_before 20260101.000000-aaaaaaa)" ]
}

@test "a stored release carries its jars, migrations, deploy files without inventories, and coverage data" {
  build="$BATS_TEST_TMPDIR/build"
  git init -q "$build"
  mkdir -p "$build/migrations/payments" "$build/deploy/inventories/production" "$build/deploy/roles/x/__pycache__" "$build/services/payments/target"
  echo "select 1;" > "$build/migrations/payments/V7__seven.sql"
  for db in fraud vault; do mkdir -p "$build/migrations/$db"; echo "select 1;" > "$build/migrations/$db/V1__one.sql"; done
  echo "- hosts: all" > "$build/deploy/site.yml"; echo "x" > "$build/deploy/inventories/production/hosts.yml"
  echo junk > "$build/deploy/roles/x/__pycache__/m.pyc"
  echo exec > "$build/services/payments/target/jacoco.exec"
  for module in $(jq -r '.release_modules[]' "$ROOT/pipeline.json"); do
    mkdir -p "$build/$module/target"; echo "$module" > "$build/$module/target/$(basename "$module")-9.9-runnable.jar"
  done
  echo target/ > "$build/.gitignore"
  git -C "$build" add -A && git -C "$build" -c user.name=Dev -c user.email=dev@example.invalid commit -qm one
  fn store_release 9.9 "$build"
  dir="$TOLLGATE_VAR/releases/9.9"
  [ "$(cat "$dir/payments.jar")" = services/payments ]
  [ -f "$dir/deploy/site.yml" ] && [ ! -e "$dir/deploy/inventories" ] && [ ! -e "$dir/deploy/roles/x/__pycache__" ]
  [ "$(cat "$dir/coverage/services/payments/target/jacoco.exec")" = exec ]
  [ "$(jq -r .migrations.payments "$dir/manifest.json")" = 7 ]
  [ "$(jq -r .dirty "$dir/manifest.json")" = false ]
  [ "$(jq -r .author.email "$dir/manifest.json")" = dev@example.invalid ]
  fn release_file 9.9 deploy > /dev/null
  fn release_file 9.9 coverage-gate.jar > /dev/null
  # A second store of the same version is refused; one from uncommitted changes says so.
  run fn store_release 9.9 "$build"
  [ "$status" -ne 0 ]
  echo "select 2;" > "$build/migrations/payments/V8__eight.sql"
  for module in $(jq -r '.release_modules[]' "$ROOT/pipeline.json"); do
    cp "$build/$module/target/$(basename "$module")-9.9-runnable.jar" "$build/$module/target/$(basename "$module")-9.10-runnable.jar"
  done
  fn store_release 9.10 "$build"
  [ "$(jq -r .dirty "$TOLLGATE_VAR/releases/9.10/manifest.json")" = true ]
}

@test "a release version is never one Maven reads as a timestamped SNAPSHOT, even for an all-digit commit" {
  # A git that names HEAD with decimal digits only, as commit 6813523 was.
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  printf '#!/bin/sh\necho 6813523000000000000000000000000000000000\n' > "$BATS_TEST_TMPDIR/bin/git"
  chmod +x "$BATS_TEST_TMPDIR/bin/git"
  version=$(PATH="$BATS_TEST_TMPDIR/bin:$PATH" fn new_version "$ROOT")
  [[ "$version" =~ ^[0-9]{8}\.[0-9]{6}-g6813523$ ]]
  # maven-resolver's timestamped-snapshot pattern (AbstractArtifact) must not match it.
  [[ ! "$version" =~ ^(.*-)?([0-9]{8}\.[0-9]{6})-([0-9]+)$ ]]
}
