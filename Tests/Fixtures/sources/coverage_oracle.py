"""Independent oracle for `relgraph coverage`: reads a relgraph YAML file with
PyYAML, numbers the declared source with Graphs/tools/sentence.py, and prints
one JSON object: the cited sentence numbers and, for every uncited sentence that
names two or more entities (names and aliases, case and accents ignored, whole
words, leftmost-longest non-overlapping matches), its number and entity ids.

usage: coverage_oracle.py GRAPH.yaml
"""
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "Graphs", "tools"))
from sentence import split_sentences  # noqa: E402


def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def words(s):
    return re.findall(r"[^\W_]+", fold(s))


def cited_numbers(source):
    out = []
    for m in re.finditer(r"(?<![^\W\d_])[sS]\.((?:[ ,]*\d+(?: *[-\u2013] *\d+)?)+)", source):
        for part in re.findall(r"\d+(?: *[-\u2013] *\d+)?", m.group(1)):
            bounds = [int(x) for x in re.split(r" *[-\u2013] *", part)]
            out.extend(range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 else bounds)
    return out


def main(path):
    graph = yaml.safe_load(open(path, encoding="utf-8"))
    src = graph["sources"][0]
    text_path = os.path.normpath(os.path.join(os.path.dirname(path), src["path"]))
    sentences = split_sentences(open(text_path, encoding="utf-8").read())
    cited = set()
    for r in graph.get("relations") or []:
        for n in cited_numbers(str(r.get("source") or "")):
            if 1 <= n <= len(sentences):
                cited.add(n)
    names = []
    for e in graph.get("entities") or []:
        aliases = e.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        for name in {str(e.get("name", e["id"]))} | {str(a) for a in aliases}:
            w = words(name)
            if w:
                names.append((w, e["id"]))
    candidates = []
    for number, sentence in enumerate(sentences, 1):
        if number in cited:
            continue
        toks = words(sentence)
        found = []
        i = 0
        while i < len(toks):
            hits = [(len(w), ident) for w, ident in names if toks[i:i + len(w)] == w]
            if hits:
                longest = max(n for n, _ in hits)
                for n, ident in sorted(hits, key=lambda h: h[1]):
                    if n == longest and ident not in found:
                        found.append(ident)
                i += longest
            else:
                i += 1
        if len(found) >= 2:
            candidates.append({"sentence": number, "entities": sorted(found)})
    print(json.dumps({"cited": sorted(cited), "sentences": len(sentences), "candidates": candidates}))


if __name__ == "__main__":
    main(sys.argv[1])
