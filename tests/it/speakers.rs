//! Who said it: speakers named from the words that attribute a quotation
//! (`fixtures/quotes/speakers.txt`), one test per class of error fixed.

use crate::common::*;
use serde_json::Value;

fn report(name: &str) -> Value {
    checked_report(&format!("quotes/{name}"))
}

/// The speaker's name of the quotation opening with `opening`.
fn speaker_of(r: &Value, opening: &str) -> String {
    speaker_field(r, opening, "name")
}

/// A field of the speaker of the quotation opening with `opening` ("" when it is null).
fn speaker_field(r: &Value, opening: &str, field: &str) -> String {
    r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(opening))
        .map(|q| q["speaker"][field].as_str().unwrap_or("").to_string())
        .unwrap_or_else(|| panic!("no quotation opens with {opening:?}"))
}

#[test]
fn a_person_of_a_place_is_the_person() {
    let r = report("speakers.txt");
    assert_eq!(speaker_of(&r, "We will not wait"), "Jane Doe");
    assert_eq!(speaker_of(&r, "The farmers cannot"), "Tom Roe");
}

#[test]
fn a_possessive_determiner_is_no_name() {
    let r = report("speakers.txt");
    assert_eq!(speaker_of(&r, "The company deeply"), "Its lawyer");
}

#[test]
fn a_verb_of_manner_tags_the_quotation_beside_it_and_reports_nothing_elsewhere() {
    let r = report("speakers.txt");
    assert_eq!(speaker_of(&r, "We were lucky"), "Amy Smith");
    assert_eq!(speaker_of(&r, "It was a strange"), "Tom Baker");
    // "shrugged off the criticism" is no statement
    let shrugged = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["text"].as_str().unwrap().contains("criticism"));
    assert!(!shrugged);
}

#[test]
fn a_role_between_an_organisation_and_a_name_leaves_the_person_speaking() {
    let r = report("speakers.txt");
    assert_eq!(speaker_of(&r, "The club has done"), "Jane Okafor");
    assert_eq!(speaker_of(&r, "calm and patience"), "Tom Reed");
}

#[test]
fn every_form_of_a_cue_phrase_is_a_cue() {
    let r = report("speakers.txt");
    assert_eq!(speaker_of(&r, "You feel small"), "Paul Grant");
}

/// `fixtures/quotes/descriptions.txt`: the quotation opening with the first words, the speaker named,
/// and the class of error it checks.
const DESCRIBED: &[(&str, &str, &str)] = &[
    (
        "complex challenges",
        "Grace Nolan",
        "a name set after a description and a comma",
    ),
    (
        "We value the evidence",
        "Helen Marsh",
        "a description written beside the name",
    ),
    (
        "an unknown quantity",
        "Warren Gatland",
        "one of a people is the person spoken of",
    ),
    (
        "awakened investors",
        "James Turk",
        "a surname that also names a people",
    ),
    (
        "Let me be clear",
        "Anthony Marsh",
        "a verb's object is no speaker",
    ),
    (
        "The plan has always",
        "Alan Stubbs",
        "a quotation goes on past a furniture line",
    ),
    (
        "ship early next year",
        "Elon Reyes",
        "a web address's and a number's stops end nothing",
    ),
    (
        "Nobody in this town",
        "Ida Brannock",
        "a cue's past participle after an auxiliary",
    ),
    (
        "low running costs",
        "Owen Stiles",
        "a participle of citing after the clause of its subject",
    ),
];

#[test]
fn each_class_of_descriptions_and_frames_names_its_speaker() {
    let r = report("descriptions.txt");
    for (opening, name, class) in DESCRIBED {
        assert_eq!(speaker_of(&r, opening), *name, "{class}");
    }
    // the description is kept as the speaker's role
    assert_eq!(speaker_field(&r, "We value", "role"), "the P5 teacher");
}

#[test]
fn a_quotation_broken_over_a_paragraph_closes_at_its_mark_and_keeps_its_speaker() {
    // `fixtures/quotes/broken-paragraphs.txt`: a paragraph broken mid-sentence inside a quotation,
    // then a new quotation; and a pull quote whose credit line is no part of it
    let r = report("broken-paragraphs.txt");
    let texts = quote_texts(&r);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("The first thing") && t.ends_with("change that,"))
    );
    assert_eq!(speaker_of(&r, "The first thing"), "Marta Quill");
    assert_eq!(speaker_of(&r, "We could win"), "Marta Quill");
    assert!(
        texts.iter().all(|t| !t.contains("market trader")),
        "{texts:?}"
    );
}

