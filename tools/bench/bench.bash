# The benchmarks: the staging copy and the rolling update, each against a baseline measured
# in the same run, with the ratio printed. Sourced by ./pipeline (`./pipeline bench`).

# bench copy [--size 1GB]: the staging copy's speed. In one run, on the local environments:
# the masked mirror is brought up to date (not timed: it runs all the time), then the stage's
# own copy (copy_production.yml: wait for the mirror to catch up, a base backup of the
# mirror, the copy swapped in and started, detach and schema check) against pg_dump |
# pg_restore of the same databases from production into staging's cluster, twice: masked by
# the same triggers on the way in (the same product), and not masked at all. Prints, with
# baseline / tollgate ratios: the masked copy (every task from the catch-up to the schema
# check, in the order they ran, timed inside the playbook by profile_tasks) against both, and
# the whole playbook. Production must already hold about SIZE.
# Usage: ./pipeline bench copy|rollout [--size 1GB]
# Summary: the staging copy against pg_dump | pg_restore; a rolling update against stop-all/start-all
cmd_bench() {
  local what="${1:-}"; [ $# -gt 0 ] && shift
  case "$what" in
    copy) bench_copy "$@" ;;
    rollout) bench_rollout "$@" ;;
    *) die "bench: expected 'copy' or 'rollout' (got '${what}')" ;;
  esac
}

