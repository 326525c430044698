# The release job and its records: the stage graph (pipeline.json), running its stages in
# order with a log each, the stage and run records under var/runs/<run>/, and reading them back.

# record_stage NAME STATUS START_EPOCH SUMMARY [FACTS_JSON]: the stage's JSON record under
# var/runs/<run>/NAME.json, {name, status, start, duration_s, summary} plus the object
# FACTS_JSON's fields (e.g. the rollout's request counters).
record_stage() {
  local dir; dir=$(run_dir)
  jq -n --arg name "$1" --arg status "$2" --argjson start "$3" --argjson finish "$(date +%s)" \
    --arg summary "$4" --argjson facts "${5:-"{}"}" \
    '{name: $name, status: $status, start: ($start | todate), duration_s: ($finish - $start), summary: $summary} + $facts' \
    > "$dir/$1.json"
}

# record_run KIND START_EPOCH STAGES_JSON FAILED_STAGE: the run's record, run.json: {run, kind,
# status, failed_stage, release, production_version, started, duration_s, stages}.
record_run() {
  jq -n --arg run "$TOLLGATE_RUN" --arg kind "$1" --argjson start "$2" --argjson finish "$(date +%s)" \
    --argjson stages "$3" --arg failed "$4" --arg version "$(deployed_release production)" --arg release "$(run_release)" \
    '{run: $run, kind: $kind, status: (if $failed == "" then "passed" else "failed" end),
      failed_stage: (if $failed == "" then null else $failed end), release: (if $release == "" then null else $release end),
      production_version: $version, started: ($start | todate), duration_s: ($finish - $start), stages: $stages}' > "$(run_dir)/run.json"
}

# junit_counts DIR: "N tests, N failed" over DIR/TEST-*.xml.
junit_counts() { python3 "$TOOL" junit-counts "$1"; }

# junit_failures DIR: one line per failed test of DIR/TEST-*.xml, "class.method: message".
junit_failures() { python3 "$TOOL" junit-failures "$1"; }

# Usage: ./pipeline graph
# Summary: the release job's stage graph as JSON (the Jenkinsfile declares the same)
cmd_graph() {
  jq '.stages' "$ROOT/pipeline.json"
}

# Usage: ./pipeline release
# Summary: the main job: every stage of the graph, standing up the environments if needed
# Locally the rollout runs under TOLLGATE_ROLLOUT_LOAD req/s (default 20) of probe traffic, so
# "0 failed" means something. Ends with a summary of what is live.
cmd_release() {
  export TOLLGATE_ROLLOUT_LOAD="${TOLLGATE_ROLLOUT_LOAD-20}"
  run_stages release "$(jq -c '.stages' "$ROOT/pipeline.json")"
  release_summary
}

# Usage: ./pipeline check
# Summary: every gate but production (what a branch other than release gets)
cmd_check() {
  run_stages check "$(jq -c '.check_stages as $c | [.stages[] | select(.name as $n | $c | index($n))]' "$ROOT/pipeline.json")"
}