#[test]
fn a_pull_quotes_credit_line_names_its_speaker() {
    // `fixtures/quotes/broken-paragraphs.txt`: the quotation left open, the credit line under it
    // closing it
    let r = report("broken-paragraphs.txt");
    assert_eq!(speaker_of(&r, "A ferry on Sundays"), "Tom Hale");
}

/// The reported statement whose text opens with `opening`, and its speaker's name.
fn reported(r: &Value, opening: &str) -> Option<String> {
    r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["text"].as_str().unwrap().starts_with(opening))
        .map(|a| a["speaker"]["name"].as_str().unwrap_or("").to_string())
}

#[test]
fn an_adverb_before_the_cue_is_no_part_of_the_speaker_and_a_pointing_that_opens_nothing() {
    // `fixtures/quotes/reported-frames.txt`
    let r = report("reported-frames.txt");
    assert_eq!(
        reported(&r, "that the staff were careless").as_deref(),
        Some("The board")
    );
    assert_eq!(reported(&r, "that case"), None);
    assert_eq!(
        reported(&r, "he did not recall").as_deref(),
        Some("The clerk")
    );
    assert_eq!(
        reported(&r, "the wall would need").as_deref(),
        Some("harbour officials")
    );
}

#[test]
fn a_subject_without_an_article_is_the_whole_phrase_not_its_capitalised_word() {
    // `fixtures/quotes/reported-frames.txt`: "Local officials said", "…,” Harbour officials said"
    let r = report("reported-frames.txt");
    assert_eq!(
        reported(&r, "the wall would need repairs before").as_deref(),
        Some("Local officials")
    );
    assert_eq!(speaker_of(&r, "We will fix it"), "Harbour officials");
    // the clause's own subject, not the sentence's: "Leaks are so common … that Harbour Patrol
    // divers described"
    assert_eq!(speaker_of(&r, "a sponge"), "Harbour Patrol divers");
}

#[test]
fn a_date_is_nobody_but_a_name_that_is_a_month_is_its_person() {
    // `fixtures/quotes/reported-frames.txt`: "A diary entry from March 2019 reads", "May said"
    let r = report("reported-frames.txt");
    assert_eq!(speaker_of(&r, "We sailed at dawn"), "");
    // (the surname alone is not joined to the councillor yet: "May", not "Rosa May")
    assert!(speaker_of(&r, "The harbour is ready").ends_with("May"));
}

#[test]
fn verbs_of_consent_and_defence_and_nouns_that_are_cues_report_only_before_that() {
    // `fixtures/quotes/not-statements.txt`: "agreed to pay", "defended the budget", "three
    // states", "Leaked emails", "Her remarks" report nothing; "agreed that", "states that" do
    let r = report("not-statements.txt");
    let cues: Vec<&str> = r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["cue"]["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(cues, ["agreed", "states", "stressed"], "{cues:?}");
    assert_eq!(
        reported(&r, "that the wall was no longer safe").as_deref(),
        Some("The harbour master")
    );
    assert_eq!(
        reported(&r, "that the wall was built").as_deref(),
        Some("The engineers' report")
    );
}

#[test]
fn a_participle_after_a_preposition_or_naming_a_new_thing_reports_nothing() {
    // `fixtures/quotes/not-statements.txt`: "in pledged votes", "a local band called Tidewater",
    // "A Facebook group called Harbour Watch" (the article opening the sentence, a name between);
    // "has since stressed that" reports
    let r = report("not-statements.txt");
    assert_eq!(
        reported(&r, "that the pontoon is safe").as_deref(),
        Some("The mayor")
    );
    for a in r["attributions"].as_array().unwrap() {
        let cue = a["cue"]["text"].as_str().unwrap_or("");
        assert!(!matches!(cue, "pledged" | "called"), "{a}");
    }
}

#[test]
fn confirming_and_echoing_report_speech() {
    // `fixtures/quotes/reported-frames.txt`: "… confirmed that …", "… echoed that …"
    let r = report("reported-frames.txt");
    assert_eq!(
        reported(&r, "that the new pontoon would open").as_deref(),
        Some("The port authority")
    );
    assert_eq!(
        reported(&r, "that the wall could fail").as_deref(),
        Some("A second engineer")
    );
}
