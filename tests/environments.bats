#!/usr/bin/env bats
# The local environments (./pipeline up, status, down) and the Staging Deploy stage:
# a masked copy of production, migrations on the copy, a health-gated deploy, and production
# never written to.

load lib/environments

setup_file() {
  export TOLLGATE_SEED_SIZE=5MB
  mkdir -p "$ROOT/tests/target"
  ensure_up "$ROOT/tests/target/environments-up.log"
}

# Tests below stop production's cluster and break inventories; whatever they leave down is
# stood up again (ensure_up: up, unless every instance and cluster already serves).
teardown_file() {
  ensure_up "$ROOT/tests/target/environments-teardown-up.log"
}

@test "up stands up every instance on its environment's release, healthy and UP in HAProxy" {
  run "$PIPELINE" status
  [ "$status" -eq 0 ]
  # Each environment runs the release it was last deployed (var/<env>/release): production's
  # seven instances and the verification runner, staging's three, the bank sandbox.
  [ "$(grep -c "^production .* $(cat "$ROOT/var/production/release") " <<<"$output")" -eq 8 ]
  [ "$(grep -c "^staging .* $(cat "$ROOT/var/staging/release") " <<<"$output")" -eq 3 ]
  [ "$(grep -c "^bank .* $(cat "$ROOT/var/bank/release") " <<<"$output")" -eq 1 ]
  [ "$(grep -E '^(production|staging) ' <<<"$output" | grep -c ' UP$')" -eq 10 ]
  grep -q '^bank  *bank-sandbox  *127.0.0.1:8090' <<<"$output"
  grep -q '^production  *prod-verification  *127.0.0.1:8099' <<<"$output"
}

@test "a second up changes nothing" {
  run "$PIPELINE" up
  [ "$status" -eq 0 ]
  grep -q 'PLAY RECAP' <<<"$output"
  run grep -E 'changed=[1-9]' <<<"$output"
  [ "$status" -eq 1 ]
}

@test "production is seeded with the NULLs and duplicates real data has" {
  [ "$(psql_at "$PRODUCTION_PG" payments "select count(*) from debits")" -gt 1000 ]
  [ "$(psql_at "$PRODUCTION_PG" payments "select count(*) from debits where description is null")" -gt 0 ]
  [ "$(psql_at "$PRODUCTION_PG" payments "select count(*) from cards where holder_name is null")" -gt 0 ]
  [ "$(psql_at "$PRODUCTION_PG" payments "select count(*) - count(distinct name) from marketplaces")" -gt 0 ]
}

@test "HAProxy's admin socket is open to root and the deploy group only, at level admin" {
  [ "$(stat -c '%a %G' "$ROOT/var/production/haproxy/admin.sock")" = "660 tollgate-deploy" ]
  run bash -c "echo 'show servers state payments' | socat stdio unix-connect:$ROOT/var/production/haproxy/admin.sock"
  [ "$status" -eq 0 ]
  [ "$(grep -c prod-payments- <<<"$output")" -eq 3 ]
}

@test "staging deploys the release on a masked copy of production, and production is untouched" {
  pause_verification
  before=$(production_checksum)
  run "$PIPELINE" staging "$(latest_release)"
  [ "$status" -eq 0 ]
  [ "$(production_checksum)" = "$before" ]
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from debits")" = "$(psql_at "$PRODUCTION_PG" payments "select count(*) from debits")" ]
  # Masked: no production email, holder name, fingerprint or ciphertext survives on staging.
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from marketplaces where email not like '%@example.invalid'")" -eq 0 ]
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from cards where holder_name <> 'Masked Holder'")" -eq 0 ]
  [ "$(psql_at "$STAGING_PG" vault "select count(*) from cards where number_ciphertext <> decode(repeat('00', octet_length(number_ciphertext)), 'hex')")" -eq 0 ]
  fingerprint=$(psql_at "$PRODUCTION_PG" payments "select fingerprint from cards order by id limit 1")
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from cards where fingerprint = '$fingerprint'")" -eq 0 ]
  # NULLs stay NULL, so migrations meet production's data.
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from cards where holder_name is null")" = "$(psql_at "$PRODUCTION_PG" payments "select count(*) from cards where holder_name is null")" ]
  [ "$(curl -fsS http://127.0.0.1:8081/health | jq -r .version)" = "$(latest_release)" ]
}

@test "the next copy rewrites the one before in place: a file the mirror lacks goes, every row is the mirror's" {
  spare="$ROOT/var/staging/postgres/data.copy"
  # The Staging Deploy above left the data its copy replaced beside staging's cluster. Spoil
  # it: a stray file, every relation file over 64 kB cut to nothing, a catalog file garbled.
  [ -f "$spare/PG_VERSION" ]
  touch "$spare/base/stray_test_file"
  find "$spare/base" -type f -size +64k -exec truncate -s 0 {} +
  head -c 8192 /dev/urandom > "$spare/global/pg_control"
  pause_verification
  run copy_production
  [ "$status" -eq 0 ]
  [ "$(sed -n 's/^ *removed: \([0-9]*\)$/\1/p' <<<"$output")" -gt 0 ]
  [ ! -e "$ROOT/var/staging/postgres/data/base/stray_test_file" ]
  for table in "payments debits" "payments cards" "vault cards" "fraud checks"; do
    # shellcheck disable=SC2086 # "database table", split in two
    set -- $table
    digest="select md5(string_agg(t::text, ',' order by t::text)) from $2 t"
    [ "$(psql_at "$STAGING_PG" "$1" "$digest")" = "$(psql_at "$MIRROR_PG" "$1" "$digest")" ]
  done
  [ "$(curl -fsS http://127.0.0.1:8081/health | jq -r .status)" = UP ]
}

