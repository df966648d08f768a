#!/usr/bin/env bash
# Benchmark: simulate a population end to end (read the CSV, parse, score,
# aggregate) through the real CLI on one thread and on every core, and the same
# computation in pandas (bench/ras_simulate_pandas.py), checked to give the same
# report, side by side.
#   bench/ras_simulate.sh [PEOPLE] [RULEBOOK]
# Prints machine-readable rows: benchmark,people,wall_seconds,cpu_seconds,people_per_second
# Needs Debian's python3-pandas for the pandas row (skipped, and said so, without it).
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
rulebook=${2:-data/rulebooks/example-adults.json}
allot=build/apps/allot/allot
[[ -x $allot ]] || { echo "build first: scripts/setup" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$allot gen population --rulebook "$rulebook" --people "$people" --seed 1 --out "$work/population.csv"
# Warm the page cache so the figure measures the program, not the disk.
cat "$work/population.csv" >/dev/null

# Best of three runs of a command; CPU seconds (user + system) are shown too,
# since wall time suffers when other work shares the cores.
best_of_three() {
  local name=$1 output=$2
  shift 2
  local best="" best_cpu="" wall user sys cpu
  TIMEFORMAT="%R %U %S"
  for run in 1 2 3; do
    read -r wall user sys < <({ time "$@" >"$output"; } 2>&1)
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall best_cpu=$cpu; fi
  done
  echo "$name,$people,$best,$best_cpu,$(awk -v s="$best" -v n="$people" 'BEGIN { printf "%.0f", n / s }')"
}

echo "benchmark,people,wall_seconds,cpu_seconds,people_per_second"
best_of_three ras_simulate_1_thread "$work/one.json" $allot ras simulate "$rulebook" "$work/population.csv" --json --threads 1
best_of_three "ras_simulate_$(nproc)_threads" "$work/all.json" $allot ras simulate "$rulebook" "$work/population.csv" --json
cmp -s "$work/one.json" "$work/all.json" || { echo "one thread and $(nproc) threads disagree" >&2; exit 1; }
# Debian's python3-pandas belongs to /usr/bin/python3, which another python3 on PATH may hide.
python=python3
/usr/bin/python3 -c 'import pandas' 2>/dev/null && python=/usr/bin/python3
if $python -c 'import pandas' 2>/dev/null; then
  best_of_three pandas "$work/pandas.json" $python bench/ras_simulate_pandas.py "$rulebook" "$work/population.csv"
  $python -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
    "$work/pandas.json" "$work/all.json" || { echo "pandas and allot disagree" >&2; exit 1; }
  echo "# pandas and allot gave the same report"
else
  echo "# pandas is not installed (apt-get install python3-pandas): no pandas row"
fi
