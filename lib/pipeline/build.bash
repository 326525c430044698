# The build stages: Unit Tests (build, test, store the release) and the Coverage Gate, and
# the test fixtures' build without tests (package).
# shellcheck shell=bash disable=SC2153 # BUILD is common.bash's: the checkout under test

# Usage: ./pipeline build
# Summary: compile and package every module, tests skipped
cmd_build() {
  cmd_bootstrap
  mvn_ -q -T 1C package -DskipTests
}

# Usage: ./pipeline unit
# Summary: Unit Tests stage: build, test under JaCoCo, store the release in var/releases/
# One Maven run compiles, runs every module's unit (*Test) and component (*IT) tests under the
# JaCoCo agent, packages the runnable jars and writes JUnit XML and JaCoCo XML (per module and
# aggregated in coverage-report/). The jars go to the release store with a manifest, and the
# version into the run's directory: every later stage of the run deploys exactly those. -T 1C
# builds independent modules side by side, one per core; every test JVM has its own embedded
# PostgreSQL and SMTP server on ports the OS picks, so modules never meet.
# With TOLLGATE_BASE_RELEASE=VERSION (the gate scenarios set it to the release production
# runs), only the modules changed since that release's commit and their dependents are tested
# (unit_scope); the others are still built at this version, and keep VERSION's measurements.
cmd_unit() {
  cmd_bootstrap
  local start version scope=""
  start=$(date +%s)
  version=$(new_version "$BUILD")
  if [ -n "${TOLLGATE_BASE_RELEASE:-}" ]; then
    scope=$(unit_scope "$TOLLGATE_BASE_RELEASE") || scope=""
  fi
  say "Unit Tests: building $version${TOLLGATE_BUILD_ROOT:+ from $BUILD}"
  if [ -n "$scope" ]; then
    say "Unit Tests: testing only what changed since $TOLLGATE_BASE_RELEASE: ${scope//$'\n'/, } (the other modules' results are $TOLLGATE_BASE_RELEASE's)"
  fi
  reuse_tests "${scope:+$TOLLGATE_BASE_RELEASE}" "$scope"
  # install, not just verify: the Suites stage resolves this release's artifacts from the
  # local Maven repository.
  local status=0
  (cd "$BUILD" && mvn_ -T 1C install -Drevision="$version") || status=$?
  forget_reuse
  if [ "$status" -ne 0 ]; then
    keep_unit_junit
    record_stage unit failed "$start" "tests failed for $version"
    die "Unit Tests failed; JUnit XML is under $(run_dir)/junit/unit"
  fi
  keep_unit_junit
  store_release "$version" "$BUILD"
  record_run_release "$version"
  record_stage unit passed "$start" "$(junit_counts "$(run_dir)/junit/unit")" \
    "$(jq -n --arg v "$version" --arg base "${scope:+$TOLLGATE_BASE_RELEASE}" '{release: $v} + (if $base == "" then {} else {tests_reused_from: $base} end)')"
  say "Unit Tests: release $version stored in $RELEASES/$version ($(junit_counts "$(run_dir)/junit/unit"))"
}

# unit_scope BASE: the modules (one per line) a build must test when it starts from release
# BASE: those its change since BASE's commit touches, and their dependents
# (lib/pipeline/affected_modules.py), always with coverage-report. Fails, so the build tests
# everything, when BASE cannot serve: it is not in the store, was built from uncommitted
# changes (its commit does not say what it holds), has no JaCoCo data, or its commit is unknown.
unit_scope() {
  local base="$1" manifest="$RELEASES/$1/manifest.json" commit
  [ -f "$manifest" ] && [ -d "$RELEASES/$base/coverage" ] || return 1
  [ "$(jq -r 'if .dirty == false then "clean" else "dirty" end' "$manifest")" = clean ] || return 1
  commit=$(jq -r .commit "$manifest")
  git -C "$BUILD" cat-file -e "$commit^{commit}" 2>/dev/null || return 1
  { git -C "$BUILD" diff --name-only "$commit"; git -C "$BUILD" ls-files --others --exclude-standard; echo coverage-report/pom.xml; } |
    python3 "$ROOT/lib/pipeline/affected_modules.py" "$BUILD"
}

