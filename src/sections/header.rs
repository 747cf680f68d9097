//! The header above the body: headline, kicker, and what stands between the headline and the body.
//!
//! The headline is the best-scoring candidate in a window above the body: a standalone line of title
//! length that talks about what the body talks about (shared content words), not a menu entry, a name,
//! a date or a numbered link. A kicker is a short label standing alone just above it; below it come
//! the dek, bylines, datelines and captions.

use std::collections::HashSet;
use std::ops::Range;

use super::cues::Cues;
use crate::report::SectionKind;
use crate::text::{Document, Repeats, Span};

/// How far above the body the headline is looked for, in paragraphs.
const HEADLINE_WINDOW: usize = 40;

/// A candidate must score above this to be taken as the headline.
const HEADLINE_MIN_SCORE: f32 = 1.5;

/// How many words of the body's opening are looked at for what the article is about.
const TOPIC_WORDS: usize = 300;

/// What headline scoring needs to know about the whole document.
struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    cues: &'d [Cues],
    /// How often each paragraph's text occurs in the document.
    repeats: &'d Repeats,
    /// Content words of the body's opening.
    topic: HashSet<String>,
    body: Range<usize>,
}

/// The headline's paragraph index: the best candidate above the body, or the body's first paragraph
/// when nothing above qualifies and that paragraph is short and heads more text.
pub fn find_headline(
    doc: &Document,
    cues: &[Cues],
    repeats: &Repeats,
    body: &Range<usize>,
) -> Option<usize> {
    let cx = Context {
        doc,
        cues,
        repeats,
        topic: topic_words(doc, body),
        body: body.clone(),
    };
    let from = body.start.saturating_sub(HEADLINE_WINDOW);
    let best = (from..body.start)
        .filter_map(|i| cx.score(i).map(|s| (s, i)))
        .fold(None, |best: Option<(f32, usize)>, (s, i)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, i)),
        });
    match best {
        Some((s, i)) if s > HEADLINE_MIN_SCORE => Some(cx.prefer_line_above(i, s, from)),
        _ => cx.first_body_paragraph(),
    }
}

impl Context<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.slice(self.doc.paragraphs[i].span)
    }

    /// How headline-like paragraph `i` is, or `None` when it cannot be the headline.
    fn score(&self, i: usize) -> Option<f32> {
        let cues = self.cues;
        let c = &cues[i];
        if c.words < 2
            || c.words > 30
            || c.boilerplate_phrase
            || c.byline
            || c.credit
            || c.bullet
            || c.date
        {
            return None;
        }
        if c.sentences > 2 && c.words > 20 {
            return None;
        }
        let mut s = if c.words >= 3 { 2.0 } else { 0.5 };
        s += if c.starts_upper { 1.0 } else { -1.0 };
        if !c.tight_before {
            s += 1.0;
        }
        if !cues.get(i + 1).is_some_and(|n| n.tight_before) {
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
        if self.repeats.count(i) == 2 {
            s += 0.5;
        }
        s += 4.0 * self.topic_overlap(i);
        s -= 0.15 * self.body.start.saturating_sub(i + 1) as f32;
        Some(s)
    }

    /// A headline followed by its dek: both score well, and the headline comes first.
    fn prefer_line_above(&self, i: usize, score: f32, from: usize) -> usize {
        let Some(h) = i.checked_sub(1).filter(|&h| h >= from) else {
            return i;
        };
        let Some(above) = self.score(h) else {
            return i;
        };
        let breadcrumb = self.text(h).contains(self.text(i));
        let comparable = self.cues[i].words >= self.cues[h].words / 2;
        if above > HEADLINE_MIN_SCORE && above >= score - 2.0 && comparable && !breadcrumb {
            h
        } else {
            i
        }
    }

    /// The body's first paragraph, short and standing alone, heads what follows.
    fn first_body_paragraph(&self) -> Option<usize> {
        let first = self.body.start;
        let c = self.cues.get(first)?;
        let next = self.cues.get(first + 1);
        let title_like =
            (2..=20).contains(&c.words) && !c.boilerplate_phrase && !c.byline && !c.date;
        let heads_more = self.body.end > first + 1 || self.body.is_empty();
        let standalone = next.is_some_and(|n| !n.tight_before) || c.sentences <= 2;
        let shorter = next.is_none_or(|n| c.words < n.words);
        (title_like && heads_more && standalone && shorter).then_some(first)
    }

    /// Share of paragraph `i`'s content words that the body's opening also uses: a headline is about
    /// its story, a menu entry or another story's title mostly is not.
    fn topic_overlap(&self, i: usize) -> f32 {
        let (mut all, mut shared) = (0, 0);
        for w in content_words(self.doc, self.doc.paragraph_words(i)) {
            all += 1;
            shared += usize::from(self.topic.contains(&w));
        }
        if all == 0 {
            0.0
        } else {
            shared as f32 / all as f32
        }
    }
}

/// Content words (four letters or more, lower-cased).
fn content_words<'a>(doc: &'a Document, words: &'a [Span]) -> impl Iterator<Item = String> + 'a {
    words
        .iter()
        .map(|w| doc.slice(*w))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// The content words of the body's opening: what the article is about.
fn topic_words(doc: &Document, body: &Range<usize>) -> HashSet<String> {
    let (Some(first), Some(last)) = (
        doc.paragraphs.get(body.start),
        doc.paragraphs.get(body.end.saturating_sub(1)),
    ) else {
        return HashSet::new();
    };
    let start = first.words().start;
    let end = last.words().end.clamp(start, start + TOPIC_WORDS);
    content_words(doc, &doc.words[start..end]).collect()
}

/// A short label standing alone just above the headline.
pub fn kicker(cues: &[Cues], headline: usize) -> Option<usize> {
    let k = headline.checked_sub(1)?;
    let c = &cues[k];
    let standalone = k == 0 || !c.tight_before;
    let label = (1..=4).contains(&c.words) && !c.ends_sentence && !c.bullet && !c.date;
    (label && standalone).then_some(k)
}

/// The kind of a paragraph between the headline and the body.
pub fn header_kind(c: &Cues, right_below_headline: bool) -> SectionKind {
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