bench_copy() {
  cmd_bootstrap
  local size=1GB bytes have prod_port staging_port db log t1 t2 t3
  local tollgate catch_up basebackup swap detach copy restore
  size=$(size_arg "bench copy" 1GB "$@")
  bytes=$(size_bytes "$size")
  [ -n "$(deployed_release production)" ] || die "bench copy: production is not up; run ./pipeline up first"
  prod_port=$(inventory_var production postgres_port)
  staging_port=$(inventory_var staging postgres_port)
  have=$(psql -X -At -h 127.0.0.1 -p "$prod_port" -U postgres -c \
    "select sum(pg_database_size(datname)) from pg_database where datname in ('payments', 'fraud', 'vault')")
  [ "$have" -ge $(( bytes * 8 / 10 )) ] ||
    die "bench copy: production holds $(( have / 1048576 )) MB, the benchmark needs about $size: ./pipeline clean && TOLLGATE_SEED_SIZE=$size ./pipeline up"
  say "bench copy: production holds $(( have / 1048576 )) MB; bringing the masked mirror up to date first (not timed)"
  play staging "$(deployed_release production)" mirror.yml > "$VAR/bench-copy-mirror.log" ||
    die "bench copy: the masked mirror failed; log: $VAR/bench-copy-mirror.log"
  # Tollgate, twice: a first copy (no earlier copy beside staging's cluster to refresh, every
  # file created), then the copy as every later Staging Deploy makes it (the earlier copy's
  # files rewritten in place).
  local figures first
  [ -d "$VAR/staging/postgres/data" ] || die "bench copy: staging has no cluster; run ./pipeline up first"
  rm -rf "$VAR/staging/postgres/data.copy"
  figures=$(bench_copy_play "$VAR/bench-copy-first.log") || exit 1
  read -r _ first _ <<<"$figures"
  log="$VAR/bench-copy-physical.log"
  figures=$(bench_copy_play "$log") || exit 1
  read -r tollgate copy catch_up basebackup swap detach <<<"$figures"

  # Baselines, each database into bench_<db> of staging's cluster: pg_dump -Fc | pg_restore as
  # it is (unmasked), then the same product as ours: the schema first, the same masking
  # triggers, then the rows through them (pg_restore fires ENABLE ALWAYS triggers), then the
  # indexes and constraints.
  local rules masked_restore
  rules="$RELEASES/$(deployed_release production)/migrations/masking"
  bench_restore() {
    local db
    for db in "${DATABASES[@]}"; do
      PGOPTIONS='-c client_min_messages=warning' psql -X -q -h 127.0.0.1 -p "$staging_port" -U postgres \
        -c "drop database if exists bench_$db" -c "create database bench_$db"
      if [ "$1" = masked ]; then
        pg_dump --schema-only --section=pre-data -h 127.0.0.1 -p "$prod_port" -U postgres "$db" |
          psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$staging_port" -U postgres -d "bench_$db" >/dev/null
        psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$staging_port" -U postgres -d "bench_$db" -f "$rules/$db.sql"
        pg_dump -Fc --section=data --section=post-data -h 127.0.0.1 -p "$prod_port" -U postgres "$db" |
          pg_restore --no-owner -h 127.0.0.1 -p "$staging_port" -U postgres -d "bench_$db"
      else
        pg_dump -Fc -h 127.0.0.1 -p "$prod_port" -U postgres "$db" |
          pg_restore --no-owner -h 127.0.0.1 -p "$staging_port" -U postgres -d "bench_$db"
      fi
    done
  }
  t1=$(date +%s.%N)
  bench_restore unmasked
  t2=$(date +%s.%N)
  bench_restore masked
  t3=$(date +%s.%N)
  [ "$(psql -X -At -h 127.0.0.1 -p "$staging_port" -U postgres -d bench_payments -c \
    "select count(*) from cards where holder_name <> 'Masked Holder'")" -eq 0 ] ||
    die "bench copy: the masked baseline left holder names unmasked"
  for db in "${DATABASES[@]}"; do
    psql -X -q -h 127.0.0.1 -p "$staging_port" -U postgres -c "drop database bench_$db"
  done

  restore=$(echo "$t2 - $t1" | bc); masked_restore=$(echo "$t3 - $t2" | bc)
  # One row per figure: label, tollgate's seconds, the baseline's, ratio baseline / tollgate, what.
  row() { printf '  %-24s %8.1f s %8.1f s %7s   %s\n' "$@"; }
  printf '%-26s %10s %10s %7s\n' "copy of $(( have / 1048576 )) MB" tollgate baseline ratio
  row "masked copy" "$copy" "$masked_restore" "$(printf '%.1f x' "$(echo "$masked_restore / $copy" | bc -l)")" \
    "catch-up $catch_up + base backup of the mirror $basebackup + swap and start $swap + detach and schema check $detach, vs pg_dump | pg_restore through the same masking triggers (target >= 5)"
  row "first masked copy" "$first" "$masked_restore" "$(printf '%.1f x' "$(echo "$masked_restore / $first" | bc -l)")" \
    "the same tasks, with no earlier copy to refresh (every file created: the first Staging Deploy's copy)"
  row "against unmasked" "$copy" "$restore" "$(printf '%.1f x' "$(echo "$restore / $copy" | bc -l)")" \
    "the same, vs pg_dump -Fc | pg_restore with no masking at all"
  row "whole playbook" "$tollgate" "$masked_restore" "$(printf '%.1f x' "$(echo "$masked_restore / $tollgate" | bc -l)")" \
    "copy_production.yml, Ansible's start and the cluster's configuration included"
  say "bench copy: staging now holds a fresh masked copy; ./pipeline staging redeploys it (playbook log: $log)"
}
# bench_copy_play LOG: runs copy_production.yml on staging (log LOG) from a quiet start and
# prints its seconds: whole playbook, the copy (every task from the catch-up to the schema
# check), then of those the catch-up, the base backup, the swap and start, and the detach.
bench_copy_play() {
  local t0 t1 copy catch_up basebackup detach
  # The mirror runs all the time, so its checkpoints are long done when a stage copies it; a
  # mirror built a moment ago is not. Checkpoint it and let the kernel write back what its build
  # wrote, so neither side pays for that: both start from the same quiet disk.
  psql -X -q -h 127.0.0.1 -p "$(inventory_var staging postgres_port staging-mirror)" -U postgres -c checkpoint
  sync
  t0=$(date +%s.%N)
  ANSIBLE_CALLBACKS_ENABLED=ansible.posix.profile_tasks PROFILE_TASKS_TASK_OUTPUT_LIMIT=all \
    PROFILE_TASKS_SORT_ORDER=none play staging "$(deployed_release staging)" copy_production.yml >"$1" ||
    die "bench copy: copy_production.yml failed; log: $1"
  t1=$(date +%s.%N)
  catch_up=$(bench_task_seconds "$1" "Wait until the mirror holds everything")
  basebackup=$(bench_task_seconds "$1" "(a base backup")
  detach=$(bench_task_seconds "$1" "Detach the copy from the mirror")
  copy=$(bench_tasks_seconds "$1" "Wait until the mirror holds everything" "Detach the copy from the mirror")
  printf '%.2f %.2f %.2f %.2f %.2f %.2f\n' "$(echo "$t1 - $t0" | bc)" "$copy" "$catch_up" "$basebackup" \
    "$(echo "$copy - $catch_up - $basebackup - $detach" | bc)" "$detach"
}

