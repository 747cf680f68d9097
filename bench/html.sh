#!/usr/bin/env bash
# HTML pages per second: `analyze` on the sections pages as their HTML (../shared/data/html/dev.jsonl,
# each written to NAME.html in the charset it declares, as the scoreboard's html task writes them),
# one process over all the files, on one thread and on every core; best of three runs each.
#
#   bench/html.sh [DEV.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
gold="${1:-../shared/data/html/dev.jsonl}"
bin=target/release/analyze
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$gold" "$work" <<'PY'
import json, sys
sys.path.insert(0, "../shared/eval")
from scoreboard import page_bytes
gold, out = sys.argv[1], sys.argv[2]
with open(gold, encoding="utf-8") as f:
    for i, line in enumerate(f):
        with open(f"{out}/{i:04d}.html", "wb") as page:
            page.write(page_bytes(json.loads(line)["html"]))
PY
pages=$(ls "$work" | wc -l)
mb=$(du -sm "$work" | cut -f1)
echo "pages: $pages ($mb MB of HTML)"
for threads in 1 0; do
  best=$(python3 - "$bin" "$work" "$threads" <<'PY'
import glob, subprocess, sys, time
bin, work, threads = sys.argv[1:]
files = sorted(glob.glob(f"{work}/*.html"))
best = min(
    (lambda t: (subprocess.run([bin, "--threads", threads, *files], stdout=subprocess.DEVNULL, check=False), time.perf_counter() - t)[1])(time.perf_counter())
    for _ in range(3)
)
print(f"{best:.3f}")
PY
)
  label=$([[ $threads == 1 ]] && echo "one thread" || echo "all cores")
  python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'{sys.argv[3]}: {s:.3f} s, {n/s:.0f} pages/s')" "$best" "$pages" "$label"
done
