//! The document model: the one normalised, indexed view of an article that every stage reads.
//!
//! Built once per article by [`Document::new`]: paragraphs, sentences and words, each a [`Span`] of byte
//! offsets over the original text (never a copy of it), so any stage can slice the input exactly and the
//! report can convert to Unicode scalar offsets at the end through [`CharIndex`].
//!
//! Paragraphs are lines. Pages copied from a browser or dumped by a scraper put one block per line, often
//! with no blank line between blocks, so a blank line is not required to end a paragraph; hard-wrapped
//! prose (a line that stops mid-sentence and a next line that goes on in lower case) is joined back.

pub mod abbreviations;
mod locate;
mod offsets;
mod repeats;
mod sentences;
mod tokens;

pub use offsets::CharIndex;
pub use repeats::{Repeats, text_key};
pub use tokens::{NameWord, Token, tokens};

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A half-open range of byte offsets into the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One paragraph: a trimmed, non-blank line, or several hard-wrapped lines joined.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    /// Index range into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// Index range into [`Document::words`].
    pub words: Range<usize>,
    /// Number of blank lines between the previous paragraph and this one.
    pub blank_lines_before: usize,
}

/// The normalised, indexed article.
#[derive(Debug)]
pub struct Document<'a> {
    /// The article's text, as given.
    pub text: &'a str,
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The sentences of every paragraph, in order.
    pub sentences: Vec<Span>,
    /// For each sentence, the index range of its words in [`Document::words`].
    pub sentence_words: Vec<Range<usize>>,
    /// The words (UAX #29 segments holding a letter or digit), in order.
    pub words: Vec<Span>,
    /// Byte offsets to Unicode scalar offsets.
    pub chars: CharIndex<'a>,
    /// For each word, its sentence and its paragraph (see `locate`).
    word_sentence: Vec<u32>,
    word_paragraph: Vec<u32>,
}

/// A line of the text without its line terminator, and whether it holds anything but whitespace.
struct Line {
    span: Span,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            out.push(make_line(text, start, i));
            // "\r\n" is one terminator; a lone "\r" (old Mac files) is one too.
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        out.push(make_line(text, start, bytes.len()));
    }
    out
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let span = trim_span(text, Span::new(start, end));
    Line {
        span,
        blank: span.is_empty(),
    }
}

/// Shrinks a span to exclude leading and trailing whitespace (including no-break spaces).
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Whether a line that ends like `prev` and a line that starts like `next` are one hard-wrapped paragraph.
fn continues(prev: &str, next: &str) -> bool {
    let Some(last) = prev.chars().next_back() else {
        return false;
    };
    let Some(first) = next.chars().next() else {
        return false;
    };
    let prev_open = last.is_alphanumeric() || matches!(last, ',' | ';' | '-' | '(');
    prev.chars().count() >= 40 && prev_open && first.is_lowercase()
}

