#!/usr/bin/env python3
"""Writes a JSON Lines corpus of about BYTES bytes for the benchmark scripts:

  bench/corpus.py OUT BYTES

Records {"id", "text"} cycle through the texts of ../shared/data's dups, quotes and sections sets
when they are present, else through the articles in fixtures/. Run from the project root.
"""
import glob
import json
import os
import sys

out_path, target = sys.argv[1], int(sys.argv[2])
texts = []
for path in ["../shared/data/dups/dev.jsonl", "../shared/data/quotes/dev.jsonl",
             "../shared/data/sections/dev.jsonl"]:
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
if not texts:
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/*.txt"))]
with open(out_path, "w", encoding="utf-8") as out:
    size, i = 0, 0
    while size < target:
        line = json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n"
        out.write(line)
        size += len(line.encode("utf-8"))
        i += 1
