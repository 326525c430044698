#!/usr/bin/env bats
# System verification against the real production: the Verify Production stage, and the
# runner's GET /status telling the truth when production breaks and when it recovers.

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  ensure_up "$ROOT/tests/target/verification-up.log"
}

teardown_file() {
  ensure_up "$ROOT/tests/target/verification-teardown-up.log"
}

@test "Verify Production runs the production-safe suites once and writes their JUnit XML" {
  export TOLLGATE_RUN="test-verify-$$"
  run "$PIPELINE" verify
  [ "$status" -eq 0 ]
  ls "$ROOT/var/runs/$TOLLGATE_RUN/junit/verify"/TEST-*.xml
  [ "$(jq -r .status "$ROOT/var/runs/$TOLLGATE_RUN/verify.json")" = passed ]
}

@test "/status answers 200 with every suite passed and the version production reports" {
  wait_for_status 200
  [ "$(jq -r '[.last_run.suites[].status] | unique | join(",")' "$ROOT/var/test/status.json")" = passed ]
  [ "$(jq -r .production_version "$ROOT/var/test/status.json")" = "$(cat "$ROOT/var/production/release")" ]
}

@test "no test data of a run is left in production afterwards" {
  wait_for_status 200
  [ "$(psql_at "$PRODUCTION_PG" payments "select count(*) from marketplaces where name like 'sysverify-%'")" -eq 0 ]
}

@test "/status turns 503 naming the failed tests when every vault instance is down, and 200 when it is back" {
  for vault in prod-vault-1 prod-vault-2; do
    start-stop-daemon --stop --quiet --retry TERM/20/KILL/5 --pidfile "$ROOT/var/production/instances/$vault/service.pid"
  done
  wait_for_status 503
  jq -e '.failed_tests | map(startswith("cards.")) | any' "$ROOT/var/test/status.json"
  [ "$(jq -r '.last_run.suites[] | select(.name == "debits") | .skip_reason' "$ROOT/var/test/status.json")" = "depends on suite 'cards', which failed" ]
  "$PIPELINE" up production > "$ROOT/tests/target/verification-recover-up.log" 2>&1
  wait_for_status 200
}
