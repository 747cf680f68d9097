"""The Spark job in local mode on ../shared/data/dups/dev_batch.jsonl (every batch one corpus):
the passages it finds shared equal those of `analyze --cross-article` on each batch (pair F1 >= 0.99),
and its reports equal the CLI's; and on scraped pages that share a wire story, menus and date lines
(fixtures/shared-pages.jsonl, one corpus in file order), exactly the CLI's passages."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BATCHES = ROOT.parent / "shared" / "data" / "dups" / "dev_batch.jsonl"
sys.path.insert(0, str(Path(__file__).parent))


def cli():
    path = os.environ.get("ANALYZE_BIN", str(ROOT / "target" / "release" / "analyze"))
    if not Path(path).exists():
        pytest.fail(f"no analyze binary at {path}")
    return path


def cli_lines(docs, *flags):
    stream = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    out = subprocess.run([cli(), "--input-format", "jsonl", *flags, "-"], input=stream.encode(),
                         capture_output=True, check=True)
    return [json.loads(l) for l in out.stdout.decode().splitlines()]


def read_parts(folder):
    return [json.loads(l) for p in sorted(Path(folder).glob("part-*")) for l in p.read_text().splitlines()]


def key(corpus, id, d, other):
    return (corpus, id, d["start"], d["end"], other["id"], other["start"], other["end"])


@pytest.mark.parametrize("pipe", [False, True])
def test_job_matches_the_cli(tmp_path, pipe):
    from pyspark.sql import SparkSession

    import job

    # the workers run this interpreter, which has news_analyze installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    batches = [json.loads(l) for l in BATCHES.read_text().splitlines() if l.strip()]
    spark = SparkSession.builder.master("local[2]").appName("analyze-test") \
        .config("spark.ui.enabled", "false").getOrCreate()
    start = time.perf_counter()
    job.run(spark, str(BATCHES), str(tmp_path / "out"), pipe=cli() if pipe else None)
    seconds = time.perf_counter() - start
    spark.stop()
    articles = sum(len(b["docs"]) for b in batches)
    print(f"\n{articles} articles in {seconds:.1f} s: {articles / seconds:.0f} articles/s "
          f"({'RDD.pipe' if pipe else 'mapPartitions'}, local[2])")

    expected, reports = set(), {}
    for b in batches:
        for r in cli_lines(b["docs"], "--cross-article"):
            expected |= {key(b["id"], r["id"], c, c["other"]) for c in r["cross_duplicates"]}
        for r in cli_lines(b["docs"]):
            reports[r["id"]] = r
    found = {key(s["corpus"], s["id"], s, s["other"]) for s in read_parts(tmp_path / "out" / "shared")}
    tp = len(found & expected)
    f1 = 2 * tp / max(1, len(found) + len(expected))
    print(f"pairs: {len(expected)} by the CLI, {len(found)} by Spark, F1 {f1:.4f}")
    assert f1 >= 0.99, (sorted(expected - found)[:5], sorted(found - expected)[:5])
    got = read_parts(tmp_path / "out" / "reports")
    assert len(got) == len(reports)
    for r in got:
        assert r == reports[r["id"]]


def test_job_matches_the_cli_on_scraped_pages(tmp_path):
    from pyspark.sql import SparkSession

    import job

    os.environ["PYSPARK_PYTHON"] = sys.executable
    pages = ROOT / "fixtures" / "shared-pages.jsonl"
    docs = [json.loads(l) for l in pages.read_text().splitlines() if l.strip()]
    spark = SparkSession.builder.master("local[2]").appName("analyze-test-pages") \
        .config("spark.ui.enabled", "false").getOrCreate()
    job.run(spark, str(pages), str(tmp_path / "out"), partitions=2)
    spark.stop()
    expected = {key("all", r["id"], c, c["other"])
                for r in cli_lines(docs, "--cross-article") for c in r["cross_duplicates"]}
    found = {key(s["corpus"], s["id"], s, s["other"]) for s in read_parts(tmp_path / "out" / "shared")}
    assert expected, "the pages share a wire story"
    assert found == expected
