//! Settling types by the document: one-word mentions no list knew take the type of the names they
//! are part of (a surname of a person named in full, an acronym given in brackets), and in a sports
//! report a place names its team.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::cluster::initials;
use super::mentions::Mention;
use crate::kinds::EntityKind;
use crate::lexicon;
use crate::lexicon::gazetteer::key;
use crate::text::Document;

/// The sport words as whole-word patterns (" cup "), made once.
static SPORT_PATTERNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    lexicon::SPORT_WORDS
        .iter()
        .map(|w| format!(" {w} "))
        .collect()
});

/// Whether the document reports sport: a sport word in its first line, or several lines of a name
/// followed by scores ("Newport 29 Caerphilly 10", "BALTIMORE 70 63 .526"; a date's "April 12" is
/// none).
pub fn sports_report(doc: &Document) -> bool {
    let first = doc
        .paragraphs
        .first()
        .map(|p| key(doc.slice(p.span)))
        .unwrap_or_default();
    let words: Vec<&str> = first
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    if SPORT_PATTERNS.iter().any(|w| joined.contains(w.as_str())) {
        return true;
    }
    let score_lines = doc
        .paragraphs
        .iter()
        .filter(|p| {
            let ws = &doc.words[p.words()];
            ws.windows(2).any(|w| {
                let (a, b) = (doc.slice(w[0]), doc.slice(w[1]));
                a.chars().next().is_some_and(char::is_uppercase)
                    && !lexicon::is_calendar_word(&a.to_lowercase())
                    && b.chars().all(|c| c.is_ascii_digit())
                    && &doc.text[w[0].end..w[1].start] == " "
            })
        })
        .count();
    score_lines >= 3
}

/// In a sports report a city, state or county names its team: an organisation, except where it is
/// where something happens (before a colon or a date, after "in" or "at").
pub fn places_as_teams(doc: &Document, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        // countries and capitals stay places: national sides are tagged by their country
        if m.ty != Some(EntityKind::Gpe) || m.rank >= 7 {
            continue;
        }
        let after = doc.text[m.span.end..].trim_start_matches([' ', '\u{a0}']);
        let before = doc.text[..m.span.start].trim_end();
        let dated = after.starts_with(|c: char| c.is_ascii_digit()) && after.get(4..5) == Some("-");
        // "in Portsmouth", "At Anfield": the word before, lower case or capitalised
        let word_before = before.rsplit(' ').next().filter(|_| before.contains(' '));
        let venue = after.starts_with(':')
            || dated
            || word_before.is_some_and(|w| {
                let lower = w.to_lowercase();
                lexicon::VENUE_PREPOSITIONS.contains(&lower)
                    && w.chars().skip(1).eq(lower.chars().skip(1))
            });
        if !venue {
            // a structural decision, not a list's: the model does not judge it again
            m.ty = Some(EntityKind::Org);
            m.rank = 0;
        }
    }
}

/// Types the one-word mentions the lists left open by the document: a word that is part of a
/// person's name in it is that person; one that is part of an organisation's name, or given as its
/// acronym, is that organisation. Any other stays open, for the model to judge (no fallback type).
pub fn settle_open_types(doc: &Document, ms: &mut [Mention]) {
    let mut parts: FxHashMap<String, EntityKind> = FxHashMap::default();
    for m in ms.iter().filter(|m| m.ty.is_some()) {
        let text = doc.slice(m.span);
        let words: Vec<&str> = text.split([' ', '\u{a0}', '-']).collect();
        if words.len() < 2 {
            continue;
        }
        if let Some(ty @ (EntityKind::Person | EntityKind::Org)) = m.ty {
            for w in &words {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    parts.entry(key(w)).or_insert(ty);
                }
            }
        }
        if m.ty == Some(EntityKind::Org) {
            let acronym = initials(text);
            if acronym.chars().count() >= 2 {
                parts.entry(key(&acronym)).or_insert(EntityKind::Org);
            }
        }
    }
    // what no part of a longer name settles stays open: the model judges it, on evidence
    for m in ms.iter_mut().filter(|m| m.ty.is_none()) {
        m.ty = parts.get(&key(doc.slice(m.span))).copied();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_make_a_sports_report_and_dates_do_not() {
        let scores =
            "Weekend round-up\n\nNewport 29 Caerphilly 10\n\nBath 12 Leeds 3\n\nYork 7 Hull 6\n";
        assert!(sports_report(&Document::new(scores)));
        let dates = "Shuttle retired\n\nOn April 12 it flew.\n\nOn May 3 it landed.\n\nBy June 9 it was in a museum.\n";
        assert!(!sports_report(&Document::new(dates)));
    }
}
