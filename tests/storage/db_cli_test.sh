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

# run_invariants NAME DATABASE SQL_COMMAND...: the journey's invariants. Rows that
# no use case would write are put in with SQL, as a hand edit or a bug would, and
# `allot db check` names each bad row.
run_invariants() {
  local name=$1 db=$2; shift 2
  local sql=("$@")
  echo "== $name: journey invariants"
  expect_exit 0 "$name: migrate" -- "$ALLOT" db migrate --database "$db"
  expect_exit 0 "$name: an empty database holds" -- "$ALLOT" db check --database "$db"
  expect_output "journey invariants: ok (0 people, 0 support plan versions)" "$name: invariants checked"
  local details state plan
  details='{"accommodation_status":null,"address":null,"cares_for":null,"client_group":"older_people","date_of_birth":"1941-03-12","employment_status":null,"family_name":"Row","given_name":"Bad","has_unpaid_carer":null,"latitude":null,"locality":"South","longitude":null,"nhs_number":null,"postcode":null,"primary_support_reason":"physical_support_personal_care_support","team":"South adults team"}'
  # Splits that do not add up to the annual amount, and a plan version that is not kept.
  state='{"stage":"active","agreed_budget":{"annual_pence":10000,"weekly_pence":192,"one_off_pence":0,"start":"2026-04-01","review_due":"2026-05-15","plan_version":3,"indicative_annual_pence":10000,"difference_pence":0,"reason":"","decided_by":"team_manager","by_delivery":{"direct_payment":0,"individual_service_fund":0,"council_arranged":9900},"by_funding":{"council":10000,"nhs":0}}}'
  # A negative unit cost, and totals and an amount column to match it.
  plan='{"version":1,"outcomes":["To stay at home"],"lines":[{"description":"Help at home","service_component":"home_support","provider":null,"unit":"hour","unit_cost_pence":-500,"units_per_week":"1","one_off_pence":0,"delivery":"council_arranged","nhs_percent":0}],"totals":{"weekly_pence":-500,"annual_pence":-26000,"one_off_pence":0,"annual_council_pence":-26000,"annual_nhs_pence":0,"by_delivery":{"direct_payment":0,"individual_service_fund":0,"council_arranged":-26000}},"difference_from_indicative_pence":null,"created_by":"assessor","created_at":"2026-04-01T10:00:00.000Z"}'
  "${sql[@]}" "INSERT INTO people (given_name, family_name, nhs_number, client_group, locality, team, stage, cares_for, review_due, awaiting_panel, has_agreed_budget, details, state, row_version, created_at, updated_at) VALUES ('Bad', 'Row', '', 'older_people', 'South', 'South adults team', 'active', NULL, '2026-05-15', 0, 1, '$details', '$state', 1, '2026-04-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z')" >/dev/null
  "${sql[@]}" "INSERT INTO support_plans (person_id, version, document, annual_pence, created_by, created_at) VALUES (1, 1, '$plan', -26000, 'assessor', '2026-04-01T10:00:00.000Z')" >/dev/null
  expect_exit 1 "$name: bad rows fail the check" -- "$ALLOT" db check --database "$db"
  expect_output "journey invariants: " "$name: the invariants' line"
  expect_output "person 1: agreed_budget.by_delivery: adds up to 9900 (£99.00), not the annual amount 10000 (£100.00)" "$name: splits that do not add up"
  expect_output "person 1: agreed_budget.plan_version: the agreed budget names support plan version 3, which is not kept" "$name: an agreed budget backed by no plan version"
  expect_output "person 1, support plan version 1: lines[0].unit_cost_pence: must not be negative; found -500" "$name: a negative amount in a plan line"
  expect_output "person 1, support plan version 1: annual_pence (column): is negative: -26000 (-£260.00)" "$name: a negative amount column"
  expect_output "PROBLEMS FOUND" "$name: the verdict"
  # A total beyond what Allot holds is found too, without wrapping.
  "${sql[@]}" "UPDATE people SET state = REPLACE(state, '\"annual_pence\":10000', '\"annual_pence\":9223372036854775807')" >/dev/null
  expect_exit 1 "$name: an overflowing amount fails the check" -- "$ALLOT" db check --database "$db"
  expect_output "person 1: agreed_budget.annual_pence: is beyond £10,000,000,000,000.00, the most Allot holds: 9223372036854775807" "$name: an overflowing amount"
}

sqlite_sql() { sqlite3 "$WORK/allot.sqlite" "$1"; }
invariants_sql() { sqlite3 "$WORK/invariants.sqlite" "$1"; }
run_invariants sqlite "$WORK/invariants.sqlite" invariants_sql
run_suite sqlite "$WORK/allot.sqlite" sqlite_sql
expect_exit 2 "sqlite: a missing database is reported" -- "$ALLOT" db check --database "$WORK/missing.sqlite"
expect_output "no such database file" "sqlite: missing database"

if [[ -n "${ALLOT_TEST_POSTGRES_URL:-}" ]]; then
  PG_DB="allot_cli_$$"
  psql "$ALLOT_TEST_POSTGRES_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
  PG_URL="${ALLOT_TEST_POSTGRES_URL%/*}/$PG_DB"
  pg_sql() { psql "$PG_URL" -qtAc "$1"; }
  run_suite postgresql "$PG_URL" pg_sql
  PG_DB2="allot_cli_inv_$$"
  psql "$ALLOT_TEST_POSTGRES_URL" -qc "CREATE DATABASE $PG_DB2" >/dev/null
  PG_URL2="${ALLOT_TEST_POSTGRES_URL%/*}/$PG_DB2"
  pg_invariants_sql() { psql "$PG_URL2" -qtAc "$1"; }
  run_invariants postgresql "$PG_URL2" pg_invariants_sql
  psql "$ALLOT_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $PG_DB2" >/dev/null 2>&1 || true
elif [[ -n "${CI:-}" ]]; then
  echo "FAIL: ALLOT_TEST_POSTGRES_URL is not set but CI is: the PostgreSQL part must run in CI"
  failures=$((failures + 1))
else
  echo "skipped the PostgreSQL part: set ALLOT_TEST_POSTGRES_URL to run it"
fi

if [[ $failures -gt 0 ]]; then echo "$failures failure(s)"; exit 1; fi
echo "all passed"
