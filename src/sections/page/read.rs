//! The evidence read off the marks: the headline by title and `<h1>`, furniture containers
//! that do not wrap the story, comment threads that do not hold the headline.

use super::Evidence;
use crate::html::Marks;
use crate::lexicon;
use crate::text::{Document, Span};

/// A byline or date line has no more words than this.
const SHORT_LINE: usize = 12;

/// A title's words this many at least to be matched by being contained in a line (or a line in it).
const CONTAINED_WORDS: usize = 3;

impl Evidence {
    /// The evidence of `marks` over `doc`'s paragraphs.
    pub fn of(doc: &Document, marks: &Marks) -> Evidence {
        let mut furniture = flags(doc, &without_story(doc, &marks.furniture));
        let captions = flags(doc, &marks.captions);
        let headlines = headlines(doc, marks, &furniture, &captions);
        // a comment thread is furniture however much prose it holds, unless the line that best
        // matches the page's titles is in it (a template that names the story's container
        // "comments")
        let best = headlines
            .iter()
            .copied()
            .reduce(|a, b| if b.1 > a.1 { b } else { a });
        let at = best.map(|(h, _)| doc.paragraphs[h].span);
        let comments: Vec<Span> = (marks.comments.iter())
            .filter(|c| at.is_none_or(|h| !c.contains(h)))
            .copied()
            .collect();
        for (f, c) in furniture.iter_mut().zip(flags(doc, &comments)) {
            *f |= c;
        }
        let short = |i: usize| doc.paragraph_words(i).len() <= SHORT_LINE;
        let times = flags(doc, &marks.times);
        let published = marks.published.as_deref().and_then(Published::of);
        let dates = (0..times.len())
            .map(|i| {
                short(i)
                    && (times[i]
                        || (published.as_ref())
                            .is_some_and(|p| p.written_in(doc.slice(doc.paragraphs[i].span))))
            })
            .collect();
        let authors: Vec<String> = marks.authors.iter().map(|a| key(a)).collect();
        let bylines = (0..doc.paragraphs.len())
            .map(|i| {
                !authors.is_empty() && short(i) && {
                    let line = key(doc.slice(doc.paragraphs[i].span));
                    authors
                        .iter()
                        .any(|a| a.contains(' ') && contains_words(&line, a))
                }
            })
            .collect();
        Evidence {
            headlines,
            furniture,
            captions,
            bylines,
            dates,
        }
    }
}

/// The day the metadata says the story was published.
#[derive(Debug, PartialEq, Eq)]
struct Published {
    year: u32,
    month: u32,
    day: u32,
}

impl Published {
    /// The date an ISO 8601 date or time starts with ("2026-03-14T16:05:00Z").
    fn of(iso: &str) -> Option<Self> {
        let date = iso.get(..10)?;
        let mut parts = date.split('-');
        let mut number = |len: usize| {
            (parts.next())
                .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Published {
            year,
            month,
            day,
        })
    }

    /// Whether `line` writes this date: its year, and its day and month in two other words, the
    /// day perhaps as an ordinal and the month as a number or by name ("March 14th, 2026",
    /// "14/03/2026", "2026-03-14").
    fn written_in(&self, line: &str) -> bool {
        let words: Vec<String> = line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let Some(y) = (words.iter()).position(|w| w.len() == 4 && digits(w) == Some(self.year))
        else {
            return false;
        };
        let day = |w: &str| {
            let number = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[number.len()..];
            ["", "st", "nd", "rd", "th"].contains(&suffix) && digits(number) == Some(self.day)
        };
        let month = |w: &str| digits(w) == Some(self.month) || month_named(w) == Some(self.month);
        let others = || words.iter().enumerate().filter(|&(i, _)| i != y);
        others().any(|(d, w)| day(w) && others().any(|(m, v)| m != d && month(v)))
    }
}

