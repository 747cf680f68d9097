//! Section segmentation: which paragraphs are the headline, the body, a sidebar, page furniture, ...
//!
//! Text-only, from general cues (see [`cues`]), in three steps:
//! 1. the *body* is the main run of prose: the contiguous run of paragraphs with the highest total weight,
//!    where prose paragraphs weigh their length and short lines, menus and furniture phrases weigh
//!    against it (a maximum-sum subarray, linear in the number of paragraphs);
//! 2. the *header* is read backwards from the body's start: the best headline candidate within a
//!    window, a kicker just above it, and between it and the body the dek, bylines, datelines and
//!    captions;
//! 3. inside the body, furniture lines, captions and titled sidebars are carved out; everything outside
//!    the body and header is boilerplate.

mod cues;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::report::SectionKind;
use crate::text::Document;
use cues::Cues;

/// A section as paragraph indices into the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SectionKind,
    /// Paragraph indices, title included for a sidebar.
    pub paragraphs: Range<usize>,
    /// A sidebar's title paragraph (the first of `paragraphs`).
    pub title: Option<usize>,
}

/// How far above the body the headline is looked for, in paragraphs.
const HEADLINE_WINDOW: usize = 40;

/// Splits the document into sections covering every paragraph, in order.
pub fn segment(doc: &Document) -> Vec<Segment> {
    let n = doc.paragraphs.len();
    if n == 0 {
        return Vec::new();
    }
    let cues = cues::analyse(doc);
    let repeats = repeat_counts(doc);
    let mut kinds = vec![SectionKind::Boilerplate; n];
    let mut titles = vec![false; n];

    let body = main_run(&cues).unwrap_or(0..0);
    let headline = find_headline(doc, &cues, &repeats, &body);
    let body_start = match headline {
        Some(h) if h >= body.start => h + 1,
        _ => body.start,
    };
    for i in body_start..body.end {
        kinds[i] = body_kind(&cues[i]);
    }
    if let Some(h) = headline {
        kinds[h] = SectionKind::Headline;
        if let Some(k) = kicker(&cues, h) {
            kinds[k] = SectionKind::Kicker;
        }
        for i in h + 1..body_start {
            kinds[i] = header_kind(&cues[i], i == h + 1);
        }
    }
    mark_sidebars(&cues, &mut kinds, &mut titles, body_start..body.end);
    // a body paragraph that is the only prose in the document still is the body
    if headline.is_none() && body.is_empty() {
        for (i, c) in cues.iter().enumerate() {
            if !c.boilerplate_phrase && (c.prose() || c.words >= 5) {
                kinds[i] = SectionKind::Body;
            }
        }
    }
    group(&kinds, &titles)
}

/// A prose paragraph at least this long counts fully even alone: teasers and comments are shorter.
const ISOLATED_PROSE_WORDS: usize = 60;

/// How much paragraph `i` argues for being inside the main run of prose.
///
/// Prose counts by its length, discounted where it does not look like an article's paragraphs: an
/// article sets its paragraphs apart with blank lines and runs them together, while a teaser under a
/// link or a comment between a user name and a date stands alone among short lines, tightly packed.
fn weight(cues: &[Cues], i: usize) -> f32 {
    let c = &cues[i];
    if c.end_marker {
        return -40.0;
    }
    if c.boilerplate_phrase {
        return -12.0;
    }
    if c.echo {
        return -2.0;
    }
    if c.prose() {
        let mut w = c.words.min(120) as f32;
        let prev = i > 0 && cues[i - 1].prose();
        let next = cues.get(i + 1).is_some_and(Cues::prose);
        if !prev && !next && c.words < ISOLATED_PROSE_WORDS {
            w *= 0.3;
        }
        let tight_after = cues.get(i + 1).is_some_and(|n| n.tight_before);
        match (c.tight_before, tight_after) {
            (true, true) => w *= 0.4,
            (true, false) | (false, true) => w *= 0.7,
            (false, false) => {}
        }
        return w;
    }
    if c.words >= 5 && c.ends_sentence {
        return 1.0;
    }
    if c.tight_before { -3.0 } else { -2.0 }
}

/// The contiguous paragraph range with the greatest total weight (Kadane), if any weighs above zero.
fn main_run(cues: &[Cues]) -> Option<Range<usize>> {
    let mut best: Option<(f32, Range<usize>)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for i in 0..cues.len() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += weight(cues, i);
        if sum > 0.0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    best.map(|(_, r)| r)
}

