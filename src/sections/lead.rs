//! A byline and a dateline run into the opening of the body's first paragraph, as wire copy and
//! press releases print them: "By Jane Doe and John Roe WASHINGTON (Reuters) - The ...",
//! "SPRINGFIELD, Ill., March 3, 2024 /PRNewswire/ -- ...", "LAGOS, Nigeria – ...", "PARIS —". The
//! dateline is a place (capitals, or a name and its region after a comma), perhaps a date, an agency
//! in brackets or between slashes, and a dash; the byline is "By" and the names before it. A byline
//! glued to the first sentence with no dateline between ("By Jane Doe The council voted ...") is
//! told by its names: a given name and a surname each, then a word opening a sentence.

use super::Segment;
use crate::kinds::SectionKind;
use crate::text::{Document, Span};

/// Splits the first paragraph of the body when a byline or a dateline (or both) open it: a byline
/// section, a dateline section over exactly that prefix, and the rest of the paragraph as body.
pub fn split_first_body(doc: &Document, segments: &mut Vec<Segment>) {
    let Some(k) = segments.iter().position(|s| s.kind == SectionKind::Body) else {
        return;
    };
    let seg = &segments[k];
    let p = seg.paragraphs.start;
    let span = seg.piece.unwrap_or(doc.paragraphs[p].span);
    let Some(found) = lead(doc.slice(span), span.start) else {
        return;
    };
    let Some(opening) = found.dateline.or(found.byline) else {
        return;
    };
    let rest = crate::text::trim_span(doc.text, Span::new(opening.end, span.end));
    if rest.is_empty() {
        // the paragraph is a dateline and nothing else ("CITY, ST, Date /Wire/ --" on its line)
        if found.byline.is_none() && seg.piece.is_none() && seg.paragraphs.len() == 1 {
            segments[k].kind = SectionKind::Dateline;
        }
        return;
    }
    let mut parts: Vec<Segment> = Vec::with_capacity(4);
    if let Some(b) = found.byline {
        parts.push(Segment::piece(SectionKind::Byline, p, b));
    }
    if let Some(d) = found.dateline {
        parts.push(Segment::piece(SectionKind::Dateline, p, d));
    }
    parts.push(Segment::piece(SectionKind::Body, p, rest));
    let mut after = segments[k].clone();
    let more = seg.piece.is_none() && after.paragraphs.len() > 1;
    after.paragraphs.start = p + 1;
    segments.splice(k..=k, parts.into_iter().chain(more.then_some(after)));
}

/// The most characters a dateline runs to before its dash.
const MAX_DATELINE: usize = 120;
/// The most words a glued byline holds.
const MAX_BYLINE_WORDS: usize = 16;

/// What opens a paragraph: a byline, a dateline or both, as byte spans of the document (at least one
/// is there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    pub byline: Option<Span>,
    pub dateline: Option<Span>,
}

/// The byline and dateline opening `para` (at byte `at` of the document), if it opens with them.
pub fn lead(para: &str, at: usize) -> Option<Lead> {
    let Some(rest) = para.strip_prefix("By ") else {
        let end = dateline_end(para)?;
        return Some(Lead {
            byline: None,
            dateline: Some(Span::new(at, at + end)),
        });
    };
    if let Some(place) = names_before_capitals(rest).map(|p| p + 3)
        && let Some(end) = dateline_end(&para[place..])
    {
        return Some(Lead {
            byline: Some(Span::new(at, at + para[..place].trim_end().len())),
            dateline: Some(Span::new(at + place, at + place + end)),
        });
    }
    let end = glued_byline_end(para)?;
    Some(Lead {
        byline: Some(Span::new(at, at + end)),
        dateline: None,
    })
}

/// Where the names after "By" end at a word in capitals (the dateline's place), if they do.
fn names_before_capitals(rest: &str) -> Option<usize> {
    let mut pos = 0;
    for (words, w) in rest.split(' ').enumerate() {
        let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) {
            return Some(pos);
        }
        if words >= MAX_BYLINE_WORDS || !(w.starts_with(char::is_uppercase) || w == "and") {
            return None;
        }
        pos += w.len() + 1;
    }
    None
}

/// The fewest words of story a glued byline must be followed by (a line "By Jane Doe Staff Writer"
/// is a byline line, found elsewhere).
const GLUED_STORY_WORDS: usize = 20;

/// Where "By" and the names glued to a paragraph's first sentence end, if that is how it opens
/// ("By Jane Doe The council ...", "By Jane P. Doe and John Roe Officials ..."): each name a given
/// name and a surname with initials or particles between, joined by "and" or commas, and then a
/// capital opening the story. With no punctuation to go by, a name is taken as two words.
pub fn glued_byline_end(para: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = para
        .split(' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if words.first()?.1 != "By" {
        return None;
    }
    let mut i = 1;
    let end = loop {
        let given = words.get(i)?.1;
        if !name_word(given) || !maybe_given_name(given) {
            return None;
        }
        i += 1;
        while words.get(i).is_some_and(|w| initial_or_particle(w.1)) {
            i += 1;
        }
        let (at, surname) = *words.get(i)?;
        let listed = surname.strip_suffix(',');
        if !name_word(listed.unwrap_or(surname)) {
            return None;
        }
        i += 1;
        match words.get(i) {
            Some((_, "and")) => i += 1,
            Some(_) if listed.is_some() => {}
            _ => break at + listed.unwrap_or(surname).len(),
        }
    };
    let next = words.get(i)?.1;
    (next.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        && words.len() - i >= GLUED_STORY_WORDS)
        .then_some(end)
}

