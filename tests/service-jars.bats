#!/usr/bin/env bats
# Each service starts from its release jar with only environment variables, answers /health,
# serves the payment flows against a real PostgreSQL cluster migrated by migration-check,
# refuses bad configuration with exit 2, and stops on SIGTERM with exit 0.
#
# Needs: a release in var/releases (./pipeline unit): the one production runs, with its own
# migration-check jar and migrations.

load lib/postgres

PG_PORT=15499
BANK=18090 FRAUD=18091 VAULT=18092 PAYMENTS=18093

setup_file() {
  export ROOT="$BATS_TEST_DIRNAME/.."
  export WORK="$ROOT/var/test/service-jars"
  RELEASE="$ROOT/var/releases/$(cat "$ROOT/var/production/release")"
  export RELEASE
  export MIGRATE_JAR="$RELEASE/migration-check.jar"
  rm -rf "$WORK"; mkdir -p "$WORK"
  pg_start "$WORK/pg" "$PG_PORT"
  for db in fraud vault payments; do
    pg_sql "$PG_PORT" postgres "create database $db"
    java -jar "$MIGRATE_JAR" migrate --url "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" --user postgres \
      --locations "$RELEASE/migrations/$db" >"$WORK/migrate-$db.log"
  done
  start bank-sandbox "$BANK"
  start fraud "$FRAUD" DATABASE_URL="$(jdbc fraud)"
  start vault "$VAULT" DATABASE_URL="$(jdbc vault)" BANK_URL="http://127.0.0.1:$BANK" \
    VAULT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
  start payments "$PAYMENTS" DATABASE_URL="$(jdbc payments)" FRAUD_URL="http://127.0.0.1:$FRAUD" \
    VAULT_URL="http://127.0.0.1:$VAULT" VERIFICATION_TOKEN=smoke-token
  for port in $BANK $FRAUD $VAULT $PAYMENTS; do wait_healthy "$port"; done
}

