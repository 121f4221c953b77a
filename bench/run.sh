#!/bin/sh
# Whole-process benchmark of ./ferry (JVM start included), printed as Markdown for
# docs/performance.md. The machine may be shared, so every goal is a ratio of runs made
# interleaved in this one invocation (A, B, C, D: one run of each command in turn, RUNS times),
# and absolute times are medians.
#   start  ferry --version vs java -version; ferry convert vs ferry config (10 services)
#   dclint ferry lint --format json vs dclint -f json (10 services), with the second core idle and
#          with it busy: a CPU-bound shell loop (`while :; do :; done`) runs for the whole section
#   scale  config/convert/lint/explain/chart at 1,000 and 2,000 services (2,000/1,000 ratio)
#   10k    convert, lint, chart, explain (text and --html) at 10,000 services
#   batch  one `ferry lint DIR` over ../shared/corpus ($CORPUS overrides it) vs one `ferry lint FILE`
#          per compose file
# usage: bench/run.sh [RUNS] [SECTION...]   (default: 7 runs, every section; 10k uses max(3, RUNS/2)
#        runs, or $TENK_RUNS)
# dclint is installed from npm into .cache/dclint on first use.
set -eu
set -f # commands are split into words, never globbed
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-7}
[ $# -gt 0 ] && shift
SECTIONS=${*:-start dclint scale 10k batch}
W="$ROOT/.cache/bench"
F="$ROOT/ferry"
mkdir -p "$W"
for n in 10 1000 2000 10000; do
  [ -f "$W/compose-$n.yaml" ] || python3 "$ROOT/bench/gen-compose.py" $n >"$W/compose-$n.yaml"
done
"$F" --version >/dev/null # builds the jar and the CDS archive when needed

ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
# interleave RUNS LABEL1 CMD1 LABEL2 CMD2 ...: each command once per round, after one warm-up round;
# prints "| label | median ms |" rows and leaves the medians in $M1, $M2, ...
interleave() {
  runs=$1; shift
  k=0
  while [ $# -gt 0 ]; do
    k=$((k + 1)); eval "L$k=\$1"; eval "C$k=\$2"; shift 2; : >"$W/t$k"
  done
  r=0
  while [ $r -le "$runs" ]; do
    j=1
    while [ $j -le $k ]; do
      eval "_c=\$C$j"
      t=$(ms $_c)
      [ $r -gt 0 ] && echo "$t" >>"$W/t$j"
      j=$((j + 1))
    done
    r=$((r + 1))
  done
  j=1
  while [ $j -le $k ]; do
    eval "M$j=$(median <"$W/t$j")"
    eval "printf '| %s | %s ms |\n' \"\$L$j\" \"\$M$j\""
    j=$((j + 1))
  done
}
busy_start() { sh -c 'while :; do :; done' & BUSY=$!; }
busy_stop() { kill "$BUSY" 2>/dev/null || true; wait "$BUSY" 2>/dev/null || true; }
trap 'busy_stop 2>/dev/null || true' EXIT
BUSY=

echo "bench/run.sh $RUNS on $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1)"
echo
for section in $SECTIONS; do
  case $section in
  start)
    echo "| start-up, 10 services (interleaved) | median |"
    echo "| --- | --- |"
    interleave "$RUNS" "java -version" "java -version" "ferry --version" "$F --version" \
      "ferry config" "$F config -f $W/compose-10.yaml" "ferry convert" "$F convert -f $W/compose-10.yaml"
    echo "| **ferry --version / java -version** | **$(ratio "$M2" "$M1")x** (goal <= 1.3) |"
    echo "| **ferry convert / ferry config** | **$(ratio "$M4" "$M3")x** (goal <= 1.5) |"
    echo ;;
  dclint)
    mkdir -p "$ROOT/.cache/dclint"
    if [ ! -x "$ROOT/.cache/dclint/node_modules/.bin/dclint" ]; then
      (cd "$ROOT/.cache/dclint" && npm install --no-audit --no-fund --silent dclint@3 >/dev/null)
    fi
    D="$ROOT/.cache/dclint/node_modules/.bin/dclint"
    echo "| lint, 10 services (interleaved) | median |"
    echo "| --- | --- |"
    interleave "$RUNS" "ferry lint --format json, second core idle" "$F lint --format json $W/compose-10.yaml" \
      "dclint -f json, second core idle" "$D -f json $W/compose-10.yaml"
    IDLE=$(ratio "$M1" "$M2")
    busy_start
    interleave "$RUNS" "ferry lint --format json, second core busy" "$F lint --format json $W/compose-10.yaml" \
      "dclint -f json, second core busy" "$D -f json $W/compose-10.yaml"
    busy_stop
    echo "| **ferry / dclint, idle / busy** | **${IDLE}x / $(ratio "$M1" "$M2")x** (goal <= 0.4) |"
    echo ;;
  scale)
    echo "| command (interleaved) | 1,000 services | 2,000 services | 2,000 / 1,000 |"
    echo "| --- | --- | --- | --- |"
    for cmd in config convert lint explain chart; do
      case $cmd in
        chart) a="-o $W/chart-1000 --force"; b="-o $W/chart-2000 --force" ;;
        lint) a="--fail-on never"; b="--fail-on never" ;;
        *) a=; b= ;;
      esac
      interleave "$RUNS" a "$F $cmd -f $W/compose-1000.yaml $a" b "$F $cmd -f $W/compose-2000.yaml $b" >/dev/null
      echo "| ferry $cmd | $M1 ms | $M2 ms | $(ratio "$M2" "$M1")x |"
    done
    echo "(goals at 1,000: convert <= 1200 ms, lint <= 1500 ms, explain <= 2000 ms, chart <= 2500 ms; 2,000/1,000 <= 2.2)"
    echo ;;
  10k)
    R=$((RUNS / 2)); [ $R -lt 3 ] && R=3
    R=${TENK_RUNS:-$R}
    echo "| 10,000 services (median of $R) | wall time |"
    echo "| --- | --- |"
    interleave "$R" "ferry convert" "$F convert -f $W/compose-10000.yaml" \
      "ferry lint" "$F lint --fail-on never -f $W/compose-10000.yaml" \
      "ferry chart" "$F chart -f $W/compose-10000.yaml -o $W/chart-10000 --force" \
      "ferry explain" "$F explain --color never -f $W/compose-10000.yaml" \
      "ferry explain --html" "$F explain -f $W/compose-10000.yaml --html $W/explain-10000.html"
    echo "(goal: each <= 3000 ms)"
    echo ;;
  batch)
    DIR=${CORPUS:-$ROOT/../shared/corpus}
    [ -d "$DIR" ] || DIR="$ROOT/testdata/convert"
    FILES=$(find "$DIR" \( -name 'compose.yaml' -o -name 'compose.yml' -o -name 'docker-compose.yaml' -o -name 'docker-compose.yml' \) | grep -v node_modules | sort)
    N=$(echo "$FILES" | wc -l)
    ONE=$(ms "$F" lint --format json --fail-on never "$DIR")
    s=$(date +%s%N)
    for f in $FILES; do "$F" lint --format json --fail-on never "$f" >/dev/null 2>&1 || true; done
    e=$(date +%s%N); EACH=$(( (e - s) / 1000000 ))
    echo "| $N compose files under $(basename "$DIR") | one ferry lint DIR | one ferry lint per file | speed-up |"
    echo "| --- | --- | --- | --- |"
    echo "| wall time | $ONE ms | $EACH ms | **$(ratio "$EACH" "$ONE")x** (goal >= 10) |"
    echo ;;
  *) echo "bench/run.sh: unknown section $section" >&2; exit 2 ;;
  esac
done
