# The machine and the local environments: the Debian packages Tollgate needs, and standing
# the bank sandbox, production and staging up (deploy/site.yml), down, and looking at them.

# Debian packages the pipeline needs, by the command (or file) that proves each is installed.
declare -A PACKAGES=(
  [javac]=openjdk-17-jdk-headless [git]=git [curl]=curl [jq]=jq [bc]=bc [python3]=python3
  [haproxy]=haproxy [ansible-playbook]=ansible [ansible-lint]=ansible-lint
  [yamllint]=yamllint [socat]=socat [psql]=postgresql-client [bats]=bats [shellcheck]=shellcheck
  [/usr/lib/postgresql/15/bin/postgres]=postgresql [/usr/lib/python3/dist-packages/psycopg2]=python3-psycopg2
  [/usr/lib/python3/dist-packages/pytest]=python3-pytest
)

# Usage: ./pipeline bootstrap
# Summary: install the Debian packages Tollgate needs (as root; prints the command otherwise)
cmd_bootstrap() {
  local missing=() probe
  for probe in "${!PACKAGES[@]}"; do
    command -v "$probe" >/dev/null 2>&1 || [ -e "$probe" ] || missing+=("${PACKAGES[$probe]}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" -ne 0 ]; then
    die "missing packages; run as root: apt-get update && apt-get install -y ${missing[*]}"
  fi
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Usage: ./pipeline up [ENV...]
# Summary: stand up the bank sandbox, production and staging, or the ENVs named (idempotent)
# Each on the release it already runs, or on a first up the run's release.
cmd_up() {
  cmd_bootstrap
  local env version fresh=false
  local environments=("${@:-${ENVIRONMENTS[@]}}")
  for env in "${environments[@]}"; do
    [ -d "$ROOT/deploy/inventories/$env" ] ||
      die "up: unknown environment '$env' (known: ${ENVIRONMENTS[*]})"
    check_inventory "$env"
  done
  [ -f "$VAR/production/release" ] || fresh=true
  for env in "${environments[@]}"; do
    version=$(deployed_release "$env")
    [ -n "$version" ] || version=$(release_for up)
    require_release "$version"
    say "up: $env on $version"
    play "$env" "$version" site.yml
    printf '%s\n' "$version" > "$VAR/$env/release"
  done
  if [ "$fresh" = true ] && [ -f "$VAR/production/release" ]; then
    cmd_seed --size "${TOLLGATE_SEED_SIZE:-20MB}"
  fi
  cmd_status
}

# Usage: ./pipeline down
# Summary: stop every instance, HAProxy and PostgreSQL cluster that up started
cmd_down() {
  local env stop data
  for env in staging production bank; do
    # Each instance's own stop.sh: it signals the pid file's process only while that is still
    # the instance (a stale pid may belong to anything by now).
    for stop in "$VAR/$env"/instances/*/stop.sh; do
      [ ! -x "$stop" ] || "$stop" > /dev/null || true
    done
    [ ! -f "$VAR/$env/haproxy/haproxy.pid" ] ||
      start-stop-daemon --stop --oknodo --quiet --remove-pidfile --pidfile "$VAR/$env/haproxy/haproxy.pid" \
        --exec "$(command -v haproxy)" --retry TERM/20/KILL/5
    for data in "$VAR/$env"/{postgres,mirror}/data; do
      [ ! -f "$data/PG_VERSION" ] || runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$data" -m fast -s 2>/dev/null || true
    done
  done
  say "down: everything stopped"
}

# Usage: ./pipeline status
# Summary: every instance with its address, the version its /health reports, its HAProxy state
cmd_status() {
  local env host address version state socket
  printf '%-11s %-20s %-17s %-26s %s\n' ENVIRONMENT INSTANCE ADDRESS VERSION HAPROXY
  for env in "${ENVIRONMENTS[@]}"; do
    socket="$VAR/$env/haproxy/admin.sock"
    while read -r host address; do
      version=$(curl -s -m 2 "http://$address/health" | jq -r '.version // empty' 2>/dev/null || true)
      state="-"
      if [ -S "$socket" ]; then
        # A socket left behind by a stopped HAProxy refuses the connection: state unknown.
        state=$(echo "show stat" | socat stdio "unix-connect:$socket" 2>/dev/null |
          awk -F, -v h="$host" '$2 == h { print $18; exit }' || true)
      fi
      printf '%-11s %-20s %-17s %-26s %s\n' "$env" "$host" "$address" "${version:-down}" "${state:--}"
    done < <(inventory_instances "$env")
  done
}

# Usage: ./pipeline seed --size SIZE
# Summary: fill production with generated data (tools/seed/*.sql), SIZE 20MB .. 2GB
# Marketplaces, cards, debits and refunds over six months, with the NULLs and duplicates a
# real production has; a debit with its share of cards, refunds, vault rows and fraud checks
# takes about SEED_BYTES_PER_DEBIT bytes.
SEED_BYTES_PER_DEBIT=1350
cmd_seed() {
  cmd_bootstrap
  local size bytes scale db port
  size=$(size_arg seed "" "$@")
  bytes=$(size_bytes "$size")
  scale=$(( bytes / SEED_BYTES_PER_DEBIT ))
  [ "$scale" -ge 100 ] || die "seed: --size $size is too small (at least 110KB)"
  [ -n "$(deployed_release production)" ] || die "seed: production is not up; run ./pipeline up first"
  port=$(inventory_var production postgres_port)
  [ "$(psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d payments -c "select count(*) from debits where id like 'db_seed_%'")" = 0 ] ||
    die "seed: production already holds seeded data; ./pipeline clean starts afresh"
  say "seed: $scale debits (~$size) into production"
  for db in "${DATABASES[@]}"; do
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v scale="$scale" -f "$ROOT/tools/seed/$db.sql" >/dev/null
  done
  psql -X -At -h 127.0.0.1 -p "$port" -U postgres -c \
    "select string_agg(datname || ' ' || pg_size_pretty(pg_database_size(datname)), ', ') from pg_database where datname in ('payments', 'fraud', 'vault')"
}

# Usage: ./pipeline lint
# Summary: ansible-lint, yamllint and a syntax check of every playbook
cmd_lint() {
  cmd_bootstrap
  local playbook
  (cd "$ROOT/deploy" && yamllint -s . && ansible-lint -q)
  for playbook in "$ROOT"/deploy/*.yml; do
    (cd "$ROOT/deploy" && ansible-playbook --syntax-check -i inventories/production "$(basename "$playbook")" >/dev/null) ||
      die "lint: $(basename "$playbook") fails the syntax check"
  done
  say "lint: clean"
}

# Usage: ./pipeline clean
# Summary: stop everything, then remove var/ and every module's target/
cmd_clean() {
  cmd_down
  rm -rf "$VAR"
  mvn_ -q clean
}
