#!/bin/sh
# Whole-process figures for the hostile inputs of issue 17 (bench/gen-hostile.py): for each case,
# the exit code, wall time, CPU time and peak resident memory of `ferry <args>` measured by
# /usr/bin/time -v, and whether stderr holds a Java stack trace. Each run is bounded by
# `timeout 60`. Prints a Markdown table for the "Hostile inputs" section of docs/performance.md.
# usage: bench/hostile.sh [CASE...]   (default: every case)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
W="$ROOT/.cache/hostile"
rm -rf "$W" && mkdir -p "$W"
python3 "$ROOT/bench/gen-hostile.py" "$W/in"
"$ROOT/ferry" --version >/dev/null
export FERRY_NO_BUILD=1 # measure the jar built above, never a rebuild
cases=${*:-$(ls "$W/in")}
echo "| input | command | exit | wall | CPU (user+sys) | peak RSS | first line of stderr |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for c in $cases; do
  d="$W/in/$c"
  args=$(cat "$d/args")
  set +e
  (cd "$d" && env $(cat "$d/env") /usr/bin/time -v -o "$W/$c.time" timeout 60 "$ROOT/ferry" $args \
      >"$W/$c.out" 2>"$W/$c.err")
  rc=$?
  set -e
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/$c.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/$c.time")
  usr=$(sed -n 's/.*User time (seconds): //p' "$W/$c.time")
  sys=$(sed -n 's/.*System time (seconds): //p' "$W/$c.time")
  cpu=$(echo "$usr $sys" | awk '{printf "%.2f s", $1 + $2}')
  [ "$rc" = 124 ] && rc="timeout"
  trace=""
  grep -qE 'Exception|Error:|	at ' "$W/$c.err" && trace=" **(stack trace)**"
  first=$(head -c 300 "$W/$c.err" | head -n 1 | sed "s|$W/in/||g" | sed 's/|/\\|/g' | cut -c1-110)
  printf '| %s | %s | %s | %s | %s | %s MB | %s%s |\n' "$c" "$args" "$rc" "$wall" "$cpu" "$((rss / 1024))" "$first" "$trace"
done
