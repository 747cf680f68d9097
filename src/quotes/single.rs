//! Single quotation marks, as British, Irish, Indian and Australian outlets quote: ‘…’ or '…'.
//!
//! The closing mark is the same character as an apostrophe ("Jones’", "don’t", "’90s"), so single
//! marks are read only in an article that quotes with them ([`Style`]: more single marks than double
//! ones in an opening position), and each candidate is read by what stands around it:
//! - an opening mark follows the paragraph's start, a space, a bracket, a dash or a colon, and comes
//!   before a word that is not a number ("’90s" is no quotation);
//! - a closing mark follows something that is not a space and comes before a space, punctuation or
//!   the paragraph's end, never before a letter ("don’t");
//! - a closing mark after a letter and before a space ("the players’ union") may be a plural
//!   possessive: it closes only when no stronger closing mark (after punctuation, or before
//!   punctuation or the paragraph's end) comes before the next opening one;
//! - an opening mark never closed in its paragraph is a quotation running on only when the next
//!   paragraph opens with a mark too (the convention for quotations over several paragraphs); else
//!   it was an apostrophe.
//!
//! Double marks inside a single-marked article are quotations inside quotations and stay part of
//! the text.

use crate::text::{Document, Span};

use super::marks::Dir;

/// Which marks an article quotes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// “…”, "…", ``…'', «…»: single marks are quotations inside quotations (or apostrophes).
    Double,
    /// ‘…’ or '…': double marks are quotations inside quotations.
    Single,
}

/// Where in `bytes` a quotation mark may start ([`is_mark_lead`]). The text is read 32 bytes at a
/// time, and a stretch holding no such byte (most of them) is passed over with one test.
fn mark_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .chunks(32)
        .enumerate()
        .filter(move |(_, chunk)| chunk.iter().fold(false, |any, &b| any | is_mark_lead(b)))
        .flat_map(move |(k, chunk)| {
            chunk
                .iter()
                .enumerate()
                .filter(|&(_, &b)| is_mark_lead(b))
                .map(move |(i, _)| k * 32 + i)
        })
}

/// Whether a quotation mark may start at byte `b`: an ASCII mark, or the lead byte of ‘ “ „ (E2)
/// and « (C2).
fn is_mark_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
}

/// The style of `doc`: single when more single marks than double ones stand where a quotation
/// opens.
pub fn style(doc: &Document) -> Style {
    let text = doc.text;
    let (mut single, mut double) = (0usize, 0usize);
    for p in &doc.paragraphs {
        let para = &text[p.span.start..p.span.end];
        for i in mark_starts(para.as_bytes()) {
            let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
                continue;
            };
            let kind = match c {
                '“' | '«' | '„' => Some(true),
                '"' | '`' if opening_at(para, i, c.len_utf8()) => Some(true),
                '\'' if para[i + 1..].starts_with('\'') && opening_at(para, i, 2) => Some(true),
                '‘' | '\'' if opening_at(para, i, c.len_utf8()) => Some(false),
                _ => None,
            };
            match kind {
                Some(true) => double += 1,
                Some(false) => single += 1,
                None => {}
            }
        }
    }
    if single > double {
        Style::Single
    } else {
        Style::Double
    }
}

/// Whether a mark of `len` bytes at `i` of `para` stands where a quotation opens.
fn opening_at(para: &str, i: usize, len: usize) -> bool {
    let before = para[..i].chars().next_back();
    let after = para[i + len..].chars().next();
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c));
    open_before && after.is_some_and(|c| !c.is_whitespace() && !c.is_numeric() && c != '\'')
}

/// A candidate single mark of a paragraph.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    span: Span,
    opens: bool,
    closes: bool,
    /// Closes beyond doubt: after punctuation, or before punctuation or the paragraph's end.
    strong: bool,
}

