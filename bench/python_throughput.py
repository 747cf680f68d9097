#!/usr/bin/env python3
"""Records per second of news_analyze.analyze_many next to the CLI's JSON Lines mode, on the same
records (the 300 articles of ../shared/data/dups/dev.jsonl, repeated to about 10 MB), same thread
count. The CLI's time includes writing its JSON; the package's includes turning it into dicts.

    python3 bench/python_throughput.py [THREADS]      (needs news_analyze installed and a release build)
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import news_analyze

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "dups" / "dev.jsonl"


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    binary = os.environ.get("ANALYZE_BIN", str(ROOT / "target" / "release" / "analyze"))
    base = [json.loads(l) for l in SOURCE.read_text(encoding="utf-8").splitlines() if l.strip()]
    records = []
    while sum(len(r["text"]) for r in records) < 10_000_000:
        records.extend({"id": f"{len(records)}", "text": r["text"]} for r in base)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        path = f.name
    runs = {"cli": [], "python": []}
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([binary, "--input-format", "jsonl", "--threads", str(threads), path],
                       stdout=subprocess.DEVNULL, check=True)
        runs["cli"].append(time.perf_counter() - t)
        t = time.perf_counter()
        n = sum(1 for _ in news_analyze.analyze_many(records, threads=threads))
        runs["python"].append(time.perf_counter() - t)
        assert n == len(records)
    os.unlink(path)
    cli, py = min(runs["cli"]), min(runs["python"])
    print(f"{len(records)} records, {sum(len(r['text']) for r in records) / 1e6:.1f} M characters, "
          f"{threads} thread(s), best of 3")
    print(f"analyze --input-format jsonl   {cli:6.2f} s   {len(records) / cli:8.0f} records/s")
    print(f"news_analyze.analyze_many      {py:6.2f} s   {len(records) / py:8.0f} records/s   "
          f"({(py / cli - 1) * 100:+.1f}% time)")


if __name__ == "__main__":
    main()
