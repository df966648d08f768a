#!/bin/sh
# Large fleets from one place (never run by ctest): generated Gehring-Homberger
# style instances of 400 and 1,000 customers with 100 and 250 vehicles from one
# depot, each built around a plan of 40 or 100 routes that is known to be
# feasible (bench/gen_vrptw.py), solved at 30 and 60 seconds; then generated days
# of home care from one office at 100, 300 and 600 carers. Usage:
#   bench/fleet_bench.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ALLOT="$BUILD/apps/allot/allot"
OUT=${OUT:-$BUILD/fleet-bench}
HERE=$(dirname "$0")
mkdir -p "$OUT/gh400" "$OUT/gh1000"
: > "$OUT/planned.csv"
for kind in R C; do
  python3 "$HERE/gen_vrptw.py" "$OUT/gh400" --customers 400 --vehicles 100 --planned 40 --kind $kind --seed 1 >> "$OUT/planned.csv"
  python3 "$HERE/gen_vrptw.py" "$OUT/gh1000" --customers 1000 --vehicles 250 --planned 100 --kind $kind --seed 1 >> "$OUT/planned.csv"
done
for limit in 30 60; do
  for size in 400 1000; do
    "$ALLOT" bench vrptw "$OUT/gh$size" --time-limit $limit > "$OUT/gh${size}_${limit}s.csv" 2> "$OUT/gh${size}_${limit}s.log"
  done
done
for shape in "1000 100" "3000 300" "5000 600"; do
  set -- $shape
  "$ALLOT" bench day --visits $1 --carers $2 --offices 1 --seed 1 --time-limit 60 > "$OUT/day_office_$2.csv" 2> "$OUT/day_office_$2.log"
done
tail -n 1 "$OUT"/*.log
