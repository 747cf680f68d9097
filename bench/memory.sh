#!/usr/bin/env bash
# Peak memory of a streamed run: analyze over a JSON Lines stream of SIZE_MB megabytes (default 1000),
# built by repeating the evaluation sets (or the fixtures), next to the same run over a tenth of it.
# Memory must stay flat as the stream grows.
#
#   bench/memory.sh [SIZE_MB] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1000}"
threads="${2:-0}"
bin=target/release/analyze
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$size_mb" <<'PY'
import glob, json, os, sys
work, size_mb = sys.argv[1], int(sys.argv[2])
texts = []
for path in ["../shared/data/dups/dev.jsonl", "../shared/data/quotes/dev.jsonl", "../shared/data/sections/dev.jsonl"]:
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(l)["text"] for l in f if l.strip()]
if not texts:
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/*.txt"))]
block = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
for name, target in [("small.jsonl", size_mb * 100_000), ("large.jsonl", size_mb * 1_000_000)]:
    with open(os.path.join(work, name), "w", encoding="utf-8") as out:
        written = 0
        while written < target:
            out.write(block)
            written += len(block.encode("utf-8"))
PY
run() {
  python3 - "$bin" "$threads" "$1" <<'PY'
import os, resource, subprocess, sys, time
bin, threads, path = sys.argv[1:4]
args = [bin, "--input-format", "jsonl", path] + (["--threads", threads] if threads != "0" else [])
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(args, stdout=null, check=True)
s = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
mb = os.path.getsize(path) / 1e6
print(f"{mb:8.0f} MB stream  {s:7.1f} s  {mb / s:6.1f} MB/s  peak {peak:6.1f} MB")
PY
}
run "$work/small.jsonl"
run "$work/large.jsonl"
