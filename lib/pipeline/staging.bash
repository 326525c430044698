# The Staging Deploy and Suites stages: staging becomes a masked copy of production, the
# run's release is migrated and deployed there, and the suites run against it.

# Usage: ./pipeline staging [VERSION]
# Summary: Staging Deploy stage: masked copy of production, migrations on the copy, deploy
# Copies production's databases to staging (masked), validates production's applied
# migrations against the release, migrates the staging copy (a migration that would fail in
# production fails here), then deploys the release to staging, health-gated. Production is
# only read. VERSION defaults to the run's release.
cmd_staging() {
  cmd_bootstrap
  local start version live db
  start=$(date +%s)
  version=$(release_for staging "${1:-}")
  live=$(deployed_release production)
  [ -n "$live" ] || die "staging: production is not up; run ./pipeline up first"
  # The masked mirror follows production's release: its migrations and masking rules match
  # the schema being copied. Then staging becomes a copy of the mirror, as of now.
  step staging "$start" "copying production's databases to staging, masked (the mirror catches up)" \
    play staging "$live" mirror.yml
  step staging "$start" "copying production's databases to staging, masked" play staging "$version" copy_production.yml
  for db in "${DATABASES[@]}"; do
    step staging "$start" "validating production's $db history against $version" \
      release_java "$version" migration-check validate --url "$(jdbc_url production "$db")" --user postgres \
      --locations "$RELEASES/$version/migrations/$db"
  done
  for db in "${DATABASES[@]}"; do
    step staging "$start" "migrating staging's copy of $db" \
      release_java "$version" migration-check migrate --url "$(jdbc_url staging "$db")" --user postgres \
      --locations "$RELEASES/$version/migrations/$db"
  done
  for db in "${DATABASES[@]}"; do
    step staging "$start" "checking that every table of $db can be published to the mirror" \
      publishable "$(inventory_var staging postgres_port)" "$db"
  done
  step staging "$start" "deploying $version to staging" play staging "$version" deploy.yml
  printf '%s\n' "$version" > "$VAR/staging/release"
  record_stage staging passed "$start" "$version deployed to staging on a masked copy of production"
  say "Staging Deploy: $version is live on staging"
}

