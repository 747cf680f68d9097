//! From aligned word ranges to reported passages: snapping to sentences, joining the pieces of one
//! repeated block, and grouping the copies of one passage.
//!
//! A chain of shared words becomes a passage pair when it is more than a common phrase: a whole
//! sentence (or block) copied on at least one side, most of a sentence on both sides (then the pair is
//! the whole sentences: a sentence rewritten around shared words), or a long verbatim run. Pieces
//! whose copies and sources lie side by side (the sentences of a reordered or edited paragraph) join
//! into one pair, and pairs that share a passage join into one group.

use std::ops::Range;

use crate::text::{Document, Span};

use super::align::Chain;

/// Words shared by a whole copied sentence on one side, at the least.
const MIN_WHOLE_SENTENCE: u32 = 6;
/// Share of its sentences a chain must cover on both sides to stand for them, and the words it needs:
/// (share, words). A short sentence must be nearly all shared; a long one half.
const SENTENCE_COVER: [(f64, u32); 2] = [(0.8, 8), (0.6, 12)];
/// A verbatim run this long is a repeat wherever it starts and ends.
const MIN_VERBATIM_RUN: u32 = 12;
/// Earlier pairs looked at to find one that contains a pair.
const NESTING_LOOKBACK: usize = 16;
/// Share of both paragraphs that pieces inside them must cover to be one repeated paragraph.
const JOIN_COVER: f64 = 0.8;
/// Share of the sentences they span that whole-sentence pieces must cover to be one block.
const SENTENCE_JOIN_COVER: f64 = 0.85;

/// Word ranges (as `u32`, the width duplicates index words with) read against the document's
/// sentences and paragraphs.
pub trait WordRanges {
    /// The whole sentences a word range touches, as a word range.
    fn sentence_hull(&self, r: &Range<u32>) -> Range<u32>;
    /// Bytes from the first sentence's start to the last sentence's end of a whole-sentence range.
    fn sentence_bytes(&self, r: &Range<u32>) -> Span;
    /// Bytes from the first word's start to the last word's end.
    fn word_bytes(&self, r: &Range<u32>) -> Span;
    /// The paragraph of word `w`.
    fn paragraph(&self, w: u32) -> u32;
    /// The sentence of word `w`.
    fn sentence(&self, w: u32) -> u32;
    /// A whole paragraph's word range.
    fn paragraph_word_range(&self, p: usize) -> Range<u32>;
}

impl WordRanges for Document<'_> {
    fn sentence_hull(&self, r: &Range<u32>) -> Range<u32> {
        if r.start as usize >= self.words.len() || r.end == 0 || r.end as usize > self.words.len() {
            return r.clone();
        }
        let first = self.sentence_of_word(r.start as usize);
        let last = self.sentence_of_word(r.end as usize - 1);
        let a = self.sentence_words(first);
        let b = self.sentence_words(last);
        (a.start as u32).min(r.start)..(b.end as u32).max(r.end)
    }

    fn sentence_bytes(&self, r: &Range<u32>) -> Span {
        let first = self.sentence_of_word(r.start as usize);
        let last = self.sentence_of_word(r.end as usize - 1);
        Span::new(
            self.sentences[first].start.min(self.word_bytes(r).start),
            self.sentences[last].end.max(self.word_bytes(r).end),
        )
    }

    fn word_bytes(&self, r: &Range<u32>) -> Span {
        Span::new(
            self.words[r.start as usize].start,
            self.words[r.end as usize - 1].end,
        )
    }

    fn paragraph(&self, w: u32) -> u32 {
        self.paragraph_of_word(w as usize) as u32
    }

    fn sentence(&self, w: u32) -> u32 {
        self.sentence_of_word(w as usize) as u32
    }

    fn paragraph_word_range(&self, p: usize) -> Range<u32> {
        let r = self.paragraphs[p].words();
        r.start as u32..r.end as u32
    }
}

/// One passage and an earlier copy of it, in words and bytes.
#[derive(Debug, Clone)]
pub struct Pair {
    pub target: Range<u32>,
    pub source: Range<u32>,
    pub target_bytes: Span,
    pub source_bytes: Span,
    pub matched: u32,
    /// Both sides are whole sentences.
    pub sentences: bool,
}

