#!/usr/bin/env bash
# swap_in.sh --data-dir DIR --bin BIN --log FILE --timeout SECONDS CONFIG_FILE...
#
# Puts the finished copy DIR.copy (a base backup: it has a backup_label) in the place of the
# cluster at DIR and starts it:
#   1. DIR's configuration files CONFIG_FILE... (names inside DIR, as the postgres_cluster
#      role wrote and checked them) replace the copy's, which are the mirror's (its port, its
#      replication workers): the copy runs with this environment's settings from its start.
#   2. The cluster at DIR stops (immediate: its data is thrown away, it needs no shutdown
#      checkpoint). The copy and it trade places: the copy becomes DIR, the old data DIR.copy,
#      which the next base backup refreshes in place.
#   3. The copy starts (BIN/pg_ctl start -w, server log FILE, at most SECONDS seconds); it
#      replays its backup's WAL first, then accepts connections.
# Runs as root; PostgreSQL runs as the owner of DIR. Exit status 0 when the copy serves, 1 if a
# step failed (naming it), 2 on misuse. Until step 2 the cluster at DIR is untouched.
set -euo pipefail

die() { printf 'swap_in: %s\n' "$*" >&2; exit 2; }
fail() { printf 'swap_in: %s\n' "$*" >&2; exit 1; }

dir='' bin='' log='' timeout=''
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) dir="${2:?--data-dir needs a directory}"; shift 2 ;;
    --bin) bin="${2:?--bin needs a directory}"; shift 2 ;;
    --log) log="${2:?--log needs a file}"; shift 2 ;;
    --timeout) timeout="${2:?--timeout needs seconds}"; shift 2 ;;
    -*) die "unknown option '$1'" ;;
    *) break ;;
  esac
done
[ -n "$dir" ] && [ -n "$bin" ] && [ -n "$log" ] && [ -n "$timeout" ] && [ $# -gt 0 ] ||
  die "usage: swap_in.sh --data-dir DIR --bin BIN --log FILE --timeout SECONDS CONFIG_FILE..."
[[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout '$timeout' is not a whole number of seconds"
[ -f "$dir.copy/PG_VERSION" ] && [ -f "$dir.copy/backup_label" ] ||
  fail "$dir.copy holds no finished base backup (no PG_VERSION or backup_label): nothing to swap in"
owner=$(stat -c %U "$dir.copy")

for file in "$@"; do
  [ -f "$dir/$file" ] || fail "configuration file $dir/$file does not exist"
  cp -p "$dir/$file" "$dir.copy/$file"
done

if [ -f "$dir/postmaster.pid" ]; then
  runuser -u "$owner" -- "$bin/pg_ctl" stop -m immediate -w -D "$dir" >/dev/null ||
    fail "could not stop the cluster at $dir"
fi
rm -rf "$dir.old"
mv -T "$dir" "$dir.old"
mv -T "$dir.copy" "$dir"
mv -T "$dir.old" "$dir.copy"
runuser -u "$owner" -- "$bin/pg_ctl" start -w -t "$timeout" -D "$dir" -l "$log" >/dev/null ||
  fail "the copy did not start within $timeout s; the server log's last lines:$(printf '\n'; tail -n 20 "$log")"
