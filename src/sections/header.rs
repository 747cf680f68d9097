//! The header above the body: headline, kicker, and what stands between the headline and the body.
//!
//! The headline is the best-scoring candidate in a window above the body or among the body's first
//! lines (scored by [`ranker`]): a standalone line of title length that talks about what the body
//! talks about (shared content words), not a menu entry, a trail of links, a name, a date or a
//! numbered link. A kicker is a short label standing alone just above it; below it come
//! the dek, bylines, datelines and captions.

use std::collections::HashSet;
use std::ops::Range;

use super::cues::Cues;
use super::ranker::{self, Cue, FEATURES, Features};
use crate::kinds::SectionKind;
use crate::text::{Document, Repeats, Span};

/// How far above the body the headline is looked for, in paragraphs.
const HEADLINE_WINDOW: usize = 40;

/// A first paragraph of more words than this, ending with a full stop, is a lede, not a title.
const LEDE_WORDS: usize = 14;

/// A long sentence ending with a full stop is a lede or a summary, not a title (a headline of a
/// question and an answer may end with one: "Why some expect change from new leader.").
fn lede_sentence(text: &str, c: &Cues) -> bool {
    c.words > LEDE_WORDS && text.trim_end().ends_with('.')
}

/// A line packed tight under this many short lines (itself included) is a menu's item.
const MENU_ITEMS: usize = 4;

/// How far into the body the headline is looked for, in paragraphs (title-shaped lines only).
const INSIDE_REACH: usize = 16;
/// A line inside the body may be its headline when less than 1/this of the body's prose is above it,
const INSIDE_PROSE_SHARE: f32 = 2.0;
/// and at most this many words of prose (about one paragraph: a caption or a site's blurb above the
/// headline, never a lede and more).
const INSIDE_PROSE_WORDS: usize = 100;

/// A line with fewer content words than this shares at most that share of them with the body: one
/// shared word ("Calgary" in a site's name) says little about what a line is about.
const TOPIC_MIN_WORDS: usize = 3;

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
    /// Words of the body's prose paragraphs (at least 1).
    body_prose_words: usize,
}

/// The headline's paragraph index: the best-scoring line of title shape above the body (scored by
/// [`ranker`]) when one scores above nothing, else the body's first paragraph when it is short and
/// heads more text ("Headline\n\nBody ...", an article with nothing above its story).
pub fn find_headline(
    doc: &Document,
    cues: &[Cues],
    repeats: &Repeats,
    body: &Range<usize>,
) -> Option<usize> {
    let cx = Context::new(doc, cues, repeats, body);
    cx.candidates()
        .into_iter()
        .map(|(i, f)| (ranker::score(&f), i))
        .filter(|(s, _)| *s > 0.0)
        .fold(None, |best: Option<(f32, usize)>, (s, i)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, i)),
        })
        .map(|(_, i)| i)
        .or_else(|| cx.first_body_paragraph())
}

/// The headline candidates above the body with their cues (for fitting the ranker).
#[cfg(feature = "train")]
pub fn candidates(
    doc: &Document,
    cues: &[Cues],
    repeats: &Repeats,
    body: &Range<usize>,
) -> Vec<(usize, Features)> {
    Context::new(doc, cues, repeats, body).candidates()
}

impl<'d, 'a> Context<'d, 'a> {
    fn new(
        doc: &'d Document<'a>,
        cues: &'d [Cues],
        repeats: &'d Repeats,
        body: &Range<usize>,
    ) -> Self {
        Context {
            doc,
            cues,
            repeats,
            topic: topic_words(doc, cues, body),
            body: body.clone(),
            body_prose_words: prose_words(cues, body.clone()).max(1),
        }
    }

    /// The lines of title shape in a window above the body and among the body's first paragraphs
    /// (a page's run of prose may open with a caption or a site's blurb above the headline), with
    /// their cues.
    fn candidates(&self) -> Vec<(usize, Features)> {
        let from = self.body.start.saturating_sub(HEADLINE_WINDOW);
        let inside = self.body.end.min(self.body.start + INSIDE_REACH);
        // a title-shaped line inside the body heads it only with little of its prose above: further
        // down it is a subheading or another story's title
        let heads_body = |i: usize| {
            let above = self.prose_words_above(i);
            // a sentence with its full stop inside the story is the story's ("Five took part."),
            // though the line opening it may be a title printed with one
            let sentence = self
                .doc
                .slice(self.doc.paragraphs[i].span)
                .trim_end()
                .ends_with('.');
            !self.cues[i].prose()
                && (i == self.body.start || !sentence)
                && self.share(above) * INSIDE_PROSE_SHARE < 1.0
                && above <= INSIDE_PROSE_WORDS
        };
        let mut out: Vec<(usize, Features)> = (from..inside)
            .filter(|&i| i < self.body.start || heads_body(i))
            .filter_map(|i| self.features(i).map(|f| (i, f)))
            .collect();
        let above = out.iter().filter(|(i, _)| *i < self.body.start).count();
        for (k, (_, f)) in out.iter_mut().take(above).enumerate() {
            f[Cue::CandidatesBelow as usize] = (above - k - 1) as f32 / 10.0;
        }
        out
    }

