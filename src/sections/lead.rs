//! A byline and a dateline run into the opening of the body's first paragraph, as wire copy and
//! press releases print them: "By Jane Doe and John Roe WASHINGTON (Reuters) - The ...",
//! "SPRINGFIELD, Ill., March 3, 2024 /PRNewswire/ -- ...", "LAGOS, Nigeria – ...", "PARIS —". The
//! dateline is a place (capitals, or a name and its region after a comma), perhaps a date, an agency
//! in brackets or between slashes, and a dash; the byline is "By" and the names before it.

use super::Segment;
use crate::kinds::SectionKind;
use crate::text::{Document, Span};

/// Splits the first paragraph of the body when a byline and a dateline open it: a byline section, a
/// dateline section over exactly that prefix, and the rest of the paragraph as body.
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
    let rest = crate::text::trim_span(doc.text, Span::new(found.dateline.end, span.end));
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
    parts.push(Segment::piece(SectionKind::Dateline, p, found.dateline));
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

/// What opens a paragraph: a byline (if glued before the dateline) and the dateline, as byte spans
/// of `text`, which is the paragraph (`at` its offset in the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    pub byline: Option<Span>,
    pub dateline: Span,
}

/// The byline and dateline opening `para` (at byte `at` of the document), if it opens with them.
pub fn lead(para: &str, at: usize) -> Option<Lead> {
    let (byline, from) = match para.strip_prefix("By ") {
        Some(rest) => {
            // the names run to the first word in capitals: the dateline's place
            let mut pos = 3;
            let mut words = 0;
            let mut found = None;
            for w in rest.split(' ') {
                let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) {
                    found = Some(pos);
                    break;
                }
                words += 1;
                if words > MAX_BYLINE_WORDS || !(w.starts_with(char::is_uppercase) || w == "and") {
                    return None;
                }
                pos += w.len() + 1;
            }
            let place = found?;
            (
                Some(Span::new(at, at + para[..place].trim_end().len())),
                place,
            )
        }
        None => (None, 0),
    };
    let end = dateline_end(&para[from..])?;
    Some(Lead {
        byline,
        dateline: Span::new(at + from, at + from + end),
    })
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
                &p[l.dateline.start..l.dateline.end],
            )
        })
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
