#!/usr/bin/env bash
# Runs one scenario file through the real CLI and compares the result.
#
# A scenario file:
#   # description: one line saying what it shows
#   command: allot ras score data/rulebooks/example-adults.json tests/scenarios/data/x.json
#   exit: 0
#   stderr-contains: a line that must appear in stderr (any number of these)
#   stdout-contains: a line that must appear in stdout (any number of these)
#   ----
#   the exact expected standard output (optional: leave out the ---- to skip)
# Commands run in the source folder with bash; "allot" runs the binary under test,
# and $TMP names a fresh temporary folder.
set -uo pipefail
allot_bin=$1 source_dir=$2 scenario=$3
cd "$source_dir" || exit 1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

command_line=$(sed -n 's/^command: //p' "$scenario" | head -1)
expected_exit=$(sed -n 's/^exit: //p' "$scenario" | head -1)
[[ -n "$command_line" && -n "$expected_exit" ]] || { echo "scenario $scenario needs command: and exit: lines"; exit 1; }
command_line=${command_line//\$TMP/$TMP}
# `allot` inside the command line (also after && or |) runs the binary under test.
ALLOT_BIN=$allot_bin bash -c 'allot() { "$ALLOT_BIN" "$@"; }; '"$command_line" >"$TMP/stdout" 2>"$TMP/stderr" </dev/null
actual_exit=$?
# Temporary paths in the output are written $TMP in expected output.
sed -i "s#$TMP#\$TMP#g" "$TMP/stdout" "$TMP/stderr"
failed=0
if [[ $actual_exit != "$expected_exit" ]]; then
  echo "exit code: expected $expected_exit, got $actual_exit"
  failed=1
fi
while IFS= read -r wanted; do
  grep -qF -- "$wanted" "$TMP/stderr" || { echo "stderr lacks: $wanted"; failed=1; }
done < <(sed -n 's/^stderr-contains: //p' "$scenario")
while IFS= read -r wanted; do
  grep -qF -- "$wanted" "$TMP/stdout" || { echo "stdout lacks: $wanted"; failed=1; }
done < <(sed -n 's/^stdout-contains: //p' "$scenario")
if grep -q '^----$' "$scenario"; then
  sed '1,/^----$/d' "$scenario" >"$TMP/expected"
  if ! diff -u "$TMP/expected" "$TMP/stdout" >"$TMP/diff"; then
    echo "stdout differs from the expected output:"
    cat "$TMP/diff"
    failed=1
  fi
fi
if ((failed)); then
  echo "--- command: $command_line"
  echo "--- stderr:"; cat "$TMP/stderr"
  exit 1
fi
echo "ok: $(sed -n 's/^# description: //p' "$scenario" | head -1)"