# run_stages KIND STAGES_JSON: run the graph's stages ([{name, run} | {name, parallel: [...]}])
# in order, each one ./pipeline call as Jenkins makes it, with timings and a log per stage;
# stands the environments up first when production is not up; stops at the first failure,
# naming the stage and its log. Writes the run's record (record_run).
run_stages() {
  cmd_bootstrap
  local kind="$1" stages_json="$2" n count i name log dir start status branch cmd pids names stages='[]' run_start
  dir=$(run_dir); run_start=$(date +%s); count=$(jq length <<<"$stages_json")
  say "run $TOLLGATE_RUN: records in $dir"
  for ((n = 0; n < count; n++)); do
    name=$(jq -r --argjson n "$n" '.[$n].name' <<<"$stages_json"); log="$dir/stage-${name// /-}.log"
    if [ "$(jq -r --argjson n "$n" '.[$n].run' <<<"$stages_json")" = staging ] && [ -z "$(deployed_release production)" ]; then
      say "standing up the local environments first (./pipeline up)"
      "$ROOT/pipeline" up > "$dir/up.log" 2>&1 || die "$kind: ./pipeline up failed; log: $dir/up.log"
    fi
    say "stage '$name' started"
    start=$(date +%s); status=0; pids=(); names=()
    # A stage is one call, or parallel branches: one call each, all waited for.
    while IFS=$'\t' read -r branch cmd; do
      names+=("$branch")
      # shellcheck disable=SC2086 # a stage's run is a subcommand and its arguments
      "$ROOT/pipeline" $cmd > "$dir/stage-${branch// /-}.log" 2>&1 &
      pids+=($!)
    done < <(jq -r --argjson n "$n" '.[$n] | (.parallel // [.])[] | [.name, .run] | @tsv' <<<"$stages_json")
    for i in "${!pids[@]}"; do
      if ! wait "${pids[$i]}"; then
        status=1; log="$dir/stage-${names[$i]// /-}.log"
        [ "${#pids[@]}" -eq 1 ] || say "  branch '${names[$i]}' failed; log: $log"
      fi
    done
    stages=$(jq --arg name "$name" --arg status "$([ "$status" -eq 0 ] && echo passed || echo failed)" \
      --argjson took $(( $(date +%s) - start )) --arg log "$log" \
      '. + [{name: $name, status: $status, duration_s: $took, log: $log}]' <<<"$stages")
    if [ "$status" -ne 0 ]; then
      record_run "$kind" "$run_start" "$stages" "$name"
      tail -n 15 "$log" 2>/dev/null || true
      die "stage '$name' failed after $(( $(date +%s) - start ))s; log: $log"
    fi
    say "stage '$name' passed in $(( $(date +%s) - start ))s"
  done
  record_run "$kind" "$run_start" "$stages" ""
}

# release_summary: what a release run leaves behind: the version now live, every production
# instance, the requests served and failed during the rollout, the stage timings, and where
# the records, emails and logs are.
release_summary() {
  local dir version
  dir=$(run_dir); version=$(deployed_release production)
  echo
  say "release $TOLLGATE_RUN passed: $version is live in production"
  "$ROOT/pipeline" status | awk 'NR == 1 || $1 == "production"' | sed 's/^/  /'
  jq -r '"  during the rollout, HAProxy counted: " +
      ([.rollout | to_entries[] | "\(.key) \(.value.requests) requests, \(.value.failed) failed"] | join("; ")),
    (.probe // empty | "  rollout probe (\(.rate) req/s): \(.requests) requests, \(.failed) failed, \(.lost) lost")' \
    "$dir/production.json"
  jq -r '"  stages: " + ([.stages[] | "\(.name) \(.duration_s)s"] | join(", ")) + "; total \(.duration_s)s"' "$dir/run.json"
  printf '  records: %s (run.json, a JSON per stage, JUnit XML under junit/)\n' "$dir"
  printf '  logs:    %s/stage-*.log; instances: %s/production/instances/*/service.log\n' "$dir" "$VAR"
  printf '  emails:  %s (%s sent by the gates so far)\n' "$VAR/mail" "$(find "$VAR/mail" -name '*.eml' 2>/dev/null | wc -l)"
}

# Usage: ./pipeline runs
# Summary: every run's record under var/runs/: what it ran, when, how it ended
cmd_runs() {
  local dir
  printf '%-34s %-8s %-20s %8s  %s\n' RUN KIND STARTED SECONDS RESULT
  while IFS= read -r dir; do
    if [ -f "$dir/run.json" ]; then
      jq -r '[.run, .kind, .started, .duration_s,
        (if .status == "passed" then "passed, \(.production_version // "-") live" else "failed at \(.failed_stage)" end)] | @tsv' "$dir/run.json"
    else
      # A stage run alone (a Jenkins stage, a test): its stage records.
      cat "$dir"/*.json 2>/dev/null | jq -rs --arg run "$(basename "$dir")" \
        '[.[] | select(has("duration_s") and has("status"))] | select(length > 0) | [$run, "stages", (map(.start) | min), (map(.duration_s) | add),
          ((map(select(.status != "passed") | .name) | if length == 0 then "passed" else "failed: " + join(", ") end) + " (" + (map(.name) | join(", ")) + ")")] | @tsv'
    fi
  done < <(ls -tr -d "$VAR"/runs/*/ 2>/dev/null) | awk -F'\t' '{ printf "%-34s %-8s %-20s %8s  %s\n", $1, $2, $3, $4, $5 }'
}
