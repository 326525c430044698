#!/usr/bin/env bash
# detach_copy.sh --copy CONNINFO --source CONNINFO --history-table T DATABASE...
#
# Turns a fresh physical copy of the masked mirror into staging's own databases, then proves
# the copy has production's schema.
#   1. Detach, every database at once: the copy carries the mirror's subscriptions (staging
#      runs no replication workers, so none ever applied). Each is disabled, unbound from its
#      slot (slot_name NONE: the slot on production is the mirror's and stays) and dropped;
#      then the masking triggers (schema masking) and the mirror's own Flyway history table T.
#   2. Schema check: pg_dump --schema-only of each database on the copy against the source
#      (production), diffed, publications and subscriptions aside. A difference (the mirror
#      behind production's migrations, a masking rule that changed a column) fails, naming
#      the database, with the first differing lines.
# CONNINFO is libpq's "host=... port=... user=..." without dbname. Prints one line of timings
# (seconds). Exit status 0 when every database is detached and matches, 1 if not, 2 on misuse.
set -euo pipefail

die() { printf 'detach_copy: %s\n' "$*" >&2; exit 2; }

copy='' source='' history=''
while [ $# -gt 0 ]; do
  case "$1" in
    --copy) copy="${2:?--copy needs a conninfo}"; shift 2 ;;
    --source) source="${2:?--source needs a conninfo}"; shift 2 ;;
    --history-table) history="${2:?--history-table needs a name}"; shift 2 ;;
    -*) die "unknown option '$1'" ;;
    *) break ;;
  esac
done
[ -n "$copy" ] && [ -n "$source" ] && [ -n "$history" ] && [ $# -gt 0 ] ||
  die "usage: detach_copy.sh --copy CONNINFO --source CONNINFO --history-table T DATABASE..."
[[ "$history" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--history-table '$history' is not a lower-case SQL name"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds_since START_US: seconds (one decimal) since START_US, microseconds since the epoch.
seconds_since() {
  local us=$(( ${EPOCHREALTIME//[.,]/} - $1 ))
  printf '%d.%d' $(( us / 1000000 )) $(( us % 1000000 / 100000 ))
}

# schema CONNINFO: the database's schema as pg_dump prints it, minus publications and
# subscriptions (production's publishes to the mirror) and the lines that differ between any
# two dumps (\restrict keys, server and pg_dump versions).
schema() {
  pg_dump --schema-only --no-publications --no-subscriptions -d "$1" |
    sed -E '/^(\\(un)?restrict |-- Dumped (from|by) )/d'
}

# detach DATABASE: the SQL that makes the copy's DATABASE staging's own.
detach() {
  psql -X -At -d "$copy dbname=$1" -c "select subname from pg_subscription s join pg_database d on d.oid = s.subdbid where d.datname = current_database()" |
    while read -r sub; do
      printf 'alter subscription %s disable;\nalter subscription %s set (slot_name = none);\ndrop subscription %s;\n' "$sub" "$sub" "$sub"
    done
  printf 'drop schema if exists masking cascade;\ndrop table if exists public.%s;\n' "$history"
}

# 1. Detach, every database at once.
start=${EPOCHREALTIME//[.,]/}
declare -A pids=()
for db in "$@"; do
  { detach "$db" | psql -X -q -v ON_ERROR_STOP=1 -d "$copy dbname=$db"; } >"$work/$db.detach" 2>&1 &
  pids[$db]=$!
done
failed=0
for db in "$@"; do
  if ! wait "${pids[$db]}"; then
    failed=1
    printf 'detaching database %s of the copy from the mirror failed:\n' "$db" >&2
    sed 's/^/  /' "$work/$db.detach" >&2
  fi
done
[ "$failed" -eq 0 ] || exit 1
detaching=$(seconds_since "$start")

# 2. Schema check: both dumps of every database at once, then one diff per database.
start=${EPOCHREALTIME//[.,]/}
pids=()
for db in "$@"; do
  schema "$source dbname=$db" >"$work/$db.source" 2>"$work/$db.source.err" &
  pids[$db.source]=$!
  schema "$copy dbname=$db" >"$work/$db.copy" 2>"$work/$db.copy.err" &
  pids[$db.copy]=$!
done
for db in "$@"; do
  for side in source copy; do
    if ! wait "${pids[$db.$side]}"; then
      failed=1
      printf 'schema check: pg_dump of %s on the %s failed:\n' "$db" "$side" >&2
      sed 's/^/  /' "$work/$db.$side.err" >&2
    fi
  done
done
[ "$failed" -eq 0 ] || exit 1
for db in "$@"; do
  if ! diff -u --label "production $db" --label "copy $db" "$work/$db.source" "$work/$db.copy" >"$work/$db.diff"; then
    failed=1
    printf 'schema check: the copy of %s differs from production (the mirror behind production'"'"'s migrations?); first differing lines:\n' \
      "$db" >&2
    head -n 40 "$work/$db.diff" | sed 's/^/  /' >&2
  fi
done
[ "$failed" -eq 0 ] || exit 1
printf 'detached %s from the mirror in %s s (in parallel); schemas match production'"'"'s (%s s)\n' "$*" "$detaching" "$(seconds_since "$start")"
