# The production stages: Production Deploy (lock, migrations, rolling update behind HAProxy),
# Verify Production, and the rollback job, with the rollout probe that loads them.

# Usage: ./pipeline production [VERSION]
# Summary: Production Deploy stage: production lock, migrations, rolling update behind HAProxy
# Migrates production (expand-only migrations: the old release keeps working while the new one
# rolls out), then rolls VERSION out one instance at a time (deploy/rolling_update.yml of
# VERSION's own deploy files). VERSION defaults to the run's release, and outside a run to the
# release staging runs (which passed the suites).
cmd_production() {
  cmd_bootstrap
  local start version db
  start=$(date +%s)
  version="${1:-$(run_release)}"
  version="${version:-$(deployed_release staging)}"
  [ -n "$version" ] || die "production: run $TOLLGATE_RUN built no release and staging runs none; run ./pipeline staging first"
  require_release "$version"
  [ -n "$(deployed_release production)" ] || die "production: production is not up; run ./pipeline up first"
  take_production_lock "rollout of $version"
  rm -f "$VAR/production/rollout-failure.txt"
  for db in "${DATABASES[@]}"; do
    step production "$start" "migrating production's $db" \
      niced "$TOOL_NICE" java -jar "$(release_file "$version" migration-check.jar)" migrate \
      --url "$(jdbc_url production "$db")" --user postgres --locations "$RELEASES/$version/migrations/$db"
  done
  rollout "$start" production "rolling $version out to production" "$version"
  say "Production Deploy: $version is live on every production instance"
}

# Usage: ./pipeline rollback [VERSION]
# Summary: roll an earlier release back out the same way (default: the one before production's)
# No down-migrations: the schema stays, which is why migrations are expand-only. The release's
# own deploy files roll it out, as they did when it was tested.
cmd_rollback() {
  cmd_bootstrap
  local start current version
  start=$(date +%s)
  current=$(deployed_release production)
  [ -n "$current" ] || die "rollback: production is not up; run ./pipeline up first"
  version="${1:-$(release_before "$current")}"
  [ -n "$version" ] || die "rollback: no release older than $current in $RELEASES"
  require_release "$version"
  take_production_lock "rollback to $version"
  rm -f "$VAR/production/rollout-failure.txt"
  rollout "$start" rollback "rolling $version back out to production" "$version"
  say "Rollback: $version is live on every production instance (was $current)"
}

