#!/usr/bin/env bash
# Times `relgraph extract` (the whole command, release build) on a text of about 1 MB.
#
# usage: Benchmarks/extract.sh [--no-build] [SIZE_BYTES]
# The text is built in $BENCH_DATA (default <project>/.bench-data, git-ignored) by
# repeating the three original texts of Tests/Fixtures/extract and, when present,
# ../shared/corpus/trotsky-stalin.txt, each copy's names left as they are (so coreference
# and the name index grow as they would on a long book). Target (issue 12): under 5 s.
# No peer tool proposes typed ties from text, so there is no peer column; the table
# gives the time, the throughput and the ratio to the 5 s budget.
# Output: a markdown table, also written to Benchmarks/results/extract.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DATA=${BENCH_DATA:-$ROOT/.bench-data}
BUILD=1; SIZE=1048576
for a in "$@"; do
  case $a in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) SIZE=$a ;;
  esac
done
mkdir -p "$DATA" "$HERE/results"
if [ $BUILD = 1 ]; then (cd "$ROOT" && swift build -c release --product relgraph >/dev/null); fi
BIN="$ROOT/.build/release/relgraph"
TEXT="$DATA/extract-$SIZE.txt"
if [ ! -f "$TEXT" ]; then
  SOURCES=("$ROOT"/Tests/Fixtures/extract/*.txt)
  CORPUS="$ROOT/../shared/corpus/trotsky-stalin.txt"
  [ -f "$CORPUS" ] && SOURCES+=("$CORPUS")
  : > "$TEXT.tmp"
  while [ "$(stat -c %s "$TEXT.tmp")" -lt "$SIZE" ]; do
    for f in "${SOURCES[@]}"; do cat "$f" >> "$TEXT.tmp"; printf '\n\n' >> "$TEXT.tmp"; done
  done
  head -c "$SIZE" "$TEXT.tmp" > "$TEXT"; rm -f "$TEXT.tmp"
fi
BYTES=$(stat -c %s "$TEXT")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # label, args...
  local label=$1; shift
  local times=()
  for i in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$BIN" extract "$TEXT" "$@" -o "$DATA/extract-out.yaml" 2>"$DATA/extract-note.txt"
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  local m; m=$(printf '%s\n' "${times[@]}" | median)
  printf '| %s | %.2f s | %.2f MB/s | %.1f× under budget | %s |\n' "$label" "$m" "$(echo "$BYTES / 1048576 / $m" | bc -l)" \
    "$(echo "5 / $m" | bc -l)" "$(sed 's/; wrote.*//' "$DATA/extract-note.txt")"
}
{
  echo "Text: $BYTES bytes ($(wc -w < "$TEXT") words), $(nproc) cores, $(date -u +%Y-%m-%d)."
  echo
  echo "| command | median of 3 | throughput | vs 5 s budget | found |"
  echo "|---|---|---|---|---|"
  run "relgraph extract TEXT -o c.yaml"
  run "relgraph extract TEXT --known Graphs/trotsky-stalin.yaml -o c.yaml" --known "$ROOT/Graphs/trotsky-stalin.yaml"
} | tee "$HERE/results/extract.md"
