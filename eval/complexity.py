#!/usr/bin/env python3
"""The complexity harness: every input shape that once made a stage superlinear, and the ordinary
ones, generated at n and 8n characters and analysed by the release binary; a time ratio over 12
(linear with slack for caches and start-up; a quadratic path gives about 64) fails the run.

    eval/complexity.py [--binary target/release/analyze] [--n 262144] [--only SHAPE,...]

Run from the project root after `cargo build --release`; CI runs it. Each time is the best of three
runs, so that one slow run on a busy machine does not fail it. Prints one line per shape:
its two sizes, times and ratio.
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 12.0


def fixture(name):
    return (ROOT / "fixtures" / name).read_text(encoding="utf-8")


def repeat(unit):
    """A shape made of one unit repeated to the size asked for."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def numbered(make):
    """A shape made of numbered units (so that no two are the same), to the size asked for."""
    def shape(n):
        parts, size, i = [], 0, 0
        while size < n:
            part = make(i)
            parts.append(part)
            size += len(part)
            i += 1
        return "".join(parts)[:n]
    return shape


def single_quotes(n):
    """A single-mark quotation held open over many weak closers ("players’ union")."""
    body = "players’ union "
    return "‘Start " + body * max(1, (n - 12) // len(body)) + "end.’"


SHAPES = {
    # the failures found by trying to break it (issue 26)
    "furniture_names": repeat("John\nReply\n"),
    "comment_threads": numbered(lambda i: f"Jane{i} says:\n\nReply\n\n" + "x\n\n" * 13),
    "gender_lookback": repeat("Mary Jones, he, "),
    "weak_single_closers": single_quotes,
    "pages_in_one_record": numbered(lambda i: f"Page {i}\n\n" + fixture("web-page.txt").replace(
        "council", f"council {i}") + "\n\n" + fixture("kazakh-gorbachev.txt").replace(
        "Tokayev", f"Tokayev{i}") + "\n\n"),
    "one_page_repeated": repeat(fixture("web-page.txt") + "\n\n"),
    # ordinary and odd text
    "prose": repeat(fixture("kazakh-gorbachev.txt") + "\n\n"),
    "short_lines": numbered(lambda i: f"Item {i}\n"),
    "one_line": repeat("The council said the bridge would open in May, and Mr. Smith agreed. "),
    "nested_quotes": repeat("“He said ‘they told me “no” twice’ and left,” she said. "),
    "capitalised_runs": repeat("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa "),
    # a transcript of many speakers, each label's name looked up among all the others (issue 29)
    "transcript_turns": numbered(lambda i: f"SPEAKER{i} DOE{i}: We will vote on it today.\n\n"
                                 f"DOE{i}: Is that still the plan?\n\nIt is, and we mean it.\n\n"),
    # a sentence without end before a quotation, every cue in it asking for its speaker's phrase
    # (issue 29's object, parenthetical and description checks), and descriptions beside names
    "cue_chain": lambda n: repeat("Jane Doe, says the chief inspector, clarified his comments, ")(n)
    + "“We will vote.”",
    "descriptions": numbered(lambda i: f"The chief inspector of schools, Jane Doe{i}, spoke. "
                             f"“We will act,” the chief inspector said.\n\n"),
    # HTML pages (issue 32): furniture containers nested as deep as the page goes (never closed),
    # and a page of many blocks
    "html_nested_furniture": lambda n: "<html><body>" + repeat('<div class="nav"><p>Home</p>')(n),
    "html_blocks": lambda n: "<html><body>" + repeat(
        "<nav><a>Home</a></nav><h1>Title</h1><p>The council said the bridge would open.</p>")(n),
}


# shapes whose superlinear cost shows only at a larger size: their smaller size
SIZES = {"pages_in_one_record": 1 << 20}


def seconds(binary, text):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        out = subprocess.run([binary, "-q", "--compact", "-"], input=text.encode("utf-8"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        took = time.perf_counter() - start
        if out.returncode != 0:
            sys.exit(f"analyze failed: {out.stderr.decode(errors='replace')[:300]}")
        best = took if best is None else min(best, took)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "analyze"))
    ap.add_argument("--n", type=int, default=256 * 1024, help="the smaller size, in characters")
    ap.add_argument("--only", help="comma-separated shape names")
    args = ap.parse_args()
    names = args.only.split(",") if args.only else list(SHAPES)
    failed = []
    for name in names:
        make = SHAPES[name]
        n = max(args.n, SIZES.get(name, 0))
        small, large = make(n), make(8 * n)
        t1, t8 = seconds(args.binary, small), seconds(args.binary, large)
        ratio = t8 / max(t1, 1e-3)
        verdict = "ok" if ratio <= LIMIT else "FAIL"
        print(f"{verdict:4} {name:20} {len(small):>9} chars {t1:7.3f} s   {len(large):>9} chars "
              f"{t8:7.3f} s   ratio {ratio:5.1f}", flush=True)
        if ratio > LIMIT:
            failed.append(name)
    print(f"{len(names) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
