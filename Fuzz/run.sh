#!/usr/bin/env bash
# Builds one libFuzzer target per parser (-sanitize=fuzzer,address) and runs each
# for FUZZ_SECONDS seconds, seeded from Tests/Fixtures. Fails on any crash, leak
# report or timeout. Used by `make fuzz`; not part of `make test`.
#   Fuzz/run.sh [SECONDS] [TARGET...]      e.g. Fuzz/run.sh 60 GraphML DOT
# With FUZZ_RUNS=N, each target runs instead until N executions, in fresh processes
# of FUZZ_CHUNK executions (300,000 by default): a libFuzzer process here slows down
# several times over a million inputs, a fresh one on the same corpus does not.
# Leaks are then checked by LeakSanitizer at the end of every process (all inputs
# since its start), not after each input.
#   FUZZ_RUNS=10000000 Fuzz/run.sh 0 DOT
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
shift || true
ALL=(YAMLGraph RelgraphJSON NodeLinkJSON CSVPair FixtureCSV GraphML GEXF DOT PartialDate NameLookup)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
SWIFT=${SWIFT:-swift}
OUT=.build-fuzz
mkdir -p "$OUT"
CONFIG=release

# 1. The library modules, instrumented for coverage and AddressSanitizer
#    (FUZZ_SKIP_BUILD=1 reuses the targets already built, e.g. for a second runner).
[ "${FUZZ_SKIP_BUILD:-0}" = 1 ] || for t in GraphFormats GraphvizRendering; do
  "$SWIFT" build --build-path "$OUT" -c "$CONFIG" --sanitize address \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link --target "$t" >"$OUT/build.log" 2>&1 \
    || { cat "$OUT/build.log"; echo "fuzz: building $t failed"; exit 1; }
done
BIN="$OUT/$CONFIG"
MODULES="$BIN/Modules"; [ -d "$MODULES" ] || MODULES="$BIN"
OBJECTS=$(find "$BIN"/GraphModel.build "$BIN"/GraphFormats.build "$BIN"/GraphvizRendering.build \
  "$BIN"/Yams.build "$BIN"/CYaml.build -name '*.o' | sort)
GVLIBS=$(pkg-config --libs libgvc)

# 2. One executable per target, libFuzzer's main.
mkdir -p "$OUT/targets"
[ "${FUZZ_SKIP_BUILD:-0}" = 1 ] || for t in "${TARGETS[@]}"; do
  swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name "Fuzz$t" \
    -I "$MODULES" -Xcc -fmodule-map-file=Sources/CGraphviz/module.modulemap \
    -Xcc -fmodule-map-file="$(find "$OUT/checkouts/Yams/Sources/CYaml" -name module.modulemap | head -1)" \
    -I "$OUT/checkouts/Yams/Sources/CYaml/include" \
    Fuzz/FuzzSupport.swift "Fuzz/$t.swift" $OBJECTS $GVLIBS -o "$OUT/targets/$t" \
    || { echo "fuzz: compiling target $t failed"; exit 1; }
done

# 3. Seeds from the fixtures, by the format each target reads.
seeds() {
  case $1 in
    YAMLGraph) find Tests/Fixtures Graphs -name '*.yaml' ;;
    RelgraphJSON|NodeLinkJSON) find Tests/Fixtures -name '*.json' ;;
    CSVPair|FixtureCSV) find Tests/Fixtures -name '*.csv' ;;
    GraphML) find Tests/Fixtures -name '*.graphml' ;;
    GEXF) find Tests/Fixtures -name '*.gexf' ;;
    DOT) find Tests/Fixtures -name '*.dot' -o -name '*.gv' ;;
    PartialDate) printf '%s\n' 1940 1940-08 1940-08-20 -0044 0000-02-29 1900-02-29 2000-02-29 ;;
    NameLookup) printf '%s\n' trotsky "Leon Trotsky" "ramon mercader" "frank jacson" leon koba ;;
  esac
}

# 4. Run. A crash, leak or timeout leaves an artifact and a non-zero status.
# No allocation stack traces (malloc_context_size=0): half again as many inputs a
# second (AddressSanitizer unwinds the stack at every allocation otherwise). A
# crash is still caught; run the target on its artifact with the default
# ASAN_OPTIONS to see where the memory came from.
# 6 GB of memory: swift-corelibs-foundation's XMLParser leaks a little with every
# libxml2 error (suppressed in lsan.supp), which over millions of GraphML or GEXF
# inputs adds up past 2.5 GB (an "out-of-memory" after 2.6M inputs that no single
# input reproduces).
# fuzz_once TARGET LOG OPTION... runs one libFuzzer process; prints its executions.
fuzz_once() {
  local t=$1 log=$2; shift 2
  ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}" \
  LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" \
  "$OUT/targets/$t" "$OUT/corpus/$t" -timeout=20 -rss_limit_mb=6144 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" "$@" >"$log" 2>&1
  local rc=$?
  grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1
  return $rc
}

STATUS=0
RUNS_EACH=${FUZZ_RUNS:-}
CHUNK=${FUZZ_CHUNK:-300000}
printf '%-14s %14s %10s %s\n' target executions seconds result
for t in "${TARGETS[@]}"; do
  corpus="$OUT/corpus/$t"; mkdir -p "$corpus" "$OUT/artifacts"
  case $t in
    PartialDate|NameLookup) i=0; while IFS= read -r s; do printf '%s' "$s" >"$corpus/seed$i"; i=$((i+1)); done < <(seeds "$t") ;;
      *) while IFS= read -r f; do [ -s "$f" ] && [ "$(stat -c %s "$f")" -lt 16384 ] && cp "$f" "$corpus/"; done < <(seeds "$t") ;;
  esac
  log="$OUT/$t.log"
  started=$(date +%s)
  if [ -z "$RUNS_EACH" ]; then
    execs=$(fuzz_once "$t" "$log" -max_total_time="$SECONDS_EACH"); rc=$?
  else
    execs=0; rc=0
    while [ "$execs" -lt "$RUNS_EACH" ] && [ $rc -eq 0 ]; do
      left=$((RUNS_EACH - execs))
      n=$(fuzz_once "$t" "$log" -runs=$((left < CHUNK ? left : CHUNK)) -detect_leaks=0); rc=$?
      execs=$((execs + ${n:-0}))
      # A process that ran nothing would loop for ever.
      [ "${n:-0}" -gt 0 ] || [ $rc -ne 0 ] || rc=1
    done
  fi
  result=ok
  if [ $rc -ne 0 ]; then
    result="FAILED (exit $rc; see $log and $OUT/artifacts/$t-*)"; STATUS=1
    grep -m3 -E 'ERROR|Fatal error|LeakSanitizer|timeout' "$log" | sed 's/^/    /'
  fi
  printf '%-14s %14s %10s %s\n' "$t" "${execs:-?}" "$(( $(date +%s) - started ))" "$result"
done
exit $STATUS
