//! Every fixture through the binary: span invariants, the JSON Schema, the seed's gold, edge cases,
//! and whole-report snapshots.

use crate::common::*;
use serde_json::Value;

fn report_for(name: &str) -> (String, Value) {
    let path = fixture(name);
    let out = analyze().arg(&path).output().expect("runs");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = parse_lines(&out.stdout).remove(0);
    (analysed_text(&path), report)
}

/// The seed article's hand-made annotation.
fn seed_gold() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("kazakh-gorbachev.gold.json")).unwrap())
        .unwrap()
}

fn kinds(report: &Value) -> Vec<String> {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_span_of_every_fixture_slices_the_input() {
    let fixtures = article_fixtures();
    assert!(fixtures.len() >= 8);
    for path in fixtures {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let (text, report) = report_for(&name);
        check_report(&text, &report);
    }
}

#[test]
fn reports_validate_against_the_printed_schema() {
    let out = analyze().arg("--schema").output().unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // the articles, and the pages (whose reports carry `source_format` and `text`)
    let mut pages: Vec<_> = std::fs::read_dir(fixture("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() >= 3);
    for path in article_fixtures().into_iter().chain(pages) {
        let out = analyze().arg(&path).output().unwrap();
        let report = parse_lines(&out.stdout).remove(0);
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    // and the schema is not vacuous: a report missing its sections fails it
    let bad = serde_json::json!({"schema_version": 1, "id": "x", "chars": 0});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn seed_sections_match_the_gold() {
    let (text, report) = report_for("kazakh-gorbachev.txt");
    let gold = seed_gold();
    assert_eq!(report["chars"], gold["chars"]);
    let sections = report["sections"].as_array().unwrap();
    for g in gold["sections"].as_array().unwrap() {
        let paras = match g.get("paragraphs") {
            Some(p) => p.as_array().unwrap().clone(),
            None => vec![g.clone()],
        };
        for p in paras {
            let (a, b) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            let owner = sections
                .iter()
                .find(|s| s["start"].as_u64().unwrap() <= a && b <= s["end"].as_u64().unwrap())
                .unwrap_or_else(|| panic!("gold paragraph {a}..{b} in no section"));
            assert_eq!(
                owner["kind"],
                g["kind"],
                "paragraph {a}..{b}: {:?}",
                slice_chars(&text, a as usize, b as usize)
            );
            if let Some(title) = g.get("title") {
                assert_eq!(&owner["title"], title);
            }
        }
    }
    // the gold's sections, one for one
    let got: Vec<(Value, Value, Value)> = sections
        .iter()
        .map(|s| (s["kind"].clone(), s["start"].clone(), s["end"].clone()))
        .collect();
    let want: Vec<(Value, Value, Value)> = gold["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["kind"].clone(), s["start"].clone(), s["end"].clone()))
        .collect();
    assert_eq!(got, want);
}

fn overlap(a: (u64, u64), b: (u64, u64)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0)) as f64;
    inter / (a.1 - a.0).max(b.1 - b.0).max(1) as f64
}

#[test]
fn seed_duplicates_match_the_gold() {
    let (_, report) = report_for("kazakh-gorbachev.txt");
    let gold = seed_gold();
    let groups = report["duplicates"].as_array().unwrap();
    let span = |v: &Value| (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
    for g in gold["duplicates"].as_array().unwrap() {
        let want: Vec<(u64, u64)> = g["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap(), p[1].as_u64().unwrap()))
            .collect();
        // one group holds every gold passage, each at nearly its gold span, with the gold's kind
        let found = groups.iter().find(|pg| {
            want.iter().all(|&w| {
                pg["passages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| overlap(span(p), w) >= 0.9)
            })
        });
        let found = found.unwrap_or_else(|| panic!("gold group {g} not found in {groups:?}"));
        assert_eq!(found["kind"], g["kind"], "{g}");
    }
    // the repeated sidebar's paragraph points at the first copy
    let sidebars: Vec<&Value> = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "sidebar")
        .collect();
    assert_eq!(sidebars.len(), 2);
    assert!(sidebars[0]["paragraphs"][0].get("duplicate_of").is_none());
    assert_eq!(
        span(&sidebars[1]["paragraphs"][0]["duplicate_of"]),
        (459, 678)
    );
}

#[test]
fn seed_entities_match_the_gold() {
    let (_, report) = report_for("kazakh-gorbachev.txt");
    let gold = seed_gold();
    let entities = report["entities"].as_array().unwrap();
    let span = |v: &Value| (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
    for g in gold["entities"].as_array().unwrap() {
        // every gold mention is a mention of one entity, named as the gold names it, of its type
        let owners: Vec<&Value> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                entities
                    .iter()
                    .find(|e| {
                        e["mentions"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|pm| span(pm) == span(m))
                    })
                    .unwrap_or_else(|| panic!("mention {m} of {} not found", g["name"]))
            })
            .collect();
        let first = owners[0];
        assert!(
            owners.iter().all(|o| o["id"] == first["id"]),
            "{} split",
            g["name"]
        );
        let names: Vec<&Value> = std::iter::once(&g["name"])
            .chain(
                g.get("aliases")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten(),
            )
            .collect();
        assert!(
            names.contains(&&first["name"]),
            "{} named {}",
            g["name"],
            first["name"]
        );
        let compatible = match g["type"].as_str().unwrap() {
            "GPE" | "LOC" => vec!["GPE", "LOC"],
            t => vec![t],
        };
        assert!(
            compatible.contains(&first["type"].as_str().unwrap()),
            "{}",
            g["name"]
        );
    }
    let tokayev = entities
        .iter()
        .find(|e| e["name"] == "Kassym-Jomart Tokayev")
        .unwrap();
    assert_eq!(tokayev["count"], 9);
    assert_eq!(tokayev["in_headline"], false);
}

#[test]
fn seed_quotes_match_the_gold() {
    let (_, report) = report_for("kazakh-gorbachev.txt");
    let gold = seed_gold();
    let quotes = report["quotes"].as_array().unwrap();
    let span = |v: &Value| (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
    assert_eq!(quotes.len(), gold["quotes"].as_array().unwrap().len());
    for g in gold["quotes"].as_array().unwrap() {
        let q = quotes
            .iter()
            .find(|q| overlap(span(q), span(g)) >= 0.9)
            .unwrap_or_else(|| panic!("gold quote {g} not found"));
        let name = &q["speaker"]["name"];
        assert!(
            g["speaker_any_of"].as_array().unwrap().contains(name),
            "{name} for {g}"
        );
    }
    // the quotation over two paragraphs is one, with a part in each
    let two = quotes.iter().find(|q| q.get("parts").is_some()).unwrap();
    assert_eq!(span(two), (3225, 3551));
    assert_eq!(two["parts"].as_array().unwrap().len(), 2);
    // the partial quote inside reported speech, and the role of the first Kortunov quote
    assert_eq!(quotes[1]["kind"], "partial");
    assert_eq!(
        quotes[0]["speaker"]["role"],
        "head of the Russian International Affairs Council"
    );
    assert_eq!(quotes[0]["cue"]["text"], "says");
}

#[test]
fn seed_reported_speech_is_attributed() {
    let (_, report) = report_for("kazakh-gorbachev.txt");
    let attributions = report["attributions"].as_array().unwrap();
    let find = |start: &str| {
        attributions
            .iter()
            .find(|a| a["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no attribution starting {start:?}"))
    };
    // "Some analysts say that Mr. Tokayev could bring sweeping changes, ..."
    let analysts = find("that Mr. Tokayev could bring sweeping changes");
    assert_eq!(analysts["kind"], "indirect");
    assert_eq!(analysts["speaker"]["name"], "Some analysts");
    assert_eq!(analysts["cue"]["text"], "say");
    // "Tokayev says he intends to expand “contacts with the world, ...”": the partial quote is in it
    let mixed = find("he intends to expand “contacts with the world");
    assert_eq!(mixed["kind"], "mixed");
    assert_eq!(mixed["speaker"]["name"], "Kassym-Jomart Tokayev");
    assert_eq!(mixed["quotes"], serde_json::json!([1]));
    // every direct quotation is one attribution, the one over two paragraphs too
    let direct = attributions
        .iter()
        .filter(|a| a["kind"] == "direct")
        .count();
    assert_eq!(direct, report["quotes"].as_array().unwrap().len() - 1);
}

#[test]
fn web_page_shows_every_section_kind() {
    let (_, report) = report_for("web-page.txt");
    assert_eq!(
        kinds(&report),
        [
            "boilerplate",
            "kicker",
            "headline",
            "dek",
            "byline",
            "dateline",
            "caption",
            "dateline",
            "body",
            "body",
            "sidebar",
            "body",
            "boilerplate",
            "body",
            "boilerplate"
        ]
    );
    let sidebar = first_section(&report, "sidebar").unwrap();
    assert_eq!(sidebar["title"], "Key points");
}

#[test]
fn crlf_offsets_count_carriage_returns_and_exclude_them_from_spans() {
    let (text, report) = report_for("crlf.txt");
    assert!(text.contains("\r\n"));
    assert_eq!(kinds(&report), ["headline", "body"]);
    for s in report["sections"].as_array().unwrap() {
        assert!(!s["text"].as_str().unwrap().ends_with('\r'));
    }
    let body = &report["sections"][1];
    assert_eq!(
        body["start"], 36,
        "two CRLF pairs after the 32-char headline"
    );
    assert_eq!(body["paragraphs"].as_array().unwrap().len(), 2);
}

#[test]
fn a_byte_order_mark_is_dropped_and_offsets_count_from_after_it() {
    let (text, report) = report_for("bom.txt");
    assert!(!text.starts_with('\u{feff}'));
    assert_eq!(report["sections"][0]["start"], 0);
    assert_eq!(
        report["sections"][0]["text"],
        "BOM at the start of the file"
    );
    assert_eq!(report["chars"], text.chars().count());
}

#[test]
fn no_break_spaces_and_tabs_stay_in_the_text_but_not_at_edges() {
    let (_, report) = report_for("nbsp-tabs.txt");
    assert_eq!(kinds(&report), ["headline", "body"]);
    let body = &report["sections"][1];
    let first = body["text"].as_str().unwrap();
    assert!(first.starts_with("The\u{a0}mayor") && first.ends_with("to work."));
    assert!(first.contains("the\tcity"));
}

#[test]
fn empty_and_whitespace_only_inputs_give_empty_reports() {
    for name in ["empty.txt", "whitespace-only.txt"] {
        let (text, report) = report_for(name);
        assert_eq!(report["chars"], text.chars().count());
        for key in ["sections", "duplicates", "quotes", "entities"] {
            assert_eq!(report[key], Value::Array(vec![]), "{name}: {key}");
        }
    }
}

#[test]
fn a_headline_only_article_is_its_headline() {
    let (_, report) = report_for("headline-only.txt");
    assert_eq!(kinds(&report), ["headline"]);
}

#[test]
fn lines_without_blank_lines_between_are_paragraphs() {
    let (_, report) = report_for("no-blank-lines.txt");
    assert_eq!(kinds(&report), ["headline", "body"]);
    assert_eq!(
        report["sections"][1]["paragraphs"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn snapshots_of_whole_reports() {
    for name in ["kazakh-gorbachev.txt", "web-page.txt"] {
        let (_, mut report) = report_for(name);
        report["id"] = Value::String(name.to_string());
        // as text: insta's own JSON writer cannot read serde_json's exact numbers (the ids are kept
        // exactly: `arbitrary_precision`), and would print their inner form
        let pretty = serde_json::to_string_pretty(&report).expect("a report serialises");
        insta::assert_snapshot!(name, pretty);
    }
}
