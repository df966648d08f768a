#!/usr/bin/env bash
# Benchmark: simulate a population end to end (read the CSV, parse, score,
# aggregate) through the real CLI, and print people per second.
#   bench/ras_simulate.sh [PEOPLE] [RULEBOOK]
# Prints one machine-readable row: benchmark,people,seconds,people_per_second
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
# Best of three runs; CPU seconds (user + system) are shown too, since wall time
# suffers when other work shares the two cores.
best="" best_cpu=""
TIMEFORMAT="%R %U %S"
for run in 1 2 3; do
  read -r wall user sys < <({ time $allot ras simulate "$rulebook" "$work/population.csv" --json >"$work/report.json"; } 2>&1)
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
  if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall best_cpu=$cpu; fi
done
rate=$(awk -v s="$best" -v n="$people" 'BEGIN { printf "%.0f", n / s }')
echo "benchmark,people,wall_seconds,cpu_seconds,people_per_second"
echo "ras_simulate,$people,$best,$best_cpu,$rate"
