//! Helpers shared by the integration tests: running the binary and checking a report's invariants.
#![allow(dead_code)]

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

/// `text[start..end]` in Unicode scalar positions.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

pub fn parse_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn at(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}")) as usize
}

/// Every span of the report lies in bounds and slices `text` to what the report says; sections are
/// in order, non-overlapping, and cover every non-blank line.
pub fn check_report(text: &str, report: &Value) {
    let n = text.chars().count();
    assert_eq!(at(report, "chars"), n, "chars");
    assert_eq!(report["schema_version"], 1);
    let sections = report["sections"].as_array().expect("sections array");
    let mut last_end = 0;
    for s in sections {
        let (start, end) = (at(s, "start"), at(s, "end"));
        assert!(
            start < end && end <= n,
            "section span {start}..{end} out of bounds ({n})"
        );
        assert!(
            start >= last_end,
            "sections overlap or are out of order at {start}"
        );
        last_end = end;
        assert_eq!(
            slice_chars(text, start, end),
            s["text"].as_str().expect("text"),
            "section text"
        );
        let mut p_end = start;
        for p in s["paragraphs"].as_array().expect("paragraphs array") {
            let (ps, pe) = (at(p, "start"), at(p, "end"));
            assert!(
                ps >= p_end && ps < pe && pe <= end,
                "paragraph {ps}..{pe} outside its section"
            );
            p_end = pe;
        }
        if let Some(title) = s.get("title") {
            let title = title.as_str().expect("title string");
            assert!(
                slice_chars(text, start, end).starts_with(title),
                "sidebar text starts with its title"
            );
        }
    }
    // every non-blank line's text lies inside some section
    let mut offset = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        if line.trim().is_empty() {
            offset += len + 1;
            continue;
        }
        let pos = offset + lead;
        assert!(
            sections
                .iter()
                .any(|s| at(s, "start") <= pos && pos < at(s, "end")),
            "line at {pos} ({line:?}) is in no section"
        );
        offset += len + 1;
    }
    for key in ["duplicates", "quotes", "entities"] {
        assert!(report[key].is_array(), "{key} is an array");
    }
}
