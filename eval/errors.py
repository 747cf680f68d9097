#!/usr/bin/env python3
"""Error listings for development: run the release binary over one evaluation set, write the
predictions in its scorer's format, and run the scorer with its error listing.

  eval/errors.py ner|ner_news|quotes|quotes_uk|attributions|mix_quotes [N] [--pred OUT.jsonl]

N is how many errors of each kind to list (default 40). Reads ../shared/data and ../shared/eval;
prints what the scorer prints. For looking at error classes, never for copying items into the code.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
SETS = {
    "ner": ("ner/conll2003-dev.detok.jsonl", "score_ner.py"),
    "ner_news": ("ner/gum-news-dev.jsonl", "score_ner.py"),
    "quotes": ("quotes/dev.jsonl", "score_quotes.py"),
    "quotes_uk": ("quotes/dev_uk.jsonl", "score_quotes.py"),
    "attributions": ("attributions/dev.jsonl", "score_quotes.py"),
    "mix_quotes": ("mix/dev.jsonl", "score_quotes.py"),
}


def reports(gold):
    records = "".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold)
    out = subprocess.run(
        [os.environ.get("ANALYZE", os.path.join(ROOT, "target/release/analyze")), "--input-format", "jsonl", "-"],
        input=records.encode(), capture_output=True, check=True)
    return {r["id"]: r for r in map(json.loads, out.stdout.decode().splitlines())}


def prediction(task, g, rep):
    if task.startswith("ner"):
        ents = [{"start": m["start"], "end": m["end"], "type": e["type"]}
                for e in rep.get("entities", []) for m in e["mentions"]]
        return {"id": g["id"], "entities": ents}
    items = rep.get("attributions") if task == "attributions" and "attributions" in rep else rep.get("quotes", [])
    quotes = []
    for q in items or []:
        speaker = (q.get("speaker") or {}).get("name")
        parts = q.get("parts") if task != "attributions" else None
        for p in parts or [q]:
            quotes.append({"start": p["start"], "end": p["end"], "text": p["text"], "speaker": speaker})
    return {"id": g["id"], "quotes": quotes}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    task = args[0]
    n = args[1] if len(args) > 1 else "40"
    path, scorer = SETS[task]
    gold_path = os.path.join(SHARED, "data", path)
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    reps = reports(gold)
    out = sys.argv[sys.argv.index("--pred") + 1] if "--pred" in sys.argv else None
    with (open(out, "w") if out else tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)) as f:
        for g in gold:
            f.write(json.dumps(prediction(task, g, reps.get(g["id"], {}))) + "\n")
        pred = f.name
    subprocess.run([sys.executable, os.path.join(SHARED, "eval", scorer), gold_path, pred, "--errors", n])


if __name__ == "__main__":
    main()
