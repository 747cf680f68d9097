#!/usr/bin/env bash
# Peak memory, two ways.
#
# 1. One large record of each shape that costs memory differently, as one file each: prose
#    (paragraphs of sentences, no repeats), text of very short lines (one or two words a line, as
#    lists and scraped menus are), prose on one single line, and the worst shape measured (a line
#    per character, `a\n` repeated: a paragraph, sentence and word for every two bytes). Prints the peak and its ratio to the
#    record's size.
# 2. A streamed run: analyze over a JSON Lines stream of SIZE_MB megabytes (default 1000), built by
#    repeating the evaluation sets (or the fixtures), next to the same run over a tenth of it.
#    Memory must stay flat as the stream grows.
#
#   bench/memory.sh [SIZE_MB] [THREADS] [RECORD_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1000}"
threads="${2:-0}"
record_mb="${3:-20}"
bin=target/release/analyze
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

peak() {
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
args = sys.argv[1:]
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(args, stdout=null, check=True)
s = time.perf_counter() - t
print(f"{s:7.1f} s  peak {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:7.1f} MB")
PY
}

python3 - "$work" "$record_mb" <<'PY'
import glob, json, os, random, sys
work, mb = sys.argv[1], int(sys.argv[2])
size = mb * 1_000_000
random.seed(1)
texts = []
for path in ["../shared/data/dups/dev.jsonl", "../shared/data/quotes/dev.jsonl"]:
    if os.path.exists(path):
        texts += [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
if not texts:
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/*.txt"))]
words = " ".join(texts).split()
paragraphs, n = [], 0
while n < size:
    sentences = []
    for _ in range(random.randint(2, 6)):
        sentence = " ".join(random.choice(words) for _ in range(random.randint(8, 30)))
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
    paragraphs.append(" ".join(sentences))
    n += len(paragraphs[-1]) + 2
prose = "\n\n".join(paragraphs)
open(os.path.join(work, "prose.txt"), "w", encoding="utf-8").write(prose)
open(os.path.join(work, "line.txt"), "w", encoding="utf-8").write(prose.replace("\n", " "))
lines, n = [], 0
while n < size:
    lines.append(" ".join(random.choice(words) for _ in range(random.randint(1, 2))))
    n += len(lines[-1]) + 1
open(os.path.join(work, "short.txt"), "w", encoding="utf-8").write("\n".join(lines))
# the worst shape measured: a line per character (`a\n` repeated), a paragraph for every two bytes
open(os.path.join(work, "chars.txt"), "w", encoding="utf-8").write("a\n" * (size // 2))
PY
echo "one record of $record_mb MB:"
for shape in prose short line chars; do
  f="$work/$shape.txt"
  mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.1f}')" "$f")
  out=$(peak "$bin" --max-bytes 1G "$f")
  ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1].split()[3]) / float(sys.argv[2]):.1f}')" "$out" "$mb")
  printf '  %-6s %6s MB  %s  (%s x the record)\n' "$shape" "$mb" "$out" "$ratio"
done

python3 bench/corpus.py "$work/small.jsonl" $((size_mb * 100000))
python3 bench/corpus.py "$work/large.jsonl" $((size_mb * 1000000))
echo "a streamed run (threads: $threads):"
for f in small large; do
  mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.0f}')" "$work/$f.jsonl")
  args=("$bin" --input-format jsonl "$work/$f.jsonl")
  [[ "$threads" != 0 ]] && args+=(--threads "$threads")
  printf '  %6s MB stream  %s\n' "$mb" "$(peak "${args[@]}")"
done
