#!/usr/bin/env bash
# Prints the commands of the README's "On a fresh machine" section, one per line, as written there
# (the indented lines). `.ci/run` runs them from this output, and tests/it/readme.rs checks the same
# section, so the README's two commands are run exactly as written.
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/^## On a fresh machine/ {in_section = 1; next}
     /^## / {in_section = 0}
     in_section && /^    [^ ]/ {sub(/^    /, ""); print}' README.md
