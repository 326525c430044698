# Helpers for tests that drive ./pipeline against the local environments.
ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
PIPELINE="$ROOT/pipeline"
PRODUCTION_PG=15432
STAGING_PG=15433

latest_release() { ls "$ROOT/var/releases" | sort | tail -n 1; }

# psql_at PORT DATABASE SQL: one value (or rows) from a cluster of the local environments.
psql_at() { psql -X -At -h 127.0.0.1 -p "$1" -U postgres -d "$2" -c "$3"; }

# production_checksum: a digest of every row of production's databases (pg_dump
# --data-only, less the random \restrict keys newer pg_dump versions write).
production_checksum() {
  for db in payments fraud vault; do
    pg_dump --data-only --no-owner -h 127.0.0.1 -p "$PRODUCTION_PG" -U postgres "$db"
  done | grep -v '^\\\(un\)\?restrict ' | sha256sum | cut -d' ' -f1
}

# derive_release NAME: a copy of the newest release under a name that sorts before every
# real one (so it never becomes "the newest"), printed; tests then change its migrations to
# stage a bad release without rebuilding.
derive_release() {
  local source; source=$(latest_release)
  local target="00000000.000000-$1"
  rm -rf "$ROOT/var/releases/$target"
  cp -r "$ROOT/var/releases/$source" "$ROOT/var/releases/$target"
  jq --arg v "$target" '.version = $v' "$ROOT/var/releases/$source/manifest.json" > "$ROOT/var/releases/$target/manifest.json"
  echo "$target"
}