/// Turns a chain into a passage pair, or drops it as a common phrase.
pub fn snap(doc: &Document, c: &Chain) -> Option<Pair> {
    let t = c.t_start..c.t_end.min(doc.words.len() as u32);
    let s = c.s_start..c.s_end.min(t.start);
    if t.is_empty() || s.is_empty() {
        return None;
    }
    let (t, s) = if c.exact {
        trim_ragged(doc, t, s)
    } else {
        (t, s)
    };
    let (th, sh) = (doc.sentence_hull(&t), doc.sentence_hull(&s));
    let whole = t == th || s == sh;
    if c.exact && whole && c.matched >= MIN_WHOLE_SENTENCE {
        return Some(verbatim(doc, t, s, c.matched));
    }
    let cover = |h: &Range<u32>| f64::from(c.matched) / f64::from(h.len().max(1) as u32);
    let share = cover(&th).min(cover(&sh));
    let sentences = SENTENCE_COVER
        .iter()
        .any(|&(min_share, min_words)| share >= min_share && c.matched >= min_words);
    if sentences && sh.end <= th.start {
        return Some(Pair {
            target_bytes: doc.sentence_bytes(&th),
            source_bytes: doc.sentence_bytes(&sh),
            target: th,
            source: sh,
            matched: c.matched,
            sentences: true,
        });
    }
    if c.exact && c.matched >= MIN_VERBATIM_RUN {
        return Some(verbatim(doc, t, s, c.matched));
    }
    None
}

/// Cuts from an equal run the words that reach into a sentence less than halfway (a copied paragraph
/// followed, in both places, by a sentence that starts with the same word).
fn trim_ragged(doc: &Document, mut t: Range<u32>, mut s: Range<u32>) -> (Range<u32>, Range<u32>) {
    let sentence = |w: u32| doc.sentence_hull(&(w..w + 1));
    let first = sentence(t.start);
    if first.start < t.start && 2 * (first.end - t.start) < first.len() as u32 && first.end < t.end
    {
        let cut = first.end - t.start;
        t.start += cut;
        s.start += cut;
    }
    let last = sentence(t.end - 1);
    if last.end > t.end && 2 * (t.end - last.start) < last.len() as u32 && last.start > t.start {
        let cut = t.end - last.start;
        t.end -= cut;
        s.end -= cut;
    }
    (t, s)
}

/// A pair of equal word runs, widened over the punctuation both copies share at each end (an opening
/// quote, a closing full stop).
fn verbatim(doc: &Document, t: Range<u32>, s: Range<u32>, matched: u32) -> Pair {
    let sentences = doc.sentence_hull(&t) == t && doc.sentence_hull(&s) == s;
    let text = doc.text;
    let (mut tb, mut sb) = (doc.word_bytes(&t), doc.word_bytes(&s));
    let shared_punct = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(x), Some(y)) if x == y && !x.is_whitespace() && !x.is_alphanumeric());
    // left: stop at the other copy's end so the two never meet
    while sb.end <= tb.start
        && shared_punct(
            text[..tb.start].chars().next_back(),
            text[..sb.start].chars().next_back(),
        )
    {
        let n = text[..tb.start]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        tb.start -= n;
        sb.start -= n;
    }
    while sb.end < tb.start
        && shared_punct(text[tb.end..].chars().next(), text[sb.end..].chars().next())
    {
        let n = text[tb.end..].chars().next().map_or(1, char::len_utf8);
        tb.end += n;
        sb.end += n;
    }
    Pair {
        target: t,
        source: s,
        target_bytes: tb,
        source_bytes: sb,
        matched,
        sentences,
    }
}

/// Joins the pieces of one repeated block: pairs nested in a longer pair go, and the pieces lying in
/// one paragraph on each side (the sentences of a reordered or edited paragraph) become one pair.
/// Pieces in different paragraphs stay apart: a block copied whole is one aligned run already, and
/// two repeats that happen to sit side by side are two. Returns the pairs sorted by target start.
pub fn join(doc: &Document, pairs: Vec<Pair>) -> Vec<Pair> {
    let mut pairs = join_in_paragraphs(doc, without_nested(pairs));
    pairs.sort_by_key(|p| (p.target.start, p.source.start));
    pairs
}

fn absorb(cur: &mut Pair, p: &Pair) {
    cur.target = cur.target.start.min(p.target.start)..cur.target.end.max(p.target.end);
    cur.source = cur.source.start.min(p.source.start)..cur.source.end.max(p.source.end);
    cur.target_bytes = hull(cur.target_bytes, p.target_bytes);
    cur.source_bytes = hull(cur.source_bytes, p.source_bytes);
    cur.matched += p.matched;
    cur.sentences &= p.sentences;
}

