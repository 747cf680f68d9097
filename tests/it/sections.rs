//! Header lines, captions, furniture words and hard-wrapped text: one fixture of our own per class
//! of error (`fixtures/sections/`), each with the sections it must come out as.

use crate::common::*;
use serde_json::Value;

/// The report of `fixtures/sections/NAME`, every span checked.
fn report(name: &str) -> Value {
    checked_report(&format!("sections/{name}"))
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

/// The texts of the sections of `kind`, in order.
fn texts_of(r: &Value, kind: &str) -> Vec<String> {
    sections_of(r, kind)
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
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
fn captions_under_a_label_over_a_credit_line_and_printed_twice() {
    let r = report("captions-by-neighbours.txt");
    let captions = sections_of(&r, "caption");
    let texts: Vec<&str> = captions
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(texts[0].starts_with("Image source, Getty Images\nImage caption, Waves"));
    assert_eq!(
        texts[1],
        "A lifeboat crew at work during the storm\nPhotograph: Jane Roe/Reuters"
    );
    assert_eq!(texts[2], "Photo: The harbour at low tide on Monday");
    assert_eq!(texts[3], "A lifeboat crew at work during the storm");
    let credits: Vec<&Value> = captions.iter().map(|s| &s["credit"]).collect();
    assert_eq!(
        credits,
        [
            &Value::from("Getty Images"),
            &Value::from("Jane Roe/Reuters"),
            &Value::Null,
            &Value::Null
        ]
    );
    assert!(texts_of(&r, "body").iter().all(|b| !b.contains("lifeboat")));
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
    let names = entity_names(&r);
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
    let body = texts_of(&r, "body");
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

const FERRY: &str = "Ferry service to resume after storm repairs";

#[test]
fn front_matter_is_one_header_whose_title_is_the_headline() {
    let r = report("front-matter.txt");
    assert_eq!(headline(&r), FERRY);
    assert_eq!(sections_of(&r, "headline").len(), 1);
    let bylines = texts_of(&r, "byline");
    assert_eq!(bylines, ["Harbour Desk"]);
    // the summary line of the header holds a quotation and a name: neither is reported
    let quotes = quote_texts(&r);
    assert!(
        !quotes.iter().any(|q| q.contains("as soon as the pier")),
        "{quotes:?}"
    );
    let header_end = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "---" && s["start"].as_u64() > Some(0))
        .unwrap()["end"]
        .as_u64()
        .unwrap();
    for e in r["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert!(
                m["start"].as_u64().unwrap() > header_end || m["start"].as_u64().unwrap() < 60,
                "{m} in the header"
            );
        }
    }
    // the dateline opening the first paragraph is a dateline over exactly that prefix
    let datelines = texts_of(&r, "dateline");
    assert!(
        datelines.iter().any(|d| d == "PORTWELL, Cornwall (Wire) —"),
        "{datelines:?}"
    );
    assert!(texts_of(&r, "body")[0].starts_with("Ferries between"));
}

#[test]
fn key_lines_at_the_top_are_a_header_too() {
    let r = report("key-lines.txt");
    assert_eq!(headline(&r), FERRY);
    assert_eq!(kind_of(&r, "Source: Harbour"), "boilerplate");
    assert!(texts_of(&r, "body")[0].starts_with("Ferries between"));
}

#[test]
fn a_text_opening_with_prose_has_no_headline_and_keeps_its_lede() {
    let r = report("no-headline-lede.txt");
    assert_eq!(headline(&r), "", "{:?}", kinds(&r));
    // the lede and the subheading further down are the body's, nothing is boilerplate
    let kinds: Vec<String> = kinds(&r).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, ["body"]);
}

#[test]
fn a_web_address_or_a_dump_marker_is_never_a_headline() {
    let r = report("dump-markers.txt");
    assert_eq!(headline(&r), "", "{:?}", kinds(&r));
}

