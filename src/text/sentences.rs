//! Sentence boundaries inside a paragraph.
//!
//! UAX #29 sentence breaking splits after every "Mr." and "U.S.", which news text is full of, so this is
//! a small rule splitter instead: a break follows terminal punctuation (with any closing quotes or
//! brackets) when whitespace and an upper-case letter, digit or opening quote come next, unless the word
//! before a full stop is a known abbreviation (`data/lang/abbreviations.txt`) or an initial.

use super::{Span, abbreviations, trim_span};

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opening_or_upper(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡'
        )
}

/// Whether the word ending just before the full stop at byte `dot` is an abbreviation or an initial.
fn abbreviation_before(text: &str, from: usize, dot: usize) -> bool {
    let head = &text[from..dot];
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    abbreviations::listed(&head[word_start..])
}

/// Sentence spans (trimmed) covering the non-blank text of `span`.
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // absorb further terminal marks and closing quotes/brackets
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        // whitespace, then a sentence opener
        let rest = &s[end..];
        let after_ws = rest.trim_start();
        if after_ws.len() == rest.len() {
            continue;
        }
        let Some(next) = after_ws.chars().next() else {
            continue;
        };
        if !is_opening_or_upper(next) {
            continue;
        }
        if c == '.' && end == i + 1 && abbreviation_before(s, start, i) {
            continue;
        }
        out.push(trim_span(
            text,
            Span::new(span.start + start, span.start + end),
        ));
        start = end;
    }
    let last = trim_span(text, Span::new(span.start + start, span.end));
    if !last.is_empty() {
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split(s, Span::new(0, s.len()))
            .into_iter()
            .map(|sp| &s[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sents("One thing. Two things! Three?"),
            ["One thing.", "Two things!", "Three?"]
        );
    }

    #[test]
    fn keeps_titles_initials_and_acronyms() {
        assert_eq!(
            sents("Mr. Tokayev won. He met John F. Kennedy in the U.S. and left."),
            [
                "Mr. Tokayev won.",
                "He met John F. Kennedy in the U.S. and left."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“It is over.” He left. “Why?” she asked."),
            ["“It is over.”", "He left.", "“Why?” she asked."]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            sents("It rose 81.3% today… Then fell."),
            ["It rose 81.3% today…", "Then fell."]
        );
    }
}
