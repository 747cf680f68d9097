//! Trains the entity model on openly licensed annotated text and writes its weights.
//!
//!     cargo run --release --features train --bin train-entities -- [--check] [DATA_DIR] [OUT]
//!
//! DATA_DIR defaults to `../shared/data/ner/train` (GUM's open genres and Wikigold, licences in its
//! README), OUT to `data/model/entities.bin`. The same data gives the same bytes: `--check` trains
//! and compares with OUT instead of writing it, failing when they differ.

use std::path::PathBuf;
use std::process::ExitCode;

use analyze::internals::train;

/// Training passes over the examples.
const EPOCHS: usize = 12;

/// The training files, in the order they are read.
const FILES: &[&str] = &["gum-open.jsonl", "wikigold.detok.jsonl"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let dir = PathBuf::from(
        paths
            .first()
            .map_or("../shared/data/ner/train", |p| p.as_str()),
    );
    let out = PathBuf::from(
        paths
            .get(1)
            .map_or("data/model/entities.bin", |p| p.as_str()),
    );
    let mut sets = Vec::new();
    for f in FILES {
        match train::read(&dir.join(f)) {
            Ok(docs) => sets.push(docs),
            Err(e) => {
                eprintln!("train-entities: {}: {e}", dir.join(f).display());
                return ExitCode::from(2);
            }
        }
    }
    if args.iter().any(|a| a == "--cv") {
        let epochs = EPOCHS;
        let v = train::cross_validate(&sets, epochs, 5);
        eprintln!(
            "train-entities: 5-fold, {epochs} epochs: span+class F1 rules {:.3}, model on the unsure {:.3}, model on all {:.3}, a perfect judge {:.3} ({} names)",
            v.f1(0),
            v.f1(1),
            v.f1(2),
            v.f1(3),
            v.gold
        );
        eprintln!(
            "train-entities: held-out examples, rows the label, columns the model (None Person Org Place Misc): {:?}",
            v.confusion
        );
        return ExitCode::SUCCESS;
    }
    let (bytes, summary) = train::train(&sets, EPOCHS);
    eprintln!(
        "train-entities: {} documents, {} examples (by label {:?}); {:.1}% of them right after training",
        summary.documents,
        summary.examples,
        summary.by_label,
        100.0 * summary.right as f64 / summary.examples.max(1) as f64
    );
    if check {
        let same = std::fs::read(&out).is_ok_and(|b| b == bytes);
        eprintln!(
            "train-entities: {} {}",
            out.display(),
            if same { "matches" } else { "DIFFERS" }
        );
        return ExitCode::from(u8::from(!same));
    }
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train-entities: {}: {e}", out.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "train-entities: wrote {} ({} bytes)",
        out.display(),
        bytes.len()
    );
    ExitCode::SUCCESS
}
