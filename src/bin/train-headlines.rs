//! Fits the headline ranker's weights on pages with gold headlines and writes them.
//!
//!     cargo run --release --features train --bin train-headlines -- [--check] [--cv] [OUT]
//!
//! Reads `../shared/data/sections/dev.jsonl` and `../shared/data/sections2/dev.jsonl` (their
//! licences allow evaluation and fitting the weights of general cues: no word of them enters the
//! project, only one number per cue). A softmax ranking over each page's candidates and
//! "nothing", fitted by gradient descent with an L2 penalty on the pages whose gold headline is among
//! the candidates. The same pages give the same weights: `--check` compares with
//! OUT (default `data/model/headline.tsv`) instead of writing it; `--cv` prints two-fold
//! cross-validated accuracy, the honest figure for unseen pages; `--sets A,B` fits on other files.

use std::path::Path;
use std::process::ExitCode;

use analyze::internals::headline_candidates;
use analyze::internals::headline_model::{FEATURES, Features, dot, format};

/// Gradient steps, their size, and the L2 penalty.
const STEPS: usize = 3000;
const RATE: f64 = 0.2;
const L2: f64 = 3e-3;

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

/// Softmax ranking over each page's candidates and "nothing" (score 0, as [`pick`] reads it),
/// fitted by full-batch gradient descent on the mean negative log-likelihood of the gold candidate
/// with an L2 penalty: a convex fit, so small changes in the candidates move the weights little
/// (a perceptron's weights jumped with them).
fn train(pages: &[&Page]) -> Features {
    let mut w = [0.0f64; FEATURES];
    let n = pages.len().max(1) as f64;
    for _ in 0..STEPS {
        let mut grad = [0.0f64; FEATURES];
        for page in pages {
            let scores: Vec<f64> = page
                .candidates
                .iter()
                .map(|f| (0..FEATURES).map(|i| w[i] * f64::from(f[i])).sum())
                .collect();
            let top = scores.iter().copied().fold(0.0f64, f64::max);
            let nothing = (-top).exp();
            let total = nothing + scores.iter().map(|s| (s - top).exp()).sum::<f64>();
            for (k, f) in page.candidates.iter().enumerate() {
                let p = (scores[k] - top).exp() / total;
                let target = if k == page.gold { 1.0 } else { 0.0 };
                for i in 0..FEATURES {
                    grad[i] += (p - target) * f64::from(f[i]);
                }
            }
        }
        for i in 0..FEATURES {
            w[i] -= RATE * (grad[i] / n + L2 * w[i]);
        }
    }
    w.map(|x| x as f32)
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
