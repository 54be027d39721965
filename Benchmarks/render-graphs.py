#!/usr/bin/env python3
"""Graphs for Benchmarks/render.sh (seeded): N entities, M relations, 80% of ties inside groups of 1,000, as fixture edge lists; and the complete graph on 2,000 nodes (1,999,000 edges) as DOT."""
import random, sys
def clustered(n, m, path, seed=7):
    rng = random.Random(seed); g = max(1, n // 1000); size = n // g
    edges = set()
    while len(edges) < m:
        a = rng.randrange(n)
        if rng.random() < 0.8:
            grp = a // size; b = grp * size + rng.randrange(size)
            b = min(b, n - 1)
        else:
            b = rng.randrange(n)
        if a == b: continue
        k = (min(a, b), max(a, b))
        edges.add(k)
    with open(path, "w") as f:
        f.write("source,target,weight,kind\n")
        for a, b in sorted(edges): f.write(f"n{a},n{b},1,\n")
def complete(n, path):
    with open(path, "w") as f:
        f.write("graph complete {\n")
        for a in range(n):
            for b in range(a + 1, n): f.write(f"  n{a} -- n{b};\n")
        f.write("}\n")
if __name__ == "__main__":
    d = sys.argv[1]
    for n, m in [(1000, 5000), (5000, 25000), (20000, 100000)]:
        clustered(n, m, f"{d}/c{n}.edges.csv")
    complete(2000, f"{d}/complete2000.dot")
