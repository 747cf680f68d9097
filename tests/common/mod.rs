//! Helpers shared by the integration tests: running the binary, and (`checks`) a report's
//! invariants.
#![allow(dead_code)]

mod checks;

#[allow(unused_imports)]
pub use checks::*;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn analyze() -> Command {
    Command::cargo_bin("analyze").expect("binary builds")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The fixtures that are articles (every `*.txt` of `fixtures/`), sorted.
pub fn article_fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The text the report's offsets index: the file decoded, without a leading byte-order mark.
pub fn analysed_text(path: &Path) -> String {
    let s = std::fs::read_to_string(path).expect("fixture is UTF-8");
    s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)
}

pub fn parse_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}
