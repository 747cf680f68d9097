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
python3 bench/corpus.py "$work/small.jsonl" $((size_mb * 100000))
python3 bench/corpus.py "$work/large.jsonl" $((size_mb * 1000000))
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
