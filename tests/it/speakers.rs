//! Who said it: speakers named from the words that attribute a quotation
//! (`fixtures/quotes/speakers.txt`), one test per class of error fixed.

use crate::common::*;
use serde_json::Value;

fn report(name: &str) -> Value {
    checked_report(&format!("quotes/{name}"))
}

/// The speaker's name of the quotation opening with `opening`.
fn speaker_of(r: &Value, opening: &str) -> String {
    r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(opening))
        .map(|q| q["speaker"]["name"].as_str().unwrap_or("").to_string())
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

#[test]
fn a_description_is_the_person_named_beside_it_and_kept_as_role() {
    let r = report("descriptions.txt");
    assert_eq!(speaker_of(&r, "complex challenges"), "Grace Nolan");
    assert_eq!(speaker_of(&r, "We value the evidence"), "Helen Marsh");
    let role = r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("We value"))
        .map(|q| q["speaker"]["role"].as_str().unwrap_or("").to_string());
    assert_eq!(role.as_deref(), Some("the P5 teacher"));
}

#[test]
fn one_of_a_people_is_the_person_spoken_of_and_a_surname_that_names_a_people_is_the_person() {
    let r = report("descriptions.txt");
    assert_eq!(speaker_of(&r, "an unknown quantity"), "Warren Gatland");
    assert_eq!(speaker_of(&r, "awakened investors"), "James Turk");
}

#[test]
fn an_object_is_no_speaker_and_a_quotation_goes_on_past_a_furniture_line() {
    let r = report("descriptions.txt");
    assert_eq!(speaker_of(&r, "Let me be clear"), "Anthony Marsh");
    assert_eq!(speaker_of(&r, "The plan has always"), "Alan Stubbs");
}

#[test]
fn the_stops_of_a_web_address_and_a_number_end_no_sentence() {
    let r = report("descriptions.txt");
    assert_eq!(speaker_of(&r, "ship early next year"), "Elon Reyes");
}