fn normalised(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn repeat_counts(doc: &Document) -> Vec<usize> {
    let keys: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|p| normalised(doc.slice(p.span)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    keys.iter()
        .map(|k| counts.get(k.as_str()).copied().unwrap_or(1))
        .collect()
}

/// How headline-like paragraph `i` is, or `None` when it cannot be the headline.
fn headline_score(
    doc: &Document,
    cues: &[Cues],
    repeats: &[usize],
    topic: &HashSet<String>,
    i: usize,
    distance: usize,
) -> Option<f32> {
    let c = &cues[i];
    if c.words < 2 || c.words > 30 || c.boilerplate_phrase || c.byline || c.credit || c.bullet {
        return None;
    }
    if c.date {
        return None;
    }
    if c.sentences > 2 && c.words > 20 {
        return None;
    }
    let mut s = 0.0;
    s += if c.words >= 3 { 2.0 } else { 0.5 };
    s += if c.starts_upper { 1.0 } else { -1.0 };
    if !c.tight_before {
        s += 1.0;
    }
    let next_tight = cues.get(i + 1).is_some_and(|n| n.tight_before);
    if !next_tight {
        s += 0.5;
    }
    // a line inside a run of short lines is a menu entry
    let prev_short = i > 0 && cues[i - 1].short() && c.tight_before;
    let next_short = cues.get(i + 1).is_some_and(|n| n.short() && n.tight_before);
    if prev_short && next_short {
        s -= 2.0;
    }
    if c.capitalised >= 0.5 {
        s += 0.5;
    }
    if c.ends_sentence && c.words > 15 {
        s -= 1.5;
    }
    // "3. Another story": an entry of a numbered list of links
    if c.numbered {
        s -= 2.0;
    }
    // "Jane Q. Doe": a name standing alone is an author line, not a title
    if c.words <= 3 && c.capitalised >= 0.99 && !c.ends_sentence {
        s -= 2.0;
    }
    // a headline is usually followed closely by who wrote it or when
    if cues[i + 1..].iter().take(4).any(|n| n.byline || n.date) {
        s += 1.0;
    }
    if repeats[i] == 2 {
        s += 0.5;
    }
    s += 4.0 * topic_overlap(doc, topic, i);
    s -= 0.15 * distance as f32;
    Some(s)
}

/// The headline: the best candidate above the body (or the body's first paragraph when nothing above
/// qualifies and the body goes on after it).
fn find_headline(
    doc: &Document,
    cues: &[Cues],
    repeats: &[usize],
    body: &Range<usize>,
) -> Option<usize> {
    let from = body.start.saturating_sub(HEADLINE_WINDOW);
    let topic = topic_words(doc, body);
    let mut best: Option<(f32, usize)> = None;
    for i in (from..body.start).rev() {
        let distance = body.start - i - 1;
        if let Some(s) = headline_score(doc, cues, repeats, &topic, i, distance) {
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, i));
            }
        }
    }
    if let Some((s, i)) = best {
        if s > 1.5 {
            // a headline followed by its dek: both score well, the headline comes first
            let above = i.checked_sub(1).filter(|&h| h >= from).and_then(|h| {
                headline_score(doc, cues, repeats, &topic, h, body.start - h - 1).map(|hs| (hs, h))
            });
            let contains = |h: usize| {
                doc.slice(doc.paragraphs[h].span)
                    .contains(doc.slice(doc.paragraphs[i].span))
            };
            return match above {
                Some((hs, h))
                    if hs > 1.5
                        && hs >= s - 2.0
                        && cues[i].words >= cues[h].words / 2
                        && !contains(h) =>
                {
                    Some(h)
                }
                _ => Some(i),
            };
        }
    }
    // The first paragraph of the text, short and standing alone, heads what follows.
    let first = body.start;
    let c = cues.get(first)?;
    let title_like = c.words >= 2 && c.words <= 20 && !c.boilerplate_phrase && !c.byline && !c.date;
    let more_body = body.end > first + 1;
    let standalone = first + 1 < doc.paragraphs.len() && !cues[first + 1].tight_before;
    (title_like
        && (more_body || body.is_empty())
        && (standalone || c.sentences <= 2)
        && c.words < cues.get(first + 1).map_or(usize::MAX, |n| n.words))
    .then_some(first)
}

/// How many words of the body's opening are looked at for what the article is about.
const TOPIC_WORDS: usize = 300;

/// Content words (four letters or more, lower-cased) of a text's words.
fn content_words<'a>(
    doc: &'a Document,
    words: &'a [crate::text::Span],
) -> impl Iterator<Item = String> + 'a {
    words
        .iter()
        .map(|w| doc.slice(*w))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// The content words of the body's opening: what the article is about.
