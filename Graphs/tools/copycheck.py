#!/usr/bin/env python3
"""Find evidence text copied from the corpus: every run of N consecutive words
(default 8) that a graph file's `evidence:` values share with the corpus.

Words are compared lower-cased, with punctuation and the scrape's lost characters
ignored: a word is a maximal run of letters and digits, so "Trotsky's" is the two
words "trotsky" "s" on both sides, and "Coyoacán" in the graph is "coyoac" + "n"
just as the scrape's "Coyoacn" is not (accents are folded first, so "Coyoacán"
becomes "coyoacan"; the comparison can only miss a copy that spells a word
differently from the scrape, never invent one).

Usage (from the repository root):
  python3 Graphs/tools/copycheck.py [GRAPH.yaml] [--words N] [--corpus PATH]

GRAPH defaults to Graphs/trotsky-stalin.yaml. Prints "line L: <run>  (s. K)" for
every copied run, longest first per line, and exits 1 if there is any; prints
"no run of N words copied" and exits 0 otherwise.
"""
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sentence  # noqa: E402  (same folder)


def words(text):
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", folded.lower())


def evidence_lines(path):
    """(line number, text) of every `evidence:` value, folded block scalars included."""
    out = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)(?:- )?evidence:\s*(.*)$", lines[i])
        if m:
            value, start = m.group(2).strip(), i + 1
            if value in (">-", ">", "|", "|-"):
                indent = len(m.group(1))
                parts = []
                i += 1
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                    parts.append(lines[i].strip())
                    i += 1
                out.append((start, " ".join(parts)))
                continue
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out.append((start, value))
        i += 1
    return out


def main(argv):
    n, graph, corpus = 8, "Graphs/trotsky-stalin.yaml", None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--words" and args:
            n = int(args.pop(0))
        elif a == "--corpus" and args:
            corpus = args.pop(0)
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            graph = a
    sentences = sentence.load(corpus or sentence.default_corpus())
    grams = {}
    for k, s in enumerate(sentences, 1):
        w = words(s)
        for j in range(len(w) - n + 1):
            grams.setdefault(tuple(w[j:j + n]), k)
    found = 0
    for line, text in evidence_lines(graph):
        w = words(text)
        for j in range(len(w) - n + 1):
            key = tuple(w[j:j + n])
            if key in grams:
                print(f"{graph}:{line}: {' '.join(key)}  (s. {grams[key]})")
                found += 1
    if found:
        return 1
    print(f"no run of {n} words copied ({len(evidence_lines(graph))} evidence strings checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
