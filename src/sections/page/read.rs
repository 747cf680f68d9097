//! The evidence read off the marks: the headline by title and `<h1>`, furniture containers
//! that do not wrap the story, comment threads that do not hold the headline.

use super::Evidence;
use crate::html::Marks;
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
        let dates = (0..times.len()).map(|i| times[i] && short(i)).collect();
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
}
