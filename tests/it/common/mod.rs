//! Helpers shared by the integration tests: running the binary (on arguments and standard input,
//! or on files written to a temporary folder), JSON Lines input, and (`checks`) a report's
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

/// The report of the fixture `name` (a path under `fixtures/`), analysed alone, with every span
/// checked against its text.
pub fn checked_report(name: &str) -> Value {
    let path = fixture(name);
    let out = analyze().arg(&path).output().expect("binary runs");
    assert!(out.status.success(), "{name}: exit {:?}", out.status.code());
    let r = parse_lines(&out.stdout).remove(0);
    check_report(&analysed_text(&path), &r);
    r
}

/// The names of a report's entities, in order.
pub fn entity_names(report: &Value) -> Vec<&str> {
    report["entities"]
        .as_array()
        .map(|es| es.iter().filter_map(|e| e["name"].as_str()).collect())
        .unwrap_or_default()
}

/// The texts of a report's quotations, in order.
pub fn quote_texts(report: &Value) -> Vec<&str> {
    report["quotes"]
        .as_array()
        .map(|qs| qs.iter().filter_map(|q| q["text"].as_str()).collect())
        .unwrap_or_default()
}

/// The report's first section of `kind`, if it has one.
pub fn first_section<'r>(report: &'r Value, kind: &str) -> Option<&'r Value> {
    report["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["kind"] == kind)
}

pub fn parse_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// What one run of the binary gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    /// Standard output's lines, each parsed as JSON.
    pub fn lines(&self) -> Vec<Value> {
        parse_lines(&self.stdout)
    }
}

/// Runs the binary on `args` with `stdin`, in `cwd` when given, with `env` set; nothing may take
/// more than a minute.
pub fn run_with(cwd: Option<&Path>, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut cmd = analyze();
    cmd.args(args)
        .timeout(std::time::Duration::from_secs(60))
        .write_stdin(stdin);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Writes `files` (path relative to the folder, contents) to a new temporary folder.
pub fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(path, text).expect("a file");
    }
    dir
}

/// JSON Lines records `{"id", "text"}`, one a line.
pub fn jsonl<I: serde::Serialize>(records: &[(I, String)]) -> String {
    records
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect()
}
