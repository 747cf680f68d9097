//! A report's invariants, checked on its JSON: every span in bounds and slicing the text to what the
//! report says, lists sorted, sections covering every non-blank line. Shared by the integration tests
//! and the fuzz target (`fuzz/`), so it depends on serde_json alone.
#![allow(dead_code)]

use serde_json::Value;

/// `text[start..end]` in Unicode scalar positions.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Slices a text by Unicode scalar positions in constant time (for reports with very many spans).
pub struct CharSlicer<'a> {
    text: &'a str,
    /// Byte offset of every char, and the text's length at the end.
    bytes: Vec<usize>,
}

impl<'a> CharSlicer<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharSlicer { text, bytes }
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.bytes[start]..self.bytes[end]]
    }

    /// The `{start, end, text}` object `v`'s offsets, checked: a non-empty span in bounds whose
    /// text is what the report says.
    pub fn span(&self, v: &Value) -> (usize, usize) {
        let (s, e) = (at(v, "start"), at(v, "end"));
        assert!(s < e && e < self.bytes.len(), "span {s}..{e}");
        assert_eq!(self.slice(s, e), v["text"].as_str().expect("text"));
        (s, e)
    }
}

fn at(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}")) as usize
}

/// Every span of the report lies in bounds and slices `text` to what the report says; sections are
/// in order, non-overlapping, and cover every non-blank line.
pub fn check_report(text: &str, report: &Value) {
    let chars = CharSlicer::new(text);
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
            chars.slice(start, end),
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
                chars.slice(start, end).starts_with(title),
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
    for key in [
        "warnings",
        "duplicates",
        "quotes",
        "attributions",
        "entities",
    ] {
        assert!(report[key].is_array(), "{key} is an array");
    }
    for w in report["warnings"].as_array().expect("warnings array") {
        assert!(
            w["kind"].is_string() && w["message"].is_string(),
            "warning shape"
        );
        if let Some(at) = w["at"].as_u64() {
            assert!(
                (at as usize) < n.max(1),
                "warning at {at} out of bounds ({n})"
            );
        }
    }
    check_duplicates(text, report);
    check_entities(text, report);
    check_quotes(text, report);
    check_attributions(text, report);
}

/// Attributions: in order, in bounds, slicing the text (speaker mentions and cues too); the quotes
/// they list exist, each in at most one attribution and overlapping it; every quotation with a
/// cue, or a whole sentence, is in one.
pub fn check_attributions(text: &str, report: &Value) {
    let chars = CharSlicer::new(text);
    let quotes = report["quotes"].as_array().expect("quotes");
    let slices = |v: &Value| chars.span(v);
    let mut prev = 0;
    let mut listed = vec![0; quotes.len()];
    for a in report["attributions"].as_array().expect("attributions") {
        let (s, e) = slices(a);
        assert!(s >= prev, "attributions in order");
        prev = s;
        assert!(matches!(
            a["kind"].as_str(),
            Some("direct" | "indirect" | "mixed")
        ));
        for qi in a["quotes"].as_array().expect("quotes") {
            let qi = qi.as_u64().expect("index") as usize;
            assert!(qi < quotes.len(), "quote index {qi}");
            listed[qi] += 1;
            let (qs, qe) = (at(&quotes[qi], "start"), at(&quotes[qi], "end"));
            assert!(qs < e && s < qe, "a listed quote overlaps its attribution");
        }
        if !a["speaker"].is_null() {
            // null when no words name the speaker (an interview's unlabelled question)
            if !a["speaker"]["mention"].is_null() {
                slices(&a["speaker"]["mention"]);
            }
        }
        if !a["cue"].is_null() {
            slices(&a["cue"]);
        }
    }
    for (qi, q) in quotes.iter().enumerate() {
        assert!(listed[qi] <= 1, "quote {qi} in one attribution at most");
        if q["kind"] == "full" || !q["cue"].is_null() {
            assert_eq!(
                listed[qi], 1,
                "quote {qi} ({}) has its attribution",
                q["text"]
            );
        }
    }
}

