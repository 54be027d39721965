#!/usr/bin/env python3
"""The peer of `relgraph check` on a YAML graph: PyYAML's C loader, only parsing it."""
import sys
import yaml

with open(sys.argv[1]) as f:
    doc = yaml.load(f, Loader=yaml.CSafeLoader)
print(len(doc.get("entities", [])), "entities,", len(doc.get("relations", [])), "relations")
