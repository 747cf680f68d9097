//! A page glued into one paragraph, as corpora store articles with their lines joined by single
//! spaces: the summary, the byline, a time stamp and the photo captions sit between the story's
//! sentences with nothing but the glue to tell them apart. The glue shows where a line ran out
//! without its full stop and the next one begins: "... car alarms An electrician ...", "...
//! workshop Collection: Police found ...". A caption is a line opening with a label ("Hobby:",
//! "'Quoted words':") that runs into the next line without a full stop; a byline is "By" and two
//! names' words after such a seam; what stands before the byline is the page's summary.

use super::Segment;
use super::lead::glued_byline_end;
use crate::kinds::SectionKind;
use crate::lexicon;
use crate::text::{Document, Span};

/// A paragraph shorter than this is a paragraph, not a page glued into one.
const MIN_WORDS: usize = 100;
/// The most words before a glued byline that are the page's summary.
const MAX_SUMMARY_WORDS: usize = 80;
/// How many words from a "By" are read for a glued byline and the story after it.
const BYLINE_LOOKAHEAD: usize = 60;
/// The fewest words of a glued caption, its label included.
const MIN_CAPTION_WORDS: usize = 8;
/// The most words between a quoted label's opening mark and its closing mark and colon.
const MAX_QUOTED_LABEL_WORDS: usize = 20;

/// Splits every long body paragraph that shows glue into the pieces it holds.
pub fn split(doc: &Document, segments: Vec<Segment>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    for seg in segments {
        if seg.kind != SectionKind::Body || seg.piece.is_some() {
            out.push(seg);
            continue;
        }
        let mut from = seg.paragraphs.start;
        for p in seg.paragraphs.clone() {
            let span = doc.paragraphs[p].span;
            let Some(parts) = pieces(doc.slice(span), span.start) else {
                continue;
            };
            if from < p {
                out.push(Segment::new(SectionKind::Body, from..p));
            }
            out.extend(parts.into_iter().map(|(kind, s)| Segment {
                metadata: kind == SectionKind::Boilerplate,
                ..Segment::piece(kind, p, s)
            }));
            from = p + 1;
        }
        if from < seg.paragraphs.end {
            out.push(Segment {
                paragraphs: from..seg.paragraphs.end,
                ..seg
            });
        }
    }
    out
}

/// One word of the paragraph and its byte offset in it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    at: usize,
    text: &'a str,
}

/// How a unit of the paragraph begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// The paragraph's first word, or a word after a sentence's end.
    Sentence,
    /// A word glued on after a line that had no full stop.
    Seam,
}

/// The pieces of a glued paragraph (`para`, at byte `at` of the document), in order, if it is one
/// and holds something besides the story.
pub fn pieces(para: &str, at: usize) -> Option<Vec<(SectionKind, Span)>> {
    // most paragraphs are short: counted without building their words
    para.split_whitespace().nth(MIN_WORDS - 1)?;
    let words = words(para);
    let openings: Vec<Option<Opening>> = (0..words.len()).map(|j| opening(&words, j)).collect();
    let mut kinds = vec![SectionKind::Body; words.len()];
    // the unit each word belongs to: captions side by side stay two
    let mut units = vec![0usize; words.len()];
    let mut found = false;
    let mut j = 0;
    while j < words.len() {
        let end = (j + 1..words.len())
            .find(|&k| openings[k].is_some())
            .unwrap_or(words.len());
        let closed_by_glue = openings.get(end).copied().flatten() == Some(Opening::Seam)
            || (end == words.len() && !ends_sentence(words[end - 1].text));
        units[j..end].fill(j);
        if let Some(kind) = unit_kind(&words[j..end], closed_by_glue) {
            kinds[j..end].fill(kind);
            found = true;
        }
        if openings[j].is_some() && words[j].text == "By" && j <= MAX_SUMMARY_WORDS {
            // a byline and the story words it needs after it lie within a few dozen words
            let upto = words.get(j + BYLINE_LOOKAHEAD).map_or(para.len(), |w| w.at);
            let rest = &para[words[j].at..upto];
            if let Some(len) = glued_byline_end(rest) {
                let last = words[j..].partition_point(|w| w.at < words[j].at + len) + j;
                kinds[..j].fill(SectionKind::Dek);
                kinds[j..last].fill(SectionKind::Byline);
                units[j..last].fill(j);
                found = true;
                j = last;
                continue;
            }
        }
        j = end;
    }
    found.then(|| runs(&words, &kinds, &units, at))
}