    /// The body's prose words that stand above paragraph `i` (0 above the body).
    fn prose_words_above(&self, i: usize) -> usize {
        prose_words(self.cues, self.body.start..i.max(self.body.start))
    }

    /// The share of the body's prose words that stand above paragraph `i`.
    fn prose_share_above(&self, i: usize) -> f32 {
        self.share(self.prose_words_above(i))
    }

    /// `words` as a share of the body's prose words.
    fn share(&self, words: usize) -> f32 {
        words as f32 / self.body_prose_words as f32
    }

    /// The body's first paragraph, short and standing alone, heads what follows.
    fn first_body_paragraph(&self) -> Option<usize> {
        let first = self.body.start;
        let c = self.cues.get(first)?;
        let next = self.cues.get(first + 1);
        let sentence = lede_sentence(self.doc.slice(self.doc.paragraphs[first].span), c);
        let title_like = (2..=20).contains(&c.words)
            && !c.boilerplate_phrase
            && !c.byline
            && !c.date
            && !sentence;
        let heads_more = self.body.end > first + 1 || self.body.is_empty();
        let standalone = next.is_some_and(|n| !n.tight_before) || c.sentences <= 2;
        let shorter = next.is_none_or(|n| c.words < n.words);
        (title_like && heads_more && standalone && shorter).then_some(first)
    }

    /// Whether paragraph `i` may be a headline at all: a line of title length that is no furniture
    /// by its pattern, no menu item, and no long sentence.
    fn title_shaped(&self, i: usize) -> bool {
        let cues = self.cues;
        let c = &cues[i];
        if c.words < 2
            || c.words > 30
            || c.boilerplate_phrase
            || c.byline
            || c.credit
            || c.bullet
            || c.date
            || c.sidebar_title
            || (c.sentences > 2 && c.words > 20)
        {
            return false;
        }
        // the last item of a menu printed line by line ("Email", "Facebook", "Copy this link")
        let menu_tail = i >= MENU_ITEMS
            && (i + 1 - MENU_ITEMS..=i).all(|k| cues[k].tight_before && cues[k].short());
        let text = self.doc.slice(self.doc.paragraphs[i].span).trim();
        !(menu_tail
            || breadcrumb(text)
            || web_address(text)
            || transcript_label(text)
            || lede_sentence(text, c))
    }

    /// Paragraph `i`'s cues as a headline, or `None` when it cannot be the headline.
    fn features(&self, i: usize) -> Option<Features> {
        if !self.title_shaped(i) {
            return None;
        }
        let cues = self.cues;
        let c = &cues[i];
        let text = self.doc.slice(self.doc.paragraphs[i].span).trim();
        let on = |b: bool| f32::from(u8::from(b));
        let prev_short = i > 0 && cues[i - 1].short() && c.tight_before;
        let next_short = cues.get(i + 1).is_some_and(|n| n.short() && n.tight_before);
        let overlap = self.topic_overlap(i);
        let mut f = [0.0; FEATURES];
        let mut set = |cue: Cue, v: f32| f[cue as usize] = v;
        set(Cue::Bias, 1.0);
        set(Cue::ThreeWords, on(c.words >= 3));
        set(Cue::StartsUpper, on(c.starts_upper));
        set(Cue::BlankBefore, on(!c.tight_before));
        set(
            Cue::BlankAfter,
            on(!cues.get(i + 1).is_some_and(|n| n.tight_before)),
        );
        set(Cue::InsideMenu, on(prev_short && next_short));
        set(Cue::MostlyCapitalised, on(c.capitalised >= 0.5));
        set(Cue::LongSentence, on(c.ends_sentence && c.words > 15));
        set(Cue::Numbered, on(c.numbered));
        set(
            Cue::NameOnly,
            on(c.words <= 3 && c.capitalised >= 0.99 && !c.ends_sentence),
        );
        let byline_below = cues[i + 1..].iter().take(4).any(|n| n.byline || n.date);
        set(Cue::BylineOrDateBelow, on(byline_below));
        // a byline under a line about something else heads another story
        set(Cue::BylineBelowOnTopic, on(byline_below) * overlap);
        set(Cue::PrintedTwice, on(self.repeats.count(i) == 2));
        set(Cue::PrintedOften, on(self.repeats.count(i) > 2));
        set(Cue::TopicOverlap, overlap);
        set(Cue::NoTopicOverlap, on(overlap == 0.0));
        set(
            Cue::Distance,
            self.body.start.saturating_sub(i + 1) as f32 / 10.0,
        );
        set(Cue::RightAboveBody, on(i + 1 == self.body.start));
        set(Cue::Words, c.words as f32 / 10.0);
        set(Cue::EndsQuestion, on(text.ends_with(['?', '!'])));
        set(
            Cue::Separator,
            on(text.contains(['|', '»', '›', '>', '·', '/'])),
        );
        set(Cue::Colon, on(text.contains(':')));
        set(Cue::EndsSentence, on(c.ends_sentence));
        set(Cue::SeveralSentences, on(c.sentences > 1));
        set(Cue::TitleCase, on(c.capitalised >= 0.99 && c.words > 3));
        set(Cue::LongLine, on(text.chars().count() > 120));
        set(Cue::FirstParagraph, on(i == 0));
        set(Cue::AfterShortRun, on(prev_short && !c.tight_before));
        set(Cue::InsideBody, on(i >= self.body.start));
        set(Cue::ProseShareAbove, self.prose_share_above(i));
        set(
            Cue::ProseRightAbove,
            on(i > 0 && cues[i - 1].prose() && !cues[i - 1].boilerplate_phrase),
        );
        set(
            Cue::DepthInBody,
            i.saturating_sub(self.body.start) as f32 / 10.0,
        );
        Some(f)
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
            shared as f32 / all.max(TOPIC_MIN_WORDS) as f32
        }
    }
}