/// The single marks of paragraph `para` of `text` that open or close quotations, in order.
/// `runs_on` tells whether the next paragraph opens with a mark (so that a quotation left open here
/// goes on there).
pub fn marks(text: &str, para: Span, runs_on: bool) -> Vec<(Span, Dir)> {
    let cands = candidates(text, para);
    let ahead = stronger_ahead(&cands);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in cands.iter().enumerate() {
        match open {
            None if c.opens => {
                open = Some(out.len());
                out.push((c.span, Dir::Open));
            }
            Some(_) if c.closes && (c.strong || !ahead[i + 1]) => {
                out.push((c.span, Dir::Close));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(at) = open
        && !runs_on
    {
        out.truncate(at);
    }
    out
}

/// For each `i` (and `cands.len()`), whether a strong closing mark comes in `cands[i..]` before the
/// next mark that only opens: found from the end in one pass, not by a scan for each weak mark.
fn stronger_ahead(cands: &[Candidate]) -> Vec<bool> {
    let mut ahead = vec![false; cands.len() + 1];
    for (i, c) in cands.iter().enumerate().rev() {
        ahead[i] = if c.opens && !c.closes {
            false
        } else {
            (c.closes && c.strong) || ahead[i + 1]
        };
    }
    ahead
}

/// Every single mark of the paragraph that could open or close a quotation (a doubled `''` is a
/// double mark and is left out).
fn candidates(text: &str, para: Span) -> Vec<Candidate> {
    let s = &text[para.start..para.end];
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '‘' | '’' | '\'') {
            continue;
        }
        let len = c.len_utf8();
        if c == '\'' && (s[i + 1..].starts_with('\'') || s[..i].ends_with('\'')) {
            continue;
        }
        let before = s[..i].chars().next_back();
        let after = s[i + len..].chars().next();
        let opens = c != '’' && opening_at(s, i, len);
        let closes = c != '‘'
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| !a.is_alphanumeric());
        let strong = closes
            && (before.is_some_and(|b| ",.?!;:".contains(b))
                || after.is_none_or(|a| ",.;:?!)]—–-".contains(a)));
        if opens || closes {
            out.push(Candidate {
                span: Span::new(para.start + i, para.start + i + len),
                opens,
                closes,
                strong,
            });
        }
    }
    out
}

/// Whether paragraph `para` opens with a single mark.
pub fn opens_with_mark(text: &str, para: Span) -> bool {
    let s = &text[para.start..para.end];
    let first = s.trim_start();
    let at = s.len() - first.len();
    match first.chars().next() {
        Some(c @ '‘') => opening_at(s, at, c.len_utf8()),
        Some(c @ '\'') => !first.starts_with("''") && opening_at(s, at, c.len_utf8()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let runs_on = doc
                .paragraphs
                .get(i + 1)
                .is_some_and(|n| opens_with_mark(text, n.span));
            let ms = marks(text, p.span, runs_on);
            for pair in ms.chunks(2) {
                let end = pair.get(1).map_or(p.span.end, |c| c.0.start);
                out.push(text[pair[0].0.end..end].to_string());
            }
        }
        out
    }

    #[test]
    fn mark_starts_finds_every_lead_byte_in_any_chunk() {
        let text = format!(
            "{}“a” 'b' «c» `d` \"e\" ‘f’{}\"",
            "x".repeat(31),
            "y ".repeat(40)
        );
        let plain: Vec<usize> = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| is_mark_lead(b))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(mark_starts(text.as_bytes()).collect::<Vec<_>>(), plain);
        assert_eq!(plain.len(), 13);
    }

    #[test]
    fn an_article_quoting_with_single_marks_is_read_so() {
        let doc = Document::new("‘It was,’ she said. The players’ union disagreed: ‘No.’");
        assert_eq!(style(&doc), Style::Single);
        let doc = Document::new("“It was,” she said of the ‘plan’. “Yes.”");
        assert_eq!(style(&doc), Style::Double);
    }

    #[test]
    fn apostrophes_are_never_marks() {
        assert_eq!(
            quoted("‘It was Jones’ idea, and we don’t mind,’ she said of the ’90s."),
            ["It was Jones’ idea, and we don’t mind,"]
        );
        assert_eq!(
            quoted("'The character is very important,' Pochettino said. 'Yes.'"),
            ["The character is very important,", "Yes."]
        );
    }

    #[test]
    fn a_partial_quote_and_a_possessive() {
        assert_eq!(
            quoted("The players’ union called it ‘a disgrace’ and left."),
            ["a disgrace"]
        );
    }

    #[test]
    fn an_open_mark_runs_on_only_into_a_paragraph_that_opens_with_one() {
        assert_eq!(
            quoted("‘First part.\n\n‘Second part,’ he said.\n\nHe likes 'em short."),
            ["First part.", "Second part,"]
        );
    }
}