# bench_task_seconds LOG TEXT: the seconds profile_tasks gave the task whose name has TEXT.
bench_task_seconds() {
  bench_tasks_seconds "$1" "$2" "$2"
}
# bench_tasks_seconds LOG FIRST LAST: the seconds of the tasks that ran from the one whose
# name has FIRST to the one whose name has LAST, both included (profile_tasks' summary in
# the order the tasks ran, PROFILE_TASKS_SORT_ORDER=none).
bench_tasks_seconds() {
  grep -E -- '-+ [0-9.]+s$' "$1" | awk -v first="$2" -v last="$3" '
    !on && index($0, first) { on = 1 }
    on { sub(/s$/, "", $NF); sum += $NF; n++ }
    on && index($0, last) { found = 1; exit }
    END { if (found) printf "%.2f\n", sum }' | grep . ||
    die "bench copy: no times for the tasks '$2' to '$3' in $1"
}

# bench rollout: in one run, under the same steady load (the rollout probe, 100 req/s), a
# full rollout of all 7 production instances with Tollgate's playbook, then the naive
# baseline (deploy.yml: every instance of a group stopped and started at once) back to the
# release production ran before. Prints failed and lost requests for both, ours' p99 during
# the rollout against steady state, and each instance's swap time (DRAIN until UP again).
bench_rollout() {
  cmd_bootstrap
  local old new dir socket
  old=$(deployed_release production)
  [ -n "$old" ] || die "bench rollout: production is not up; run ./pipeline up first"
  dir="$VAR/bench/rollout-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$dir"
  socket="$VAR/production/haproxy/admin.sock"
  say "bench rollout: building a new release to roll out"
  git -C "$ROOT" worktree add -q --detach "$dir/worktree" HEAD
  new=$(cmd_package "$dir/worktree")
  git -C "$ROOT" worktree remove --force "$dir/worktree"

  say "bench rollout: Tollgate's rolling update $old -> $new under load"
  # The sampler runs from before the probe's first request, so "before" and "during" carry
  # the same instrumentation; profile_tasks stamps each task of the rollout's log.
  # The system-verification runner is stopped until the rollout starts it again: its runs,
  # every 5 minutes, would otherwise land in one bench's "before" and the next one's
  # "during" at random. Its start at the end of the rollout (with its first run) counts.
  mkdir -p "$dir/ours"
  pause_verification
  # A steady state of 60 s: its p99 is the 60th-slowest of 6,000 requests, not one of a few
  # outliers. The sampler forks 5 times a second, so it runs at niceness 19 (its children too).
  bench_sample_haproxy "$socket" > "$dir/ours/haproxy-states.txt" & local sampler=$!
  renice -n 19 -p "$sampler" > /dev/null
  probe_start "$dir/ours" 100 60 20
  ANSIBLE_CALLBACKS_ENABLED=ansible.posix.profile_tasks PROFILE_TASKS_TASK_OUTPUT_LIMIT=all \
    "$ROOT/pipeline" production "$new" > "$dir/ours/rollout.log" 2>&1 || say "bench rollout: our rollout failed (see $dir/ours/rollout.log)"
  kill "$sampler" 2>/dev/null || true
  probe_stop "$dir/ours" 10

  say "bench rollout: naive baseline (stop all, start all) $new -> $old under the same load"
  pause_verification
  probe_start "$dir/naive" 100 60 20
  play production "$old" deploy.yml > "$dir/naive/deploy.log" 2>&1 || true
  printf '%s\n' "$old" > "$VAR/production/release"
  probe_stop "$dir/naive" 10
  resume_verification

  python3 "$TOOL" rollout-report "$dir"
}

# bench_sample_haproxy SOCKET: "epoch-seconds server status" each time a server's state in
# HAProxy changes, sampled every 0.2 s through the runtime API, until killed.
bench_sample_haproxy() {
  local previous="" current
  while true; do
    current=$(echo "show stat" | socat stdio "unix-connect:$1" | awk -F, '$2 !~ /^(FRONTEND|BACKEND|svname)$/ && $1 != "stats" { print $2, $18 }')
    if [ "$current" != "$previous" ]; then
      diff <(echo "$previous") <(echo "$current") | sed -n "s/^> /$(date +%s.%N) /p" || true
      previous=$current
    fi
    sleep 0.2
  done
}
