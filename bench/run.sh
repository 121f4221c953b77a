#!/bin/sh
# Whole-process benchmark of ./ferry: median wall time of RUNS runs per command (after one
# warm-up run that also creates the CDS archive). Prints a Markdown table for docs/performance.md.
# usage: bench/run.sh [RUNS]   (default 7)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-7}
W="$ROOT/.cache/bench"
mkdir -p "$W"
python3 "$ROOT/bench/gen-compose.py" 10 >"$W/compose-10.yaml"
python3 "$ROOT/bench/gen-compose.py" 1000 >"$W/compose-1000.yaml"
"$ROOT/ferry" --version >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
bench() { # label, env, args...
  label=$1; envs=$2; shift 2
  env $envs "$ROOT/ferry" "$@" >/dev/null 2>&1 || true
  i=0; : >"$W/times"
  while [ $i -lt "$RUNS" ]; do
    s=$(date +%s%N); env $envs "$ROOT/ferry" "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo "$(( (e - s) / 1000000 ))" >>"$W/times"; i=$((i + 1))
  done
  printf '| %s | %s ms |\n' "$label" "$(median <"$W/times")"
}
echo "| command | median wall time |"
echo "| --- | --- |"
for cmd in config convert lint explain; do
  if "$ROOT/ferry" help "$cmd" >/dev/null 2>&1; then
    bench "ferry $cmd, 10 services" "X=1" "$cmd" -f "$W/compose-10.yaml"
    bench "ferry $cmd, 10 services, no CDS" "FERRY_NO_CDS=1" "$cmd" -f "$W/compose-10.yaml"
    bench "ferry $cmd, 1000 services" "X=1" "$cmd" -f "$W/compose-1000.yaml"
  fi
done
if "$ROOT/ferry" help chart >/dev/null 2>&1; then
  bench "ferry chart, 10 services" "X=1" chart -f "$W/compose-10.yaml" -o "$W/chart-10" --force
  bench "ferry chart, 1000 services" "X=1" chart -f "$W/compose-1000.yaml" -o "$W/chart-1000" --force
fi
bench "ferry --version (JVM start + CLI only)" "X=1" --version
