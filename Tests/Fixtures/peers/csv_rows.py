"""Prints the rows of a CSV file as a JSON array of arrays of strings, read by
Python's csv module (an independent RFC 4180 reader), skipping blank lines and a BOM."""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = [row for row in csv.reader(f) if row]
json.dump(rows, sys.stdout, ensure_ascii=False)
