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
pub use tokens::{NameWord, Token, tokens, tokens_to_sentence_end};

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

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether this span lies wholly inside one of `spans`, which are sorted and do not overlap
    /// (paragraphs, sections): a binary search, not a scan.
    pub fn inside_any(&self, spans: &[Span]) -> bool {
        let after = spans.partition_point(|s| s.start <= self.start);
        after > 0 && spans[after - 1].contains(*self)
    }
}

/// One paragraph: a trimmed, non-blank line, or several hard-wrapped lines joined. Its sentences
/// and words are index ranges into the document's, kept as `u32` (a text of one short line a
/// paragraph holds as many of these as it has lines).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    sentences: (u32, u32),
    words: (u32, u32),
    /// Number of blank lines between the previous paragraph and this one.
    pub blank_lines_before: u32,
}

impl Paragraph {
    /// Index range into [`Document::sentences`].
    pub fn sentences(&self) -> Range<usize> {
        self.sentences.0 as usize..self.sentences.1 as usize
    }

    /// Index range into [`Document::words`].
    pub fn words(&self) -> Range<usize> {
        self.words.0 as usize..self.words.1 as usize
    }
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
    /// For each sentence, the index of its first word in [`Document::words`], and at the end the
    /// number of words: sentence `i`'s words are `starts[i]..starts[i + 1]`.
    sentence_word_starts: Vec<u32>,
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

/// The lines of `text`, in order ("\r\n" and a lone "\r" end a line as "\n" does).
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' || b == b'\r' {
                let line = make_line(text, start, i);
                i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
                return Some(line);
            }
            i += 1;
        }
        if start < bytes.len() {
            let line = make_line(text, start, bytes.len());
            start = bytes.len();
            return Some(line);
        }
        None
    })
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
    // a web address under a line is the page's credit or a link, not the line's next words
    let address = next.starts_with("www.") || next.starts_with("http");
    prev.chars().count() >= 40 && prev_open && first.is_lowercase() && !address
}

impl<'a> Document<'a> {
    /// Builds the model of `text`: paragraphs, then each paragraph's sentences and words. Offsets
    /// are kept in 32 bits: text past the first 4 GiB is not read.
    pub fn new(text: &'a str) -> Self {
        let mut model = Builder::default();
        let mut blank_run = 0;
        let mut current: Option<(Span, u32)> = None;
        for line in lines(text) {
            if line.blank {
                if let Some((span, blanks)) = current.take() {
                    model.paragraph(text, span, blanks);
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
                    model.paragraph(text, span, blanks);
                    Some((line.span, 0))
                }
                None => Some((line.span, blank_run)),
            };
            blank_run = 0;
        }
        if let Some((span, blanks)) = current.take() {
            model.paragraph(text, span, blanks);
        }
        model.finish(text)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// The words of paragraph `i`.
    pub fn paragraph_words(&self, i: usize) -> &[Span] {
        &self.words[self.paragraphs[i].words()]
    }

    /// The sentences of paragraph `i`.
    pub fn paragraph_sentences(&self, i: usize) -> &[Span] {
        &self.sentences[self.paragraphs[i].sentences()]
    }

    /// The index range of sentence `i`'s words in [`Document::words`].
    pub fn sentence_words(&self, i: usize) -> Range<usize> {
        self.sentence_word_starts[i] as usize..self.sentence_word_starts[i + 1] as usize
    }

    /// The index range of every sentence's words, in order.
    pub fn sentence_word_ranges(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.sentence_word_starts
            .windows(2)
            .map(|w| w[0] as usize..w[1] as usize)
    }
}

/// The document's vectors as paragraphs are added.
#[derive(Default)]
struct Builder {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Span>,
    sentence_word_starts: Vec<u32>,
    words: Vec<Span>,
}

/// An index as 32 bits (every index counts bytes of a text of at most 4 GiB, or fewer things).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Builder {
    /// Adds the paragraph `span` with its sentences and words; `blanks` blank lines stood before it.
    fn paragraph(&mut self, text: &str, span: Span, blanks: u32) {
        if span.end > u32::MAX as usize {
            return;
        }
        let s0 = self.sentences.len();
        self.sentences.extend(sentences::split(text, span));
        let w0 = self.words.len();
        self.words.extend(word_spans(text, span));
        // each word belongs to the last sentence starting at or before it
        let mut w = w0;
        for k in 0..self.sentences.len() - s0 {
            let next_start = self
                .sentences
                .get(s0 + k + 1)
                .map_or(usize::MAX, |n| n.start);
            self.sentence_word_starts.push(index(w));
            while w < self.words.len()
                && (self.words[w].start < next_start || s0 + k + 1 == self.sentences.len())
            {
                w += 1;
            }
        }
        self.paragraphs.push(Paragraph {
            span,
            sentences: (index(s0), index(self.sentences.len())),
            words: (index(w0), index(self.words.len())),
            blank_lines_before: blanks,
        });
    }

