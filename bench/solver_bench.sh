#!/bin/sh
# Visit scheduling engine benchmarks (never run by ctest). Prints CSV rows per
# instance and a summary line per family on stderr. Usage:
#   bench/solver_bench.sh [BUILD_DIR] [SHARED_DIR]
# Families and limits follow the targets in docs/solver.md: Solomon 2 s, GH200 10 s,
# Mankowska 10/25 patients 5 s, 50-200 patients 10 s, 300 patients 60 s, and a
# generated day of 5,000 visits and 600 carers in 60 s; then the vehicles-first
# view of Solomon (2 s) and GH200 (10 s) with exact distances; one thread throughout.
set -eu
BUILD=${1:-build-solver}
SHARED=${2:-../shared}
ALLOT="$BUILD/apps/allot/allot"
OUT=${OUT:-$BUILD/solver-bench}
mkdir -p "$OUT" "$OUT/hhc_small/mankowska" "$OUT/hhc_mid/mankowska" "$OUT/hhc_large/mankowska"
cp "$SHARED/bench/hhc/bks_hhc.csv" "$OUT/"
for f in "$SHARED"/bench/hhc/mankowska/txt/*.txt; do
  case "$(basename "$f")" in
    InstanzCPLEX_HCSRP_10_*|InstanzCPLEX_HCSRP_25_*) ln -sf "$(realpath "$f")" "$OUT/hhc_small/mankowska/" ;;
    InstanzVNS_HCSRP_300_*) ln -sf "$(realpath "$f")" "$OUT/hhc_large/mankowska/" ;;
    *) ln -sf "$(realpath "$f")" "$OUT/hhc_mid/mankowska/" ;;
  esac
done
"$ALLOT" bench vrptw "$SHARED/bench/vrptw/solomon/vrplib" --time-limit 2 > "$OUT/solomon.csv" 2> "$OUT/solomon.log"
"$ALLOT" bench vrptw "$SHARED/bench/vrptw/homberger/vrplib/gh200" --time-limit 10 > "$OUT/gh200.csv" 2> "$OUT/gh200.log"
"$ALLOT" bench hhc "$OUT/hhc_small" --time-limit 5 > "$OUT/hhc_small.csv" 2> "$OUT/hhc_small.log"
"$ALLOT" bench hhc "$OUT/hhc_mid" --time-limit 10 > "$OUT/hhc_mid.csv" 2> "$OUT/hhc_mid.log"
"$ALLOT" bench hhc "$OUT/hhc_large" --time-limit 60 > "$OUT/hhc_large.csv" 2> "$OUT/hhc_large.log"
"$ALLOT" bench day --visits 5000 --carers 600 --seed 1 --time-limit 60 > "$OUT/day.csv" 2> "$OUT/day.log"
"$ALLOT" bench vrptw "$SHARED/bench/vrptw/solomon/vrplib" --vehicles-first --time-limit 2 > "$OUT/solomon_vehicles.csv" 2> "$OUT/solomon_vehicles.log"
"$ALLOT" bench vrptw "$SHARED/bench/vrptw/homberger/vrplib/gh200" --vehicles-first --time-limit 10 > "$OUT/gh200_vehicles.csv" 2> "$OUT/gh200_vehicles.log"
tail -n 1 "$OUT"/*.log
