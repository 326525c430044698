# The project's own tests, in two tiers: fast (no environment: shellcheck, the pipeline's
# functions, the Python modules and tools, lint, the Java unit tests) and environments (the
# stages against the local environments, the faults, the gate scenarios).

# Usage: ./pipeline test [fast|environments]
# Summary: every test: the fast tier, then the environment tier (or the one named)
# A failure in the fast tier stops before any environment is stood up. JUnit XML goes to
# tests/target/; the last line sums every JUnit report of the run.
cmd_test() {
  local tier="${1:-all}" start status=0
  cmd_bootstrap
  start=$(date +%s)
  case "$tier" in
    all | fast | environments) ;;
    *) die "test: unknown tier '$tier' (expected fast or environments, or nothing for both)" ;;
  esac
  rm -rf "$ROOT/tests/target"; mkdir -p "$ROOT/tests/target"
  if [ "$tier" != environments ]; then
    test_fast || status=$?
  fi
  if [ "$status" -eq 0 ] && [ "$tier" != fast ]; then
    test_environments || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    python3 "$TOOL" junit-summary "$ROOT/tests/target" "$ROOT"/*/target "$ROOT"/*/*/target
    die "tests failed (tier: $tier; reports in tests/target/)"
  fi
  say "test: the $tier tier passed in $(( $(date +%s) - start ))s"
  python3 "$TOOL" junit-summary "$ROOT/tests/target" "$ROOT"/*/target "$ROOT"/*/*/target
}

# test_fast: the fast tier, each part timed; fails at the first part that fails.
test_fast() {
  local fast="$ROOT/tests/target/fast"
  mkdir -p "$fast"
  test_part "shellcheck" "$ROOT/tools/lint/shellcheck" || return 1
  test_part "bats tests/fast" bats --timing --report-formatter junit --output "$fast" "$ROOT"/tests/fast/*.bats || return 1
  local pytests=("$ROOT/tests/fast" "$ROOT/deploy/tests")
  # Debian's python3 (python3-pytest, python3-psycopg2, ansible), which the modules run under.
  test_part "pytest ${pytests[*]#"$ROOT/"}" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
    --junitxml "$fast/TEST-pytest.xml" "${pytests[@]}" || return 1
  test_part "Java unit tests (*Test)" mvn_ -q -T 1C test -Dsurefire.printSummary=false || return 1
}

# test_environments: tests/*.bats against the local environments. release.bats first (on a
# fresh machine its first release stands the environments up), scenarios.bats last (its
# harmless change ends up in production).
test_environments() {
  local file files=("$ROOT/tests/release.bats")
  for file in "$ROOT"/tests/*.bats; do
    [[ "$file" == */release.bats || "$file" == */scenarios.bats ]] || files+=("$file")
  done
  files+=("$ROOT/tests/scenarios.bats")
  local status=0
  test_part "bats tests/*.bats" bats --timing --report-formatter junit --output "$ROOT/tests/target" "${files[@]}" || status=$?
  mv "$ROOT/tests/target/report.xml" "$ROOT/tests/target/TEST-pipeline.xml" 2>/dev/null || true
  return "$status"
}

# test_part LABEL COMMAND...: run one part of a tier, saying how long it took; its status.
test_part() {
  local label="$1" start status=0
  shift
  start=$(date +%s)
  say "test: $label"
  "$@" || status=$?
  say "test: $label $([ "$status" -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start ))s"
  return "$status"
}