fn topic_words(doc: &Document, body: &Range<usize>) -> HashSet<String> {
    let Some(first) = doc.paragraphs.get(body.start) else {
        return HashSet::new();
    };
    let end = doc
        .paragraphs
        .get(body.end.saturating_sub(1))
        .map_or(first.words.end, |p| p.words.end);
    let words = &doc.words[first.words.start
        ..end
            .min(first.words.start + TOPIC_WORDS)
            .max(first.words.start)];
    content_words(doc, words).collect()
}

/// Share of paragraph `i`'s content words that the body's opening also uses: a headline is about its
/// story, a menu entry or another story's title mostly is not.
fn topic_overlap(doc: &Document, topic: &HashSet<String>, i: usize) -> f32 {
    let (mut all, mut shared) = (0, 0);
    for w in content_words(doc, doc.paragraph_words(i)) {
        all += 1;
        shared += usize::from(topic.contains(&w));
    }
    if all == 0 {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

/// A short label standing alone just above the headline.
fn kicker(cues: &[Cues], headline: usize) -> Option<usize> {
    let k = headline.checked_sub(1)?;
    let c = &cues[k];
    let standalone = !c.tight_before || k == 0;
    let above_is_separate = k == 0 || !cues[k].tight_before;
    (c.words >= 1
        && c.words <= 4
        && !c.ends_sentence
        && standalone
        && above_is_separate
        && !c.bullet
        && !c.date)
        .then_some(k)
}

/// The kind of a paragraph between the headline and the body.
fn header_kind(c: &Cues, right_below_headline: bool) -> SectionKind {
    if c.byline {
        SectionKind::Byline
    } else if c.date {
        SectionKind::Dateline
    } else if c.credit {
        SectionKind::Caption
    } else if c.boilerplate_phrase || c.short() {
        SectionKind::Boilerplate
    } else if right_below_headline || (c.ends_sentence && c.words >= 6) {
        SectionKind::Dek
    } else {
        SectionKind::Boilerplate
    }
}

/// The kind of a paragraph inside the main run of prose.
fn body_kind(c: &Cues) -> SectionKind {
    if c.boilerplate_phrase {
        SectionKind::Boilerplate
    } else if c.credit && !c.prose() {
        SectionKind::Caption
    } else {
        SectionKind::Body
    }
}

/// A known sidebar title inside the body, with the paragraph after it, is a sidebar.
fn mark_sidebars(
    cues: &[Cues],
    kinds: &mut [SectionKind],
    titles: &mut [bool],
    body: Range<usize>,
) {
    let mut i = body.start;
    while i < body.end {
        if cues[i].sidebar_title && i + 1 < kinds.len() {
            kinds[i] = SectionKind::Sidebar;
            kinds[i + 1] = SectionKind::Sidebar;
            titles[i] = true;
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Runs of one kind become one section; headlines, kickers and each sidebar stand alone.
fn group(kinds: &[SectionKind], titles: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (i, &kind) in kinds.iter().enumerate() {
        let joins = match out.last() {
            Some(last) => {
                last.kind == kind
                    && last.paragraphs.end == i
                    && !titles[i]
                    && matches!(
                        kind,
                        SectionKind::Body
                            | SectionKind::Boilerplate
                            | SectionKind::Caption
                            | SectionKind::Sidebar
                    )
            }
            None => false,
        };
        match out.last_mut() {
            Some(last) if joins => last.paragraphs.end = i + 1,
            _ => out.push(Segment {
                kind,
                paragraphs: i..i + 1,
                title: titles[i].then_some(i),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SectionKind, usize)> {
        let doc = Document::new(text);
        segment(&doc)
            .iter()
            .map(|s| (s.kind, s.paragraphs.len()))
            .collect()
    }

    #[test]
    fn headline_body_and_furniture() {
        let text = "Home\nNews\nSport\n\nCouncil approves new bridge over the river\n\nBy Jane Doe\n\n\
            The city council voted on Tuesday to approve a new bridge, ending years of debate over the crossing.\n\n\
            Construction is expected to start next spring and to take about three years, officials said.\n\n\
            Share this:\nFacebook\nTwitter\n";
        assert_eq!(
            kinds(text),
            [
                (SectionKind::Boilerplate, 3),
                (SectionKind::Headline, 1),
                (SectionKind::Byline, 1),
                (SectionKind::Body, 2),
                (SectionKind::Boilerplate, 3),
            ]
        );
    }

    #[test]
    fn empty_document_has_no_sections() {
        assert!(kinds("").is_empty());
    }
}
