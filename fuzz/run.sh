#!/usr/bin/env bash
# Fuzzes the whole pipeline (bytes in, report checked) for SECONDS (default 600) with cargo-fuzz on
# the nightly toolchain, the corpus seeded from fixtures/ plus a Windows-1252 and a UTF-16 sample, and
# long runs of the tokens the stages treat specially (honorifics, titles, nationalities, "and",
# initials, quote marks, hyphens), which once overflowed the stack.
#
#   cargo install cargo-fuzz   # once
#   fuzz/run.sh [SECONDS]
#
# A crash leaves its input in fuzz/artifacts/pipeline/; replay it with
#   cargo +nightly fuzz run pipeline fuzz/artifacts/pipeline/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
corpus=fuzz/corpus/pipeline
mkdir -p "$corpus"
cp fixtures/*.txt fixtures/html/*.html "$corpus"/
printf '<html><body>%s<p>deep</p>' "$(printf '<div>%.0s' $(seq 1 5000))" > "$corpus"/deep.html
printf '\x93Caf\xe9 society\x94 \x96 he said.\n' > "$corpus"/cp1252.bin
printf '\xff\xfeH\x00\xe9\x00 \x00\x1c\x20x\x00\x1d\x20' > "$corpus"/utf16.bin
printf '\xe2\x80\x9cA\xe2\x80\x9d \xff \xc3\x83\xc2\xa9' > "$corpus"/broken.bin
python3 - "$corpus" <<'PY'
import sys
tokens = ["Mr. ", "Dr. John ", "President ", "Senate Majority Leader ", "French ", "Russian President ",
          "Kazakh President Tokayev and ", "John and ", "A. ", "U.S. ", "\u201c", "\" ", "Jean-", "R-Ill. ",
          "St. ", "Smith\u2019s "]
for i, t in enumerate(tokens):
    with open(f"{sys.argv[1]}/run-{i:02}.txt", "w", encoding="utf-8") as f:
        f.write(t * (60000 // len(t.encode("utf-8"))))
with open(f"{sys.argv[1]}/run-mixed.txt", "w", encoding="utf-8") as f:
    f.write("".join(tokens) * 150)
PY
cargo +nightly fuzz run pipeline "$corpus" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096