/// The words of `para` with their byte offsets.
fn words(para: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in para.char_indices().chain([(para.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    at: s,
                    text: &para[s..i],
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Whether word `j` opens a unit: after a sentence's end, or glued on after a line without one.
fn opening(words: &[Word], j: usize) -> Option<Opening> {
    let Some(prev) = j.checked_sub(1).map(|i| words[i].text) else {
        return Some(Opening::Sentence);
    };
    let w = words[j].text;
    if ends_sentence(prev) && w.starts_with(|c: char| c.is_uppercase() || is_quote(c)) {
        return Some(Opening::Sentence);
    }
    let glued = prev.ends_with(|c: char| c.is_alphanumeric());
    (glued && (label(w) || quoted_label(words, j) || opener(w) || w == "By"))
        .then_some(Opening::Seam)
}

/// What a unit of the paragraph is, when it is not the story's: a caption (a label, then a
/// description of some length and no full stop before the next line), or a time stamp ("PUBLISHED:
/// 11:19 EST, 3 May 2012"). A short "Label: value" pair ("Referee: Jane Doe") is neither.
fn unit_kind(unit: &[Word], closed_by_glue: bool) -> Option<SectionKind> {
    let first = unit.first()?.text;
    if !closed_by_glue || !(label(first) || quoted_label(unit, 0)) {
        return None;
    }
    let key = first.trim_end_matches(':').to_lowercase();
    if lexicon::METADATA_KEYS.get(&key) == Some("dateline") {
        Some(SectionKind::Boilerplate)
    } else {
        (unit.len() >= MIN_CAPTION_WORDS).then_some(SectionKind::Caption)
    }
}

/// A label opening a caption or a stamp: one word with a capital, then a colon ("Hobby:",
/// "UPDATED:").
fn label(w: &str) -> bool {
    w.strip_suffix(':').is_some_and(|l| {
        l.chars().count() >= 2
            && l.starts_with(char::is_uppercase)
            && l.chars().all(char::is_alphabetic)
    })
}

/// A quotation used as a caption's label: an opening mark at word `j`, and a closing mark and a
/// colon a few words on ("'Some of us were lucky': Crews said ...").
fn quoted_label(words: &[Word], j: usize) -> bool {
    words[j].text.starts_with(is_quote)
        && words[j..].iter().take(MAX_QUOTED_LABEL_WORDS).any(|w| {
            w.text.len() > 2 && w.text.ends_with(':') && {
                let body = &w.text[..w.text.len() - 1];
                body.ends_with(is_quote)
            }
        })
}

/// A word that opens a sentence and never stands capitalised inside one: "He", "The", "In".
fn opener(w: &str) -> bool {
    let mut chars = w.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && w.len() >= 2;
    let lower = w.to_lowercase();
    title_case
        && (lexicon::FUNCTION_WORDS.contains(&lower) || lexicon::SUBJECT_PRONOUNS.contains(w))
}

fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”')
}

/// Whether a word ends a sentence: a full stop, a question or an exclamation mark, perhaps inside
/// closing quotes or brackets, and not an abbreviation's full stop ("Mr.").
fn ends_sentence(w: &str) -> bool {
    let core = w.trim_end_matches(|c: char| is_quote(c) || c == ')');
    match core.chars().last() {
        Some('!' | '?') => true,
        Some('.') => {
            let stem = core.trim_end_matches('.').to_lowercase();
            !lexicon::ABBREVIATIONS.contains(&stem) && stem.chars().count() > 1
        }
        _ => false,
    }
}

/// The paragraph's pieces: each run of one kind (of one unit, but for the story's), from its first
/// word's start to its last word's end.
fn runs(
    words: &[Word],
    kinds: &[SectionKind],
    units: &[usize],
    at: usize,
) -> Vec<(SectionKind, Span)> {
    let mut out: Vec<(SectionKind, Span, usize)> = Vec::new();
    for ((w, &kind), &unit) in words.iter().zip(kinds).zip(units) {
        let span = Span::new(at + w.at, at + w.at + w.text.len());
        match out.last_mut() {
            Some((k, s, u)) if *k == kind && (kind == SectionKind::Body || *u == unit) => {
                s.end = span.end
            }
            _ => out.push((kind, span, unit)),
        }
    }
    out.into_iter().map(|(k, s, _)| (k, s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(n: usize) -> String {
        "The council said the work would go on through the winter months. ".repeat(n)
    }

    fn parts(para: &str) -> Vec<(SectionKind, String)> {
        pieces(para, 0)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, s)| (k, para[s.start..s.end].to_string()))
            .collect()
    }

    #[test]
    fn a_glued_page_gives_its_summary_byline_stamp_and_captions() {
        let para = format!(
            "Council to rebuild the harbour wall after storms By Jane Doe UPDATED: 10:02 GMT, 3 May 2012 \
             Repairs: Crews at work on the old wall in March The council met on Monday. {} \
             'We were lucky': Residents on the quay after the storm Rebuilt: The wall as it stood in May last year \
             He said the wall held. {}",
            story(8),
            story(6)
        );
        let got = parts(&para);
        let kinds: Vec<SectionKind> = got.iter().map(|p| p.0).collect();
        use SectionKind::*;
        assert_eq!(
            kinds,
            [
                Dek,
                Byline,
                Boilerplate,
                Caption,
                Body,
                Caption,
                Caption,
                Body
            ],
            "{got:?}"
        );
        assert_eq!(got[1].1, "By Jane Doe");
        assert_eq!(got[2].1, "UPDATED: 10:02 GMT, 3 May 2012");
        assert_eq!(got[3].1, "Repairs: Crews at work on the old wall in March");
        assert_eq!(
            got[5].1,
            "'We were lucky': Residents on the quay after the storm"
        );
    }

    #[test]
    fn ordinary_long_paragraphs_are_left_alone() {
        // labels and quotations that end their sentences are prose
        let para = format!(
            "{} Update: The council has since met. He called it 'a disgrace' and left. {}",
            story(8),
            story(8)
        );
        assert!(pieces(&para, 0).is_none());
        // nor are short "Label: value" pairs glued together, as match reports print them
        let stats = format!("{} Referee: Jane Doe Att: 20,412 {}", story(8), story(8));
        assert!(pieces(&stats, 0).is_none());
        // a short paragraph is never split
        assert!(pieces("Repairs: Crews at work The council met.", 0).is_none());
    }
}
