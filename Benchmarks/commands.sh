#!/usr/bin/env bash
# Whole commands, process start to exit: relgraph beside Python scripts doing the
# same job end to end with igraph and NetworkX (Benchmarks/commands/peer.py), on
# the 1M-edge graph of ../shared/bench (M) written as a CSV edge list
# (source,target,weight; 100k entities). Wall time and peak memory (max RSS)
# from /usr/bin/time, one run each, all in this one run. Then `check` and `info`
# on a 20k-entity / 100k-relation YAML graph with evidence (Y.yaml, written by
# Benchmarks/commands/gen_yaml.py) beside PyYAML's C loader only parsing it.
#
# usage: Benchmarks/commands.sh [--no-build] [--no-networkx]
# Output: a markdown table on stdout, also written to Benchmarks/results/commands.md;
# raw lines in Benchmarks/results/commands.tsv.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${BENCH_SHARED:-$(cd "$ROOT/.." && pwd)/shared/bench}
export BENCH_DATA=${BENCH_DATA:-$ROOT/.bench-data}
PY=${PYTHON:-python3}
BUILD=1; NX=1
for a in "$@"; do
  case $a in
    --no-build) BUILD=0 ;;
    --no-networkx) NX=0 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
  esac
done
RES=$HERE/results
OUT=$BENCH_DATA/commands-out
mkdir -p "$BENCH_DATA" "$RES" "$OUT"
[ -f "$BENCH_DATA/M_undirected.tsv" ] || "$PY" "$SHARED/gen.py" M
CSV=$BENCH_DATA/M.edges.csv
if [ ! -f "$CSV" ]; then
  { echo source,target,weight; awk -F'\t' '{print $1","$2","$4}' "$BENCH_DATA/M_undirected.tsv"; } > "$CSV"
fi
"$PY" -c 'import igraph, networkx' 2>/dev/null || "$PY" -m pip install -q igraph networkx
if [ $BUILD = 1 ]; then (cd "$ROOT" && swift build -c release --product relgraph >&2); fi
BIN=$ROOT/.build/release/relgraph
# Two entities the path is asked between: the first two of the 100 fixed pairs.
read -r FROM TO < <(head -1 "$BENCH_DATA/M_pairs.tsv" | tr '\t' ' ')

TSV=$RES/commands.tsv
: > "$TSV"
# run LABEL TOOL CMD...: one timed run; records seconds and peak MB.
run() {
  local label=$1 tool=$2; shift 2
  local log; log=$(mktemp)
  if /usr/bin/time -f '%e %M %U %S' -o "$log" "$@" > /dev/null 2>"$log.err"; then
    read -r secs kb user sys < "$log"
    cpu=$(echo "$user + $sys" | bc)
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$tool" "$secs" "$((kb / 1024))" "$cpu" >> "$TSV"
    printf '%-10s %-9s %7.2f s (cpu %6.2f s) %6d MB\n' "$label" "$tool" "$secs" "$cpu" "$((kb / 1024))" >&2
  else
    printf '%s\t%s\tfailed\t-\t-\n' "$label" "$tool" >> "$TSV"
    echo "$label $tool failed: $(tail -3 "$log.err")" >&2
  fi
  rm -f "$log" "$log.err"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
run check   relgraph "$BIN" check "$CSV"
run info    relgraph "$BIN" info "$CSV"
run info    igraph   "$PY" "$HERE/commands/peer.py" igraph info "$CSV"
run rank    relgraph "$BIN" rank "$CSV" --by pagerank --top 3
run rank    igraph   "$PY" "$HERE/commands/peer.py" igraph rank "$CSV"
run path    relgraph "$BIN" path "$CSV" "$FROM" "$TO"
run path    igraph   "$PY" "$HERE/commands/peer.py" igraph path "$CSV" "$FROM" "$TO"
run dot     relgraph "$BIN" export "$CSV" --format dot -o "$OUT/m.dot"
run dot     igraph   "$PY" "$HERE/commands/peer.py" igraph dot "$CSV" "$OUT/m-igraph.dot"
run graphml relgraph "$BIN" export "$CSV" --format graphml -o "$OUT/m.graphml"
run graphml igraph   "$PY" "$HERE/commands/peer.py" igraph graphml "$CSV" "$OUT/m-igraph.graphml"
if [ $NX = 1 ]; then
  for job in info rank path dot graphml; do
    case $job in
      path) run $job networkx "$PY" "$HERE/commands/peer.py" networkx path "$CSV" "$FROM" "$TO" ;;
      dot|graphml) run $job networkx "$PY" "$HERE/commands/peer.py" networkx $job "$CSV" "$OUT/m-nx.$job" ;;
      *) run $job networkx "$PY" "$HERE/commands/peer.py" networkx $job "$CSV" ;;
    esac
  done
