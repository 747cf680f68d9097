//! Duplicates through the binary: `--cross-article`, `--dedupe` and `--fingerprints`.

use crate::common::*;
use serde_json::{Value, json};

const WIRE: &str = "The once-famous computer brand could be resurrected after being bought by a \
                    US-based digital music distributor, the company said in a statement on Tuesday.";

fn run_jsonl(args: &[&str], input: String) -> Vec<Value> {
    let out = analyze()
        .args(["--input-format", "jsonl"])
        .args(args)
        .arg("-")
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_lines(&out.stdout)
}

fn records() -> Vec<(&'static str, String)> {
    vec![
        (
            "a",
            format!("Local news\n\nThe mayor opened the fair.\n\n{WIRE}\n\nMore local news."),
        ),
        (
            "b",
            "Nothing shared here at all, only a short story about the weather.".to_string(),
        ),
        (
            "c",
            format!("Tech news\n\n{WIRE} Analysts were surprised by the deal."),
        ),
        ("d", format!("{WIRE}\n\nThe end.")),
    ]
}

#[test]
fn cross_article_lists_each_earlier_input_holding_a_passage() {
    let recs = records();
    let reports = run_jsonl(&["--cross-article"], jsonl(&recs));
    assert_eq!(reports.len(), 4);
    for (r, (_, text)) in reports.iter().zip(&recs) {
        check_report(text, r);
    }
    assert_eq!(reports[0]["cross_duplicates"], json!([]));
    assert_eq!(reports[1]["cross_duplicates"], json!([]));
    let d = reports[3]["cross_duplicates"].as_array().unwrap();
    let others: Vec<&str> = d
        .iter()
        .map(|c| c["other"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(others, ["a", "c"]);
    for c in d {
        assert_eq!(c["text"], WIRE);
        assert_eq!(c["kind"], "exact");
        // the other input's offsets slice its text to the same passage
        let other = recs.iter().find(|(id, _)| *id == c["other"]["id"]).unwrap();
        let (s, e) = (
            c["other"]["start"].as_u64().unwrap(),
            c["other"]["end"].as_u64().unwrap(),
        );
        assert_eq!(slice_chars(&other.1, s as usize, e as usize), WIRE);
    }
    // without the flag the key is absent
    let plain = run_jsonl(&[], jsonl(&recs));
    assert!(plain[3].get("cross_duplicates").is_none());
}

#[test]
fn cross_article_works_over_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    for (id, text) in records() {
        std::fs::write(dir.path().join(format!("{id}.txt")), text).unwrap();
    }
    let out = analyze()
        .arg("--cross-article")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let reports = parse_lines(&out.stdout);
    let c = reports[2]["cross_duplicates"].as_array().unwrap();
    assert_eq!(c.len(), 1);
    assert!(c[0]["other"]["id"].as_str().unwrap().ends_with("a.txt"));
}

#[test]
fn dedupe_prints_one_article_without_its_later_copies() {
    let path = fixture("kazakh-gorbachev.txt");
    let original = analysed_text(&path);
    let out = analyze().arg("--dedupe").arg(&path).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.len() < original.len());
    assert_eq!(text.matches("Why We Wrote This").count(), 1);
    assert_eq!(original.matches("Why We Wrote This").count(), 2);
    // what is kept is kept as it was: every line of the output is a line of the input, in order
    let mut rest = original.as_str();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} not in the input"));
        rest = &rest[at + line.len()..];
    }
    // re-analysed, only the copies inside longer sentences (kept on purpose) still repeat
    let again = analyze().arg("-").write_stdin(text).output().unwrap();
    let report = &parse_lines(&again.stdout)[0];
    for g in report["duplicates"].as_array().unwrap() {
        for p in g["passages"].as_array().unwrap().iter().skip(1) {
            let t = p["text"].as_str().unwrap();
            assert!(
                !t.contains("Why We Wrote This") && !t.contains("sweeping"),
                "{t}"
            );
        }
    }
}

#[test]
fn dedupe_over_records_prints_records_and_drops_cross_article_copies() {
    let recs = records();
    let out = run_jsonl(&["--dedupe", "--cross-article"], jsonl(&recs));
    let ids: Vec<&str> = out.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(out[0]["text"].as_str().unwrap().contains(WIRE));
    assert_eq!(
        out[2]["text"],
        "Tech news\n\nAnalysts were surprised by the deal."
    );
    assert_eq!(out[3]["text"], "The end.");
    // without --cross-article only repeats inside one article go
    let out = run_jsonl(&["--dedupe"], jsonl(&recs));
    assert_eq!(out[3]["text"], recs[3].1);
}

