#!/usr/bin/env bash
# Behaviour check for changes meant to change no output (a refactor): the release binary of BASE and
# of the working tree run over every record of every set in ../shared/data and every fixture, in every
# output mode, and their outputs must be byte-identical.
#
#   eval/same_output.sh BASE_COMMIT
#
# BASE is built in a git worktree under target/same-output/ (its own target directory, kept between
# runs). Prints one line per comparison and exits 1 on the first set whose outputs differ, after
# showing the first differing record.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:?usage: eval/same_output.sh BASE_COMMIT}"
sha="$(git rev-parse --verify "$base^{commit}")"
root="$PWD"
work="$root/target/same-output"
tree="$work/base-$sha"
mkdir -p "$work"
if [[ ! -d "$tree" ]]; then
  git worktree add --detach "$tree" "$sha" >/dev/null
fi
echo "== building $sha (base) and the working tree"
(cd "$tree" && CARGO_TARGET_DIR="$work/target-base" cargo build --release --locked --quiet)
cargo build --release --locked --quiet
old="$work/target-base/release/analyze"
new="$root/target/release/analyze"
data="$root/../shared/data"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

failed=0
# compare NAME ARGS...: runs both binaries with ARGS (from the repository root) and compares stdout
compare() {
  local name="$1"
  shift
  # a failing run is fine as long as both fail alike: the exit status is compared too
  local a=0 b=0
  (cd "$root" && "$old" "$@" >"$out/old" 2>"$out/old.err") || a=$?
  (cd "$root" && "$new" "$@" >"$out/new" 2>"$out/new.err") || b=$?
  if [[ $a -ne $b ]] || ! cmp -s "$out/old" "$out/new"; then
    echo "DIFF $name (exit $a vs $b)"
    python3 - "$out/old" "$out/new" <<'PY'
import sys
a = open(sys.argv[1], "rb").read().split(b"\n")
b = open(sys.argv[2], "rb").read().split(b"\n")
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        print(f"  first difference on line {i + 1}")
        k = next((j for j in range(min(len(x), len(y))) if x[j] != y[j]), min(len(x), len(y)))
        print("  base:", x[max(0, k - 150):k + 150].decode("utf-8", "replace"))
        print("  new: ", y[max(0, k - 150):k + 150].decode("utf-8", "replace"))
        break
else:
    print(f"  line counts differ: {len(a)} vs {len(b)}")
PY
    failed=1
    return
  fi
  echo "same $name ($(wc -c <"$out/new") bytes)"
}

echo "== every record of every set"
while IFS= read -r f; do
  rel="${f#"$data"/}"
  case "$rel" in
    dups/dev_batch.jsonl) continue ;;
  esac
  compare "$rel" --input-format jsonl "$f"
done < <(find "$data" -name '*.jsonl' | sort)

echo "== dups batches: each batch as one stream, with --cross-article"
python3 - "$data/dups/dev_batch.jsonl" "$out/batches" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2], exist_ok=True)
for line in open(sys.argv[1], encoding="utf-8"):
    batch = json.loads(line)
    with open(os.path.join(sys.argv[2], batch["id"] + ".jsonl"), "w", encoding="utf-8") as f:
        for d in batch["docs"]:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
PY
compare "dups batches --cross-article" --input-format jsonl --cross-article "$out/batches"
compare "dups batches --cross-article --fingerprints" --input-format jsonl --cross-article --fingerprints "$out/batches"
compare "dups batches --dedupe --cross-article" --input-format jsonl --dedupe --cross-article "$out/batches"
compare "dups --dedupe" --input-format jsonl --dedupe "$data/dups/dev.jsonl"

echo "== fixtures, one by one and together, in every mode"
for f in fixtures/*.txt; do
  compare "$f" "$f"
  compare "$f --format text" --format text --color always "$f"
  compare "$f --format html" --format html "$f"
  compare "$f --dedupe" --dedupe "$f"
  compare "$f --fingerprints" --fingerprints --pretty "$f"
done
compare "fixtures/ --cross-article" --cross-article fixtures/
compare "fixtures/ --format html" --format html fixtures/
compare "fixtures/ --format text" --format text fixtures/
compare "quotes --format text" --format text --input-format jsonl "$data/quotes/dev.jsonl"
compare "sections2 --format html" --format html --input-format jsonl "$data/sections2/dev.jsonl"

if [[ $failed -ne 0 ]]; then
  echo "outputs differ from $sha"
  exit 1
fi
echo "all outputs byte-identical to $sha"
