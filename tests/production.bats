#!/usr/bin/env bats
# The Production Deploy stage and rollback: rollback and a rollout survive steady load (the
# rollout probe) and kill -9 with zero failed and zero lost requests; the production lock.
# A new build's rollout under load is release.bats's; a build that fails its health gate in
# production is scenarios/5-needs-production-setting's.

load lib/environments

setup_file() {
  mkdir -p "$ROOT/tests/target"
  ensure_up "$ROOT/tests/target/production-up.log"
}

teardown_file() {
  for dir in "$ROOT"/var/test/probe-*; do
    [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
  done
}

@test "rollback rolls the previous release back out under load with no failed request" {
  current=$(cat "$ROOT/var/production/release")
  probe_start rollback
  run "$PIPELINE" rollback
  probe_stop rollback
  [ "$status" -eq 0 ]
  previous=$(cat "$ROOT/var/production/release")
  [ "$previous" \< "$current" ]
  [ "$(production_versions | grep -c " $previous UP")" -eq 7 ]
  [ "$(jq .summary.failed "$ROOT/var/test/probe-rollback/report.json")" -eq 0 ]
}

@test "rollback refuses an unknown release, listing the known ones" {
  run "$PIPELINE" rollback 19990101.000000-nothing
  [ "$status" -ne 0 ]
  [[ "$output" == *"release '19990101.000000-nothing' is not in"* ]]
  [[ "$output" == *"$(cat "$ROOT/var/production/release")"* ]]
}

@test "a second rollout exits naming the lock's holder, and a crashed holder's lock is freed" {
  flock "$ROOT/var/production.lock" sleep 60 &
  holder=$!
  sleep 1
  echo "a test holding the lock" > "$ROOT/var/production.lock.holder"
  run "$PIPELINE" production
  [ "$status" -ne 0 ]
  [[ "$output" == *"production is locked by another run: a test holding the lock"* ]]
  # The holder crashes: the kernel frees its flock, and the next run proceeds.
  pkill -9 -P "$holder" sleep || true
  kill -9 "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
  run "$PIPELINE" rollback "$(cat "$ROOT/var/production/release")"
  [ "$status" -eq 0 ]
}

@test "kill -9 of an instance mid-rollout fails the run clearly with no failed request, and a rerun converges" {
  target=$(latest_release)
  [ "$target" != "$(cat "$ROOT/var/production/release")" ]
  probe_start kill
  "$PIPELINE" production "$target" > "$ROOT/tests/target/production-kill.log" 2>&1 &
  rollout=$!
  # Once the vault is done, an instance that is still to be rolled dies.
  for _ in $(seq 1 120); do
    production_versions | grep -q "prod-vault-2 $target UP" && break
    sleep 1
  done
  pkill -9 -f "instances/prod-payments-3/current/payments.jar"
  rollout_status=0
  wait "$rollout" || rollout_status=$?
  [ "$rollout_status" -ne 0 ]
  grep -q "pre-flight refused prod-payments-1: prod-payments-3 not UP in backend payments; nothing was changed" "$ROOT/tests/target/production-kill.log"
  run "$PIPELINE" production "$target"
  probe_stop kill
  [ "$status" -eq 0 ]
  [ "$(production_versions | grep -c " $target UP")" -eq 7 ]
  [ "$(jq .summary.failed "$ROOT/var/test/probe-kill/report.json")" -eq 0 ]
  [ "$(jq .summary.lost.lost "$ROOT/var/test/probe-kill/report.json")" -eq 0 ]
}

@test "a smoke call answering another status fails the health gate naming it; the warm-up repeats the calls" {
  mkdir -p "$BATS_TEST_TMPDIR/www"; echo ok > "$BATS_TEST_TMPDIR/www/health"
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$BATS_TEST_TMPDIR/www" \
    > "$BATS_TEST_TMPDIR/server.txt" 2>&1 &
  server=$!
  for _ in $(seq 50); do grep -q 'port [0-9]' "$BATS_TEST_TMPDIR/server.txt" && break; sleep 0.1; done
  port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$BATS_TEST_TMPDIR/server.txt")
  smoke() {
    ANSIBLE_CONFIG="$ROOT/deploy/ansible.cfg" ansible localhost -c local \
      -M "$ROOT/deploy/roles/rollout/library" -m smoke_calls -a "$1"
  }
  run smoke "{\"base_url\": \"http://127.0.0.1:$port\", \"calls\": [{\"path\": \"/health\", \"status\": 200},
    {\"path\": \"/v1/missing\", \"status\": 200}]}"
  [ "$status" -ne 0 ]
  [[ "$output" == *"GET http://127.0.0.1:$port/v1/missing answered 404, expected 200"* ]]
  run smoke "{\"base_url\": \"http://127.0.0.1:$port\", \"calls\": [{\"path\": \"/health\", \"status\": 200}],
    \"warmup_seconds\": 1}"
  kill "$server"
  [ "$status" -eq 0 ]
  calls=$(sed -n 's/^ *calls: \([0-9]*\)$/\1/p' <<< "$output")
  [ "$calls" -gt 10 ]
}