teardown_file() {
  for pid in "$WORK"/*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
  pg_stop "$WORK/pg"
}

jdbc() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1"; }

# start SERVICE PORT [VAR=VALUE...]: the release jar in the background, env only.
start() {
  local service="$1" port="$2"; shift 2
  env -i PATH="$PATH" HTTP_HOST=127.0.0.1 HTTP_PORT="$port" DATABASE_USER=postgres "$@" \
    java -jar "$RELEASE/$service.jar" >"$WORK/$service.log" 2>&1 &
  echo $! >"$WORK/$service-$port.pid"
}

wait_healthy() {
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service on port $1 never became healthy" >&2; return 1
}

# api METHOD PATH [BODY]: call payments with the marketplace's key; prints "STATUS BODY".
api() {
  curl -sS -o "$WORK/body" -w '%{http_code}' -X "$1" "http://127.0.0.1:$PAYMENTS$2" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' ${3:+-d "$3"} ${IDEMPOTENCY_KEY:+-H "Idempotency-Key: $IDEMPOTENCY_KEY"}
}

signup() {
  KEY=$(curl -fsS -X POST "http://127.0.0.1:$PAYMENTS/v1/marketplaces" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1\", \"test\": true}" | jq -r .api_key)
  [[ "$KEY" == sk_* ]]
}

card() {
  [ "$(api POST /v1/cards "{\"number\": \"$1\", \"expiry_month\": 12, \"expiry_year\": 2099, \"csc\": \"123\"}")" = 201 ]
  jq -r .id "$WORK/body"
}

@test "every service answers /health with its name and the release's version" {
  version=$(jq -r .version "$RELEASE/manifest.json")
  for pair in bank-sandbox:$BANK fraud:$FRAUD vault:$VAULT payments:$PAYMENTS; do
    run curl -fsS "http://127.0.0.1:${pair#*:}/health"
    [ "$status" -eq 0 ]
    [ "$(jq -r .service <<<"$output")" = "${pair%%:*}" ]
    [ "$(jq -r .version <<<"$output")" = "$version" ]
  done
}

@test "a debit on an approved card succeeds and can be refunded in part and in full" {
  signup smoke-refunds
  card_id=$(card 4242424242424242)
  [ "$(api POST /v1/debits "{\"card_id\": \"$card_id\", \"amount\": 5000, \"currency\": \"USD\"}")" = 201 ]
  debit_id=$(jq -r .id "$WORK/body")
  [ "$(jq -r .status "$WORK/body")" = succeeded ]
  [ "$(api POST "/v1/debits/$debit_id/refunds" '{"amount": 2000}')" = 201 ]
  [ "$(api POST "/v1/debits/$debit_id/refunds" '{"amount": 3001}')" = 409 ]
  [ "$(jq -r .code "$WORK/body")" = refund_exceeds_debit ]
  [ "$(api POST "/v1/debits/$debit_id/refunds" '{}')" = 201 ]
  [ "$(jq -r .amount "$WORK/body")" = 3000 ]
  [ "$(api GET "/v1/debits/$debit_id")" = 200 ]
  [ "$(jq -r .refunded_amount "$WORK/body")" = 5000 ]
}

@test "the bank's decline and a CSC mismatch come back as 402 with their codes" {
  signup smoke-declines
  declined=$(card 4000000000000002)
  [ "$(api POST /v1/debits "{\"card_id\": \"$declined\", \"amount\": 1000, \"currency\": \"USD\"}")" = 402 ]
  [ "$(jq -r .code "$WORK/body")" = card_declined ]
  mismatch=$(card 4000000000000127)
  [ "$(api POST /v1/debits "{\"card_id\": \"$mismatch\", \"amount\": 1000, \"currency\": \"USD\"}")" = 402 ]
  [ "$(jq -r .code "$WORK/body")" = csc_check_failed ]
}

@test "a retried debit with the same Idempotency-Key returns the first result" {
  signup smoke-idempotency
  card_id=$(card 5555555555554444)
  IDEMPOTENCY_KEY=retry-1
  [ "$(api POST /v1/debits "{\"card_id\": \"$card_id\", \"amount\": 700, \"currency\": \"EUR\"}")" = 201 ]
  first=$(jq -r .id "$WORK/body")
  [ "$(api POST /v1/debits "{\"card_id\": \"$card_id\", \"amount\": 700, \"currency\": \"EUR\"}")" = 201 ]
  [ "$(jq -r .id "$WORK/body")" = "$first" ]
  unset IDEMPOTENCY_KEY
  [ "$(api GET '/v1/debits?limit=100')" = 200 ]
  [ "$(jq '.data | length' "$WORK/body")" = 1 ]
}

@test "no card number is stored by payments or in clear by the vault, nor logged" {
  [ "$(pg_sql "$PG_PORT" payments "select count(*) from cards")" -gt 0 ]
  run bash -c "pg_dump -h 127.0.0.1 -p $PG_PORT -U postgres payments; pg_dump -h 127.0.0.1 -p $PG_PORT -U postgres vault; cat $WORK/*.log"
  [ "$status" -eq 0 ]
  [[ "$output" == *"tok_"* ]]
  [[ "$output" != *4242424242424242* ]]
}

@test "a service without its database URL exits 2 naming the variable" {
  run env -i PATH="$PATH" HTTP_PORT=18099 java -jar "$RELEASE/fraud.jar"
  [ "$status" -eq 2 ]
  [[ "$output" == *"DATABASE_URL is not set"* ]]
}

@test "a service whose database is not migrated exits 2 and says so" {
  pg_sql "$PG_PORT" postgres "create database payments_unmigrated"
  run env -i PATH="$PATH" HTTP_PORT=18099 DATABASE_URL="$(jdbc payments_unmigrated)" DATABASE_USER=postgres \
    FRAUD_URL=http://127.0.0.1:1 VAULT_URL=http://127.0.0.1:1 java -jar "$RELEASE/payments.jar"
  [ "$status" -eq 2 ]
  [[ "$output" == *"not migrated"* ]]
}

@test "SIGTERM stops a service gracefully with exit status 0" {
  start bank-sandbox 18098
  pid=$(cat "$WORK/bank-sandbox-18098.pid")
  wait_healthy 18098
  kill -TERM "$pid"
  wait "$pid"
}
