#!/usr/bin/env python3
"""Look up sentences of a corpus by number, as the graph files cite them ("s. N").

Sentence rule (documented in Graphs/README.md):
  * The whole file is read as UTF-8 and every run of whitespace is collapsed
    to one space; leading and trailing whitespace is dropped.
  * A sentence ends after ".", "!" or "?", optionally followed by closing
    quotes or brackets (any of  " ' ) ] } and the curly quotes), when the next
    character is whitespace (or the end of the text).
  * Sentences are numbered from 1 in order; empty pieces are skipped.

Usage:
  python3 Graphs/tools/sentence.py N [CORPUS]          print sentence N
  python3 Graphs/tools/sentence.py N-M [CORPUS]        print sentences N to M
  python3 Graphs/tools/sentence.py --grep WORD [CORPUS]   list "N: sentence" for
                                                       sentences containing WORD
                                                       (case-insensitive substring)
  python3 Graphs/tools/sentence.py --count [CORPUS]    print the number of sentences
  python3 Graphs/tools/sentence.py --all [CORPUS]      list every sentence, numbered

CORPUS defaults to ../shared/corpus/trotsky-stalin.txt relative to the repository
root (two levels above this script).
"""
import os
import re
import sys

_END = re.compile(r"[.!?][\"')\]}\u201d\u2019]*(?=\s|$)")


def default_corpus():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    return os.path.normpath(os.path.join(root, "..", "shared", "corpus", "trotsky-stalin.txt"))


def split_sentences(text):
    """Returns the sentences of `text` in order (index 0 is sentence 1)."""
    text = re.sub(r"\s+", " ", text).strip()
    sentences, start = [], 0
    for m in _END.finditer(text):
        piece = text[start:m.end()].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def load(path):
    with open(path, encoding="utf-8") as f:
        return split_sentences(f.read())


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    mode, arg, rest = None, None, []
    if argv[0] == "--grep":
        if len(argv) < 2:
            print("sentence.py: --grep needs a WORD", file=sys.stderr)
            return 2
        mode, arg, rest = "grep", argv[1], argv[2:]
    elif argv[0] in ("--count", "--all"):
        mode, rest = argv[0][2:], argv[1:]
    else:
        mode, arg, rest = "show", argv[0], argv[1:]
    path = rest[0] if rest else default_corpus()
    try:
        sentences = load(path)
    except OSError as e:
        print(f"sentence.py: cannot read {path}: {e.strerror}", file=sys.stderr)
        return 1
    if mode == "count":
        print(len(sentences))
    elif mode == "all":
        for i, s in enumerate(sentences, 1):
            print(f"{i}: {s}")
    elif mode == "grep":
        word = arg.lower()
        found = False
        for i, s in enumerate(sentences, 1):
            if word in s.lower():
                print(f"{i}: {s}")
                found = True
        return 0 if found else 1
    else:
        m = re.fullmatch(r"(?:s\.\s*)?(\d+)(?:-(\d+))?", arg.strip())
        if not m:
            print(f"sentence.py: not a sentence number: {arg!r}", file=sys.stderr)
            return 2
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if lo < 1 or hi > len(sentences) or lo > hi:
            print(f"sentence.py: no sentence {arg} (the corpus has 1-{len(sentences)})", file=sys.stderr)
            return 1
        for i in range(lo, hi + 1):
            print(sentences[i - 1] if lo == hi else f"{i}: {sentences[i - 1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
