# A throwaway PostgreSQL 15 cluster for pipeline tests, run as user postgres (initdb refuses
# root). Data, socket and log live in the directory given; trust auth on loopback only.
PG_BIN=/usr/lib/postgresql/15/bin

# pg_start DIR PORT: initialise (once) and start a cluster listening on 127.0.0.1:PORT.
pg_start() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  chown postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
  fi
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
}

# pg_stop DIR: stop the cluster fast (open sessions are cut).
pg_stop() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_sql PORT DATABASE SQL: run SQL as postgres, unaligned output without headers.
pg_sql() {
  psql -X -q -At -h 127.0.0.1 -p "$1" -U postgres -d "$2" -v ON_ERROR_STOP=1 -c "$3"
}
