#!/usr/bin/env python3
"""Check a curation ledger against its graph and corpus (format: Graphs/README.md).

The ledger (e.g. Graphs/trotsky-stalin.ledger.yaml) is a YAML list with one entry per
corpus sentence, in order:

  - s: 38
    ties: [mercader killed trotsky]          # relations "from kind to" that cite s. 38
  - s: 24
    none: page furniture (a version string)  # why the sentence gives no tie
  - s: 187
    ties: [...]
    left: a one-off snub, not a lasting tie  # a tie the sentence states but the graph omits

Checks: every sentence 1..N has exactly one entry, in order; an entry has `ties` or
`none`; every ref names a relation of the graph whose `source` cites that sentence
(any "s. N" in it, "cf." included); and every relation citing a sentence is listed in
that sentence's entry, so the ledger cannot drift from the graph. Exit 1 on any fault.

Usage (from the repository root; needs PyYAML):
  python3 Graphs/tools/ledger.py [GRAPH.yaml [LEDGER.yaml]]     check, print a summary
  python3 Graphs/tools/ledger.py --draft [GRAPH.yaml]            print a skeleton ledger
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sentence  # noqa: E402

try:
    import yaml
except ImportError:  # pragma: no cover
    print("ledger.py: needs PyYAML (pip install pyyaml)", file=sys.stderr)
    sys.exit(2)

_CITE = re.compile(r"\bs\.\s*(\d+)")


def ref(r):
    return f"{r['from']} {r['kind']} {r['to']}"


def cited(graph):
    """{sentence number: set of refs of the relations citing it}."""
    by = {}
    for r in graph.get("relations", []):
        for n in _CITE.findall(str(r.get("source", ""))):
            by.setdefault(int(n), set()).add(ref(r))
    return by


def main(argv):
    draft = bool(argv) and argv[0] == "--draft"
    if draft:
        argv = argv[1:]
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    graph_path = argv[0] if argv else "Graphs/trotsky-stalin.yaml"
    ledger_path = argv[1] if len(argv) > 1 else re.sub(r"\.ya?ml$", "", graph_path) + ".ledger.yaml"
    with open(graph_path, encoding="utf-8") as f:
        graph = yaml.safe_load(f)
    count = len(sentence.load(sentence.default_corpus()))
    by = cited(graph)
    if draft:
        for n in range(1, count + 1):
            print(f"- s: {n}")
            if n in by:
                print(f"  ties: [{', '.join(sorted(by[n]))}]")
            else:
                print("  none: TODO")
        return 0
    with open(ledger_path, encoding="utf-8") as f:
        ledger = yaml.safe_load(f)
    faults = []
    if not isinstance(ledger, list):
        print(f"{ledger_path}: the ledger must be a YAML list", file=sys.stderr)
        return 1
    refs = {ref(r) for r in graph.get("relations", [])}
    seen = []
    with_ties = with_none = with_left = 0
    for k, entry in enumerate(ledger):
        where = f"{ledger_path}: entry {k + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get("s"), int):
            faults.append(f"{where}: needs `s: N`")
            continue
        n = entry["s"]
        seen.append(n)
        where = f"{ledger_path}: s. {n}"
        unknown = set(entry) - {"s", "ties", "none", "left"}
        if unknown:
            faults.append(f"{where}: unknown keys {sorted(unknown)}")
        ties = entry.get("ties") or []
        if not ties and not entry.get("none"):
            faults.append(f"{where}: needs `ties` or `none`")
        if ties and entry.get("none"):
            faults.append(f"{where}: has both `ties` and `none` (use `left` for an omitted tie)")
        with_ties += bool(ties)
        with_none += bool(entry.get("none"))
        with_left += bool(entry.get("left"))
        for t in ties:
            if t not in refs:
                faults.append(f"{where}: no relation {t!r} in {graph_path}")
            elif t not in by.get(n, set()):
                faults.append(f"{where}: relation {t!r} does not cite s. {n}")
        for t in sorted(by.get(n, set()) - set(ties)):
            faults.append(f"{where}: relation {t!r} cites s. {n} but is not listed")
    if seen != list(range(1, count + 1)):
        missing = sorted(set(range(1, count + 1)) - set(seen))
        faults.append(f"{ledger_path}: entries must be s. 1..{count} in order"
                      + (f"; missing {missing[:10]}" if missing else ""))
    for fault in faults:
        print(fault, file=sys.stderr)
    if faults:
        return 1
    print(f"{ledger_path}: {count} sentences — {with_ties} with ties recorded "
          f"({with_left} also noting a tie left out), {with_none} with a reason for none; "
          f"{len(set().union(*by.values())) if by else 0} of {len(refs)} distinct relation refs cite a sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