#[test]
fn a_byline_and_dateline_glued_to_the_first_paragraph_are_split_off() {
    let r = report("wire-lead.txt");
    let text = |kind| -> Vec<String> {
        sections_of(&r, kind)
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(text("byline"), ["By Tomas Ferreira and Aiko Brandt"]);
    assert_eq!(text("dateline"), ["PORTWELL, England (Wire) -"]);
    assert!(text("body")[0].starts_with("Ferries between"));
    assert_eq!(
        r["sections"][0]["names"],
        serde_json::json!(["Tomas Ferreira", "Aiko Brandt"])
    );
}

#[test]
fn a_byline_glued_to_the_first_sentence_without_a_dateline_is_split_off() {
    let r = report("glued-byline.txt");
    assert_eq!(texts_of(&r, "byline"), ["By Amaka Okafor"]);
    assert!(texts_of(&r, "body")[0].starts_with("Lagos State officials"));
    assert!(texts_of(&r, "headline").is_empty());
}

#[test]
fn a_page_glued_into_one_paragraph_gives_back_its_byline_stamp_and_captions() {
    let r = report("glued-page.txt");
    let kinds: Vec<String> = kinds(&r).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        kinds,
        [
            "dek",
            "byline",
            "boilerplate",
            "caption",
            "body",
            "caption",
            "body"
        ]
    );
    assert_eq!(texts_of(&r, "byline"), ["By Tom Ashworth"]);
    let captions = texts_of(&r, "caption");
    assert!(captions[0].starts_with("Evacuated:") && captions[0].ends_with("engine room"));
    assert!(captions[1].starts_with("Rescued:") && captions[1].ends_with("in the evening"));
    assert!(texts_of(&r, "body")[1].starts_with("The judge said"));
}

#[test]
fn a_lede_above_a_share_menu_is_the_story_and_no_sentence_is_a_headline() {
    let r = report("stranded-lede.txt");
    assert_eq!(headline(&r), "");
    let body = texts_of(&r, "body").join("\n\n");
    assert!(body.starts_with("Pupils at a village"), "{body}");
    assert!(body.contains("Twelve pupils took part in a pilot."));
    assert!(!body.contains("Copy this link"));
}

#[test]
fn a_byline_above_the_headline_is_no_kicker() {
    let r = report("byline-above-headline.txt");
    assert_eq!(texts_of(&r, "byline"), ["By Tom Ashworth"]);
    assert!(texts_of(&r, "kicker").is_empty());
    assert_eq!(headline(&r), "Harbour board votes to double mooring fees");
}

#[test]
fn prose_above_a_headline_found_inside_the_text_stays_the_body() {
    // a short lede, then a title-shaped line: whatever the ranker makes of the line, the lede is
    // never boilerplate
    let r = report("short-lede.txt");
    assert_eq!(kind_of(&r, "Ferries between"), "body", "{:?}", kinds(&r));
}

#[test]
fn a_caption_ending_with_an_agency_photo_credit_is_a_caption_and_a_lede_no_headline() {
    let r = report("photo-credit.txt");
    assert_eq!(headline(&r), "", "{:?}", kinds(&r));
    assert_eq!(kind_of(&r, "Two small planes"), "body");
    assert_eq!(kind_of(&r, "Firefighters spray"), "caption");
}

#[test]
fn a_transcripts_stage_directions_and_turns_are_body() {
    let r = report("transcript.txt");
    let body = texts_of(&r, "body");
    assert!(
        body.iter().any(|b| b.contains("MAYOR ALMA REYES:")),
        "{body:?}"
    );
    assert!(
        body.iter().any(|b| b.contains("(BEGIN VIDEO CLIP)")),
        "{body:?}"
    );
    // "(BEGIN VIDEO CLIP)" in capitals is the transcript's, no picture credit
    assert!(sections_of(&r, "caption").is_empty(), "{:?}", kinds(&r));
    // the header line naming the guest is no headline; the title in capitals is
    assert_eq!(headline(&r), "HARBOUR HOUR WITH ANNA LIMA");
    assert_eq!(kind_of(&r, "Guest: Mayor"), "boilerplate");
}

#[test]
fn a_markdown_image_or_link_line_in_the_body_is_furniture() {
    let r = report("markdown-links.txt");
    assert_eq!(
        kind_of(&r, "* ![](https://images"),
        "boilerplate",
        "{:?}",
        kinds(&r)
    );
    let body = texts_of(&r, "body");
    assert!(!body.iter().any(|b| b.contains("](")), "{body:?}");
}

#[test]
fn a_credit_line_closing_the_story_is_a_byline() {
    let r = report("closing-credit.txt");
    assert_eq!(
        kind_of(&r, "— with files from"),
        "byline",
        "{:?}",
        kinds(&r)
    );
}
