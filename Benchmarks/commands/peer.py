#!/usr/bin/env python3
"""What a Python user writes to do a relgraph command's job end to end, with
igraph or NetworkX: read the CSV edge list (source,target,weight), then the
command's work, then print or write the result. Timed as a whole process by
Benchmarks/commands.sh beside the matching relgraph command.

usage: peer.py TOOL JOB FILE [OUT] [FROM TO]
  TOOL  igraph | networkx
  JOB   rank (PageRank, top 3) | info (counts, components, top degree)
        | path (one shortest path) | dot | graphml (write the graph)
"""
import csv
import sys

tool, job, path = sys.argv[1], sys.argv[2], sys.argv[3]
rest = sys.argv[4:]


def rows():
    with open(path, newline="") as f:
        r = csv.reader(f)
        head = [h.lower() for h in next(r)]
        s, t, w = head.index("source"), head.index("target"), head.index("weight")
        for row in r:
            if row:
                yield row[s], row[t], float(row[w])


if tool == "igraph":
    import igraph as ig
    g = ig.Graph.TupleList(rows(), directed=False, weights=True)
    if job == "rank":
        pr = g.pagerank(directed=False)
        top = sorted(range(g.vcount()), key=lambda i: (-pr[i], g.vs[i]["name"]))[:3]
        for i in top:
            print(g.vs[i]["name"], f"{pr[i]:.9f}")
    elif job == "info":
        comps = g.connected_components()
        deg = g.degree()
        top = sorted(range(g.vcount()), key=lambda i: (-deg[i], g.vs[i]["name"]))[:10]
        print(g.vcount(), "entities,", g.ecount(), "relations;", len(comps), "components; density",
              f"{g.density():.4f}")
        for i in top:
            print(g.vs[i]["name"], deg[i])
    elif job == "path":
        a, b = rest
        p = g.get_shortest_path(a, b)
        print(" -> ".join(g.vs[i]["name"] for i in p))
    elif job == "dot":
        g.write_dot(rest[0])
    elif job == "graphml":
        g.write_graphml(rest[0])
elif tool == "networkx":
    import networkx as nx
    g = nx.Graph()
    g.add_weighted_edges_from(rows())
    if job == "rank":
        pr = nx.pagerank(g, alpha=0.85, weight=None)
        for k in sorted(pr, key=lambda k: (-pr[k], k))[:3]:
            print(k, f"{pr[k]:.9f}")
    elif job == "info":
        comps = list(nx.connected_components(g))
        deg = dict(g.degree())
        print(g.number_of_nodes(), "entities,", g.number_of_edges(), "relations;", len(comps), "components; density",
              f"{nx.density(g):.4f}")
        for k in sorted(deg, key=lambda k: (-deg[k], k))[:10]:
            print(k, deg[k])
    elif job == "path":
        a, b = rest
        print(" -> ".join(nx.shortest_path(g, a, b)))
    elif job == "dot":
        # NetworkX's write_dot needs pygraphviz or pydot; the same text by hand.
        with open(rest[0], "w") as f:
            f.write("graph {\n")
            for u, v, d in g.edges(data=True):
                f.write(f'  "{u}" -- "{v}" [weight={d["weight"]}];\n')
            f.write("}\n")
    elif job == "graphml":
        nx.write_graphml(g, rest[0])