/// The words of the prose paragraphs in `range`.
fn prose_words(cues: &[Cues], range: Range<usize>) -> usize {
    cues[range]
        .iter()
        .filter(|c| c.prose())
        .map(|c| c.words)
        .sum()
}

/// A transcript's header line or turn ("Guest: Jane Doe", "Q: Why now?"): never a headline.
fn transcript_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, _)| {
        !label.contains(char::is_whitespace)
            && crate::lexicon::TRANSCRIPT_LABELS.contains_lower(label)
    })
}

/// A line that is a web address and nothing else, or a bracketed marker of a dump format
/// ("[SOURCE]URL[SOURCE]"): a link or a label, never a title.
fn web_address(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.starts_with('[')
            || ["http://", "https://", "www."]
                .iter()
                .any(|p| text.to_ascii_lowercase().starts_with(p)))
}

/// A trail of links ("Home > News > World", "Blog » Health » Tips"): two separators or more, each
/// set apart by spaces.
fn breadcrumb(text: &str) -> bool {
    let separators = text
        .split_whitespace()
        .filter(|w| matches!(*w, ">" | "»" | "›" | "|" | "/" | "→"))
        .count();
    separators >= 2
}

/// Content words (four letters or more, lower-cased).
fn content_words<'a>(doc: &'a Document, words: &'a [Span]) -> impl Iterator<Item = String> + 'a {
    words
        .iter()
        .map(|w| doc.slice(*w))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// The content words of the body's opening prose: what the article is about (its title-shaped
/// lines left out, since they are headline candidates themselves).
fn topic_words(doc: &Document, cues: &[Cues], body: &Range<usize>) -> HashSet<String> {
    let mut topic = HashSet::new();
    let mut words = 0;
    for i in body.clone().filter(|&i| cues[i].prose()) {
        if words >= TOPIC_WORDS {
            break;
        }
        let para = doc.paragraph_words(i);
        let take = para.len().min(TOPIC_WORDS - words);
        words += take;
        topic.extend(content_words(doc, &para[..take]));
    }
    topic
}

/// A place dateline standing alone ("KABUL, AFGHANISTAN", "WASHINGTON"): a short line in capitals,
/// a place and its region split by a comma, no sentence; above the headline it is the dateline,
/// not a kicker.
pub fn place_dateline(doc: &Document, cues: &[Cues], i: usize) -> bool {
    let c = &cues[i];
    let text = doc.slice(doc.paragraphs[i].span).trim();
    let letters = text.chars().filter(|ch| ch.is_alphabetic());
    let capitals = letters.clone().all(char::is_uppercase) && letters.count() >= 4;
    let place = text.contains(',') && !text.ends_with(',');
    (1..=5).contains(&c.words) && capitals && place && !c.ends_sentence && !c.bullet
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trail_of_links_is_no_headline() {
        assert!(breadcrumb("Home > News > World"));
        assert!(breadcrumb("BLOG » Health » Healthy eating tips"));
        assert!(!breadcrumb("Storm hits coast > forecasters warn of more"));
        assert!(!breadcrumb("Council approves new bridge over the river"));
    }
}
