"""Reads a relgraph export with NetworkX and prints what NetworkX saw as JSON.

usage: networkx_read.py graphml|gexf|node-link PATH

Output: {"directed": bool, "multigraph": bool, "graph": {...},
         "nodes": [{"id": str, "attrs": {...}}],
         "edges": [{"source": str, "target": str, "attrs": {...}}]}
Attribute values stay as NetworkX typed them (str, float, int, list); booleans
become "True"/"False"; GEXF spells become "start/end" text joined by ",".
"""
import json
import sys

import networkx as nx


def value(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float, str)):
        return v
    if isinstance(v, (list, tuple)):
        return [value(x) for x in v]
    return str(v)


def spells(v):
    # NetworkX 3.6 turns a missing spell end into the text "None" (it applies str() to None).
    def day(x):
        return "" if x is None or x == "None" else x
    return ",".join(f"{day(s)}/{day(e)}" for s, e in v)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        G = nx.read_graphml(path)
    elif kind == "gexf":
        G = nx.read_gexf(path, version="1.3")
    elif kind == "node-link":
        with open(path, encoding="utf-8") as f:
            G = nx.node_link_graph(json.load(f))
    else:
        raise SystemExit(f"unknown format {kind}")
    out = {
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "graph": {k: value(v) for k, v in G.graph.items()},
        "nodes": [{"id": str(n), "attrs": {k: value(v) for k, v in d.items()}} for n, d in G.nodes(data=True)],
        "edges": [],
    }
    for s, t, d in G.edges(data=True):
        attrs = {k: (spells(v) if k == "spells" else value(v)) for k, v in d.items()}
        out["edges"].append({"source": str(s), "target": str(t), "attrs": attrs})
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