# rollout START STAGE DESCRIPTION VERSION: roll VERSION out to production with its
# rolling_update.yml, counting the requests HAProxy's frontends served and failed meanwhile;
# with TOLLGATE_ROLLOUT_LOAD=RATE (what ./pipeline release sets locally), the rollout probe adds
# RATE req/s of real traffic and checks that no acknowledged debit is lost. Records the stage
# with {rollout: {payments|fraud|vault: {requests, failed}}, probe: {rate, requests, failed, lost}}.
rollout() {
  local start="$1" stage="$2" description="$3" version="$4" before probe_dir facts
  probe_dir="$(run_dir)/$stage-probe"
  before=$(haproxy_counters production)
  if [ -n "${TOLLGATE_ROLLOUT_LOAD:-}" ]; then
    say "Production: the rollout probe sends $TOLLGATE_ROLLOUT_LOAD req/s through production's HAProxy"
    probe_start "$probe_dir" "$TOLLGATE_ROLLOUT_LOAD" 3
    trap 'probe_stop "'"$probe_dir"'" 0' EXIT
  fi
  PLAY_NICE=$TOOL_NICE step production "$start" "$description" play production "$version" rolling_update.yml
  printf '%s\n' "$version" > "$VAR/production/release"
  probe_stop "$probe_dir" 3; trap - EXIT
  facts=$(jq -n --argjson before "$before" --argjson after "$(haproxy_counters production)" \
    '{rollout: ($after | with_entries(.key as $k | .value |= with_entries(
       .key as $c | .value = (if .value >= ($before[$k][$c] // 0) then .value - ($before[$k][$c] // 0) else .value end))))}')
  if [ -f "$probe_dir/report.json" ]; then
    facts=$(jq --slurpfile r "$probe_dir/report.json" '. + {probe: {rate: $r[0].rate,
      requests: $r[0].summary.requests, failed: $r[0].summary.failed, lost: $r[0].summary.lost.lost}}' <<<"$facts")
  fi
  record_stage "$stage" passed "$start" "$version rolled out to every production instance" "$facts"
}

# haproxy_counters ENV: what ENV's HAProxy frontends have counted since HAProxy started, as
# JSON {"payments": {"requests": N, "failed": N}, ...} (pipeline_tool.py haproxy-counters:
# req_tot and hrsp_5xx of each FRONTEND row of "show stat"). {} when HAProxy is not up.
haproxy_counters() {
  local socket="$VAR/$1/haproxy/admin.sock"
  [ -S "$socket" ] || { echo '{}'; return 0; }
  echo "show stat" | socat stdio "unix-connect:$socket" | python3 "$TOOL" haproxy-counters
}

# take_production_lock WHAT: one rollout at a time. The lock is a flock on var/production.lock,
# held by this process until it exits: a crashed run's lock is freed by the kernel, never
# left stale. Another run exits at once naming the holder, or waits TOLLGATE_LOCK_WAIT seconds.
take_production_lock() {
  mkdir -p "$VAR"
  exec 9>>"$VAR/production.lock"
  if ! flock -w "${TOLLGATE_LOCK_WAIT:-0}" 9; then
    die "production is locked by another run: $(cat "$VAR/production.lock.holder" 2>/dev/null || echo unknown) (set TOLLGATE_LOCK_WAIT=SECONDS to wait)"
  fi
  printf '%s (pid %s, since %s)\n' "$1" "$$" "$(date -u +%H:%M:%SZ)" > "$VAR/production.lock.holder"
}

# Usage: ./pipeline verify
# Summary: Verify Production stage: the production-safe suites once against production
# Runs them with the release production runs (its verification.jar, one-shot, JUnit XML into
# the run's directory), then asks the runner on 127.0.0.1:8099 to run now, so its /status
# speaks for the release just deployed.
cmd_verify() {
  cmd_bootstrap
  local start version dir status=0
  start=$(date +%s)
  version=$(deployed_release production)
  [ -n "$version" ] || die "verify: production is not up; run ./pipeline up first"
  dir=$(run_dir)
  say "Verify Production: production-safe suites against $(public_url production) ($version)"
  TARGET_URL="$(public_url production)" VERIFICATION_TOKEN="$(cat "$VAR/production/secrets/verification_token")" \
    release_java "$version" verification --once --junit-xml "$dir/junit/verify" || status=$?
  curl -fsS -m 5 -X POST "http://127.0.0.1:8099/runs" >/dev/null 2>&1 ||
    say "Verify Production: the system-verification runner did not take the trigger (is it up?)"
  if [ "$status" -ne 0 ]; then
    record_stage verify failed "$start" "production-safe suites failed on $version"
    die "Verify Production failed: the production-safe suites failed on $version (JUnit XML: $dir/junit/verify)"
  fi
  record_stage verify passed "$start" "production-safe suites passed on $version"
}

# probe_start DIR RATE BEFORE_SECONDS [WARMUP_SECONDS]: the rollout probe (the rollout-probe.jar
# of the release production runs) against production's public HAProxy at RATE req/s, in the
# background, its report in DIR/report.json; after WARMUP_SECONDS (default 0) of load that only
# warms the services' JIT and pools (phase "warmup"), returns after BEFORE_SECONDS of
# steady-state load ("before"), with the phase set to "during". Other files in DIR stay.
probe_start() {
  local dir="$1" jar
  jar=$(release_file "$(deployed_release production)" rollout-probe.jar)
  mkdir -p "$dir"; rm -f "$dir"/{phase,stop,report.json,probe.txt,probe.pid}
  if [ "${4:-0}" -gt 0 ]; then echo warmup > "$dir/phase"; else echo before > "$dir/phase"; fi
  java -jar "$jar" --target "$(public_url production)" \
    --rate "$2" --until-file "$dir/stop" --phase-file "$dir/phase" --report "$dir/report.json" \
    --database-url "$(jdbc_url production payments)" --database-user postgres \
    --verification-token "$(cat "$VAR/production/secrets/verification_token")" > "$dir/probe.txt" 2>&1 &
  echo $! > "$dir/probe.pid"
  if [ "${4:-0}" -gt 0 ]; then sleep "$4"; echo before > "$dir/phase"; fi
  sleep "$3"
  echo during > "$dir/phase"
}

# probe_stop DIR AFTER_SECONDS: AFTER_SECONDS of "after", then the probe stops, checks every
# acknowledged debit against the database and writes its report. Idempotent.
probe_stop() {
  [ -f "$1/probe.pid" ] && [ ! -e "$1/stop" ] || return 0
  echo after > "$1/phase"; sleep "$2"; touch "$1/stop"
  wait "$(cat "$1/probe.pid")" 2>/dev/null || true
}
