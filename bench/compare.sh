#!/usr/bin/env bash
# Whole-process speed: analyze next to `wc -w` on the same multi-megabyte corpus, in one run, and next
# to spaCy's NER and textacy's quotation extraction when they are installed.
#
#   bench/compare.sh [CORPUS.jsonl] [THREADS]
#
# Without a corpus it builds one (about 10 MB) from ../shared/data when present, else from fixtures/.
# Prints seconds, words per second and the ratio to `wc -w` for each tool, then the start-up time
# (the seed article as one process) and the binary size.
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${2:-1}"
bin=target/release/analyze
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  corpus="$work/corpus.jsonl"
  python3 bench/corpus.py "$corpus" 10000000
fi
# the plain text, for wc and the Python tools
python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1], encoding="utf-8")]' "$corpus" > "$work/corpus.txt"
words=$(wc -w < "$work/corpus.txt")
mb=$(du -m "$corpus" | cut -f1)
echo "corpus: $corpus ($mb MB, $words words), analyze --threads $threads"

seconds() { python3 -c 'import sys,time,subprocess; t=time.perf_counter(); subprocess.run(sys.argv[1], shell=True, check=True); print(f"{time.perf_counter()-t:.3f}")' "$1"; }

wc_s=$(seconds "wc -w < '$work/corpus.txt' > /dev/null")
an_s=$(seconds "$bin --threads $threads --input-format jsonl '$corpus' > /dev/null")
report() { python3 -c "import sys; n,s,base=int(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); print(f'{sys.argv[1]:<28} {s:8.3f} s  {n/s:>14,.0f} words/s  {s/base:8.1f} x wc -w')" "$1" "$words" "$2" "$wc_s"; }
report "wc -w" "$wc_s"
report "analyze (whole report)" "$an_s"

if python3 -c 'import spacy; spacy.load("en_core_web_sm")' 2>/dev/null; then
  sp_s=$(seconds "python3 -c 'import spacy,sys; nlp=spacy.load(\"en_core_web_sm\", disable=[\"lemmatizer\"]); [d.ents for d in nlp.pipe(open(sys.argv[1]).read().split(chr(10)))]' '$work/corpus.txt'")
  report "spaCy en_core_web_sm NER" "$sp_s"
else
  echo "spaCy with en_core_web_sm: not installed, skipped"
fi
if python3 -c 'import textacy, spacy; spacy.load("en_core_web_sm")' 2>/dev/null; then
  tx_s=$(seconds "python3 -c 'import spacy,sys; from textacy.extract import direct_quotations as dq; nlp=spacy.load(\"en_core_web_sm\"); [list(dq(d)) for d in nlp.pipe(open(sys.argv[1]).read().split(chr(10)))]' '$work/corpus.txt'")
  report "textacy direct_quotations" "$tx_s"
else
  echo "textacy: not installed, skipped"
fi

# start-up: the seed article as one process, median of 21 runs
python3 - "$bin" fixtures/kazakh-gorbachev.txt <<'PY'
import os, statistics, subprocess, sys, time
times = []
with open(os.devnull, "wb") as null:
    for _ in range(21):
        t = time.perf_counter()
        subprocess.run([sys.argv[1], sys.argv[2]], stdout=null, check=True)
        times.append(time.perf_counter() - t)
print(f"seed article as one process: {statistics.median(times) * 1000:.1f} ms (median of 21 runs)")
PY
echo "binary size: $(du -k "$bin" | cut -f1) KB"
