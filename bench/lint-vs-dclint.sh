#!/bin/sh
# Whole-process lint benchmark, ferry against dclint, in one run on one machine:
#  1. a 10-service file: `ferry lint --format json` vs `dclint -f json` (median of RUNS runs each,
#     alternating, after a warm-up);
#  2. a directory of projects (../shared/corpus when present, else testdata/convert): one
#     `ferry lint DIR` invocation vs one `ferry lint FILE` per project.
# dclint is installed from npm into .cache/dclint on first use. Prints Markdown for docs/performance.md.
# usage: bench/lint-vs-dclint.sh [RUNS]   (default 7)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-7}
W="$ROOT/.cache/bench"
mkdir -p "$W" "$ROOT/.cache/dclint"
if [ ! -x "$ROOT/.cache/dclint/node_modules/.bin/dclint" ]; then
  (cd "$ROOT/.cache/dclint" && npm install --no-audit --no-fund --silent dclint@3 >/dev/null)
fi
DCLINT="$ROOT/.cache/dclint/node_modules/.bin/dclint"
python3 "$ROOT/bench/gen-compose.py" 10 >"$W/lint-10.yaml"
"$ROOT/ferry" --version >/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }

"$ROOT/ferry" lint --format json "$W/lint-10.yaml" >/dev/null 2>&1 || true
"$DCLINT" -f json "$W/lint-10.yaml" >/dev/null 2>&1 || true
: >"$W/t-ferry"; : >"$W/t-dclint"
i=0
while [ $i -lt "$RUNS" ]; do
  s=$(now); "$ROOT/ferry" lint --format json "$W/lint-10.yaml" >/dev/null 2>&1 || true; e=$(now)
  echo $(( (e - s) / 1000000 )) >>"$W/t-ferry"
  s=$(now); "$DCLINT" -f json "$W/lint-10.yaml" >/dev/null 2>&1 || true; e=$(now)
  echo $(( (e - s) / 1000000 )) >>"$W/t-dclint"
  i=$((i + 1))
done
F=$(median <"$W/t-ferry"); D=$(median <"$W/t-dclint")
echo "| 10-service file | ferry lint --format json | dclint -f json | ratio |"
echo "| --- | --- | --- | --- |"
echo "| median of $RUNS | $F ms | $D ms | $(awk "BEGIN {printf \"%.2f\", $F / $D}")x |"
echo

if [ -d "$ROOT/../shared/corpus" ]; then DIR="$ROOT/../shared/corpus"; else DIR="$ROOT/testdata/convert"; fi
FILES=$(find "$DIR" -name 'compose.yaml' -o -name 'compose.yml' -o -name 'docker-compose.yaml' -o -name 'docker-compose.yml' | grep -v node_modules | sort)
N=$(echo "$FILES" | wc -l)
s=$(now); "$ROOT/ferry" lint --format json --fail-on never "$DIR" >/dev/null 2>&1 || true; e=$(now); ONE=$(( (e - s) / 1000000 ))
s=$(now)
for f in $FILES; do "$ROOT/ferry" lint --format json --fail-on never "$f" >/dev/null 2>&1 || true; done
e=$(now); EACH=$(( (e - s) / 1000000 ))
echo "| $N compose files under $(basename "$DIR") | one ferry lint DIR | one ferry lint per file |"
echo "| --- | --- | --- |"
echo "| wall time | $ONE ms | $EACH ms |"
