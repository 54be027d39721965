"""Writes the NetworkX-made fixtures in this folder (run: python3 make_networkx_fixtures.py).

networkx.graphml: an undirected graph as nx.write_graphml writes it (typed keys,
numbers, booleans, a node without attributes).
d3-numeric.json: node-link data with numeric ids, links under "links", as D3 examples use.
"""
import json
import networkx as nx

G = nx.Graph()
G.add_node(0, name='Ada "the first" <A&B>', type="person")
G.add_node(1)
G.add_node(2, label="Born 1850", born=1850)
G.add_node(3, score=3.5, flag=True)
G.add_edge(0, 1, weight=2.5, kind="knows")
G.add_edge(1, 2, kind="knows", since=1871)
G.add_edge(2, 3)
nx.write_graphml(G, "networkx.graphml")

D = nx.DiGraph()
D.add_node(1, name="Lenin", group=1)
D.add_node(2, name="Trotsky", group=1)
D.add_node(3, name="Stalin", group=2)
D.add_edge(1, 2, value=3)
D.add_edge(3, 2, value=1, type="rival_of")
data = nx.node_link_data(D, edges="links")
with open("d3-numeric.json", "w") as f:
    json.dump(data, f, indent=1)

# networkx.gexf: GEXF 1.2draft as nx.write_gexf writes it (a directed multigraph).
M = nx.MultiDiGraph()
M.add_node("lenin", label="Vladimir Lenin", kind="person", born="1870-04-22")
M.add_node("trotsky", label="Leon Trotsky", kind="person")
M.add_edge("lenin", "trotsky", kind="ally_of", weight=2.0, start="1917", end="1924-01")
M.add_edge("lenin", "trotsky", kind="ally_of", evidence="worked together in 1917")
nx.write_gexf(M, "networkx.gexf")
