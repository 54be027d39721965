#!/usr/bin/env bash
# `relgraph render` at scale beside the Graphviz CLI on the same graph (issue 9).
#
# usage: Benchmarks/render.sh [--no-build] [NAMES...]
#   NAMES  any of c1000 c5000 c20000 complete2000 (default: all four)
# Graphs: Benchmarks/render-graphs.py writes them to $BENCH_DATA/render (default
# <project>/.bench-data/render, git-ignored): 1k/5k, 5k/25k and 20k/100k entities/relations
# with 80% of the ties inside groups of 1,000, and the complete graph on 2,000 nodes.
# For each graph: relgraph's own DOT export (`relgraph export --format dot`) is drawn by
# `dot -Ksfdp -Tsvg` (the Graphviz CLI, capped at $GV_LIMIT s, default 300), and
# `relgraph render -o x.svg` is timed by default and with --full. Wall time, CPU time
# (user + system, children included) and peak memory (RSS) come from /usr/bin/time.
# One run each; the machine is shared, so read ratios, not absolute times.
# Output: a markdown table on stdout, also written to Benchmarks/results/render.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DATA=${BENCH_DATA:-$ROOT/.bench-data}/render
GV_LIMIT=${GV_LIMIT:-300}
BUILD=1; NAMES=""
for a in "$@"; do
  case $a in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) NAMES="$NAMES $a" ;;
  esac
done
NAMES=${NAMES:-c1000 c5000 c20000 complete2000}
mkdir -p "$DATA" "$HERE/results"
[ -f "$DATA/complete2000.dot" ] || python3 "$HERE/render-graphs.py" "$DATA"
if [ $BUILD = 1 ]; then (cd "$ROOT" && swift build -c release --product relgraph >/dev/null); fi
RG=$ROOT/.build/release/relgraph
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT

# measure CMD... → "wall-seconds peakMB status cpu-seconds" (cpu: user + system, children included)
measure() {
  local log=$OUT/time.log status=0
  /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >"$OUT/stdout" 2>"$OUT/stderr" || status=$?
  local t m u s; read -r t m u s < <(tail -1 "$log")
  echo "$t $((m / 1024)) $status $(python3 -c "print(f'{$u + $s:.2f}')")"
}
fmt() {  # seconds MB status limit cpu
  if [ "$3" = 124 ] || [ "$3" = 137 ]; then echo "> $4 s (stopped)"; elif [ "$3" != 0 ]; then echo "exit $3 ($1 s, cpu $5 s, $2 MB)"; else echo "$1 s (cpu $5 s), $2 MB"; fi
}
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.1f}×' if b>0 else '-')" "$1" "$2"; }

TABLE="| graph | entities / relations | Graphviz CLI \`dot -Ksfdp -Tsvg\` on relgraph's DOT | relgraph render (default) | relgraph render --full | --full vs CLI (wall / cpu) |
|---|---|---|---|---|---|"
for name in $NAMES; do
  case $name in complete2000) in=$DATA/complete2000.dot ;; *) in=$DATA/$name.edges.csv ;; esac
  size=$(case $name in c1000) echo "1,000 / 5,000";; c5000) echo "5,000 / 25,000";; c20000) echo "20,000 / 100,000";; complete2000) echo "2,000 / 1,999,000";; esac)
  "$RG" export "$in" --format dot -o "$OUT/$name.dot" 2>/dev/null
  read -r gt gm gs gc < <(measure timeout -s KILL "$GV_LIMIT" dot -Ksfdp -Tsvg "$OUT/$name.dot" -o "$OUT/gv.svg")
  read -r dt dm ds dc < <(measure "$RG" render "$in" -o "$OUT/default.svg" --timeout "$GV_LIMIT")
  dnote=$(grep -o "overview of [0-9]* [a-z]*\|refused" "$OUT/stderr" | head -1 || true)
  read -r ft fm fs fc < <(measure "$RG" render "$in" -o "$OUT/full.svg" --full --timeout "$GV_LIMIT")
  fnote=$(grep -o "refused" "$OUT/stderr" | head -1 || true)
  r="-"; if [ "$gs" = 0 ] && [ "$fs" = 0 ]; then r="$(ratio "$gt" "$ft") / $(ratio "$gc" "$fc")"; elif [ "$gs" != 0 ] && [ "$fs" = 0 ]; then r="> $(ratio "$GV_LIMIT" "$ft")"; fi
  TABLE="$TABLE
| $name | $size | $(fmt "$gt" "$gm" "$gs" "$GV_LIMIT" "$gc") | $(fmt "$dt" "$dm" "$ds" "$GV_LIMIT" "$dc")${dnote:+ ($dnote)} | $(fmt "$ft" "$fm" "$fs" "$GV_LIMIT" "$fc")${fnote:+ ($fnote)} | $r |"
  echo "$name done" >&2
done
echo "$TABLE" | tee "$HERE/results/render.md"