# publishable PORT DATABASE: fails naming DATABASE's tables that have no replica identity
# (production publishes every table to the masked mirror, and PostgreSQL refuses UPDATE and
# DELETE on a published table without one: "Replica Identity" in the logical replication
# chapter of PostgreSQL's documentation).
publishable() {
  local tables
  tables=$(psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" \
    -f "$ROOT/deploy/roles/publication/files/unidentified_tables.sql" | paste -sd, | sed 's/,/, /g')
  [ -z "$tables" ] || {
    echo "database $2: table(s) $tables have no replica identity; production publishes every table to the masked mirror and would refuse their UPDATEs and DELETEs: give each a primary key, or REPLICA IDENTITY USING INDEX, in the migration" >&2
    return 1
  }
}

# suite_release: the release the suites test: the run's, which staging must be running (dies
# naming both when another run has deployed staging since); outside a run, staging's.
suite_release() {
  local version staging
  version=$(run_release); staging=$(deployed_release staging)
  [ -n "$staging" ] || die "suite: staging runs no release; run ./pipeline staging first"
  [ -z "$version" ] || [ "$version" = "$staging" ] ||
    die "suite: run $TOLLGATE_RUN tests $version, but staging runs $staging (another run deployed it since); nothing was run"
  printf '%s\n' "$staging"
}

# Usage: ./pipeline suite NAME
# Summary: one suite against staging: client, acceptance-server or acceptance (pipeline.json)
# client and acceptance-server: over HTTP through staging's public HAProxy; acceptance: every
# service in one JVM, then the coverage gate on the acceptance scope. Its log goes to the
# run's directory; prints its result and duration; on failure names the failed tests.
cmd_suite() {
  local name="${1:-}" args reports version dir start status=0 token
  [ -n "$name" ] || die "suite: name a suite (${SUITES[*]})"
  jq -e --arg s "$name" '.suites | has($s)' "$ROOT/pipeline.json" >/dev/null ||
    die "suite: unknown suite '$name' (known: ${SUITES[*]})"
  mapfile -t args < <(jq -r --arg s "$name" '.suites[$s].maven[]' "$ROOT/pipeline.json")
  reports="$BUILD/$(jq -r --arg s "$name" '.suites[$s].reports' "$ROOT/pipeline.json")"
  version=$(suite_release)
  dir=$(run_dir)
  start=$(date +%s)
  token=$(cat "$VAR/staging/secrets/verification_token" 2>/dev/null || true)
  # An earlier run's reports must not speak for this one.
  rm -rf "$reports"
  (cd "$BUILD" && TARGET_URL="$(public_url staging)" VERIFICATION_TOKEN="$token" mvn_ verify "${args[@]}" -Drevision="$version") \
    > "$dir/suite-$name.log" 2>&1 || status=$?
  mkdir -p "$dir/junit/$name"
  cp "$reports"/TEST-*.xml "$dir/junit/$name/" 2>/dev/null || true
  # A suite that ran no test proved nothing: it fails (a skipTests left on, a profile that
  # selects no test class).
  if [ "$status" -eq 0 ] && [[ "$(junit_counts "$dir/junit/$name")" == "0 tests"* ]]; then
    echo "suite $name ran no tests (no JUnit XML in $reports)" >> "$dir/suite-$name.log"
    status=1
  fi
  if [ "$status" -eq 0 ] && [ "$name" = acceptance ]; then
    # The in-memory run measured the whole stack: gate it on the acceptance scope.
    cmd_coverage --scope acceptance --release "$version" \
      --report "$BUILD/acceptance/target/acceptance/site/jacoco-acceptance/jacoco.xml" \
      > "$dir/suite-$name-coverage.log" 2>&1 || status=$?
    cat "$dir/suite-$name-coverage.log" >> "$dir/suite-$name.log"
  fi
  if [ "$status" -eq 0 ]; then
    record_stage "suite-$name" passed "$start" "$(junit_counts "$dir/junit/$name")"
    printf '  %-18s passed  %4ss  %s\n' "$name" "$(( $(date +%s) - start ))" "$(junit_counts "$dir/junit/$name")"
  else
    record_stage "suite-$name" failed "$start" "failed: $(junit_failures "$dir/junit/$name" | tr '\n' ' ')"
    printf '  %-18s FAILED  %4ss  log: %s\n' "$name" "$(( $(date +%s) - start ))" "$dir/suite-$name.log"
    grep -h "ran no tests" "$dir/suite-$name.log" | sed 's/^/      /' || true
    junit_failures "$dir/junit/$name" | sed 's/^/      /'
    grep -h -A2 "Coverage gate FAILED" "$dir/suite-$name-coverage.log" 2>/dev/null | sed 's/^/      /' || true
    return 1
  fi
}

# Usage: ./pipeline suites
# Summary: Suites stage: every suite in parallel against staging (acceptance ends with its coverage gate)
# The stage fails if any suite fails, naming it and its failed tests.
cmd_suites() {
  cmd_bootstrap
  local start name failed=() longest=0 took wall
  declare -A pids
  start=$(date +%s)
  run_dir >/dev/null
  say "Suites: ${SUITES[*]} in parallel against staging ($(suite_release))"
  for name in "${SUITES[@]}"; do
    cmd_suite "$name" & pids[$name]=$!
  done
  for name in "${SUITES[@]}"; do
    wait "${pids[$name]}" || failed+=("$name")
  done
  wall=$(( $(date +%s) - start ))
  for name in "${SUITES[@]}"; do
    took=$(jq -r .duration_s "$VAR/runs/$TOLLGATE_RUN/suite-$name.json")
    [ "$took" -gt "$longest" ] && longest=$took
  done
  printf '  wall %ss, longest suite %ss, ratio %s (target <= 1.25)\n' "$wall" "$longest" \
    "$(echo "scale=2; $wall / ($longest + (${longest} == 0))" | bc)"
  if [ ${#failed[@]} -gt 0 ]; then
    record_stage suites failed "$start" "failed suites: ${failed[*]}"
    die "Suites failed: ${failed[*]} (logs in $VAR/runs/$TOLLGATE_RUN/)"
  fi
  record_stage suites passed "$start" "all suites passed in ${wall}s"
}
