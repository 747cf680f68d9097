//! Header lines, captions, furniture words and hard-wrapped text: one fixture of our own per class
//! of error (`fixtures/sections/`), each with the sections it must come out as.

use crate::common::*;
use serde_json::Value;

/// The report of `fixtures/sections/NAME`, every span checked.
fn report(name: &str) -> Value {
    let path = fixture(&format!("sections/{name}"));
    let out = analyze().arg(&path).output().unwrap();
    assert!(out.status.success());
    let r = parse_lines(&out.stdout).remove(0);
    check_report(&analysed_text(&path), &r);
    r
}

/// Each section's kind with the start of its text.
fn kinds(r: &Value) -> Vec<(String, String)> {
    r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text: String = s["text"].as_str().unwrap().chars().take(20).collect();
            (s["kind"].as_str().unwrap().to_string(), text)
        })
        .collect()
}

fn kind_of(r: &Value, opening: &str) -> String {
    kinds(r)
        .into_iter()
        .find(|(_, t)| opening.starts_with(t.as_str()) || t.starts_with(opening))
        .map(|(k, _)| k)
        .unwrap_or_else(|| panic!("no section opens with {opening:?}: {:?}", kinds(r)))
}

/// The sections of `kind`, in order.
fn sections_of<'r>(r: &'r Value, kind: &str) -> Vec<&'r Value> {
    r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == kind)
        .collect()
}

const HEADLINE: &str = "Floods leave thousands homeless in the north";

fn headline(r: &Value) -> String {
    sections_of(r, "headline")
        .first()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn a_dateline_above_the_headline_is_no_kicker_and_no_headline() {
    let r = report("dateline-first.txt");
    assert_eq!(headline(&r), HEADLINE);
    assert_eq!(kind_of(&r, "KABUL, AFGHANISTAN"), "dateline");
}

#[test]
fn a_rubric_above_the_headline_is_its_kicker() {
    let r = report("rubric.txt");
    assert_eq!(headline(&r), HEADLINE);
    assert_eq!(kind_of(&r, "WORLD NEWS"), "kicker");
}

#[test]
fn a_byline_with_two_names_and_a_date() {
    let r = report("byline-two-names.txt");
    assert_eq!(headline(&r), HEADLINE);
    assert_eq!(kind_of(&r, "By Maria Lopez"), "byline");
    assert_eq!(kind_of(&r, "March 3, 2024"), "dateline");
    let byline = sections_of(&r, "byline")[0];
    assert_eq!(
        byline["names"],
        serde_json::json!(["Maria Lopez", "Daniel Okafor"])
    );
}

#[test]
fn three_caption_styles_with_their_credits() {
    let r = report("captions.txt");
    assert_eq!(kind_of(&r, "Villagers carry"), "caption");
    assert_eq!(kind_of(&r, "Image copyright"), "caption");
    assert_eq!(kind_of(&r, "A bridge lies"), "caption");
    // the prose around them stays body
    assert_eq!(kind_of(&r, "Aid agencies said"), "body");
    let credits: Vec<&str> = sections_of(&r, "caption")
        .iter()
        .map(|s| s["credit"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        credits,
        ["Paul Sancya, AP", "GETTY IMAGES", "Jon Elswick / AP"]
    );
}

#[test]
fn a_furniture_word_in_reported_prose_is_not_furniture() {
    let r = report("prose-platform-words.txt");
    let body = sections_of(&r, "body");
    assert!(
        body.iter()
            .any(|s| s["text"].as_str().unwrap().contains("said on Twitter"))
    );
    assert_eq!(kind_of(&r, "Subscribe to our"), "boilerplate");
    let names: Vec<&str> = r["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Elon Musk"), "{names:?}");
}

#[test]
fn hard_wrapped_paragraphs_are_rebuilt_with_lf_or_crlf() {
    for name in ["wrapped-72.txt", "wrapped-crlf.txt"] {
        let r = report(name);
        assert_eq!(headline(&r), HEADLINE, "{name}");
        let body = sections_of(&r, "body")[0];
        assert_eq!(body["paragraphs"].as_array().unwrap().len(), 3, "{name}");
        // the quotation runs over the wrap, whole, with its speaker
        let q = &r["quotes"][0];
        assert_eq!(q["text"], "We have lost everything we had,", "{name}");
        assert_eq!(q["speaker"]["name"], "Mohammad Karimi", "{name}");
    }
}

#[test]
fn reader_comments_and_the_note_about_the_writer_are_not_the_story() {
    let r = report("comments.txt");
    assert_eq!(
        headline(&r),
        "Harbour town votes to keep its ferry running through the winter"
    );
    let body: Vec<&str> = sections_of(&r, "body")
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(body.len(), 1, "{body:?}");
    assert!(body[0].starts_with("The council of a small harbour town"));
    assert!(body[0].ends_with("until a regional grant is agreed."));
    // the note about the writer and the whole thread under it: page furniture
    assert_eq!(
        kind_of(&r, "Maria Lindqvist is a staff reporter"),
        "boilerplate"
    );
    let last = r["sections"].as_array().unwrap().last().unwrap();
    assert!(
        last["text"]
            .as_str()
            .unwrap()
            .ends_with("the last time we have it.\nReply")
    );
}
