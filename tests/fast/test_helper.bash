# Shared by tests/fast/*.bats: every test gets a throwaway var/ (TOLLGATE_VAR) and run, and
# calls the pipeline's own functions by sourcing ./pipeline (which then runs nothing), each
# call in a bash of its own so that `die` ends that call, not the test.
ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
PIPELINE="$ROOT/pipeline"

setup() {
  export TOLLGATE_VAR="$BATS_TEST_TMPDIR/var" TOLLGATE_RUN=fast-test
  mkdir -p "$TOLLGATE_VAR"
}

# fn FUNCTION [ARGS...]: FUNCTION of the pipeline (with the options ./pipeline sets), as a command.
fn() {
  bash -c 'source "$1"; shift; "$@"' fn "$PIPELINE" "$@"
}

# fake_release VERSION: a release in the throwaway store, as store_release leaves one: a jar
# per release module, a deploy tree, and a manifest with their SHA-256.
fake_release() {
  local dir="$TOLLGATE_VAR/releases/$1" module name sums='{}'
  mkdir -p "$dir/deploy/roles" "$dir/migrations"
  echo "- hosts: all" > "$dir/deploy/site.yml"
  for module in $(jq -r '.release_modules[]' "$ROOT/pipeline.json"); do
    name=$(basename "$module")
    echo "$1 $name" > "$dir/$name.jar"
    sums=$(jq --arg k "$name.jar" --arg v "$(sha256sum "$dir/$name.jar" | cut -d' ' -f1)" '. + {($k): $v}' <<<"$sums")
  done
  sums=$(jq --arg v "$(fn tree_sha256 "$dir/deploy")" '. + {deploy: $v}' <<<"$sums")
  jq -n --arg v "$1" --argjson s "$sums" '{version: $v, commit: "0000000", dirty: false, sha256: $s}' > "$dir/manifest.json"
}