/// Drops the pairs that lie inside another pair on both sides (a sentence of a repeated block).
fn without_nested(mut pairs: Vec<Pair>) -> Vec<Pair> {
    pairs.sort_by_key(|p| (p.target.start, std::cmp::Reverse(p.target.end)));
    let inside = |a: &Range<u32>, b: &Range<u32>| b.start <= a.start && a.end <= b.end;
    let mut kept: Vec<Pair> = Vec::with_capacity(pairs.len());
    // the pairs kept last that still reach this far: a few, since copies seldom nest deeply
    for p in pairs {
        let nested = kept
            .iter()
            .rev()
            .take(NESTING_LOOKBACK)
            .any(|q| inside(&p.target, &q.target) && inside(&p.source, &q.source));
        if !nested {
            kept.push(p);
        }
    }
    kept
}

/// Pieces inside one paragraph on each side are one pair when together they make up most of both
/// paragraphs, or, all being whole sentences, most of the sentences they span.
fn join_in_paragraphs(doc: &Document, pairs: Vec<Pair>) -> Vec<Pair> {
    let mut buckets: rustc_hash::FxHashMap<(u32, u32), Vec<usize>> = Default::default();
    for (i, p) in pairs.iter().enumerate() {
        let (pt, ps) = (doc.paragraph(p.target.start), doc.paragraph(p.source.start));
        if pt == doc.paragraph(p.target.end - 1) && ps == doc.paragraph(p.source.end - 1) {
            buckets.entry((pt, ps)).or_default().push(i);
        }
    }
    let mut taken = vec![false; pairs.len()];
    let mut out = Vec::new();
    let mut keys: Vec<(u32, u32)> = buckets.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &buckets[&key];
        if members.len() < 2 {
            continue;
        }
        let targets: Vec<Range<u32>> = members.iter().map(|&i| pairs[i].target.clone()).collect();
        let sources: Vec<Range<u32>> = members.iter().map(|&i| pairs[i].source.clone()).collect();
        let (tp, sp) = (
            doc.paragraph_word_range(key.0 as usize),
            doc.paragraph_word_range(key.1 as usize),
        );
        let (t_cov, s_cov) = (union_len(targets.clone()), union_len(sources.clone()));
        let (t_hull, s_hull) = (span_of(&targets), span_of(&sources));
        let most_of = |cov: u32, of: &Range<u32>| f64::from(cov) >= JOIN_COVER * of.len() as f64;
        let paragraphs = most_of(t_cov, &tp) && most_of(s_cov, &sp) && key.1 < key.0;
        let sentences = members.iter().all(|&i| pairs[i].sentences)
            && f64::from(t_cov) >= SENTENCE_JOIN_COVER * t_hull.len() as f64
            && f64::from(s_cov) >= SENTENCE_JOIN_COVER * s_hull.len() as f64
            && s_hull.end <= t_hull.start;
        if !(paragraphs || sentences) {
            continue;
        }
        let mut merged = pairs[members[0]].clone();
        for &i in &members[1..] {
            absorb(&mut merged, &pairs[i]);
        }
        for &i in members {
            taken[i] = true;
        }
        out.push(merged);
    }
    out.extend(
        pairs
            .into_iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(p, _)| p),
    );
    out
}

fn span_of(ranges: &[Range<u32>]) -> Range<u32> {
    let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let end = ranges.iter().map(|r| r.end).max().unwrap_or(0);
    start..end
}

/// Words covered by a set of ranges.
fn union_len(mut ranges: Vec<Range<u32>>) -> u32 {
    ranges.sort_by_key(|r| r.start);
    let (mut total, mut reach) = (0u32, 0u32);
    for r in ranges {
        let from = r.start.max(reach);
        if r.end > from {
            total += r.end - from;
            reach = r.end;
        }
    }
    total
}