/// Quotations: in order, in bounds, slicing the text (their parts, speaker mentions and cues too);
/// parts lie inside the quotation; a speaker's entity is one of the report's entities.
pub fn check_quotes(text: &str, report: &Value) {
    let chars = CharSlicer::new(text);
    let entities = report["entities"].as_array().expect("entities").len();
    let slices = |v: &Value| chars.span(v);
    let mut prev = 0;
    for q in report["quotes"].as_array().expect("quotes") {
        let (s, e) = slices(q);
        assert!(s >= prev, "quotes in order");
        prev = s;
        assert!(matches!(
            q["kind"].as_str(),
            Some("full" | "partial" | "turn")
        ));
        if let Some(parts) = q.get("parts") {
            let parts = parts.as_array().expect("parts");
            assert!(parts.len() >= 2);
            for p in parts {
                let (ps, pe) = slices(p);
                assert!(s <= ps && pe <= e);
            }
        }
        if !q["speaker"].is_null() {
            // null when no words name the speaker (an interview's unlabelled question)
            if !q["speaker"]["mention"].is_null() {
                slices(&q["speaker"]["mention"]);
            }
            assert!(!q["speaker"]["name"].as_str().expect("name").is_empty());
            if let Some(id) = q["speaker"]["entity"].as_u64() {
                assert!(id >= 1 && id as usize <= entities);
            }
        }
        if !q["cue"].is_null() {
            slices(&q["cue"]);
        }
    }
}

/// Entities: ids 1, 2, ... in order of first mention; mentions in bounds, slicing the text, in order,
/// not overlapping one another across entities; `count` is the number of mentions.
pub fn check_entities(text: &str, report: &Value) {
    let chars = CharSlicer::new(text);
    let n = text.chars().count();
    let mut all = Vec::new();
    let mut last_first = 0;
    for (i, e) in report["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .enumerate()
    {
        assert_eq!(at(e, "id"), i + 1);
        let ms = e["mentions"].as_array().expect("mentions");
        assert!(!ms.is_empty());
        assert_eq!(at(e, "count"), ms.len());
        assert!(!e["name"].as_str().expect("name").is_empty());
        let mut prev = 0;
        for m in ms {
            let (start, end) = (at(m, "start"), at(m, "end"));
            assert!(
                start < end && end <= n && start >= prev,
                "mention {start}..{end}"
            );
            assert_eq!(chars.slice(start, end), m["text"].as_str().expect("text"));
            prev = end;
            all.push((start, end));
        }
        assert!(
            at(&ms[0], "start") >= last_first,
            "entities ordered by first mention"
        );
        last_first = at(&ms[0], "start");
    }
    all.sort_unstable();
    for w in all.windows(2) {
        assert!(w[0].1 <= w[1].0, "mentions {w:?} overlap");
    }
}

/// Duplicate groups: two or more passages each, in text order, not overlapping, slicing the text;
/// groups ordered by their first passage; similarity in 0..=1, 1 for exact groups; cross-article
/// passages in bounds too; `duplicate_of` points at a span that begins earlier.
pub fn check_duplicates(text: &str, report: &Value) {
    let chars = CharSlicer::new(text);
    let n = text.chars().count();
    let mut last_first = 0;
    for g in report["duplicates"].as_array().expect("duplicates array") {
        let passages = g["passages"].as_array().expect("passages");
        assert!(passages.len() >= 2, "a group has two passages or more: {g}");
        let sim = g["similarity"].as_f64().expect("similarity");
        assert!((0.0..=1.0).contains(&sim), "similarity {sim}");
        let kind = g["kind"].as_str().expect("kind");
        assert!(kind == "exact" || kind == "near");
        if kind == "exact" {
            assert_eq!(sim, 1.0);
        }
        let mut prev_end = 0;
        for (i, p) in passages.iter().enumerate() {
            let (start, end) = (at(p, "start"), at(p, "end"));
            assert!(
                start < end && end <= n,
                "passage {start}..{end} out of bounds"
            );
            assert!(
                i == 0 || start >= prev_end,
                "passages overlap or are out of order: {g}"
            );
            assert_eq!(chars.slice(start, end), p["text"].as_str().expect("text"));
            prev_end = end;
        }
        let first = at(&passages[0], "start");
        assert!(
            first >= last_first,
            "groups are ordered by their first passage"
        );
        last_first = first;
    }
    if let Some(cross) = report.get("cross_duplicates") {
        for c in cross.as_array().expect("cross_duplicates array") {
            let (start, end) = (at(c, "start"), at(c, "end"));
            assert!(start < end && end <= n);
            assert_eq!(chars.slice(start, end), c["text"].as_str().expect("text"));
            assert!(at(&c["other"], "start") < at(&c["other"], "end"));
        }
    }
    for s in report["sections"].as_array().expect("sections") {
        for p in s["paragraphs"].as_array().expect("paragraphs") {
            if let Some(d) = p.get("duplicate_of") {
                assert!(
                    at(d, "start") < at(p, "start"),
                    "duplicate_of points before {p}"
                );
            }
        }
    }
}
