# The gate scenarios (scenarios/<n>-<name>/): a bad change applied to a throwaway worktree,
# run through the release job, and judged against the stage that must stop it.

# Usage: ./pipeline scenario NAME
# Summary: one gate scenario: its bad change through the release job, judged (production untouched)
# Applies scenarios/<n>-NAME/apply.sh to a throwaway worktree of HEAD, runs the release job on
# that build against the local environments (its Unit Tests stage tests only what the change
# touches, starting from the release production runs), and judges: the stage that stopped it
# must be the one `expect` names, with the messages (and email) it names; production must be
# untouched (same instance versions, schema, every row it held still there unchanged), or for
# `stage: none` run the change on every instance; a rollout probe that ran must have seen no
# failed or lost request. The run's coverage verdict is kept under branch scenario-NAME, so the
# branch's own coverage baseline does not move. Writes var/scenarios/NAME/result.json; exit 0
# when the verdict is "pass".
cmd_scenario() {
  cmd_bootstrap
  local dir name expected worktree work run stopped verdict problems=() value since base
  local messages=() mails=()
  dir=$(scenario_dir "${1:-}"); name=$(basename "$dir"); name=${name#*-}
  read_expect "$dir/expect"
  [ -n "$(deployed_release production)" ] || die "scenario: production is not up; run ./pipeline up first"

  work="$VAR/scenarios/$name"; worktree="$VAR/worktrees/scenario-$name"
  run="scenario-$name-$(date -u +%Y%m%dT%H%M%SZ)"; base=$(deployed_release production)
  rm -rf "$work"; mkdir -p "$work"
  say "scenario $name: expecting $([ "$expected" = none ] && echo "no stage" || echo "the $expected stage") to stop it"
  pause_verification
  production_snapshot "$work/before"
  git -C "$ROOT" worktree remove --force "$worktree" 2>/dev/null || rm -rf "$worktree"
  git -C "$ROOT" worktree prune
  git -C "$ROOT" worktree add -q --detach "$worktree" HEAD
  (cd "$worktree" && "$dir/apply.sh") > "$work/apply.log" 2>&1 ||
    die "scenario $name: $dir/apply.sh failed (log: $work/apply.log)"
  since=$(date +%s)
  say "scenario $name: the release job on the changed build (run $run, tests only what changed since $base)"
  TOLLGATE_RUN="$run" TOLLGATE_BUILD_ROOT="$worktree" TOLLGATE_BASE_RELEASE="$base" BRANCH_NAME="scenario-$name" \
    "$ROOT/pipeline" release > "$work/release.log" 2>&1 || true # run.json says where it stopped
  stopped=$(jq -r '.failed_stage // "none"' "$VAR/runs/$run/run.json" 2>/dev/null || echo "before any stage")
  production_snapshot "$work/after"
  # Under ./pipeline scenarios the runner stays paused until the last scenario is judged.
  [ -n "${TOLLGATE_SCENARIOS:-}" ] || resume_verification

  [ "$stopped" = "$expected" ] || problems+=("stopped at '$stopped', expected '$expected'")
  for value in "${messages[@]}"; do
    grep -rqF -- "$value" "$work/release.log" "$VAR/runs/$run" || problems+=("no output says '$value'")
  done
  for value in "${mails[@]}"; do
    find "$VAR/mail" -name '*.eml' -newermt "@$since" -print0 2>/dev/null | xargs -0 -r grep -lF -- "$value" | grep -q . ||
      problems+=("no email since the run says '$value'")
  done
  if [ "$expected" = none ]; then
    [ "$(awk '{ print $2 }' "$work/after/versions" | sort -u)" = "$(deployed_release staging)" ] ||
      problems+=("production does not run the change on every instance")
  else
    while IFS= read -r value; do problems+=("$value"); done < <(production_changes "$work/before" "$work/after")
  fi
  for value in "$VAR/runs/$run"/*-probe/report.json; do
    [ -f "$value" ] || continue
    [ "$(jq '.summary.failed + .summary.lost.lost' "$value")" -eq 0 ] ||
      problems+=("the rollout probe saw $(jq .summary.failed "$value") failed and $(jq .summary.lost.lost "$value") lost requests")
  done
  git -C "$ROOT" worktree remove --force "$worktree"

  verdict=pass; [ ${#problems[@]} -eq 0 ] || verdict=FAIL
  jq -n --arg scenario "$name" --arg expected "$expected" --arg stopped "$stopped" --arg verdict "$verdict" \
    --arg run "$run" --arg log "$work/release.log" '$ARGS.named + {problems: $ARGS.positional}' \
    --args "${problems[@]}" > "$work/result.json"
  say "scenario $name: expected ${expected}, stopped at ${stopped}: $verdict"
  [ ${#problems[@]} -eq 0 ] || printf '  - %s\n' "${problems[@]}"
  [ "$verdict" = pass ] || die "scenario $name failed; the release job's output: $work/release.log"
}

# read_expect FILE: a scenario's expect file into the caller's `expected` (a stage of the
# graph, or none), `messages` and `mails`; dies naming the file and line of a bad one.
read_expect() {
  local line=0 key value
  while IFS= read -r value || [ -n "$value" ]; do
    line=$((line + 1))
    [[ "$value" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$value" =~ ^(stage|message|mail):\ (.+)$ ]] || die "$1:$line: expected 'stage: ', 'message: ' or 'mail: ', got '$value'"
    key=${BASH_REMATCH[1]}; value=${BASH_REMATCH[2]}
    case "$key" in
      stage) expected=$value ;;
      message) messages+=("$value") ;;
      mail) mails+=("$value") ;;
    esac
  done < "$1"
  [ -n "${expected:-}" ] || die "$1: no 'stage:' line (a stage of ./pipeline graph, or none)"
  [ "$expected" = none ] || cmd_graph | jq -e --arg s "$expected" 'any(.[]; .name == $s)' >/dev/null ||
    die "$1: unknown stage '$expected' (stages: $(cmd_graph | jq -r '[.[].name] | join(", ")'), or none)"
}

# Usage: ./pipeline scenarios
# Summary: every scenario in order, then a table: scenario, expected stage, stopped at, verdict
cmd_scenarios() {
  local dir name failed=0
  for dir in "$ROOT"/scenarios/*/; do
    name=$(basename "$dir"); name=${name#*-}
    TOLLGATE_SCENARIOS=1 "$ROOT/pipeline" scenario "$name" || failed=1
  done
  resume_verification
  printf '\n%-28s %-18s %-18s %s\n' SCENARIO EXPECTED "STOPPED AT" VERDICT
  for dir in "$ROOT"/scenarios/*/; do
    name=$(basename "$dir"); name=${name#*-}
    jq -r '[.scenario, .expected, .stopped, .verdict] | @tsv' "$VAR/scenarios/$name/result.json" 2>/dev/null ||
      printf '%s\t-\t-\tFAIL (no result)\n' "$name"
  done | awk -F'\t' '{ printf "%-28s %-18s %-18s %s\n", $1, $2, $3, $4 }'
  [ "$failed" -eq 0 ] || die "scenarios: not every gate stopped what it exists for"
}

# scenario_dir NAME: the folder of scenario NAME (scenarios/<n>-NAME), or die listing them.
scenario_dir() {
  local dir
  for dir in "$ROOT"/scenarios/*-"$1"/; do
    [ -n "$1" ] && [ -f "$dir/expect" ] && [ -x "$dir/apply.sh" ] && { printf '%s\n' "${dir%/}"; return 0; }
  done
  die "scenario: unknown scenario '$1' (known: $(find "$ROOT/scenarios" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | sed 's/^[0-9]*-//' | tr '\n' ' '))"
}

# production_snapshot DIR: what production is, for production_changes: each instance's
# version (DIR/versions), each database's schema (DIR/<db>.schema) and rows (DIR/<db>.rows:
# every row of every table as "table<TAB>row", sorted).
production_snapshot() {
  local port db
  mkdir -p "$1"; port=$(inventory_var production postgres_port)
  "$ROOT/pipeline" status | awk '$1 == "production" { print $2, $4 }' > "$1/versions"
  for db in "${DATABASES[@]}"; do
    pg_dump --schema-only --no-owner -h 127.0.0.1 -p "$port" -U postgres "$db" | grep -v '^\\\(un\)\?restrict ' > "$1/$db.schema"
    psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c \
      "select tablename from pg_tables where schemaname = 'public' order by 1" |
      while read -r table; do
        psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c "\\copy public.\"$table\" to stdout" | sed "s/^/$table\t/"
      done | LC_ALL=C sort > "$1/$db.rows"
  done
}

# production_changes BEFORE AFTER: one line per way production changed between two
# snapshots: an instance's version, a database's schema, Flyway's history, or a row that was
# there before and is gone or different now. Rows only added (test traffic: the rollout probe,
# system verification) are not changes of production's data.
production_changes() {
  local db gone
  diff -q "$1/versions" "$2/versions" >/dev/null || echo "production's instance versions changed: $(diff "$1/versions" "$2/versions" | grep '^>' | tr '\n' ' ')"
  for db in "${DATABASES[@]}"; do
    diff -q "$1/$db.schema" "$2/$db.schema" >/dev/null || echo "production's $db schema changed"
    diff -q <(grep '^flyway_schema_history'$'\t' "$1/$db.rows") <(grep '^flyway_schema_history'$'\t' "$2/$db.rows") >/dev/null ||
      echo "production's $db flyway_schema_history changed"
    gone=$(LC_ALL=C comm -23 "$1/$db.rows" "$2/$db.rows" | wc -l)
    [ "$gone" -eq 0 ] || echo "$gone rows of production's $db changed or went"
  done
}

# pause_verification / resume_verification: stop the system-verification runner (it writes
# and deletes test data in production every few minutes) while production is compared with
# itself, and start it again on the release production runs (once, after the last scenario,
# under ./pipeline scenarios: each scenario pauses it again, as a rollout may have started it).
pause_verification() {
  local stop="$VAR/production/instances/prod-verification/stop.sh"
  [ ! -x "$stop" ] || "$stop" > /dev/null
}

resume_verification() {
  play production "$(deployed_release production)" deploy.yml --limit verification \
    > "$VAR/production/verification-resume.log" 2>&1 ||
    say "could not start the system-verification runner again: $VAR/production/verification-resume.log"
}