fi
YAML=$BENCH_DATA/Y.yaml
[ -f "$YAML" ] || "$PY" "$HERE/commands/gen_yaml.py" "$YAML"
"$PY" -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || "$PY" -m pip install -q pyyaml
run ycheck  relgraph "$BIN" check "$YAML"
run ycheck  pyyaml   "$PY" "$HERE/commands/yaml_parse.py" "$YAML"
run yinfo   relgraph "$BIN" info "$YAML"
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)

"$PY" - "$TSV" "$LOAD0" "$LOAD1" <<'PY' | tee "$RES/commands.md"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = {}
for label, tool, secs, mb, cpu in rows:
    by[(label, tool)] = (secs, mb, cpu)
names = {"check": "`relgraph check M.edges.csv`", "info": "`relgraph info M.edges.csv`",
         "rank": "`relgraph rank M.edges.csv --by pagerank --top 3`", "path": "`relgraph path M.edges.csv A B`",
         "dot": "`relgraph export M.edges.csv --format dot -o m.dot`",
         "graphml": "`relgraph export M.edges.csv --format graphml -o m.graphml`"}
def cell(k):
    v = by.get(k)
    if not v: return "—"
    if v[0] == "failed": return "failed"
    return f"{float(v[0]):.2f} s (CPU {float(v[2]):.2f} s), {v[1]} MB"
def ratio(k):
    r, p = by.get((k[0], "relgraph")), by.get(k)
    if not r or not p or "failed" in (r[0], p[0]): return ""
    return f" — {float(p[0]) / float(r[0]):.1f}× wall, {float(p[2]) / float(r[2]):.1f}× CPU"
yrows = [("ycheck", "`relgraph check Y.yaml`"), ("yinfo", "`relgraph info Y.yaml`")]
print(f"One run, 1M-edge CSV (M: 100k entities), load average {sys.argv[2]} before, {sys.argv[3]} after.")
print("Ratio = peer time / relgraph time (above 1: relgraph is faster); wall = elapsed, CPU = user + system.\n")
print("| command (whole process) | relgraph | igraph (Python script) | NetworkX (Python script) |")
print("|---|---|---|---|")
for label in ["check", "info", "rank", "path", "dot", "graphml"]:
    print(f"| {names[label]} | {cell((label, 'relgraph'))} | {cell((label, 'igraph'))}{ratio((label, 'igraph'))} "
          f"| {cell((label, 'networkx'))}{ratio((label, 'networkx'))} |")
print()
print("YAML graph, 20k entities / 100k relations with evidence (Y.yaml, "
      "Benchmarks/commands/gen_yaml.py), same run. The peer only parses the file.\n")
print("| command (whole process) | relgraph | PyYAML C loader (`yaml.load(f, Loader=yaml.CSafeLoader)`), parse only |")
print("|---|---|---|")
for label, name in yrows:
    peer = cell((label, "pyyaml")) + ratio((label, "pyyaml")) if (label, "pyyaml") in by else "—"
    print(f"| {name} | {cell((label, 'relgraph'))} | {peer} |")
PY