fn hull(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

/// One place of a group: a passage's bytes and words.
#[derive(Debug, Clone)]
pub struct Place {
    pub bytes: Span,
    pub words: Range<u32>,
}

/// Groups the pairs' passages: passages that overlap by half the longer are one place, and the two
/// places of a pair are in one group. Each group lists its places in text order, two or more.
pub fn group(pairs: &[Pair]) -> Vec<Vec<Place>> {
    let mut places: Vec<Place> = Vec::with_capacity(pairs.len() * 2);
    for p in pairs {
        places.push(Place {
            bytes: p.source_bytes,
            words: p.source.clone(),
        });
        places.push(Place {
            bytes: p.target_bytes,
            words: p.target.clone(),
        });
    }
    let mut sets = DisjointSets::new(places.len());
    for i in 0..pairs.len() {
        sets.union(2 * i, 2 * i + 1);
    }
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| {
        (
            places[i].bytes.start,
            std::cmp::Reverse(places[i].bytes.end),
        )
    });
    let mut open: Option<usize> = None;
    for &i in &order {
        if let Some(o) = open
            && same_place(places[o].bytes, places[i].bytes)
        {
            sets.union(o, i);
            if places[i].bytes.end > places[o].bytes.end {
                open = Some(i);
            }
            continue;
        }
        open = Some(i);
    }
    // collect each group's places in text order, overlapping ones merged
    let mut by_root: rustc_hash::FxHashMap<usize, Vec<Place>> = Default::default();
    for &i in &order {
        let group = by_root.entry(sets.find(i)).or_default();
        match group.last_mut() {
            Some(last) if places[i].bytes.start < last.bytes.end => {
                last.bytes = hull(last.bytes, places[i].bytes);
                last.words = last.words.start.min(places[i].words.start)
                    ..last.words.end.max(places[i].words.end);
            }
            _ => group.push(places[i].clone()),
        }
    }
    let mut groups: Vec<Vec<Place>> = by_root.into_values().filter(|g| g.len() >= 2).collect();
    groups.sort_by_key(|g| (g[0].bytes.start, g[0].bytes.end));
    groups
}

fn same_place(a: Span, b: Span) -> bool {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    inter > 0 && 2 * inter >= a.len().max(b.len())
}

/// Union-find over `0..n`, with path halving.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pair whose two sides are the given byte ranges (words numbered as bytes / 10).
    fn pair(source: (usize, usize), target: (usize, usize)) -> Pair {
        let words = |(a, b): (usize, usize)| (a / 10) as u32..(b / 10) as u32;
        Pair {
            target: words(target),
            source: words(source),
            target_bytes: Span::new(target.0, target.1),
            source_bytes: Span::new(source.0, source.1),
            matched: 5,
            sentences: true,
        }
    }

    fn spans(groups: &[Vec<Place>]) -> Vec<Vec<(usize, usize)>> {
        groups
            .iter()
            .map(|g| g.iter().map(|p| (p.bytes.start, p.bytes.end)).collect())
            .collect()
    }

    #[test]
    fn copies_of_one_passage_are_one_group_in_text_order() {
        // A at 0, copied at 200 and (through the copy) at 400; another passage copied apart
        let pairs = [
            pair((0, 100), (200, 300)),
            pair((200, 300), (400, 500)),
            pair((600, 650), (700, 750)),
        ];
        assert_eq!(
            spans(&group(&pairs)),
            [
                vec![(0, 100), (200, 300), (400, 500)],
                vec![(600, 650), (700, 750)]
            ]
        );
    }

    #[test]
    fn places_overlapping_by_half_are_one_and_merged() {
        let pairs = [pair((0, 100), (200, 300)), pair((10, 100), (400, 490))];
        assert_eq!(
            spans(&group(&pairs)),
            [vec![(0, 100), (200, 300), (400, 490)]]
        );
        // a small overlap is two places
        assert!(!same_place(Span::new(0, 100), Span::new(90, 200)));
        assert!(same_place(Span::new(0, 100), Span::new(40, 120)));
    }

    #[test]
    fn a_pair_nested_in_a_longer_one_goes_when_joined() {
        let text = "One two three four five six seven eight nine ten.\n\nOne two three four five six seven eight nine ten.";
        let doc = Document::new(text);
        let whole = Pair {
            target: 10..20,
            source: 0..10,
            target_bytes: doc.paragraphs[1].span,
            source_bytes: doc.paragraphs[0].span,
            matched: 10,
            sentences: true,
        };
        let nested = Pair {
            target: 12..15,
            source: 2..5,
            target_bytes: Span::new(doc.words[12].start, doc.words[14].end),
            source_bytes: Span::new(doc.words[2].start, doc.words[4].end),
            matched: 3,
            sentences: false,
        };
        let joined = join(&doc, vec![nested, whole]);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].target, 10..20);
    }

    #[test]
    fn disjoint_sets_join_and_find() {
        let mut sets = DisjointSets::new(5);
        sets.union(3, 4);
        sets.union(1, 3);
        assert_eq!(sets.find(4), 1);
        assert_ne!(sets.find(0), sets.find(4));
    }
}