#[test]
fn fingerprints_of_a_passage_agree_across_articles_and_runs() {
    let recs = records();
    let run = || run_jsonl(&["--fingerprints"], jsonl(&recs));
    let first = run();
    assert_eq!(first, run(), "the same input gives the same fingerprints");
    // the fingerprints lying inside the shared passage are the same in every article holding it
    let inside = |r: &Value, text: &str| -> Vec<String> {
        let start = text.find(WIRE).unwrap();
        let (s, e) = (
            text[..start].chars().count(),
            text[..start].chars().count() + WIRE.chars().count(),
        );
        r["fingerprints"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                f["start"].as_u64().unwrap() as usize >= s + 40
                    && (f["end"].as_u64().unwrap() as usize) + 40 <= e
            })
            .map(|f| f["hash"].as_str().unwrap().to_string())
            .collect()
    };
    let a = inside(&first[0], &recs[0].1);
    assert!(a.len() >= 2, "{a:?}");
    assert_eq!(a, inside(&first[2], &recs[2].1));
    assert_eq!(a, inside(&first[3], &recs[3].1));
    for f in first[0]["fingerprints"].as_array().unwrap() {
        let h = f["hash"].as_str().unwrap();
        assert_eq!(h.len(), 16);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        let words = slice_chars(&recs[0].1, s, e)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        // a 5-word run, or a sentence matched whole (at least 4 words)
        assert!(words >= 4, "{f}");
    }
    let runs = first[0]["fingerprints"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            slice_chars(&recs[0].1, s, e).split_whitespace().count() == 5
        });
    assert!(runs.count() >= 2);
    // they are off by default
    assert!(
        run_jsonl(&[], jsonl(&recs))[0]
            .get("fingerprints")
            .is_none()
    );
}

#[test]
fn dedupe_refuses_flags_it_cannot_honour() {
    let out = analyze()
        .args(["--dedupe", "--fingerprints", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn byte_identical_copies_are_exact_and_whole_past_the_index_limit() {
    // the seed repeats a sidebar of its own, which once split and mislabelled its copies
    let seed = std::fs::read_to_string(fixture("kazakh-gorbachev.txt")).unwrap();
    let ids: Vec<String> = (0..40).map(|i| format!("copy{i}")).collect();
    let recs: Vec<(&str, String)> = ids.iter().map(|i| (i.as_str(), seed.clone())).collect();
    let reports = run_jsonl(&["--cross-article"], jsonl(&recs));
    for (n, r) in reports.iter().enumerate().skip(1) {
        let found = r["cross_duplicates"].as_array().unwrap();
        // one passage per earlier copy, up to the 32 the index remembers
        assert_eq!(found.len(), n.min(32), "copy {n}");
        for d in found {
            assert_eq!(d["kind"], "exact", "copy {n}: {d}");
            assert_eq!(d["similarity"], 1.0);
            // the whole article but its first short line and its last line of page furniture
            let story_end = r["sections"]
                .as_array()
                .unwrap()
                .iter()
                .rfind(|s| s["kind"] != "boilerplate")
                .unwrap()["end"]
                .clone();
            assert_eq!(d["end"], story_end, "copy {n}");
            assert!(d["start"].as_u64().unwrap() < 10, "copy {n}");
        }
    }
}

/// Scraped pages of three sites sharing a wire story, menus, labels and date lines
/// (`fixtures/shared-pages.jsonl`): only copy is shared copy.
#[test]
fn pages_share_their_story_not_their_menus_labels_or_date_lines() {
    let out = analyze()
        .arg("--cross-article")
        .arg(fixture("shared-pages.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let reports = parse_lines(&out.stdout);
    assert_eq!(reports.len(), 4);
    let mut shared = Vec::new();
    for r in &reports {
        let metadata: Vec<(u64, u64)> = r["sections"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["kind"] == "byline" || s["kind"] == "dateline")
            .map(|s| (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
            .collect();
        for c in r["cross_duplicates"].as_array().unwrap() {
            let text = c["text"].as_str().unwrap();
            assert!(
                text.split_whitespace().count() >= 4,
                "a label reported: {text:?}"
            );
            let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            // a dateline opening a shared wire sentence is part of that sentence; alone, never
            assert!(
                metadata.iter().all(|&(s, e)| !(s <= start && end <= e)),
                "a byline or dateline reported: {text:?}"
            );
            shared.push((
                r["id"].as_str().unwrap().to_string(),
                c["other"]["id"].clone(),
            ));
        }
    }
    // the wire story: exact between the first two sites, near (edited) for the third
    let wire =
        |id: &str| reports.iter().find(|r| r["id"] == id).unwrap()["cross_duplicates"].clone();
    let valley = wire("valley-courier/water-pipes");
    assert_eq!(valley.as_array().unwrap().len(), 1);
    assert_eq!(valley[0]["kind"], "exact");
    assert!(
        valley[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("HARBOURTOWN (Wire)")
    );
    let coast = wire("coast-times/pipes");
    assert_eq!(coast.as_array().unwrap().len(), 2);
    assert!(
        coast
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["kind"] == "near")
    );
    // two pages of one site share its footer's sentences, and nothing else
    assert_eq!(shared.len(), 4, "{shared:?}");
}
