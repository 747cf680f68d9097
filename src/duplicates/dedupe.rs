//! An article's text without the later copies of its repeated passages (`--dedupe`).
//!
//! Everything not removed is kept byte for byte. Only passages of whole sentences are removed: a copy
//! that is part of a longer sentence stays, since cutting it would leave a broken sentence. A removed
//! passage that makes up whole paragraphs takes their line breaks with it, so no gap of blank lines
//! is left; one inside a paragraph takes the spaces after it (or before it, at the paragraph's end).

use crate::text::{Document, Span};

/// `doc`'s text without those byte spans of `cut` that are whole sentences (in any order, overlapping
/// or not).
pub fn without(doc: &Document, mut cut: Vec<Span>) -> String {
    cut.retain(|s| !s.is_empty() && s.end <= doc.text.len() && whole_sentences(doc, *s));
    cut.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(cut.len());
    for s in cut {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    let text = doc.text;
    let mut out = String::with_capacity(text.len());
    let mut kept_from = 0;
    for span in merged {
        let span = widen(doc, span);
        if span.start < kept_from {
            kept_from = kept_from.max(span.end);
            continue;
        }
        out.push_str(&text[kept_from..span.start]);
        kept_from = span.end;
    }
    out.push_str(&text[kept_from.min(text.len())..]);
    out
}

/// Whether `span` begins where a sentence begins and ends where one ends.
fn whole_sentences(doc: &Document, span: Span) -> bool {
    let s = &doc.sentences;
    let starts = s.binary_search_by_key(&span.start, |x| x.start).is_ok();
    let i = s.partition_point(|x| x.end < span.end);
    starts && s.get(i).is_some_and(|x| x.end == span.end)
}

fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// The bytes to remove for a passage: whole lines for whole paragraphs, else the passage and the
/// spaces beside it.
fn widen(doc: &Document, span: Span) -> Span {
    let paras = &doc.paragraphs;
    let first = paras.partition_point(|p| p.span.end <= span.start);
    let last = paras.partition_point(|p| p.span.start < span.end);
    let whole = last > first
        && span.start <= paras[first].span.start
        && span.end >= paras[last - 1].span.end;
    let text = doc.text;
    if whole {
        let start = paras[first].span.start;
        return match paras.get(last) {
            // up to where the next paragraph begins: its line breaks and blank lines go too
            Some(next) => Span::new(line_start(text, start), line_start(text, next.span.start)),
            None if first > 0 => Span::new(paras[first - 1].span.end, paras[last - 1].span.end),
            None => Span::new(0, text.len()),
        };
    }
    let after = text[span.end..]
        .char_indices()
        .find(|&(_, c)| !is_horizontal_space(c))
        .map_or(text.len() - span.end, |(i, _)| i);
    let ends_paragraph = text[span.end + after..]
        .chars()
        .next()
        .is_none_or(|c| c == '\n' || c == '\r');
    if after > 0 && !ends_paragraph {
        return Span::new(span.start, span.end + after);
    }
    let before = text[..span.start]
        .chars()
        .rev()
        .take_while(|&c| is_horizontal_space(c))
        .map(char::len_utf8)
        .sum::<usize>();
    Span::new(span.start - before, span.end + after)
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, parts: &[&str]) -> String {
        let doc = Document::new(text);
        let spans = parts
            .iter()
            .map(|p| {
                let start = text.rfind(p).expect("part in text");
                Span::new(start, start + p.len())
            })
            .collect();
        without(&doc, spans)
    }

    #[test]
    fn whole_paragraphs_go_with_their_blank_lines() {
        let text = "Head\n\nOne para.\n\nTwo para.\n\nOne para.\n\nEnd.\n";
        assert_eq!(
            cut(text, &["One para."]),
            "Head\n\nOne para.\n\nTwo para.\n\nEnd.\n"
        );
    }

    #[test]
    fn a_last_paragraph_goes_with_the_breaks_before_it() {
        let text = "Head\n\nOne para.\n\nOne para.";
        assert_eq!(cut(text, &["One para."]), "Head\n\nOne para.");
    }

    #[test]
    fn a_sentence_inside_a_paragraph_goes_with_its_space() {
        let text = "A said this. B said that. C agreed.\nB said that.";
        // part of a sentence stays
        assert_eq!(cut(text, &["said that"]), text);
        let doc = Document::new(text);
        let start = text.find("B said").expect("in text");
        assert_eq!(
            without(&doc, vec![Span::new(start, start + 12)]),
            "A said this. C agreed.\nB said that."
        );
        assert_eq!(
            cut("Intro here. Repeated bit.", &["Repeated bit."]),
            "Intro here."
        );
    }

    #[test]
    fn nothing_to_cut_keeps_the_text() {
        let text = "Any text\r\n\r\nat all";
        assert_eq!(without(&Document::new(text), Vec::new()), text);
    }
}
