//! Transcripts and interviews: each turn a quotation without marks, its speaker named by its label
//! (`fixtures/quotes/`), and texts with colons that are no turns.

use crate::common::*;
use serde_json::Value;

/// The report of `fixtures/quotes/NAME`, every span checked.
fn report(name: &str) -> Value {
    checked_report(&format!("quotes/{name}"))
}

/// Each turn's opening words and its speaker's name (empty when none).
fn turns(r: &Value) -> Vec<(String, String)> {
    r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "turn")
        .map(|q| {
            let words: String = q["text"].as_str().unwrap().chars().take(16).collect();
            let name = q["speaker"]["name"].as_str().unwrap_or("").to_string();
            (words, name)
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(w, n)| (w.to_string(), n.to_string()))
        .collect()
}

#[test]
fn a_transcripts_turns_are_quotes_of_the_labelled_speakers() {
    let r = report("transcript.txt");
    assert_eq!(
        turns(&r),
        pairs(&[
            ("Good morning. Jo", "Tom Harlan"),
            ("Senator, thank y", "Tom Harlan"),
            ("Thank you, Tom. ", "Maria Alvarez"),
            ("The water bill s", "Tom Harlan"),
            ("We go back to th", "Maria Alvarez"),
            ("We will not leav", "Maria Alvarez"),
            ("That was you in ", "Tom Harlan"),
            ("It is, and I int", "Maria Alvarez"),
            // the host's question runs on without a label
            ("Before we go, on", "Tom Harlan"),
            ("Will you run for", "Tom Harlan"),
            ("Ask me again in ", "Maria Alvarez"),
        ])
    );
    // the label is the cue, its role part the speaker's role
    let first = &r["quotes"][0];
    assert_eq!(first["cue"]["text"], "TOM HARLAN, HOST:");
    assert_eq!(first["speaker"]["role"], "HOST");
    // each turn is a direct statement too
    let direct = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "direct")
        .count();
    assert!(direct >= 8, "{direct}");
}

#[test]
fn a_speech_under_one_label_is_the_speakers_throughout() {
    let r = report("speech.txt");
    assert_eq!(
        turns(&r),
        pairs(&[
            ("Thank you all fo", "The Governor"),
            ("This bridge took", "The Governor"),
            ("I want to thank ", "The Governor"),
        ])
    );
}

#[test]
fn an_interview_with_name_labels_and_unlabelled_questions() {
    let r = report("interview-names.txt");
    assert_eq!(
        turns(&r),
        pairs(&[
            ("How did the bake", "the interviewer"),
            ("We baked for fri", "Lena"),
            ("What was the har", "the interviewer"),
            ("The hours. We st", "Omar Haddad"),
            ("And we learned t", "Lena"),
        ])
    );
    // no words name the interviewer: no mention
    assert!(r["quotes"][0]["speaker"]["mention"].is_null());
    assert_eq!(r["quotes"][1]["speaker"]["mention"]["text"], "Lena");
}

#[test]
fn an_interview_with_its_questions_in_bold() {
    let r = report("bold-interview.txt");
    assert_eq!(
        turns(&r),
        pairs(&[
            ("What should ever", "the interviewer"),
            ("Good olive oil, ", "Ana Ruiz"),
            ("What is the most", "the interviewer"),
            ("They are afraid ", "Ana Ruiz"),
            ("Also they rush. ", "Ana Ruiz"),
        ])
    );
}

#[test]
fn a_dateline_a_notice_a_tally_and_a_title_with_colons_are_no_turns() {
    let r = report("not-turns.txt");
    assert!(turns(&r).is_empty(), "{:?}", turns(&r));
}

#[test]
fn the_writers_prose_after_an_excerpt_of_turns_is_no_turn() {
    // `fixtures/quotes/excerpt.txt`: a broadcast exchange quoted in an article; "Preston:" names a
    // place too, and its person is named in full by the label "Piet Preston:"
    let r = report("excerpt.txt");
    assert_eq!(
        turns(&r),
        pairs(&[
            ("Let's be honest ", "Dana Morrow"),
            ("The shipping lin", "Piet Preston"),
            ("So the shopper p", "Dana Morrow"),
            ("Every time, and ", "Piet Preston"),
        ])
    );
}
