#!/bin/sh
# Large fleets from one place (never run by ctest). Usage:
#   bench/fleet_bench.sh [BUILD_DIR]
# 1. Generated Gehring-Homberger style instances (bench/gen_vrptw.py; the
#    published GH 400/1000 files are not in shared/bench): 400 customers with 100
#    vehicles and 1,000 with 250, from one depot, R and C kinds, seeds 1 and 2,
#    each built around a feasible plan of 40 or 100 routes (planned.csv). The
#    30 s and 60 s runs go side by side, one per core, in one run of this script.
# 2. Provider days built around a plan that does every visit (bench day --planned):
#    100, 200 and 300 carers from one or three offices, 60 s each.
# 3. Iterations per CPU second as the fleet grows (generated days from one office,
#    100, 300 and 600 carers): two iteration-limited runs each, so that the rate
#    (extra iterations over extra CPU seconds) leaves the construction out.
set -eu
BUILD=${1:-build}
ALLOT="$BUILD/apps/allot/allot"
OUT=${OUT:-$BUILD/fleet-bench}
HERE=$(dirname "$0")
load() { cut -d' ' -f1-3 /proc/loadavg; }
mkdir -p "$OUT/gh400" "$OUT/gh1000"
for size in 400 1000; do
  echo "instance,customers,vehicles,planned_routes,planned_distance" > "$OUT/gh$size/planned.csv"
done
for seed in 1 2; do
  for kind in R C; do
    python3 "$HERE/gen_vrptw.py" "$OUT/gh400" --customers 400 --vehicles 100 --planned 40 --kind $kind --seed $seed >> "$OUT/gh400/planned.csv"
    python3 "$HERE/gen_vrptw.py" "$OUT/gh1000" --customers 1000 --vehicles 250 --planned 100 --kind $kind --seed $seed >> "$OUT/gh1000/planned.csv"
  done
done
echo "large instances from $(date -u +%H:%M), load $(load)" > "$OUT/load.log"
for limit in 30 60; do
  (for size in 400 1000; do
     "$ALLOT" bench vrptw "$OUT/gh$size" --time-limit $limit > "$OUT/gh${size}_${limit}s.csv" 2> "$OUT/gh${size}_${limit}s.log"
     echo "gh$size ${limit}s done $(date -u +%H:%M), load $(load)" >> "$OUT/load.log"
   done) &
done
wait
for shape in "1000 100 1" "3000 200 3" "5000 300 1"; do
  set -- $shape
  "$ALLOT" bench day --planned --visits $1 --carers $2 --offices $3 --seed 1 --time-limit 60 \
    > "$OUT/planned_$2.csv" 2> "$OUT/planned_$2.log"
  echo "planned $1/$2 done $(date -u +%H:%M), load $(load)" >> "$OUT/load.log"
done
echo "shape,iterations,user_seconds,load" > "$OUT/speed.csv"
for shape in "833 100" "2500 300" "5000 600"; do
  set -- $shape
  for iterations in 1000 3000; do
    /usr/bin/time -f "%U" -o "$OUT/time.txt" "$ALLOT" bench day --visits $1 --carers $2 --offices 1 --seed 1 \
      --iterations $iterations > /dev/null 2>&1 || true
    echo "$1 visits/$2 carers,$iterations,$(cat "$OUT/time.txt"),$(load)" >> "$OUT/speed.csv"
  done
done
cat "$OUT/load.log"
tail -n 1 "$OUT"/*.log
cat "$OUT/speed.csv"
