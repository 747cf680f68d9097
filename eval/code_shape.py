#!/usr/bin/env python3
"""The code's shape, as the architecture asks for it: no source file over 600 lines and no function
over 80 lines, tests aside (a file's `#[cfg(test)]` module, and everything under tests/, benches/).

  eval/code_shape.py [--max-file 600] [--max-fn 80] [ROOT ...]

Lists every file and function over its limit and exits 1 if there is one. Run from the project root;
ROOT defaults to src/. Functions are found by their `fn` line and measured to their closing brace
(braces inside strings, chars and comments are skipped).
"""
import argparse
import os
import re
import sys

FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def code_lines(text):
    """The file's lines up to its test module."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == "#[cfg(test)]":
            return lines[:i]
    return lines


def strip(line, state):
    """The line without string, char and comment contents; `state` carries an open block comment or
    raw string across lines."""
    out = []
    i = 0
    while i < len(line):
        if state["block"]:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            state["block"] = False
            i = end + 2
            continue
        if state["raw"] is not None:
            end = line.find(state["raw"], i)
            if end < 0:
                return "".join(out)
            i = end + len(state["raw"])
            state["raw"] = None
            continue
        if state["string"]:
            c = line[i]
            if c == "\\":
                i += 2
                continue
            if c == '"':
                state["string"] = False
            i += 1
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"] = True
            i += 2
            continue
        m = re.match(r'r(#*)"', line[i:])
        if m and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["raw"] = '"' + m.group(1)
            i += len(m.group(0))
            continue
        if c == '"':
            state["string"] = True
            i += 1
            continue
        m = re.match(r"'(\\.|[^\\'])'", line[i:])
        if c == "'" and m:
            i += len(m.group(0))
            continue
        m = re.match(r"'\\u\{[0-9a-fA-F]+\}'", line[i:])
        if c == "'" and m:
            i += len(m.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(lines):
    """(name, first line number, length) of every function with a body."""
    state = {"block": False, "raw": None, "string": False}
    clean = [strip(l, state) for l in lines]
    found = []
    for i, line in enumerate(clean):
        m = FN.match(line)
        if not m:
            continue
        depth = 0
        opened = False
        for j in range(i, len(clean)):
            for c in clean[j]:
                if c == "{":
                    depth += 1
                    opened = True
                elif c == "}":
                    depth -= 1
                elif c == ";" and not opened and depth == 0:
                    break
            else:
                if opened and depth == 0:
                    found.append((m.group(6), i + 1, j - i + 1))
                    break
                continue
            break
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-file", type=int, default=600)
    ap.add_argument("--max-fn", type=int, default=80)
    ap.add_argument("roots", nargs="*", default=["src"])
    args = ap.parse_args()
    bad = 0
    for root in args.roots:
        for dirpath, _, files in os.walk(root):
            for f in sorted(files):
                if not f.endswith(".rs"):
                    continue
                path = os.path.join(dirpath, f)
                lines = code_lines(open(path, encoding="utf-8").read())
                if len(lines) > args.max_file:
                    print(f"{path}: {len(lines)} lines (over {args.max_file})")
                    bad += 1
                for name, at, n in functions(lines):
                    if n > args.max_fn:
                        print(f"{path}:{at}: fn {name} is {n} lines (over {args.max_fn})")
                        bad += 1
    if bad:
        print(f"{bad} over the limits")
        return 1
    print("every file and function within the limits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
