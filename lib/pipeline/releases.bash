# The release store (var/releases/<version>/): what a build stores, how a stage finds the
# release its run is testing, and how it runs the tools and deploy files that release carries.
# A release is never guessed from "newest on disk": the Unit Tests stage records the version it
# built in its run's directory (var/runs/<run>/release), and every later stage of the run reads
# it there; an explicit VERSION argument overrides it (for the manual commands).

# new_version BUILD_ROOT: the version of a build made now of BUILD_ROOT's HEAD,
# <UTC date>.<time>-g<commit>, plus -<worktree name> for a worktree of this checkout. The "g"
# (git describe's) is not decoration: <yyyyMMdd.HHmmss>-<digits> is Maven's timestamped
# SNAPSHOT form (maven-resolver's AbstractArtifact.SNAPSHOT_TIMESTAMP), so a commit whose first seven
# hex digits are all decimal would be installed as version SNAPSHOT and not found by the Suites.
new_version() {
  local commit; commit=$(git -C "$1" rev-parse HEAD)
  printf '%s-g%s%s\n' "$(date -u +%Y%m%d.%H%M%S)" "${commit:0:7}" "$([ "$1" = "$ROOT" ] || echo "-$(basename "$1")")"
}

# highest_migration DATABASE [ROOT]: the highest Flyway version in migrations/<database>, e.g.
# "4" for V4__add_x.sql.
highest_migration() {
  find "${2:-$ROOT}/migrations/$1" -name 'V*__*.sql' -printf '%f\n' | sed -E 's/^V([0-9._]+)__.*/\1/' |
    tr _ . | sort -V | tail -n 1
}

