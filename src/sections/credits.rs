//! Who a byline names and whom a caption credits, read from the line as written.
//!
//! A byline's names are the runs of capitalised words after its opener ("By", "Reporting by"), split
//! at "and", "&" and commas, with staff titles, places and dates left out ("By Maria Lopez and Daniel
//! Okafor, Staff Writers" names two people). A caption's credit is the part that says where the
//! picture comes from: after "Photo:" or "Image copyright", inside a closing "(Photo: ...)", or the
//! "Name / AGENCY" that ends it.

use std::sync::LazyLock;

use regex_automata::meta::Regex;

use crate::lexicon;

/// A credit closing a caption or standing as one, in the forms the cues recognise.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let pictures = lexicon::alternation(lexicon::PICTURE_WORDS, " ");
    let agencies = lexicon::alternation(lexicon::CREDIT_AGENCIES, " ");
    Regex::new(&format!(
        r"\(\s*(?i:{pictures})s?\s*:\s*(?P<a>[^)]+?)\s*\)\s*$|^(?i:{pictures})s?\s*(?i:copyright|credit|source|:)\s*[:,]?\s*(?P<b>.+?)\s*$|(?P<c>(?:\p{{Lu}}[\p{{L}}.'’-]*\s+){{0,3}}\p{{Lu}}[\p{{L}}.'’-]*\s*/\s*(?i:{agencies}))\s*\)?\s*$"
    ))
    .expect("credit pattern compiles")
});

/// The people a byline names, in order.
pub fn byline_names(line: &str) -> Vec<String> {
    let mut text = line.trim();
    let lower = text.to_lowercase();
    // the opener: the longest one the line starts with
    if let Some(open) = lexicon::BYLINE_OPENERS
        .iter()
        .chain(lexicon::BYLINE_LABELS.iter())
        .filter(|o| lower.starts_with(*o) && lower[o.len()..].starts_with([' ', ':']))
        .max_by_key(|o| o.len())
    {
        text = text[open.len()..].trim_start_matches([' ', ':']);
    }
    let mut names = Vec::new();
    for part in text
        .split([',', ';', '&', '|', '\n'])
        .flat_map(|p| p.split(" and "))
    {
        let words: Vec<&str> = part
            .split_whitespace()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let is_title = |w: &&str| lexicon::STAFF_TITLES.contains_lower(w);
        let title = lexicon::STAFF_TITLES.contains(&words.join(" ").to_lowercase());
        let name_like = (2..=4).contains(&words.len())
            && !title
            && !words.iter().any(is_title)
            && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
            && !words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
        if name_like {
            names.push(words.join(" "));
        }
    }
    names
}

/// The credit a caption gives, as written: the first of its lines that names one.
pub fn caption_credit(caption: &str) -> Option<String> {
    caption.lines().find_map(line_credit)
}

/// The credit one line of a caption gives.
fn line_credit(line: &str) -> Option<String> {
    let line = line.trim();
    let mut caps = CREDIT.create_captures();
    CREDIT.captures(line, &mut caps);
    ["a", "b", "c"]
        .iter()
        .find_map(|g| caps.get_group_by_name(g))
        .map(|m| line[m.start..m.end].trim())
        .filter(|c| names_a_source(c))
        .map(str::to_string)
}

/// The most words a credit runs to.
const CREDIT_WORDS: usize = 10;

/// Whether what follows "Photo:" names where the picture comes from (people, an agency: words in
/// capitals, an agency after a slash) rather than describing it ("Photo: The harbour at low tide").
fn names_a_source(credit: &str) -> bool {
    let words: Vec<&str> = credit.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= CREDIT_WORDS
        && (credit.contains('/')
            || words.iter().all(|w| {
                !w.starts_with(char::is_lowercase)
                    || crate::lexicon::CREDIT_JOINERS.contains(w)
                    || crate::lexicon::NAME_PARTICLES.contains(w)
            }))
}

/// A credit line closing a story: a dash, then a closing credit's opening words and names ("— with
/// files from Jane Doe and John Roe.", "- Reporting by Jane Doe"), or a name and nothing else, as a
/// signature ("-Jane P. Doe").
pub fn closing_credit(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t
        .strip_prefix(['—', '–', '-'])
        .filter(|r| !r.starts_with(['-', '—', '–']))
    else {
        return false;
    };
    let rest = rest.trim();
    let lower = rest.to_lowercase();
    if crate::lexicon::CLOSING_CREDIT_OPENERS
        .iter()
        .any(|o| lower.starts_with(o) && lower[o.len()..].starts_with(' '))
    {
        return rest.chars().count() <= 160;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && rest.chars().count() <= 40
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_credits_and_signatures() {
        assert!(closing_credit(
            "— with files from Jane Doe, John Roe and Ann Lee."
        ));
        assert!(closing_credit(
            "- Reporting by Jane Doe; Editing by John Roe"
        ));
        assert!(closing_credit("-Jane P. Doe"));
        // a dash opening a sentence, or a list of words in lower case, is no credit
        assert!(!closing_credit("- The council will meet again on Monday."));
        assert!(!closing_credit("-- Jane Doe"));
        assert!(!closing_credit("Jane Doe"));
        assert!(!closing_credit("- fewer sailings on Sundays"));
    }

    #[test]
    fn byline_names_are_the_people() {
        assert_eq!(
            byline_names("By Maria Lopez and Daniel Okafor"),
            ["Maria Lopez", "Daniel Okafor"]
        );
        assert_eq!(
            byline_names("By JANE DOE, Staff Writer"),
            Vec::<String>::new()
        );
        assert_eq!(
            byline_names("Reporting by Ann Lee; editing by Tom Hart"),
            ["Ann Lee"]
        );
    }

    #[test]
    fn caption_credits_in_three_styles() {
        assert_eq!(
            caption_credit("Villagers wade through water. (Photo: Paul Sancya, AP)").as_deref(),
            Some("Paul Sancya, AP")
        );
        assert_eq!(
            caption_credit("Image copyright GETTY IMAGES").as_deref(),
            Some("GETTY IMAGES")
        );
        assert_eq!(
            caption_credit("A bridge lies in the river. Jon Elswick / AP").as_deref(),
            Some("Jon Elswick / AP")
        );
        assert_eq!(caption_credit("A bridge lies in the river."), None);
    }

    #[test]
    fn a_credit_names_a_source_and_may_be_on_a_caption_s_second_line() {
        assert_eq!(
            caption_credit("Image source, Jane Roe via Acme\nImage caption, The quay in March")
                .as_deref(),
            Some("Jane Roe via Acme")
        );
        assert_eq!(
            caption_credit("Photo: The harbour at low tide on Monday"),
            None
        );
        assert_eq!(
            caption_credit("Photograph: Jane Roe/Reuters").as_deref(),
            Some("Jane Roe/Reuters")
        );
    }
}
