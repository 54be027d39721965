#!/usr/bin/env python3
"""Writes the malformed-input corpus (issue 8). Each file is one fault; the
expected exit status and message of `relgraph check FILE` are in expected.tsv.
Run from this directory: python3 make_malformed.py"""
import os

Y = "relgraph: 1\nname: m\n"
P2 = "entities:\n  - id: a\n    kind: person\n  - id: b\n    kind: person\n"
def rel(extra, kind="ally_of"):
    return f"relations:\n  - from: a\n    kind: {kind}\n    to: b\n{extra}"
GML = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
GEXF = '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
JH = '{\n  "relgraph": 1,\n  "name": "m",\n'

files = {
  # --- YAML graph ---
  "yaml-unclosed-flow.yaml": Y + "entities:\n  - id: a\n    kind: person\n    name: [Ana\n",
  "yaml-tab-indent.yaml": Y + "entities:\n\t- id: a\n",
  "yaml-duplicate-id.yaml": Y + "entities:\n  - id: a\n    kind: person\n  - id: a\n    kind: person\n",
  "yaml-unknown-kind.yaml": Y + "entities:\n  - id: a\n    kind: wizard\n",
  "yaml-undefined-endpoint.yaml": Y + P2 + "relations:\n  - from: a\n    kind: ally_of\n    to: zed\n",
  "yaml-bad-date.yaml": Y + P2 + rel("    date: 1937-13-45\n"),
  "yaml-end-before-start.yaml": Y + P2 + rel("    start: 1940\n    end: 1930\n"),
  "yaml-weight-huge.yaml": Y + P2 + rel("    weight: 1.7e308\n"),
  "yaml-weight-inf.yaml": Y + P2 + rel("    weight: .inf\n"),
  "yaml-weight-negative.yaml": Y + P2 + rel("    weight: -2\n"),
  "yaml-confidence-out.yaml": Y + P2 + rel("    confidence: 1.5\n"),
  "yaml-control-name.yaml": Y + 'entities:\n  - id: a\n    kind: person\n    name: "bell\\x07"\n',
  "yaml-escape-name.yaml": Y + 'entities:\n  - id: a\n    kind: person\n    name: "Evil\\e]0;pwned\\a\\e[2J"\n',
  "yaml-escape-evidence.yaml": Y + P2 + rel('    evidence: "seen \\e[2J here"\n'),
  "yaml-us-alias.yaml": Y + 'entities:\n  - id: a\n    kind: person\n    aliases: ["x\\x1fy"]\n',
  "yaml-vt-description.yaml": Y + 'entities:\n  - id: a\n    kind: person\n    description: "line\\vtab"\n',
  "yaml-noncharacter-name.yaml": Y + 'entities:\n  - id: a\n    kind: person\n    name: "odd\\uFFFE"\n',
  "yaml-formfeed-id.yaml": Y + 'entities:\n  - id: "a\\x0c"\n    kind: person\n',
  "yaml-empty-id.yaml": Y + 'entities:\n  - id: ""\n    kind: person\n',
  "yaml-not-snake-case.yaml": Y + 'entities:\n  - id: Leon-Trotsky\n    kind: person\n',
  "yaml-empty-kind.yaml": Y + 'entities:\n  - id: a\n    kind: ""\n',
  "yaml-not-a-mapping.yaml": "- just\n- a list\n",
  "yaml-empty.yaml": "",
  "yaml-unknown-key.yaml": Y + "entities: []\nedges: []\n",
  "yaml-date-and-span.yaml": Y + P2 + rel("    date: 1930\n    start: 1931\n"),
  "yaml-kind-endpoints.yaml": Y + "entities:\n  - id: a\n    kind: place\n  - id: b\n    kind: place\n" + rel("", kind="killed"),
  "yaml-invalid-utf8.yaml": None,  # written below
  # --- relgraph JSON ---
  "json-trailing-comma.json": JH + '  "entities": [ {"id": "a", "kind": "person"}, ]\n}\n',
  "json-unterminated.json": JH + '  "entities": [ {"id": "a", "kind": "person\n',
  "json-duplicate-id.json": JH + '  "entities": [ {"id": "a", "kind": "person"}, {"id": "a", "kind": "person"} ]\n}\n',
  "json-weight-huge.json": JH + '  "entities": [ {"id": "a", "kind": "person"}, {"id": "b", "kind": "person"} ],\n  "relations": [ {"from": "a", "kind": "ally_of", "to": "b", "weight": 1e300} ]\n}\n',
  "json-control-name.json": JH + '  "entities": [ {"id": "a", "kind": "person", "name": "x\\u001b[2Jy"} ]\n}\n',
  "json-undefined-endpoint.json": JH + '  "entities": [ {"id": "a", "kind": "person"} ],\n  "relations": [ {"from": "a", "kind": "ally_of", "to": "zed"} ]\n}\n',
  "json-bad-date.json": JH + '  "entities": [ {"id": "a", "kind": "person", "start": "19x7"} ]\n}\n',
  "json-not-object.json": '[1, 2, 3]\n',
  "json-deep-arrays.json": JH + '  "entities": ' + "[" * 5000 + "]" * 5000 + "\n}\n",
  # --- node-link JSON ---
  "nodelink-missing-target.json": '{"directed": false, "nodes": [{"id": "a"}, {"id": "b"}],\n "links": [{"source": "a"}]}\n',
  "nodelink-nodes-not-array.json": '{"nodes": {"id": "a"}, "links": []}\n',
  "nodelink-control-id.json": '{"nodes": [{"id": "a\\u0007"}, {"id": "b"}], "links": [{"source": "a\\u0007", "target": "b"}]}\n',
  "nodelink-weight-inf.json": '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": 1e300}]}\n',
  # --- CSV pair ---
  "pair-unclosed.entities.csv": 'id,kind,name\na,person,"Ana\n',
  "pair-unclosed.relations.csv": 'from,kind,to\n',
  "pair-long-row.entities.csv": 'id,kind\na,person,extra\n',
  "pair-long-row.relations.csv": 'from,kind,to\n',
  "pair-no-id.entities.csv": 'name,kind\nAna,person\n',
  "pair-no-id.relations.csv": 'from,kind,to\n',
  "pair-control.entities.csv": 'id,kind,name\na,person,Evil\x1b[2J\nb,person,B\n',
  "pair-control.relations.csv": 'from,kind,to\na,ally_of,b\n',
  "pair-weight-huge.entities.csv": 'id,kind\na,person\nb,person\n',
  "pair-weight-huge.relations.csv": 'from,kind,to,weight\na,ally_of,b,1e308\n',
  "pair-no-endpoints.entities.csv": 'id,kind\na,person\n',
  "pair-no-endpoints.relations.csv": 'left,kind,right\na,ally_of,b\n',
  # --- fixture CSV ---
  "fixture-stray-quote.edges.csv": 'source,target,weight\na,b"c,1\n',
  "fixture-weight-huge.edges.csv": 'source,target,weight\na,b,1e308\n',
  "fixture-weight-text.edges.csv": 'source,target,weight\na,b,heavy\n',
  "fixture-missing-target.edges.csv": 'source,target,weight\na,,1\n',
  # --- GraphML ---
  "graphml-empty-pi.graphml": GML + '<graph edgedefault="directed">\n  <?pi?>\n</graph>\n</graphml>\n',
  "gexf-empty-pi.gexf": GEXF + '<?pi?>\n<graph/>\n</gexf>\n',
  "graphml-second-graph.graphml": GML + '<graph edgedefault="directed"><node id="a"/></graph>\n<graph edgedefault="directed"><node id="b"/></graph>\n</graphml>\n',
  "graphml-duplicate-attr-name.graphml": GML + '<key id="d0" for="node" attr.name="name"/>\n<key id="d1" for="node" attr.name="name"/>\n<graph edgedefault="directed"><node id="a"><data key="d0">A</data><data key="d1">B</data></node></graph>\n</graphml>\n',
  "graphml-external-entity.graphml": '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n<graphml><key id="k" for="node" attr.name="name"/><graph edgedefault="directed"><node id="a"><data key="k">&xxe;</data></node></graph></graphml>\n',
  "graphml-unclosed.graphml": GML + '<graph edgedefault="directed">\n<node id="a">\n</graph>\n</graphml>\n',
  "graphml-bad-edgedefault.graphml": GML + '<graph edgedefault="sideways"/>\n</graphml>\n',
  "graphml-no-node-id.graphml": GML + '<graph edgedefault="directed">\n<node/>\n</graph>\n</graphml>\n',
  "graphml-undeclared-key.graphml": GML + '<graph edgedefault="directed">\n<node id="a"><data key="nope">x</data></node>\n</graph>\n</graphml>\n',
  "graphml-entity-loop.graphml": '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n<graphml>&a;</graphml>\n',
  "graphml-undeclared-entity.graphml": GML + '<graph edgedefault="directed">\n<node id="&who;"/>\n</graph>\n</graphml>\n',
  "graphml-control-char.graphml": GML + '<key id="k" for="node" attr.name="name"/>\n<graph edgedefault="directed">\n<node id="a"><data key="k">bad&#27;[2J</data></node>\n</graph>\n</graphml>\n',
  "graphml-deep.graphml": GML + '<graph edgedefault="undirected"><node id="a">' + "<x>" * 40000 + "</x>" * 40000 + "</node></graph></graphml>\n",
  "graphml-not-graphml.graphml": '<?xml version="1.0"?>\n<html><body/></html>\n',
  "graphml-bad-directed.graphml": GML + '<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n<edge source="a" target="b" directed="maybe"/>\n</graph>\n</graphml>\n',
  "graphml-weight-huge.graphml": GML + '<key id="w" for="edge" attr.name="weight"/>\n<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">1e308</data></edge>\n</graph>\n</graphml>\n',
  # --- GEXF ---
  "gexf-unclosed.gexf": GEXF + '<graph>\n<nodes>\n<node id="a">\n</nodes>\n</graph>\n</gexf>\n',
  "gexf-no-graph.gexf": GEXF + '</gexf>\n',
  "gexf-bad-edgetype.gexf": GEXF + '<graph defaultedgetype="sideways"/>\n</gexf>\n',
  "gexf-undeclared-attvalue.gexf": GEXF + '<graph>\n<nodes>\n<node id="a"><attvalues><attvalue for="9" value="x"/></attvalues></node>\n</nodes>\n</graph>\n</gexf>\n',
  "gexf-edge-no-target.gexf": GEXF + '<graph>\n<nodes><node id="a"/></nodes>\n<edges>\n<edge source="a"/>\n</edges>\n</graph>\n</gexf>\n',
  "gexf-deep.gexf": GEXF + '<graph><nodes>' + '<node id="n"><nodes>' * 1 + ''.join(f'<node id="n{i}"><nodes>' for i in range(5000)) + '</nodes></node>' * 5001 + '</nodes></graph></gexf>\n',
  "gexf-node-time.gexf": GEXF + '<graph>\n<nodes>\n<node id="a" start="1917" end="1940"/>\n</nodes>\n</graph>\n</gexf>\n',
  # --- DOT ---
  "dot-syntax.dot": 'digraph G {\n  a -> b\n  b -> ;\n}\n',
  "dot-unclosed.dot": 'digraph G {\n  a -> b\n',
  "dot-long-line.dot": 'digraph G { ' + 'a -> b; ' * 40000 + 'x -> [ }\n',
  "dot-bad-weight.dot": 'digraph G {\n  a [kind=person]\n  b [kind=person]\n  a -> b [kind=ally_of, weight="1e308"]\n}\n',
  "dot-second-graph.dot": 'digraph A {\n  a -> b\n}\n\ndigraph B {\n  c -> d\n}\n',
  "dot-control-label.dot": 'digraph G {\n  a [label="bad\x1b[2J"]\n}\n',
  # ";" three times on line 2: the column is the one where cgraph stopped (the second).
  "dot-repeated-token.dot": 'digraph G {\n  a -> b; c -> ; d -> e;\n}\n',
  # A 5,000-character token: Graphviz 2.43 gave "(null)" for it to a message callback.
  "dot-long-token.dot": 'strict ' + 'x' * 5000 + ' G {\n  a -> b\n}\n',
}

for name, text in files.items():
    if text is None:
        continue
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(text)
with open("yaml-invalid-utf8.yaml", "wb") as f:
    f.write((Y + "entities:\n  - id: a\n    kind: person\n    name: caf").encode() + b"\xe9\xff\n")