impl<'a> Document<'a> {
    /// Builds the model of `text`: paragraphs, then each paragraph's sentences and words.
    pub fn new(text: &'a str) -> Self {
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut sentence_words = Vec::new();
        let mut words = Vec::new();
        let mut blank_run = 0;
        let mut current: Option<(Span, usize)> = None;
        let mut flush =
            |span: Span, blanks: usize, sentences: &mut Vec<Span>, words: &mut Vec<Span>| {
                let s0 = sentences.len();
                sentences.extend(sentences::split(text, span));
                let w0 = words.len();
                words.extend(word_spans(text, span));
                // each word belongs to the last sentence starting at or before it
                let mut w = w0;
                for k in 0..sentences.len() - s0 {
                    let next_start = sentences.get(s0 + k + 1).map_or(usize::MAX, |n| n.start);
                    let first = w;
                    while w < words.len()
                        && (words[w].start < next_start || s0 + k + 1 == sentences.len())
                    {
                        w += 1;
                    }
                    sentence_words.push(first..w);
                }
                paragraphs.push(Paragraph {
                    span,
                    sentences: s0..sentences.len(),
                    words: w0..words.len(),
                    blank_lines_before: blanks,
                });
            };
        for line in lines(text) {
            if line.blank {
                if let Some((span, blanks)) = current.take() {
                    flush(span, blanks, &mut sentences, &mut words);
                }
                blank_run += 1;
                continue;
            }
            current = match current.take() {
                Some((span, blanks))
                    if continues(
                        &text[span.start..span.end],
                        &text[line.span.start..line.span.end],
                    ) =>
                {
                    Some((Span::new(span.start, line.span.end), blanks))
                }
                Some((span, blanks)) => {
                    flush(span, blanks, &mut sentences, &mut words);
                    Some((line.span, 0))
                }
                None => Some((line.span, blank_run)),
            };
            blank_run = 0;
        }
        if let Some((span, blanks)) = current.take() {
            flush(span, blanks, &mut sentences, &mut words);
        }
        let (word_sentence, word_paragraph) =
            locate::word_index(&paragraphs, &sentence_words, words.len());
        Document {
            text,
            paragraphs,
            sentences,
            sentence_words,
            words,
            chars: CharIndex::new(text),
            word_sentence,
            word_paragraph,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// The words of paragraph `i`.
    pub fn paragraph_words(&self, i: usize) -> &[Span] {
        &self.words[self.paragraphs[i].words.clone()]
    }

    /// The sentences of paragraph `i`.
    pub fn paragraph_sentences(&self, i: usize) -> &[Span] {
        &self.sentences[self.paragraphs[i].sentences.clone()]
    }
}

/// Words (UAX #29 word segments holding a letter or digit) inside `span`.
/// The UAX #29 words of `span` that hold a letter or digit.
///
/// The span is cut at spaces first (a word boundary on both sides in UAX #29) so that each piece
/// without curly quotes, dashes or accents takes unicode-segmentation's ASCII path, several times
/// faster than its general one; a test checks the words are the same as segmenting the whole span.
fn word_spans(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut offset = span.start;
    text[span.start..span.end]
        .split(' ')
        .flat_map(move |piece| {
            let at = offset;
            offset += piece.len() + 1;
            piece
                .unicode_word_indices()
                .map(move |(i, w)| Span::new(at + i, at + i + w.len()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para_texts<'a>(doc: &Document<'a>) -> Vec<&'a str> {
        doc.paragraphs.iter().map(|p| doc.slice(p.span)).collect()
    }

    #[test]
    fn lines_are_paragraphs_with_or_without_blank_lines() {
        let doc = Document::new("Headline\n\nFirst para.\nSecond para.\r\n\r\n  Third.  \n");
        assert_eq!(
            para_texts(&doc),
            ["Headline", "First para.", "Second para.", "Third."]
        );
        assert_eq!(doc.paragraphs[1].blank_lines_before, 1);
        assert_eq!(doc.paragraphs[2].blank_lines_before, 0);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let doc = Document::new(
            "The minister said on Tuesday that the plan would go\nahead despite the objections.\nNext one.",
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert!(doc.slice(doc.paragraphs[0].span).ends_with("objections."));
    }

    #[test]
    fn no_break_spaces_are_trimmed_and_words_found() {
        let doc = Document::new("\u{a0}Kazakh\u{a0}President Tokayev’s plan\u{a0}");
        assert_eq!(para_texts(&doc), ["Kazakh\u{a0}President Tokayev’s plan"]);
        let words: Vec<_> = doc.words.iter().map(|w| doc.slice(*w)).collect();
        assert_eq!(words, ["Kazakh", "President", "Tokayev’s", "plan"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_paragraphs() {
        assert!(Document::new("").paragraphs.is_empty());
        assert!(Document::new(" \n\t\r\n\u{a0}\n").paragraphs.is_empty());
    }

    proptest::proptest! {
        /// Cutting at spaces first gives the words that segmenting the whole span gives, on text
        /// made of what news is made of: letters (accented too), digits, apostrophes, curly quotes,
        /// dashes, stops, commas, colons, no-break and ordinary spaces, and a CJK character.
        #[test]
        fn words_cut_at_spaces_are_the_whole_spans_words(
            s in "[a-zA-Z0-9 .,:;'’‘“”\"()\u{a0}—–éüñ語_-]{0,60}"
        ) {
            let whole: Vec<Span> = s
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| Span::new(i, i + w.len()))
                .collect();
            let cut: Vec<Span> = word_spans(&s, Span::new(0, s.len())).collect();
            proptest::prop_assert_eq!(cut, whole);
        }
    }
}