@test "a base backup never writes over a running cluster, naming its data directory" {
  staging_debits=$(psql_at "$STAGING_PG" payments "select count(*) from debits")
  run env ANSIBLE_CONFIG="$ROOT/deploy/ansible.cfg" ansible localhost -c local \
    -M "$ROOT/deploy/roles/masked_copy/library" -m local_basebackup \
    -a "source_data_dir=$ROOT/var/staging/mirror/data source='host=127.0.0.1 port=$MIRROR_PG user=postgres' dest=$ROOT/var/staging/postgres/data"
  [ "$status" -ne 0 ]
  # (Ansible's YAML output wraps long messages: compare with the line breaks taken out.)
  [[ "$(tr -s ' \n' ' ' <<<"$output")" == *"dest $ROOT/var/staging/postgres/data is the data directory of a running cluster (postmaster pid "* ]]
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from debits")" = "$staging_debits" ]
}

@test "the masked mirror follows production: a row production writes arrives masked, a row it deletes goes" {
  id="mkt_mirror_test_$$"
  psql_at "$PRODUCTION_PG" payments "insert into marketplaces (id, name, email, api_key_hash) values ('$id', 'Mirror test', 'owner@real.example', 'hash-$id')"
  token=$(psql_at "$PRODUCTION_PG" vault "select token from cards where holder_name is not null and position('''' in holder_name) = 0 order by token limit 1")
  holder=$(psql_at "$PRODUCTION_PG" vault "select holder_name from cards where token = '$token'")
  psql_at "$PRODUCTION_PG" vault "update cards set holder_name = 'Renamed Holder' where token = '$token'"
  mirror_caught_up
  [ "$(psql_at "$MIRROR_PG" payments "select email || ' ' || api_key_hash from marketplaces where id = '$id'")" = \
    "marketplace-$id@example.invalid $(printf 'masked-api-key-%s' "$id" | sha256sum | cut -d' ' -f1)" ]
  # The update arrives masked, and the card keeps the pseudonym it had (not masked twice).
  [ "$(psql_at "$MIRROR_PG" vault "select holder_name from cards where token = '$token'")" = "Masked Holder" ]
  [ "$(psql_at "$MIRROR_PG" vault "select fingerprint from cards where token = '$token'")" = \
    "$(printf 'masked-fingerprint-%s' "$(psql_at "$PRODUCTION_PG" vault "select fingerprint from cards where token = '$token'")" | sha256sum | cut -d' ' -f1)" ]
  psql_at "$PRODUCTION_PG" payments "delete from marketplaces where id = '$id'"
  psql_at "$PRODUCTION_PG" vault "update cards set holder_name = '$holder' where token = '$token'"
  mirror_caught_up
  [ "$(psql_at "$MIRROR_PG" payments "select count(*) from marketplaces where id = '$id'")" -eq 0 ]
}

@test "a table without a replica identity is refused before production publishes it, naming it" {
  psql_at "$PRODUCTION_PG" fraud "create table no_identity_test (note text)"
  run "$PIPELINE" up production
  psql_at "$PRODUCTION_PG" fraud "drop table no_identity_test"
  [ "$status" -ne 0 ]
  [[ "$output" == *"database fraud: table(s) no_identity_test have no"* ]]
}

@test "staging leaves itself as it was when production's database is unreachable" {
  staging_debits=$(psql_at "$STAGING_PG" payments "select count(*) from debits")
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl stop -m fast -D "$ROOT/var/production/postgres/data"
  run "$PIPELINE" staging "$(latest_release)"
  "$PIPELINE" up production > "$ROOT/tests/target/environments-up-again.log" 2>&1
  [ "$status" -ne 0 ]
  [[ "$output" == *"Staging Deploy failed while copying production's databases to staging"* ]]
  [ "$(psql_at "$STAGING_PG" payments "select count(*) from debits")" = "$staging_debits" ]
  [ "$(curl -fsS http://127.0.0.1:8081/health | jq -r .status)" = UP ]
}

@test "an unknown environment is refused, naming the known ones" {
  run "$PIPELINE" up nowhere
  [ "$status" -ne 0 ]
  [[ "$output" == *"unknown environment 'nowhere' (known: bank production staging)"* ]]
}

@test "a malformed inventory is refused, naming its file and line, before anything changes" {
  broken="$ROOT/deploy/inventories/broken-test"
  rm -rf "$broken"; cp -r "$ROOT/deploy/inventories/staging" "$broken"
  # A host line indented with a tab: a YAML error on line 18 of hosts.yml.
  sed -i 's/^        staging-lb:/\tstaging-lb:/' "$broken/hosts.yml"
  staging_pid=$(cat "$ROOT/var/staging/instances/staging-payments-1/service.pid")
  run "$PIPELINE" up staging broken-test
  rm -rf "$broken"
  [ "$status" -ne 0 ]
  [[ "$output" == *"deploy/inventories/broken-test/hosts.yml"* ]]
  [[ "$output" == *"hosts.yml: line 18, column 1: found character '\t' that cannot start any token"* ]]
  [[ "$output" != *"up: staging on"* ]]
  [ ! -e "$ROOT/var/broken-test" ]
  [ "$(cat "$ROOT/var/staging/instances/staging-payments-1/service.pid")" = "$staging_pid" ]
}

@test "an unknown release is refused with the list of known ones" {
  run "$PIPELINE" staging 19990101.000000-nothing
  [ "$status" -ne 0 ]
  [[ "$output" == *"release '19990101.000000-nothing' is not in"* ]]
  [[ "$output" == *"$(latest_release)"* ]]
}
