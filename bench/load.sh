#!/usr/bin/env bash
# Load benchmark (issues 13 and 14): a council of PEOPLE people on loopback, 64
# concurrent clients (wrk, 2 threads), each run bounded in time. Measures:
#   score        the public calculator (POST .../score, no sign-in)
#   record       a person's record, signed in, every read audited (group commit)
#   timeline     a person's timeline, signed in, audited (the demo's people, who have events)
#   plan_save    a support plan draft saved (PUT .../drafts/plan), a write transaction each
#   monitoring   monthly monitoring of the demo's pooled budget
#   record_idle  the record read again while IDLE idle connections stay open
# and then verifies the audit chain through GET /api/v1/audit/verify.
#
#   bench/load.sh [sqlite|postgres] [SECONDS] [PEOPLE] [IDLE]
# Prints machine-readable rows:
#   load,backend,case,connections,requests,per_second,p50_ms,p99_ms,max_ms,errors,load_average
# PostgreSQL: a throwaway server (loopback, fsync on) is started and stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
seconds=${2:-10}
people=${3:-10000}
idle=${4:-300}
connections=64
allot=build/apps/allot/allot
loader=build/bench/load_council_bench
[[ -x $allot && -x $loader ]] || { echo "build first: cmake --build build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
server_pid=""
pg_dir=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [[ -n $pg_dir ]]; then
    ${as_postgres:-} /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $backend == postgres ]]; then
  pg_dir=$(mktemp -d /tmp/allot-load-pg.XXXXXX)
  as_postgres=""
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$pg_dir"; as_postgres="runuser -u postgres --"; fi
  pg_port=56432
  while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  $as_postgres /usr/lib/postgresql/15/bin/initdb -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # Durable: fsync and synchronous_commit on, as a real deployment runs.
  $as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE allot_load' >/dev/null
  database="postgresql://postgres@127.0.0.1:$pg_port/allot_load"
else
  database="$work/allot.sqlite"
fi

export ALLOT_DEMO_PASSWORD=load-test-password
$allot serve --demo --database "$database" --port 0 --web-root "$work" --clock-start 2026-11-22T09:00:00.000Z \
  >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(grep -o 'listening on http://[^:/]*:[0-9]*' "$work/server.out" 2>/dev/null | grep -o '[0-9]*$' || true)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port"

grown=$($loader "$database" "$people")
first_id=$(echo "$grown" | sed -n 's/.*first_id=\([0-9]*\).*/\1/p')
last_id=$(echo "$grown" | sed -n 's/.*last_id=\([0-9]*\).*/\1/p')
echo "# $grown" >&2

token_for() {
  curl -sf -X POST "$base/api/v1/session" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$ALLOT_DEMO_PASSWORD\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
assessor=$(token_for assessor)
finance=$(token_for finance_officer)
dpo=$(token_for data_protection_officer)
[[ -n $assessor && -n $finance && -n $dpo ]] || { echo "sign-in failed" >&2; exit 1; }
budget=$(curl -sf "$base/api/v1/budgets" -H "Authorization: Bearer $finance" | grep -o '"id":[0-9]*' | head -1 | grep -o '[0-9]*')
demo_last=$((first_id - 1))

export LOAD_DIR="$PWD/bench/load" LOAD_THREADS=2
echo "load,backend,case,connections,requests,per_second,p50_ms,p99_ms,max_ms,errors,load_average"
run() {  # case script [env...]
  local name=$1 script=$2
  shift 2
  local row
  row=$(env "$@" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "bench/load/$script" "$base" | grep '^ROW,' | cut -d, -f2-)
  echo "load,$backend,$name,$connections,$row,$(cut -d' ' -f1 /proc/loadavg)"
}
answers='{"answers":{"personal_care":"some","eating_drinking":"prompting","mobility":"some","household":"some","relationships":"some","community":"some","work_learning":"none","safety":"some","decisions":"none","night":"none","family_support":"some"}}'
run score score.lua LOAD_PATH=/api/v1/rulebooks/example-adults/versions/1/score LOAD_BODY="$answers"
run record read.lua LOAD_TOKEN="$assessor" LOAD_FIRST_ID="$first_id" LOAD_LAST_ID="$last_id"
run timeline read.lua LOAD_TOKEN="$assessor" LOAD_FIRST_ID=1 LOAD_LAST_ID="$demo_last" LOAD_PATH_SUFFIX=/timeline
run plan_save plan_save.lua LOAD_TOKEN="$assessor" LOAD_FIRST_ID="$first_id" LOAD_LAST_ID="$last_id"
if [[ -n $budget ]]; then
  run monitoring get.lua LOAD_TOKEN="$finance" LOAD_PATH="/api/v1/budgets/$budget/monitoring"
fi
# Hundreds of idle connections (opened, a partial request sent, then silent) must
# delay no one.
python3 bench/load/idle_connections.py 127.0.0.1 "$port" "$idle" $((seconds + 5)) &
idle_pid=$!
sleep 2
run "record_idle$idle" read.lua LOAD_TOKEN="$assessor" LOAD_FIRST_ID="$first_id" LOAD_LAST_ID="$last_id"
kill "$idle_pid" 2>/dev/null || true
wait "$idle_pid" 2>/dev/null || true

verify=$(curl -sf "$base/api/v1/audit/verify" -H "Authorization: Bearer $dpo")
echo "# audit chain after the run: $(echo "$verify" | grep -o '"ok":[a-z]*'), $(echo "$verify" | grep -o '"entries":[0-9]*')" >&2
echo "$verify" | grep -q '"ok":true' || { echo "the audit chain does not verify: $verify" >&2; exit 1; }
