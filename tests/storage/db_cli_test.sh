#!/usr/bin/env bash
# allot db migrate|backup|restore|check through the real binary, on SQLite and, when
# ALLOT_TEST_POSTGRES_URL is set, on a PostgreSQL database of its own.
# Usage: db_cli_test.sh PATH_TO_ALLOT
set -euo pipefail
ALLOT=$1
WORK=$(mktemp -d /tmp/allot-db-cli.XXXXXX)
PG_DB=""
cleanup() {
  rm -rf "$WORK"
  if [[ -n "$PG_DB" ]]; then psql "$ALLOT_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# The schema version this program migrates to: the highest number among every
# capability's migration files, src/allot/storage/*/migrations/NNNN_words.sql.
LATEST=$(find "$(dirname "$0")/../../src/allot/storage" -path '*/migrations/*.sql' -printf '%f\n' |
  grep -oE '^[0-9]+' | sort -n | tail -1 | sed 's/^0*//')

failures=0
expect_exit() {  # expect_exit CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  local got=0
  "$@" >"$WORK/out" 2>&1 || got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"; cat "$WORK/out"; failures=$((failures + 1))
  fi
}
expect_output() {  # expect_output TEXT DESCRIPTION: the last command's output contains TEXT
  if ! grep -qF -- "$1" "$WORK/out"; then
    echo "FAIL: $2: output lacks \"$1\""; cat "$WORK/out"; failures=$((failures + 1))
  fi
}
expect_equal() {  # expect_equal ACTUAL EXPECTED DESCRIPTION
  if [[ "$1" != "$2" ]]; then echo "FAIL: $3: \"$1\", expected \"$2\""; failures=$((failures + 1)); fi
}

# run_suite NAME DATABASE SQL_COMMAND...: SQL_COMMAND runs one SQL statement and prints the result.
run_suite() {
  local name=$1 db=$2; shift 2
  local sql=("$@")
  echo "== $name"
  expect_exit 0 "$name: migrate creates the database" -- "$ALLOT" db migrate --database "$db"
  expect_output "schema version $LATEST" "$name: migrate"
  "${sql[@]}" "INSERT INTO agencies (code, name, kind, created_at) VALUES ('derby', 'Derby', 'council', '2026-04-01T00:00:00.000Z')" >/dev/null
  expect_exit 0 "$name: backup" -- "$ALLOT" db backup "$WORK/$name.backup" --database "$db"
  "${sql[@]}" "INSERT INTO agencies (code, name, kind, created_at) VALUES ('later', 'Later', 'provider', '2026-04-02T00:00:00.000Z')" >/dev/null
  expect_equal "$("${sql[@]}" "SELECT COUNT(*) FROM agencies")" "2" "$name: two agencies before restore"
  expect_exit 0 "$name: restore" -- "$ALLOT" db restore "$WORK/$name.backup" --database "$db"
  expect_equal "$("${sql[@]}" "SELECT code FROM agencies")" "derby" "$name: the restore brought back the backup"
  expect_exit 0 "$name: check" -- "$ALLOT" db check --database "$db"
  expect_output "schema version $LATEST: current" "$name: check"
  echo "not a backup" >"$WORK/junk"
  expect_exit 2 "$name: restoring junk is refused" -- "$ALLOT" db restore "$WORK/junk" --database "$db"
  expect_output "the database is unchanged" "$name: junk refusal"
  expect_equal "$("${sql[@]}" "SELECT code FROM agencies")" "derby" "$name: junk restore changed nothing"
  "${sql[@]}" "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00.000Z')" >/dev/null
  expect_exit 1 "$name: check reports a newer schema" -- "$ALLOT" db check --database "$db"
  expect_output "schema version 99" "$name: newer schema named"
  expect_exit 2 "$name: backup refuses a newer database" -- "$ALLOT" db backup "$WORK/$name.newer" --database "$db"
  expect_output "only up to version $LATEST" "$name: both versions named"
}

sqlite_sql() { sqlite3 "$WORK/allot.sqlite" "$1"; }
run_suite sqlite "$WORK/allot.sqlite" sqlite_sql
expect_exit 2 "sqlite: a missing database is reported" -- "$ALLOT" db check --database "$WORK/missing.sqlite"
expect_output "no such database file" "sqlite: missing database"

if [[ -n "${ALLOT_TEST_POSTGRES_URL:-}" ]]; then
  PG_DB="allot_cli_$$"
  psql "$ALLOT_TEST_POSTGRES_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
  PG_URL="${ALLOT_TEST_POSTGRES_URL%/*}/$PG_DB"
  pg_sql() { psql "$PG_URL" -qtAc "$1"; }
  run_suite postgresql "$PG_URL" pg_sql
elif [[ -n "${CI:-}" ]]; then
  echo "FAIL: ALLOT_TEST_POSTGRES_URL is not set but CI is: the PostgreSQL part must run in CI"
  failures=$((failures + 1))
else
  echo "skipped the PostgreSQL part: set ALLOT_TEST_POSTGRES_URL to run it"
fi

if [[ $failures -gt 0 ]]; then echo "$failures failure(s)"; exit 1; fi
echo "all passed"
