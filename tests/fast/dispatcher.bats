#!/usr/bin/env bats
# ./pipeline as a dispatcher: its commands, its help, its data (pipeline.json), and refusing
# what it does not know, naming it.

load test_helper

@test "help lists every command, each with its summary, and nothing that is not a command" {
  run "$PIPELINE" help
  [ "$status" -eq 0 ]
  helped=$(sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' <<<"$output" | sort)
  [ "$helped" = "$("$PIPELINE" commands | sort)" ]
  [ "$(wc -l <<<"$helped")" -gt 20 ]
  grep -Eq '^  unit +Unit Tests stage: ' <<<"$output"
}

@test "an unknown command fails naming it, after the help" {
  run "$PIPELINE" deploy-everything
  [ "$status" -ne 0 ]
  [[ "$output" == *"usage: ./pipeline <command>"* ]]
  [[ "$output" == *"pipeline: unknown command 'deploy-everything'"* ]]
}

@test "sourcing the pipeline defines its functions and runs nothing" {
  run bash -c 'source "$1"; declare -F cmd_unit; echo "${DATABASES[*]}"' _ "$PIPELINE"
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'cmd_unit\n%s' "$(jq -r '.databases | join(" ")' "$ROOT/pipeline.json")")" ]
}

@test "the graph is pipeline.json's stages, and check runs the gates before production" {
  [ "$("$PIPELINE" graph | jq -c .)" = "$(jq -c .stages "$ROOT/pipeline.json")" ]
  [ "$(jq -r '.check_stages | join(",")' "$ROOT/pipeline.json")" = "Unit Tests,Coverage Gate,Staging Deploy,Suites" ]
}

@test "an unknown suite, environment or test tier is refused, naming the known ones" {
  run "$PIPELINE" suite smoke
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown suite 'smoke' (known: client acceptance-server acceptance)"* ]]
  run "$PIPELINE" up nowhere
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown environment 'nowhere' (known: bank production staging)"* ]]
  run "$PIPELINE" test slow
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown tier 'slow' (expected fast or environments"* ]]
  [ ! -e "$TOLLGATE_VAR/bank" ]
}

@test "a size is bytes, and a malformed one is refused naming it" {
  [ "$(fn size_bytes 20MB)" = $((20 * 1024 * 1024)) ]
  [ "$(fn size_bytes 1GB)" = $((1024 * 1024 * 1024)) ]
  run fn size_bytes 20mb
  [ "$status" -ne 0 ]
  [[ "$output" == *"'20mb' is not a size such as 500KB, 20MB or 1GB"* ]]
  run "$PIPELINE" seed --sise 20MB
  [ "$status" -ne 0 ]
  [[ "$output" == *"seed: unknown option '--sise' (expected --size SIZE)"* ]]
  [ "$(fn size_arg "bench copy" 1GB)" = 1GB ]
}

@test "a malformed inventory is refused naming its file, line and column" {
  broken="$ROOT/deploy/inventories/fast-test-$$"
  cp -r "$ROOT/deploy/inventories/staging" "$broken"
  sed -i 's/^        staging-lb:/\tstaging-lb:/' "$broken/hosts.yml"
  run fn check_inventory "fast-test-$$"
  rm -rf "$broken"
  [ "$status" -ne 0 ]
  [[ "$output" == *"malformed inventory of 'fast-test-$$': deploy/inventories/fast-test-$$/hosts.yml: line 18, column 1: found character '\t' that cannot start any token (nothing was changed)"* ]]
  fn check_inventory staging
}