# tree_sha256 DIR: one SHA-256 over every file under DIR (their paths and contents), so a
# deploy tree can be checked as a whole against its manifest.
tree_sha256() {
  (cd "$1" && find . -type f ! -path '*/__pycache__/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) |
    sha256sum | cut -d' ' -f1
}

# store_release VERSION BUILD_ROOT: copy a build (made with -Drevision=VERSION under
# BUILD_ROOT, the repository or a worktree of it) into the store: its runnable jars, its
# migrations and masking rules, its deploy files (deploy/ less the inventories, which describe
# environments, not releases), each module's JaCoCo execution data (coverage/<module>/*.exec,
# for a later build that reuses this one's measurements), and manifest.json:
# {version, commit, dirty (built from uncommitted changes), author: {name, email}, built_at, sha256: {<file>.jar: hex, deploy: hex},
# migrations: {<database>: highest version}}. Every later stage deploys exactly these files.
store_release() {
  local version="$1" build="$2" dir="$RELEASES/$1" module name db exec artifacts='{}' migrations='{}' commit
  [ ! -e "$dir" ] || die "release $version is already in $RELEASES"
  commit=$(git -C "$build" rev-parse HEAD)
  rm -rf "$dir.partial"; mkdir -p "$dir.partial"
  for module in "${RELEASE_MODULES[@]}"; do
    name=$(basename "$module")
    cp "$build/$module/target/$name-$version-runnable.jar" "$dir.partial/$name.jar"
    artifacts=$(jq --arg k "$name.jar" --arg v "$(sha256sum "$dir.partial/$name.jar" | cut -d' ' -f1)" '. + {($k): $v}' <<<"$artifacts")
  done
  cp -r "$build/migrations" "$dir.partial/migrations"
  cp -r "$build/deploy" "$dir.partial/deploy"
  rm -rf "$dir.partial/deploy/inventories" "$dir.partial/deploy/tests"
  find "$dir.partial/deploy" \( -name __pycache__ -o -name .pytest_cache \) -prune -exec rm -rf {} +
  artifacts=$(jq --arg v "$(tree_sha256 "$dir.partial/deploy")" '. + {deploy: $v}' <<<"$artifacts")
  while IFS= read -r exec; do
    mkdir -p "$dir.partial/coverage/$(dirname "${exec#"$build/"}")"
    cp "$exec" "$dir.partial/coverage/${exec#"$build/"}"
  done < <(find "$build" -path "$build/var" -prune -o -path '*/target/*.exec' -type f -print)
  for db in "${DATABASES[@]}"; do
    migrations=$(jq --arg k "$db" --arg v "$(highest_migration "$db" "$build")" '. + {($k): $v}' <<<"$migrations")
  done
  jq -n --arg version "$version" --arg commit "$commit" \
    --arg author_name "$(git -C "$build" log -1 --format=%an "$commit")" \
    --arg author_email "$(git -C "$build" log -1 --format=%ae "$commit")" \
    --arg built_at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --argjson artifacts "$artifacts" --argjson migrations "$migrations" \
    --argjson dirty "$([ -z "$(git -C "$build" status --porcelain --untracked-files=normal -- . ':!var')" ] && echo false || echo true)" \
    '{version: $version, commit: $commit, dirty: $dirty, author: {name: $author_name, email: $author_email},
      built_at: $built_at, sha256: $artifacts, migrations: $migrations}' > "$dir.partial/manifest.json"
  # Whole or not at all: an interrupted store leaves only <version>.partial, never a release.
  mv "$dir.partial" "$dir"
}

# release_versions: every release in the store, oldest first (versions sort by build time).
release_versions() {
  find "$RELEASES" -mindepth 2 -maxdepth 2 -name manifest.json ! -path '*.partial/*' -printf '%h\n' 2>/dev/null |
    xargs -r -n1 basename | sort
}

# require_release VERSION: die unless the release store holds VERSION.
require_release() {
  [[ "$1" != *.partial && -f "$RELEASES/$1/manifest.json" ]] ||
    die "release '$1' is not in $RELEASES (known: $(release_versions | tr '\n' ' '))"
}

# record_run_release VERSION: this run's release is VERSION (var/runs/<run>/release).
record_run_release() {
  printf '%s\n' "$1" > "$(run_dir)/release"
}

# run_release: the release this run built (var/runs/<run>/release), or nothing.
run_release() {
  cat "$VAR/runs/$TOLLGATE_RUN/release" 2>/dev/null || true
}

# release_for COMMAND [VERSION]: VERSION when given, else this run's release; dies naming the
# run when there is neither, or when the store lacks it.
release_for() {
  local version="${2:-$(run_release)}"
  [ -n "$version" ] ||
    die "$1: run $TOLLGATE_RUN has built no release: run ./pipeline unit in this run (same TOLLGATE_RUN), or name one: ./pipeline $1 VERSION"
  require_release "$version"
  printf '%s\n' "$version"
}

# deployed_release ENV: the release ENV runs (written after each successful deploy), or nothing.
deployed_release() {
  cat "$VAR/$1/release" 2>/dev/null || true
}

# release_before VERSION: the newest release in the store older than VERSION (versions sort by
# their build time).
release_before() {
  release_versions | awk -v v="$1" '$0 < v { last = $0 } END { if (last) print last }'
}

# release_file VERSION NAME: the path of NAME (a jar, or "deploy") in release VERSION, after
# checking its SHA-256 against the release's manifest; dies naming the file and both digests
# when they differ (the store changed after the build: nothing is run).
release_file() {
  local path="$RELEASES/$1/$2" expected actual
  require_release "$1"
  expected=$(jq -r --arg k "$2" '.sha256[$k] // empty' "$RELEASES/$1/manifest.json")
  [ -n "$expected" ] || die "release $1 has no $2 in its manifest ($RELEASES/$1/manifest.json)"
  [ -e "$path" ] || die "release $1: $path is missing"
  if [ -d "$path" ]; then actual=$(tree_sha256 "$path"); else actual=$(sha256sum "$path" | cut -d' ' -f1); fi
  [ "$actual" = "$expected" ] ||
    die "release $1: $path has SHA-256 $actual, its manifest says $expected (changed after the build; nothing was run)"
  printf '%s\n' "$path"
}

# release_java VERSION TOOL [ARGS...]: run TOOL.jar of release VERSION (checked, see release_file).
release_java() {
  local jar
  jar=$(release_file "$1" "$2.jar") || return 1
  shift 2
  java -jar "$jar" "$@"
}

# play ENV VERSION PLAYBOOK [ARGS...]: run PLAYBOOK of release VERSION's own deploy files
# (checked, see release_file) against ENV's inventory (deploy/inventories/ENV of this
# checkout), with release_version=VERSION, at niceness PLAY_NICE (default 0, see niced). A
# rollback therefore deploys an old release with the roles it was tested with.
play() {
  local env="$1" version="$2" playbook="$3" deploy
  shift 3
  check_inventory "$env"
  deploy=$(release_file "$version" deploy) || return 1
  (cd "$deploy" && ANSIBLE_CONFIG="$deploy/ansible.cfg" \
    niced "${PLAY_NICE:-0}" ansible-playbook -i "$ROOT/deploy/inventories/$env" "$playbook" \
      -e tollgate_var="$VAR" -e release_version="$version" "$@")
}