    fn finish(mut self, text: &str) -> Document<'_> {
        self.sentence_word_starts.push(index(self.words.len()));
        // exact sizes: the slack of growing vectors would be a third of the model's memory
        self.paragraphs.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.sentence_word_starts.shrink_to_fit();
        self.words.shrink_to_fit();
        let (word_sentence, word_paragraph) = locate::word_index(
            &self.paragraphs,
            &self.sentence_word_starts,
            self.words.len(),
        );
        Document {
            text,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            sentence_word_starts: self.sentence_word_starts,
            words: self.words,
            chars: CharIndex::new(text),
            word_sentence,
            word_paragraph,
        }
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
                .flat_map(move |(i, w)| unglued(w, at + i))
        })
}

/// A word as one span, or as two where a full stop glues two sentences without a space
/// ("harbour.After": the stop after a lower-case word and before a capitalised one). Acronyms
/// ("U.S"), web addresses ("example.com") and numbers stay whole.
fn unglued(w: &str, at: usize) -> impl Iterator<Item = Span> {
    let glue = w.contains('.').then(|| {
        w.match_indices('.').map(|(i, _)| i).find(|&i| {
            let before = &w[..i];
            let mut after = w[i + 1..].chars();
            before.chars().rev().take(2).all(char::is_lowercase)
                && before.chars().count() >= 2
                && after.next().is_some_and(char::is_uppercase)
                && after.next().is_some_and(char::is_lowercase)
        })
    });
    let (first, second) = match glue.flatten() {
        Some(i) => (
            Span::new(at, at + i),
            Some(Span::new(at + i + 1, at + w.len())),
        ),
        None => (Span::new(at, at + w.len()), None),
    };
    std::iter::once(first).chain(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_gluing_two_sentences_parts_their_words() {
        let text = "at Kestrel Harbour.After it, in May.The U.S. site example.com, 3.5 and Mr.Doe";
        let words: Vec<&str> = word_spans(text, Span::new(0, text.len()))
            .map(|w| &text[w.start..w.end])
            .collect();
        assert_eq!(
            words,
            [
                "at",
                "Kestrel",
                "Harbour",
                "After",
                "it",
                "in",
                "May",
                "The",
                "U.S",
                "site",
                "example.com",
                "3.5",
                "and",
                "Mr.Doe"
            ]
        );
    }

    #[test]
    fn inside_any_finds_the_one_span_that_could_hold_it() {
        let spans = [Span::new(0, 5), Span::new(10, 20), Span::new(30, 31)];
        assert!(Span::new(11, 20).inside_any(&spans));
        assert!(Span::new(0, 5).inside_any(&spans));
        assert!(!Span::new(4, 11).inside_any(&spans));
        assert!(!Span::new(20, 25).inside_any(&spans));
        assert!(!Span::new(0, 1).inside_any(&[]));
    }

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
    fn a_web_address_under_a_line_is_not_its_continuation() {
        let doc = Document::new(
            "Official sacked after a long inquiry into the city's accounts\nwww.example.com 2008-01-11\n",
        );
        assert_eq!(doc.paragraphs.len(), 2);
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
            // (the same ungluing of sentences glued by a stop applied to both)
            let whole: Vec<Span> = s
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .flat_map(|(i, w)| unglued(w, i))
                .collect();
            let cut: Vec<Span> = word_spans(&s, Span::new(0, s.len())).collect();
            proptest::prop_assert_eq!(cut, whole);
        }
    }
}