/// A word that may be part of a name: a capital, then letters (an apostrophe or a hyphen inside),
/// not a possessive, not a function word or a day or month.
fn name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().count() >= 2
        && w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !lower.ends_with("'s")
        && !lower.ends_with("’s")
        && !crate::lexicon::FUNCTION_WORDS.contains(&lower)
        && !crate::lexicon::is_calendar_word(&lower)
}

/// A given name, or a word no dictionary of common words holds ("By Heavy Rain ..." is no byline).
fn maybe_given_name(w: &str) -> bool {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    g.given_name(w) > 0 || g.common_tier(&w.to_lowercase()).is_none()
}

/// An initial ("P.") or a name particle ("van", "de") inside a name.
fn initial_or_particle(w: &str) -> bool {
    let initial =
        w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with('.');
    initial || crate::lexicon::NAME_PARTICLES.contains(w)
}

/// Where a dateline opening `s` ends (just past its dash), if `s` opens with one.
fn dateline_end(s: &str) -> Option<usize> {
    let first = s.split([' ', ',']).next()?;
    let letters: String = first.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.chars().count() >= 3 && letters.chars().all(char::is_uppercase);
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    let mut depth = 0usize;
    let mut agency = false;
    let mut slashes = 0;
    let mut region = false;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        if i > MAX_DATELINE {
            return None;
        }
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                agency = true;
            }
            '/' if depth == 0 => slashes += 1,
            ',' if depth == 0 => region = true,
            // a quotation or an exclamation before any dash: a sentence, no dateline
            '!' | '?' | '“' | '"' | ':' | ';' if depth == 0 => return None,
            '-' | '—' | '–' if depth == 0 && (prev == ' ' || prev == ')') => {
                let mut end = i + c.len_utf8();
                if c == '-' && s[end..].starts_with('-') {
                    end += 1;
                }
                let after = s[end..].chars().next();
                let evidence = capitals || agency || slashes >= 2 || (region && c != '-');
                return (evidence
                    && after.is_none_or(|a| a == ' ' || a.is_alphanumeric())
                    && i > 0)
                    .then_some(end);
            }
            _ => {}
        }
        prev = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(p: &str) -> Option<(Option<&str>, &str)> {
        lead(p, 0).map(|l| {
            (
                l.byline.map(|b| &p[b.start..b.end]),
                l.dateline.map_or("", |d| &p[d.start..d.end]),
            )
        })
    }

    const STORY: &str = "the council voted on Tuesday to close the old library and move its books \
        to the school across the road, a plan that has divided the town for years.";

    fn glued(opening: &str) -> Option<String> {
        let p = format!("{opening} {STORY}");
        lead(&p, 0).and_then(|l| l.byline.map(|b| p[b.start..b.end].to_string()))
    }

    #[test]
    fn a_byline_glued_to_the_first_sentence_without_a_dateline() {
        assert_eq!(glued("By Jane Doe The").as_deref(), Some("By Jane Doe"));
        assert_eq!(
            glued("By Jane P. Doe and Tunde Bakare Officials said").as_deref(),
            Some("By Jane P. Doe and Tunde Bakare")
        );
        assert_eq!(
            glued("By Ann Lee, Bo Kim and Ed Roe Members of").as_deref(),
            Some("By Ann Lee, Bo Kim and Ed Roe")
        );
        // a name is two words when nothing marks its end
        assert_eq!(
            glued("By Amaka Okafor Lagos State").as_deref(),
            Some("By Amaka Okafor")
        );
        // openings that are no byline
        assert_eq!(glued("By Tuesday Morning Officials"), None);
        assert_eq!(glued("By Heavy Rain Councils"), None);
        assert_eq!(glued("By Jane Doe's Account"), None);
        assert_eq!(glued("By Jane Doe said"), None);
        assert_eq!(glued_byline_end("By Jane Doe Staff Writer"), None);
    }

    #[test]
    fn wire_datelines_with_and_without_a_glued_byline() {
        assert_eq!(
            parts("By Jane Doe and John Roe SPRINGFIELD, Ill. (Reuters) -The council voted."),
            Some((
                Some("By Jane Doe and John Roe"),
                "SPRINGFIELD, Ill. (Reuters) -"
            ))
        );
        assert_eq!(
            parts("PORTLAND, Maine (AP) — Crews worked all night."),
            Some((None, "PORTLAND, Maine (AP) —"))
        );
        assert_eq!(
            parts("GREENVILLE, SC, May 2, 2024 /NewsWire/ -- Acme Corp. said today."),
            Some((None, "GREENVILLE, SC, May 2, 2024 /NewsWire/ --"))
        );
        assert_eq!(
            parts("Accra, Ghana – Traders say prices rose."),
            Some((None, "Accra, Ghana –"))
        );
        assert_eq!(parts("LONDON — Prices rose."), Some((None, "LONDON —")));
    }

    #[test]
    fn ordinary_openings_are_no_dateline() {
        assert_eq!(parts("The council voted - again - on Monday."), None);
        assert_eq!(
            parts("Officials said the plan - which costs $4m - would pass."),
            None
        );
        assert_eq!(parts("Mary Jones - a teacher - spoke."), None);
        assert_eq!(parts("By the time it ended, nobody was left."), None);
        assert_eq!(parts("He said: “It is over.” Then - nothing."), None);
    }
}
