#!/usr/bin/env bash
# mask_databases.sh --rules DIR --copy CONNINFO --source CONNINFO [--prefix P] DATABASE...
#
# Masks a fresh copy of production's databases, then proves the copy kept production's schema.
#   1. Masking: runs the masking rules DIR/<db>.sql on database P<db> of the copy, one psql
#      per database, all at once, and waits for all. A failure names the database and its
#      rules file, with psql's own "file:line: ERROR" lines.
#   2. Schema check: pg_dump --schema-only of each P<db> on the copy against <db> on the
#      source, diffed. Owners and privileges are compared too: the copy is the source's own
#      cluster, so they match unless a rule changed them. A difference (typically a rule
#      whose TYPE is not the column's exact type) fails, naming the database, with the first
#      differing lines.
# CONNINFO is libpq's "host=... port=... user=..." without dbname. P (default none) lets the
# bench mask databases restored under other names (bench_<db>). Prints one line of timings
# (seconds). Exit status 0 when every database is masked and matches, 1 if not, 2 on misuse.
set -euo pipefail

die() { printf 'mask_databases: %s\n' "$*" >&2; exit 2; }

rules='' copy='' source='' prefix=''
while [ $# -gt 0 ]; do
  case "$1" in
    --rules) rules="${2:?--rules needs a directory}"; shift 2 ;;
    --copy) copy="${2:?--copy needs a conninfo}"; shift 2 ;;
    --source) source="${2:?--source needs a conninfo}"; shift 2 ;;
    --prefix) prefix="${2?--prefix needs a value}"; shift 2 ;;
    -*) die "unknown option '$1'" ;;
    *) break ;;
  esac
done
[ -n "$rules" ] && [ -n "$copy" ] && [ -n "$source" ] && [ $# -gt 0 ] ||
  die "usage: mask_databases.sh --rules DIR --copy CONNINFO --source CONNINFO [--prefix P] DATABASE..."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds_since START_US: seconds (one decimal) since START_US, microseconds since the epoch.
seconds_since() {
  local us=$(( ${EPOCHREALTIME//[.,]/} - $1 ))
  printf '%d.%d' $(( us / 1000000 )) $(( us % 1000000 / 100000 ))
}

# schema CONNINFO: the database's schema as pg_dump prints it, minus the lines that differ
# between any two dumps (\restrict keys, server and pg_dump versions).
schema() {
  pg_dump --schema-only -d "$1" | sed -E '/^(\\(un)?restrict |-- Dumped (from|by) )/d'
}

# 1. Masking, every database at once.
start=${EPOCHREALTIME//[.,]/}
declare -A pids=()
for db in "$@"; do
  psql -X -q -v ON_ERROR_STOP=1 -d "$copy dbname=$prefix$db" -f "$rules/$db.sql" >"$work/$db.mask" 2>&1 &
  pids[$db]=$!
done
failed=0
for db in "$@"; do
  if ! wait "${pids[$db]}"; then
    failed=1
    printf 'masking rules failed on database %s (%s):\n' "$prefix$db" "$rules/$db.sql" >&2
    sed 's/^/  /' "$work/$db.mask" >&2
  fi
done
[ "$failed" -eq 0 ] || exit 1
masking=$(seconds_since "$start")

# 2. Schema check: both dumps of every database at once, then one diff per database.
start=${EPOCHREALTIME//[.,]/}
pids=()
for db in "$@"; do
  schema "$source dbname=$db" >"$work/$db.source" 2>"$work/$db.source.err" &
  pids[$db.source]=$!
  schema "$copy dbname=$prefix$db" >"$work/$db.copy" 2>"$work/$db.copy.err" &
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
  if ! diff -u --label "source $db" --label "copy $prefix$db" "$work/$db.source" "$work/$db.copy" >"$work/$db.diff"; then
    failed=1
    printf 'schema check: %s differs from the source after masking (a rule whose TYPE is not the column'"'"'s exact type?); first differing lines:\n' \
      "$prefix$db" >&2
    head -n 40 "$work/$db.diff" | sed 's/^/  /' >&2
  fi
done
[ "$failed" -eq 0 ] || exit 1
printf 'masked %s in %s s (in parallel); schemas match the source'"'"'s (%s s)\n' "$*" "$masking" "$(seconds_since "$start")"
