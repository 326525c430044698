#!/usr/bin/env bats
# Stage steps and run records: a failed step names its stage and step and records the stage
# as failed; `runs` reads the records back.

load test_helper

@test "a failing step records its stage as failed and stops, naming the stage and the step" {
  run fn step staging "$(date +%s)" "migrating staging's copy of payments" false
  [ "$status" -ne 0 ]
  [[ "$output" == *"==> Staging Deploy: migrating staging's copy of payments"* ]]
  [[ "$output" == *"Staging Deploy failed while migrating staging's copy of payments"* ]]
  [ "$(jq -r .status "$TOLLGATE_VAR/runs/fast-test/staging.json")" = failed ]
  [ "$(jq -r .summary "$TOLLGATE_VAR/runs/fast-test/staging.json")" = "failed while migrating staging's copy of payments" ]
}

@test "a production step that fails prints what the rollout left about the failure" {
  mkdir -p "$TOLLGATE_VAR/production"
  echo "halted at prod-vault-1: it never answered /health" > "$TOLLGATE_VAR/production/rollout-failure.txt"
  run fn step production "$(date +%s)" "rolling 1.0 out to production" false
  [ "$status" -ne 0 ]
  [[ "$output" == *"==> Production: rolling 1.0 out to production"* ]]
  [[ "$output" == *"halted at prod-vault-1: it never answered /health"* ]]
  [[ "$output" == *"Production Deploy failed while rolling 1.0 out to production"* ]]
}

@test "runs lists a run's record and a stage run alone" {
  TOLLGATE_RUN=run-a fn record_run_release 1.0
  mkdir -p "$TOLLGATE_VAR/production"; echo 1.0 > "$TOLLGATE_VAR/production/release"
  TOLLGATE_RUN=run-a fn record_run release "$(date +%s)" '[{"name": "Unit Tests", "status": "passed", "duration_s": 1}]' ""
  TOLLGATE_RUN=run-b fn record_stage unit failed "$(date +%s)" "tests failed"
  run "$PIPELINE" runs
  [ "$status" -eq 0 ]
  grep -Eq '^run-a +release .* passed, 1.0 live$' <<<"$output"
  grep -Eq '^run-b +stages .* failed: unit \(unit\)$' <<<"$output"
  [ "$(jq -r .release "$TOLLGATE_VAR/runs/run-a/run.json")" = 1.0 ]
}
