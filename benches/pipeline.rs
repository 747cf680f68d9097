//! Throughput of each stage and of the whole pipeline: `cargo bench`.
//!
//! The corpus is the repository's article fixtures, plus the news articles of
//! `../shared/data/dups/dev.jsonl` when that file is present (it is beside the repository in CI and
//! on the development machine). Throughput is reported in bytes of article text per second.

use std::hint::black_box;
use std::path::Path;

use analyze::internals::{self, Document};
use analyze::{Analyzer, Options};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(root.join("fixtures"))
        .map(|dir| {
            let mut paths: Vec<_> = dir
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if let Ok(jsonl) = std::fs::read_to_string(root.join("../shared/data/dups/dev.jsonl")) {
        texts.extend(jsonl.lines().filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["text"].as_str()?.to_string())
        }));
    }
    texts
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("document", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Document::new(t));
            }
        })
    });
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    g.bench_function("sections", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(internals::sections(d));
            }
        })
    });
    g.bench_function("duplicates", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(internals::duplicates(d));
            }
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(internals::entities(d));
            }
        })
    });
    let found: Vec<_> = docs.iter().map(internals::entities).collect();
    g.bench_function("quotes", |b| {
        b.iter(|| {
            for (d, e) in docs.iter().zip(&found) {
                black_box(internals::quotes(d, e));
            }
        })
    });
    g.bench_function("cross_article", |b| {
        b.iter(|| {
            let mut a = Analyzer::new(Options {
                cross_article: true,
                fingerprints: false,
            });
            for (i, t) in texts.iter().enumerate() {
                black_box(a.analyze(t, i.into()));
            }
        })
    });
    g.bench_function("whole", |b| {
        b.iter(|| {
            for (i, t) in texts.iter().enumerate() {
                black_box(analyze::analyze(t, i.into()));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
