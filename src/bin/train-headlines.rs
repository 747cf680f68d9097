//! Fits the headline ranker's weights on pages with gold headlines and writes them.
//!
//!     cargo run --release --features train --bin train-headlines -- [--check] [--cv] [OUT]
//!
//! Reads `../shared/data/sections/dev.jsonl` and `../shared/data/sections2/dev.jsonl` (their
//! licences allow evaluation and fitting the weights of general cues: no word of them enters the
//! project, only one number per cue). A ranking perceptron, averaged: for each page whose gold
//! headline is among the candidates, when another candidate (or nothing) outscores it, the weights
//! move towards the gold one's cues. The same pages give the same weights: `--check` compares with
//! OUT (default `data/model/headline.tsv`) instead of writing it; `--cv` prints two-fold
//! cross-validated accuracy, the honest figure for unseen pages; `--sets A,B` fits on other files.

use std::path::Path;
use std::process::ExitCode;

use analyze::internals::headline_candidates;
use analyze::internals::headline_model::{FEATURES, Features, dot, format};

/// Passes over the pages.
const EPOCHS: usize = 20;

const SETS: &[&str] = &[
    "../shared/data/sections/dev.jsonl",
    "../shared/data/sections2/dev.jsonl",
];

/// A page: its candidates' cues and which one is the gold headline.
struct Page {
    candidates: Vec<Features>,
    gold: usize,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> Result<(Vec<Page>, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    let mut all = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let (Some(t), Some(h)) = (v["text"].as_str(), v["headline"].as_str()) else {
            continue;
        };
        all += 1;
        let h = norm(h);
        let cands = headline_candidates(t);
        if let Some(gold) = cands.iter().position(|(text, _)| norm(text) == h) {
            pages.push(Page {
                candidates: cands.into_iter().map(|(_, f)| f).collect(),
                gold,
            });
        }
    }
    Ok((pages, all))
}

/// The candidate ranked first, if any scores above nothing.
fn pick(w: &Features, page: &Page) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (k, f) in page.candidates.iter().enumerate() {
        let s = dot(w, f);
        if s > 0.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, k));
        }
    }
    best.map(|(_, k)| k)
}

fn train(pages: &[&Page]) -> Features {
    let mut w = [0.0f32; FEATURES];
    let mut sum = [0.0f64; FEATURES];
    let mut steps = 0u64;
    for _ in 0..EPOCHS {
        for page in pages {
            let gold = &page.candidates[page.gold];
            match pick(&w, page) {
                Some(k) if k == page.gold => {}
                Some(k) => {
                    let wrong = page.candidates[k];
                    for i in 0..FEATURES {
                        w[i] += gold[i] - wrong[i];
                    }
                }
                None => {
                    for i in 0..FEATURES {
                        w[i] += gold[i];
                    }
                }
            }
            steps += 1;
            for i in 0..FEATURES {
                sum[i] += f64::from(w[i]);
            }
        }
    }
    let mut avg = [0.0f32; FEATURES];
    for i in 0..FEATURES {
        avg[i] = (sum[i] / steps.max(1) as f64) as f32;
    }
    avg
}

fn accuracy(w: &Features, pages: &[&Page]) -> f64 {
    let right = pages.iter().filter(|p| pick(w, p) == Some(p.gold)).count();
    right as f64 / pages.len().max(1) as f64
}

/// Two-fold cross-validated accuracy, printed: the honest figure for pages the weights never saw.
fn cross_validate(all: &[&Page]) {
    let a: Vec<&Page> = all.iter().copied().step_by(2).collect();
    let b: Vec<&Page> = all.iter().copied().skip(1).step_by(2).collect();
    let right =
        accuracy(&train(&a), &b) * b.len() as f64 + accuracy(&train(&b), &a) * a.len() as f64;
    eprintln!(
        "two-fold accuracy on candidate pages: {:.3} (in-sample {:.3})",
        right / all.len().max(1) as f64,
        accuracy(&train(all), all)
    );
}

fn main() -> ExitCode {
    let mut check = false;
    let mut cv = false;
    let mut sets: Vec<String> = SETS.iter().map(|s| s.to_string()).collect();
    let mut out = "data/model/headline.tsv".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--check" => check = true,
            "--cv" => cv = true,
            // fit on these files instead (to score one set with weights fitted on another)
            "--sets" => {
                sets = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(String::from)
                    .collect()
            }
            _ if a.starts_with("--") => {
                eprintln!("train-headlines: unknown flag {a}");
                return ExitCode::from(2);
            }
            _ => out = a,
        }
    }
    // the weights file only: never a data file named by mistake
    if !out.ends_with(".tsv") {
        eprintln!("train-headlines: {out}: the weights go to a .tsv file");
        return ExitCode::from(2);
    }
    let mut pages = Vec::new();
    for set in &sets {
        match read(Path::new(set)) {
            Ok((p, all)) => {
                eprintln!(
                    "{set}: {} of {all} pages have their gold headline among the candidates",
                    p.len()
                );
                pages.extend(p);
            }
            Err(e) => {
                eprintln!("train-headlines: {set}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let all: Vec<&Page> = pages.iter().collect();
    if cv {
        cross_validate(&all);
    }
    let text = format(&train(&all));
    if check {
        let same = std::fs::read_to_string(&out).is_ok_and(|t| t == text);
        eprintln!(
            "{out}: {}",
            if same {
                "the same weights"
            } else {
                "DIFFERENT weights"
            }
        );
        return if same {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("train-headlines: {out}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
