# Helpers for tests that drive ./pipeline against the local environments.
ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
PIPELINE="$ROOT/pipeline"
PRODUCTION_PG=15432
STAGING_PG=15433
# shellcheck disable=SC2034 # used by the bats files that load this one
MIRROR_PG=15434

# latest_release: the newest whole release in the store (what the tests built last).
latest_release() {
  find "$ROOT/var/releases" -mindepth 2 -maxdepth 2 -name manifest.json ! -path '*.partial/*' -printf '%h\n' |
    xargs -r -n1 basename | sort | tail -n 1
}

# psql_at PORT DATABASE SQL: one value (or rows) from a cluster of the local environments.
psql_at() { psql -X -At -h 127.0.0.1 -p "$1" -U postgres -d "$2" -c "$3"; }

# production_checksum: a digest of every row of production's databases (pg_dump
# --data-only, less the random \restrict keys newer pg_dump versions write).
production_checksum() {
  for db in payments fraud vault; do
    pg_dump --data-only --no-owner -h 127.0.0.1 -p "$PRODUCTION_PG" -U postgres "$db"
  done | grep -v '^\\\(un\)\?restrict ' | sha256sum | cut -d' ' -f1
}

# mirror_caught_up: waits until staging's masked mirror holds everything production has
# committed (the Staging Deploy's own wait).
mirror_caught_up() {
  "$ROOT/deploy/roles/masked_copy/files/mirror_caught_up.sh" \
    --source "host=127.0.0.1 port=$PRODUCTION_PG user=postgres" --slots mirror_ --timeout 60
}

# copy_production: the Staging Deploy's copy alone (deploy/copy_production.yml on staging),
# verbose, so the output carries the base backup's figures (created: N...).
copy_production() {
  (cd "$ROOT/deploy" && ANSIBLE_CONFIG="$ROOT/deploy/ansible.cfg" ansible-playbook -v -i inventories/staging copy_production.yml)
}

# probe_start NAME: the rollout probe against production's public HAProxy, in the background,
# until probe_stop NAME; its phase file says before/during/after.
probe_start() {
  local dir="$ROOT/var/test/probe-$1" jar
  rm -rf "$dir"; mkdir -p "$dir"
  jar="$ROOT/var/releases/$(cat "$ROOT/var/production/release")/rollout-probe.jar"
  echo before > "$dir/phase"
  java -jar "$jar" --target http://127.0.0.1:8080 --rate 40 --until-file "$dir/stop" \
    --phase-file "$dir/phase" --report "$dir/report.json" \
    --database-url jdbc:postgresql://127.0.0.1:$PRODUCTION_PG/payments --database-user postgres \
    --verification-token "$(cat "$ROOT/var/production/secrets/verification_token")" \
    > "$dir/out.txt" 2>&1 &
  echo $! > "$dir/pid"
  sleep 3
  echo during > "$dir/phase"
}

# probe_stop NAME: ends the probe after a few seconds of "after"; its exit status is the
# probe's (0: nothing failed, nothing lost); the summary is in var/test/probe-NAME/out.txt.
probe_stop() {
  local dir="$ROOT/var/test/probe-$1"
  echo after > "$dir/phase"
  sleep 3
  touch "$dir/stop"
  wait "$(cat "$dir/pid")"
}

# production_versions: "instance version" for every production instance, from /health.
production_versions() {
  "$PIPELINE" status | awk '$1 == "production" { print $2, $4, $5 }'
}

# pause_verification: stop the system-verification runner, which writes (and cleans up) test
# data in production every few minutes, so a checksum of production's data holds still;
# ./pipeline up starts it again.
pause_verification() {
  start-stop-daemon --stop --oknodo --quiet --retry TERM/20/KILL/5 \
    --pidfile "$ROOT/var/production/instances/prod-verification/service.pid"
}

# verification_status: "HTTP_CODE BODY" of the runner's GET /status.
verification_status() {
  curl -s -o "$ROOT/var/test/status.json" -w '%{http_code}' http://127.0.0.1:8099/status
}

# wait_for_status CODE: trigger a run and wait (up to 90 s) until /status answers CODE with no
# run in progress.
wait_for_status() {
  mkdir -p "$ROOT/var/test"
  curl -fsS -X POST http://127.0.0.1:8099/runs >/dev/null
  for _ in $(seq 1 90); do
    if [ "$(verification_status)" = "$1" ] && [ "$(jq -r .running "$ROOT/var/test/status.json")" = false ]; then
      return 0
    fi
    sleep 1
  done
  echo "/status never answered $1: $(cat "$ROOT/var/test/status.json")" >&2
  return 1
}

# ensure_up LOG: ./pipeline up (its output in LOG), unless the environments are already up:
# every instance answers /health, every instance behind HAProxy is UP, and production's and
# staging's clusters accept connections (then up would change nothing, and costs a minute).
ensure_up() {
  if environments_up; then
    echo "already up: $("$PIPELINE" status | wc -l) status lines, clusters accepting" > "$1"
  else
    "$PIPELINE" up > "$1" 2>&1
  fi
}

environments_up() {
  pg_isready -q -h 127.0.0.1 -p "$PRODUCTION_PG" && pg_isready -q -h 127.0.0.1 -p "$STAGING_PG" &&
    "$PIPELINE" status | awk 'NR > 1 && ($4 == "down" || ($5 != "UP" && $1 != "bank" && $2 != "prod-verification")) { bad = 1 }
      END { exit bad }'
}
