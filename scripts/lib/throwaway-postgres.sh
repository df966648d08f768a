# Starts a PostgreSQL 15 cluster in a temporary folder on a free loopback port and
# exports ALLOT_TEST_POSTGRES_URL. initdb refuses root, so it runs as postgres.
PGBIN=/usr/lib/postgresql/15/bin

start_throwaway_postgres() {
  ALLOT_PG_DIR=$(mktemp -d /tmp/allot-pg.XXXXXX)
  chown postgres:postgres "$ALLOT_PG_DIR"
  local port
  # The first port from 55432 on which nothing answers.
  port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  local as_postgres=(runuser -u postgres --)
  [[ $(id -u) -ne 0 ]] && as_postgres=()
  "${as_postgres[@]}" "$PGBIN/initdb" -D "$ALLOT_PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$ALLOT_PG_DIR/initdb.log"
  "${as_postgres[@]}" "$PGBIN/pg_ctl" -D "$ALLOT_PG_DIR/data" -l "$ALLOT_PG_DIR/server.log" -w \
    -o "-p $port -k $ALLOT_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE allot_test' >/dev/null
  export ALLOT_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/allot_test"
  export ALLOT_PG_AS_POSTGRES="${as_postgres[*]}"
  echo "test: PostgreSQL on $ALLOT_TEST_POSTGRES_URL"
}

stop_throwaway_postgres() {
  [[ -n "${ALLOT_PG_DIR:-}" ]] || return 0
  $ALLOT_PG_AS_POSTGRES "$PGBIN/pg_ctl" -D "$ALLOT_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$ALLOT_PG_DIR"
}