/// The number a word of ASCII digits writes.
fn digits(w: &str) -> Option<u32> {
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// The number of the month a word names, in full or short ("march", "sept").
fn month_named(w: &str) -> Option<u32> {
    if !(lexicon::MONTHS.contains(w) || lexicon::MONTH_ABBREVIATIONS.contains(w)) {
        return None;
    }
    lexicon::MONTH_NUMBERS.get(w.get(..3)?)?.parse().ok()
}

/// The lines the page's titles and `<h1>`s name as its headline, each with how well.
fn headlines(
    doc: &Document,
    marks: &Marks,
    furniture: &[bool],
    captions: &[bool],
) -> Vec<(usize, f32)> {
    let h1 = flags(doc, &marks.h1);
    let linked = flags(doc, &marks.linked_h1);
    let titles: Vec<String> = marks.titles.iter().map(|t| key(t)).collect();
    let mut out = Vec::new();
    // a line is compared only when a title could hold it or it could hold a title
    let longest = titles
        .iter()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(0);
    for i in 0..doc.paragraphs.len() {
        let words = doc.paragraph_words(i).len();
        if furniture[i] || captions[i] || (!h1[i] && words > HELD_WORDS.max(2 * longest)) {
            continue;
        }
        let line = key(doc.slice(doc.paragraphs[i].span));
        let matched = titles
            .iter()
            .map(|t| title_match(&line, t))
            .fold(0.0, f32::max);
        // an <h1> is the headline when no line matches a title, and adds half a match to a line
        // that is most of a title (a blog's name in its <h1> is the lesser part of its title); an
        // <h1> that is all link (a logo, or a permalink) counts half as much
        let weight = if linked[i] { 0.5 } else { 1.0 };
        let score = match (h1[i], matched) {
            (true, m) if m >= HALF => weight * H1 + m,
            (true, _) => weight * H1 / 2.0,
            (false, m) if m >= HALF => m,
            (false, _) => 0.0,
        };
        if score > 0.0 {
            out.push((i, score));
        }
    }
    out
}

/// A line longer than this, and than twice the longest title, holds no title that matters.
const HELD_WORDS: usize = 24;

/// What an `<h1>` adds to a line's match with a title (and scores alone on a page without titles).
const H1: f32 = 0.5;

/// A title of fewer words is matched only inside a longer line: a page whose `<title>` is its site's
/// name ("The Paper") matches the logo's line.
const SHORT_TITLE: usize = 3;

/// A line that is no `<h1>` must match a title at least this well.
const HALF: f32 = 0.5;

/// How well a line matches a title: 1 for the same words; when one holds the other as whole words
/// (a site's name added: "Storm hits coast | The Paper"), the share of the longer one's words that
/// the shorter one has; 0 for no match.
fn title_match(line: &str, title: &str) -> f32 {
    if line.is_empty() || title.is_empty() {
        return 0.0;
    }
    let words = |s: &str| s.split(' ').count();
    let share = |a: &str, b: &str| words(a) as f32 / words(b) as f32;
    if line == title && words(title) >= SHORT_TITLE {
        1.0
    } else if words(line) >= CONTAINED_WORDS && contains_words(title, line) {
        share(line, title)
    } else if words(title) >= CONTAINED_WORDS && contains_words(line, title) {
        share(title, line)
    } else {
        0.0
    }
}

/// Whether `inner` is a run of whole words of `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    outer.match_indices(inner).any(|(at, _)| {
        let before = outer[..at].chars().next_back();
        let after = outer[at + inner.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// A line or title as compared: lower case, letters and digits only, words single-spaced.
fn key(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph of this many words at least is prose, in weighing what a container holds.
const PROSE_WORDS: usize = 20;

/// The furniture containers that hold no more than a third of the page's prose: a template's
/// container named "sidebar-layout" or "share-wrapper" that wraps the story is no furniture.
fn without_story(doc: &Document, spans: &[Span]) -> Vec<Span> {
    let prose: Vec<(usize, usize)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.span.start, p.words().len()))
        .filter(|&(_, w)| w >= PROSE_WORDS)
        .collect();
    // prefix sums of prose words, by paragraph start
    let mut sums = Vec::with_capacity(prose.len() + 1);
    sums.push(0usize);
    for &(_, w) in &prose {
        sums.push(sums.last().copied().unwrap_or(0) + w);
    }
    let total = sums.last().copied().unwrap_or(0);
    spans
        .iter()
        .copied()
        .filter(|s| {
            let from = prose.partition_point(|&(at, _)| at < s.start);
            let to = prose.partition_point(|&(at, _)| at < s.end);
            3 * (sums[to] - sums[from]) <= total
        })
        .collect()
}

/// For each paragraph, whether it lies inside one of `spans` (sorted or not).
/// Nested spans (containers in containers) are merged first, so that each paragraph is looked at
/// once whatever the nesting.
fn flags(doc: &Document, spans: &[Span]) -> Vec<bool> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    doc.paragraphs
        .iter()
        .map(|p| p.span.inside_any(&merged))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_whole_words() {
        assert_eq!(title_match("storm hits coast", "storm hits coast"), 1.0);
        assert_eq!(
            title_match("storm hits coast", "storm hits coast the paper"),
            0.6
        );
        assert_eq!(
            title_match("storm hits coastline", "storm hits coast the paper"),
            0.0
        );
        assert_eq!(title_match("news", "news the paper"), 0.0);
        assert_eq!(
            title_match("breaking storm hits coast now", "storm hits coast"),
            0.6
        );
    }

    #[test]
    fn a_published_date_is_found_however_a_line_writes_it() {
        let date = Published::of("2026-03-04T16:05:00-05:00");
        assert_eq!(
            date,
            Some(Published {
                year: 2026,
                month: 3,
                day: 4
            })
        );
        let Some(date) = date else { return };
        for line in [
            "March 4th, 2026 | News desk",
            "Wed 4 Mar 2026 16.05 EST",
            "04/03/2026",
            "Posted 2026-03-04",
        ] {
            assert!(date.written_in(line), "{line}");
        }
        for line in ["March 14th, 2026", "4 May 2026", "2026", "4 March 2025"] {
            assert!(!date.written_in(line), "{line}");
        }
        assert_eq!(Published::of("14 March 2026"), None);
        assert_eq!(Published::of("2026-13-04"), None);
    }
}