# reuse_tests BASE SCOPE: readies each module's target/ for the build. The JaCoCo data, JUnit
# XML and marker an earlier build left there go first (JaCoCo's agent appends to an existing
# jacoco.exec, so the lines a test covered would still count after the test is deleted). With
# BASE, every module not in SCOPE (a list of module dirs) then gets release BASE's JaCoCo data
# and the marker target/tests-reused-from-release, which activates the pom's profile of that
# name (skipTests); with BASE empty, every module is tested afresh.
reuse_tests() {
  local base="$1" scope="$2" module
  while IFS= read -r module; do
    rm -rf "$BUILD/$module/target/"*.exec "$BUILD/$module/target/tests-reused-from-release" \
      "$BUILD/$module/target/surefire-reports" "$BUILD/$module/target/failsafe-reports"
    [ -n "$base" ] && ! grep -qxF "$module" <<<"$scope" || continue
    mkdir -p "$BUILD/$module/target"
    cp "$RELEASES/$base/coverage/$module/target/"*.exec "$BUILD/$module/target/" 2>/dev/null || true
    printf '%s\n' "$base" > "$BUILD/$module/target/tests-reused-from-release"
  done < <(build_modules)
}

# forget_reuse: the reuse markers go once the Unit Tests build is over; they are for that build
# alone (a later Maven run in the same checkout, such as a suite's, must run its tests).
forget_reuse() {
  local module
  while IFS= read -r module; do
    rm -f "$BUILD/$module/target/tests-reused-from-release"
  done < <(build_modules)
}

# build_modules: the module directories of the build's root pom, one per line.
build_modules() {
  sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$BUILD/pom.xml"
}

# keep_unit_junit: every module's Surefire and Failsafe XML, copied into the run's junit/unit/.
keep_unit_junit() {
  local dir; dir="$(run_dir)/junit/unit"
  mkdir -p "$dir"
  find "$BUILD" -path "$VAR" -prune -o -regex '.*/target/\(surefire\|failsafe\)-reports/TEST-[^/]*\.xml' -type f -print0 |
    xargs -0 -r cp -t "$dir"
}

# Usage: ./pipeline package [WORKTREE]
# Summary: build and store a release without tests, of this checkout or WORKTREE (test fixtures)
# Not a stage: the tests use it to make second builds (a new release to roll out, a bad one to
# stop) in a minute instead of a full Unit Tests run. Prints the version.
cmd_package() {
  cmd_bootstrap
  local build="${1:-$ROOT}" version
  version=$(new_version "$build")
  # install, as unit does: the Suites stage resolves a release's artifacts from ~/.m2.
  (cd "$build" && mvn_ -q install -DskipTests -Drevision="$version" \
    -pl "$(IFS=,; echo "${RELEASE_MODULES[*]}")" -am) >&2 ||
    die "package: the build of $build failed"
  store_release "$version" "$build"
  printf '%s\n' "$version"
}

# Usage: ./pipeline coverage [--scope S ...]
# Summary: Coverage Gate stage: per-package floors from coverage-rules.xml on the run's release
# Gates the aggregated report of this run's build against the `unit` scope; the verdict and
# the email name the release's commit and author. The gate is the release's own
# coverage-gate.jar (checked against its manifest).
cmd_coverage() {
  cmd_bootstrap
  local scope=unit report="$BUILD/coverage-report/target/site/jacoco-aggregate/jacoco.xml" version=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --scope) scope="${2:?--scope needs a value}"; shift 2 ;;
      --report) report="${2:?--report needs a value}"; shift 2 ;;
      --release) version="${2:?--release needs a value}"; shift 2 ;;
      *) die "coverage: unknown option '$1' (expected --scope, --report or --release)" ;;
    esac
  done
  local start manifest dir status=0
  start=$(date +%s)
  version=$(release_for coverage "$version")
  manifest="$RELEASES/$version/manifest.json"
  dir=$(run_dir)
  release_java "$version" coverage-gate --rules "$ROOT/coverage-rules.xml" --scope "$scope" --report "$report" \
    --verdict "$dir/coverage-$scope-verdict.json" \
    --baseline-dir "$VAR/coverage/$scope" --branch "${BRANCH_NAME:-$(git -C "$ROOT" rev-parse --abbrev-ref HEAD)}" \
    --commit "$(jq -r .commit "$manifest")" \
    --author-name "$(jq -r .author.name "$manifest")" --author-email "$(jq -r .author.email "$manifest")" \
    --mail-dir "$VAR/mail" --repro "./pipeline unit && ./pipeline coverage --scope $scope" || status=$?
  case "$status" in
    0) record_stage "coverage-$scope" passed "$start" "every package at or above its floor" ;;
    1) record_stage "coverage-$scope" failed "$start" "a package is below its floor"
       die "Coverage Gate failed (scope $scope); verdict: $dir/coverage-$scope-verdict.json" ;;
    *) record_stage "coverage-$scope" error "$start" "bad input (exit $status)"
       die "Coverage Gate could not run (exit $status): see the message above" ;;
  esac
}
