#!/usr/bin/env python3
"""Analyse a corpus of articles on Spark, and find the passages its articles share.

    spark-submit examples/spark/job.py INPUT OUTPUT [--pipe BINARY]

INPUT is a JSON Lines file (or folder of them) of articles {"id", "text"}, or of batches
{"id", "docs": [{"id", "text"}, ...]}: each batch is one corpus, compared within itself, in order
(a plain record is one corpus of its own file order, batch "all"). OUTPUT receives two folders of
JSON Lines: `reports/` (one report per article, exactly the CLI's) and `shared/` (one record per
passage shared with an earlier article of its corpus: the distributed `--cross-article`).

The work divides so that only step 2 moves data between machines:
1. analysis, per record, in `mapPartitions` with the `news_analyze` package (or, with `--pipe`,
   through the `analyze` binary with `RDD.pipe`): the report and its passage fingerprints;
2. grouping the fingerprints by hash, per corpus (the one shuffle), which yields the pairs of
   articles that share one: the candidates;
3. per article with candidates, the library's own cross-article comparison against those earlier
   articles only, in corpus order, which finds the same passages as `--cross-article` over the
   whole corpus.
Runs unchanged in local mode (`--master local[2]`) and on a cluster.
"""
import argparse
import json

from pyspark.sql import SparkSession

# an article is compared with at most this many earlier ones, as the CLI's index remembers
MAX_OTHERS = 32


def records(line):
    """(corpus, order, id, text) for each article of one input line."""
    r = json.loads(line)
    if "docs" in r:
        return [(r["id"], i, d["id"], d["text"]) for i, d in enumerate(r["docs"])]
    return [("all", None, r["id"], r["text"])]


def analyse(rows):
    """Step 1 in the Python package: reports, with fingerprints (dropped from the stored report)."""
    import news_analyze

    rows = list(rows)
    docs = ({"id": r[2], "text": r[3]} for r in rows)
    for (corpus, order, _, text), rep in zip(rows, news_analyze.analyze_many(docs, fingerprints=True)):
        prints = rep.pop("fingerprints")
        yield corpus, order, text, rep, sorted({p["hash"] for p in prints})


def compare(item):
    """Step 3: one article against its earlier candidates, in corpus order."""
    import news_analyze

    (corpus, order), (article, earlier) = item
    earlier = sorted(earlier)[-MAX_OTHERS:]
    docs = [{"id": e[1], "text": e[2]} for e in earlier] + [{"id": article[0], "text": article[1]}]
    *_, last = news_analyze.analyze_many(docs, cross_article=True, chunk=len(docs))
    for c in last["cross_duplicates"]:
        yield {"corpus": corpus, "id": last["id"], "start": c["start"], "end": c["end"],
               "kind": c["kind"], "similarity": c["similarity"], "other": c["other"]}


def run(spark, source, output, pipe=None, partitions=None):
    sc = spark.sparkContext
    # the workers import this file's functions by name when it is imported as a module
    sc.addPyFile(__file__)
    lines = sc.textFile(source, minPartitions=partitions or sc.defaultParallelism)
    arts = lines.flatMap(records).zipWithIndex().map(
        lambda x: (x[0][0], x[0][1] if x[0][1] is not None else x[1], x[0][2], x[0][3]))
    if pipe:
        # the alternative: the binary reads JSON Lines on stdin, one report per line, in order
        reports = arts.map(lambda a: json.dumps({"id": a[2], "text": a[3]})).pipe(
            f"{pipe} --input-format jsonl --fingerprints -").map(json.loads)
        analysed = arts.zip(reports).map(
            lambda x: (x[0][0], x[0][1], x[0][3], x[1], sorted({p["hash"] for p in x[1].pop("fingerprints")})))
    else:
        analysed = arts.mapPartitions(analyse)
    analysed = analysed.cache()
    analysed.map(lambda a: json.dumps(a[3], ensure_ascii=False, separators=(",", ":"))) \
        .saveAsTextFile(f"{output}/reports")
    texts = analysed.map(lambda a: ((a[0], a[1]), (a[3]["id"], a[2])))
    # step 2, the shuffle: articles sharing a fingerprint, per corpus
    pairs = analysed.flatMap(lambda a: [((a[0], h), a[1]) for h in a[4]]) \
        .groupByKey() \
        .flatMap(lambda kv: [((kv[0][0], later), earlier)
                             for orders in [sorted(set(kv[1]))]
                             for j, later in enumerate(orders) for earlier in orders[:j]]) \
        .distinct()
    # each later article with the texts of its candidates
    by_earlier = pairs.map(lambda p: ((p[0][0], p[1]), p[0])).join(texts) \
        .map(lambda x: (x[1][0], (x[0][1], x[1][1][0], x[1][1][1])))
    candidates = by_earlier.groupByKey().join(texts) \
        .map(lambda x: (x[0], (x[1][1], list(x[1][0]))))
    shared = candidates.flatMap(compare)
    shared.map(lambda s: json.dumps(s, ensure_ascii=False)).saveAsTextFile(f"{output}/shared")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--pipe", metavar="BINARY", help="analyse with the binary through RDD.pipe")
    ap.add_argument("--partitions", type=int)
    args = ap.parse_args()
    spark = SparkSession.builder.appName("analyze").getOrCreate()
    run(spark, args.input, args.output, args.pipe, args.partitions)
    spark.stop()


if __name__ == "__main__":
    main()
