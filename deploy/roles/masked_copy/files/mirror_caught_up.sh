#!/usr/bin/env bash
# mirror_caught_up.sh --source CONNINFO --slots PREFIX --timeout SECONDS
#
# Waits until the masked mirror holds every change production (the source) has committed up
# to now: production's current WAL position is read once, then the confirmed_flush_lsn of
# every replication slot named PREFIX* on production is polled every 0.05 s until each has
# reached it. A subscriber confirms a position only once it has applied and flushed
# everything before it (PostgreSQL docs, pg_replication_slots), so a copy of the mirror
# taken after this holds production's data as of the moment it started.
# CONNINFO is libpq's "host=... port=... user=..." (any database). Prints the lag it waited
# out; exit 0 caught up, 1 when no slot matches or a slot is still behind at the deadline
# (naming it), 2 on misuse.
set -euo pipefail

die() { printf 'mirror_caught_up: %s\n' "$*" >&2; exit 2; }

source='' prefix='' timeout=''
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source="${2:?--source needs a conninfo}"; shift 2 ;;
    --slots) prefix="${2:?--slots needs a prefix}"; shift 2 ;;
    --timeout) timeout="${2:?--timeout needs seconds}"; shift 2 ;;
    *) die "unknown argument '$1'" ;;
  esac
done
[ -n "$source" ] && [ -n "$prefix" ] && [[ "$timeout" =~ ^[0-9]+$ ]] ||
  die "usage: mirror_caught_up.sh --source CONNINFO --slots PREFIX --timeout SECONDS"
[[ "$prefix" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--slots '$prefix' is not a lower-case slot name prefix"

q() { psql -X -At -v ON_ERROR_STOP=1 -d "$source dbname=postgres" -c "$1"; }

target=$(q "select pg_current_wal_lsn()")
[ "$(q "select count(*) from pg_replication_slots where slot_name like '${prefix}%'")" -gt 0 ] || {
  echo "no replication slot named ${prefix}* on production: the masked mirror is not subscribed" >&2; exit 1; }
start=${EPOCHREALTIME//[.,]/}
deadline=$(( SECONDS + timeout ))
until [ "$(q "select bool_and(coalesce(confirmed_flush_lsn >= '$target', false)) from pg_replication_slots where slot_name like '${prefix}%'")" = t ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "the masked mirror has not caught up with production's WAL position $target after ${timeout} s:" >&2
    q "select '  slot ' || slot_name || ' confirmed ' || coalesce(confirmed_flush_lsn::text, 'nothing') || ', ' || case when active then 'subscriber connected' else 'no subscriber connected' end from pg_replication_slots where slot_name like '${prefix}%' and coalesce(confirmed_flush_lsn < '$target', true)" >&2
    exit 1
  fi
  sleep 0.05
done
us=$(( ${EPOCHREALTIME//[.,]/} - start ))
printf 'the masked mirror holds production up to %s (waited %d.%02d s)\n' "$target" $(( us / 1000000 )) $(( us % 1000000 / 10000 ))
