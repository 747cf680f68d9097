//! Duplicated passages: text an article repeats, verbatim or nearly, and text it shares with earlier
//! articles.
//!
//! Within an article every 3-word shingle is looked up in a hash index of the earlier ones
//! ([`fingerprint`]); the hits are chained along their diagonals into aligned runs that tolerate
//! edited, inserted and deleted words ([`align`]); the runs are snapped to sentences, joined into
//! blocks and grouped by place ([`passages`]). Work is linear in the text: each word is hashed once,
//! looks at no more than [`CANDIDATES`] earlier occurrences, and meets only the chains still open.
//! [`cross`] keeps a compact index of earlier articles' fingerprints for `--cross-article`, and
//! [`dedupe`] prints an article without its later copies.

pub mod align;
mod chunked;
pub mod cross;
pub mod dedupe;
pub mod fingerprint;
pub mod passages;
mod repeated;
pub mod similar;

pub use repeated::{FirstCopy, first_copies};

use rustc_hash::FxHashMap;

use crate::kinds::DuplicateKind;
use crate::text::{Document, Span};
use align::{Chainer, Params, Pos, SAME_DOC, Source};
use passages::{Pair, Place, WordRanges};

/// Earlier occurrences of a shingle looked at, the most recent first.
pub const CANDIDATES: usize = 4;
/// Shingles compared ahead to choose between earlier occurrences.
const LOOKAHEAD: usize = 8;

/// How the within-article chainer is tuned: 3-word shingles, a drift of up to 3 inserted or deleted
/// words, up to 8 words between anchors (a replaced word costs 3 shingles).
const LOCAL: Params = Params {
    k: fingerprint::LOCAL_K as u32,
    drift: 3,
    gap: 8,
    min_matched: 4,
};

/// Passages of one article that repeat each other, in text order.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: DuplicateKind,
    /// 1 for identical copies; else the smallest share of words (Dice coefficient over the words as
    /// multisets) a later copy has in common with the first.
    pub similarity: f64,
    pub passages: Vec<Span>,
}

/// The repeated passages of `doc`, grouped, in order of their first copy.
///
/// `words` are the article's word hashes ([`fingerprint::word_hashes`]).
pub fn repeated_passages(doc: &Document, words: &[u64]) -> Vec<Group> {
    let index = ShingleIndex::new(words);
    let mut pairs: Vec<Pair> = local_chains(&index, sentence_starts(doc))
        .iter()
        .filter_map(|c| passages::snap(doc, c))
        .collect();
    let mut covered = vec![false; words.len()];
    for p in &pairs {
        covered[p.target.start as usize..p.target.end as usize].fill(true);
    }
    pairs.extend(similar::pairs(doc, &index, words, &covered));
    for p in &pairs {
        covered[p.target.start as usize..p.target.end as usize].fill(true);
    }
    pairs.extend(repeated_paragraphs(doc, words, &covered));
    let pairs = passages::join(doc, pairs);
    passages::group(&pairs)
        .into_iter()
        .map(|places| describe(doc, words, places))
        .collect()
}

/// Whether each word begins a sentence.
pub fn sentence_starts(doc: &Document) -> Vec<bool> {
    let mut v = vec![false; doc.words.len()];
    for r in doc.sentence_word_ranges() {
        if let Some(b) = v.get_mut(r.start) {
            *b = true;
        }
    }
    v
}

/// Every 3-word shingle of an article with a link to its previous occurrence.
pub struct ShingleIndex {
    pub shingles: Vec<u64>,
    /// For each shingle, where the same shingle last occurred before it ([`Pos::MAX`]: nowhere).
    prev: Vec<Pos>,
}

impl ShingleIndex {
    pub fn new(words: &[u64]) -> Self {
        let shingles = fingerprint::shingles(words, LOCAL.k as usize);
        // each distinct shingle's latest position, looked up by the shingle's hash: a table of
        // positions only (the hashes are in `shingles`), a few bytes a shingle
        let mut last: hashbrown::HashTable<Pos> = hashbrown::HashTable::new();
        let rehash = |&p: &Pos| shingles[p as usize];
        let prev = shingles
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let t = Pos::try_from(i).unwrap_or(Pos::MAX);
                match last.entry(h, |&p| shingles[p as usize] == h, rehash) {
                    hashbrown::hash_table::Entry::Occupied(mut e) => {
                        std::mem::replace(e.get_mut(), t)
                    }
                    hashbrown::hash_table::Entry::Vacant(e) => {
                        e.insert(t);
                        Pos::MAX
                    }
                }
            })
            .collect();
        ShingleIndex { shingles, prev }
    }

    /// Up to [`CANDIDATES`] earlier occurrences of the shingle at `i`, the most recent first.
    pub fn earlier(&self, i: usize) -> impl Iterator<Item = Pos> + '_ {
        let mut j = self.prev.get(i).copied();
        std::iter::from_fn(move || {
            let pos = j.filter(|&p| p != Pos::MAX)?;
            j = self.prev.get(pos as usize).copied();
            Some(pos)
        })
        .take(CANDIDATES)
    }
}

/// Chains every shingle to its earlier occurrences in the same text.
fn local_chains(index: &ShingleIndex, sentence_starts: Vec<bool>) -> Vec<align::Chain> {
    let shingles = &index.shingles;
    let mut chainer = Chainer::new(LOCAL, sentence_starts);
    let mut sources: Vec<Source> = Vec::with_capacity(CANDIDATES);
    for i in 0..shingles.len() {
        let Ok(t) = Pos::try_from(i) else { break };
        sources.clear();
        sources.extend(index.earlier(i).map(|pos| Source { doc: SAME_DOC, pos }));
        // the source that goes on agreeing longest first (a stable sort: the most recent on ties)
        if sources.len() > 1 {
            let agree = |s: &Source| {
                (1..=LOOKAHEAD)
                    .take_while(|m| {
                        let (a, b) = (i + m, s.pos as usize + m);
                        b < i && shingles.get(a).is_some() && shingles.get(a) == shingles.get(b)
                    })
                    .count()
            };
            sources.sort_by_key(|s| std::cmp::Reverse(agree(s)));
        }
        if !sources.is_empty() {
            chainer.push(t, &sources);
        }
    }
    chainer.finish()
}

/// Whole paragraphs repeated word for word, however short ("News Letter" pasted three times), that
/// shingles are too long to see (and not already inside a longer repeat). Words are compared by
/// their fingerprints, as every repeat here is, so punctuation is set aside ("Life & Style" and
/// "LIFE | STYLE" are one line), which the document's line-level [`crate::text::Repeats`] does not
/// do: the two answer different questions.
fn repeated_paragraphs(doc: &Document, words: &[u64], covered: &[bool]) -> Vec<Pair> {
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    let mut out = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let w = &words[p.words()];
        if w.len() < 2 || w.len() >= LOCAL.k as usize + 3 {
            continue;
        }
        let key = w.iter().fold(w.len() as u64, |h, &x| {
            (h.rotate_left(17) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        if let Some(earlier) = seen.insert(key, pi) {
            if covered[p.words()].iter().any(|&c| c) {
                continue;
            }
            let (t, s) = (
                doc.paragraph_word_range(pi),
                doc.paragraph_word_range(earlier),
            );
            out.push(Pair {
                target_bytes: p.span,
                source_bytes: doc.paragraphs[earlier].span,
                matched: t.len() as u32,
                sentences: true,
                target: t,
                source: s,
            });
        }
    }
    out
}

/// Kind and similarity of a group of places.
fn describe(doc: &Document, words: &[u64], places: Vec<Place>) -> Group {
    let first = squeeze(doc.slice(places[0].bytes));
    let mut kind = DuplicateKind::Exact;
    let mut similarity = 1.0f64;
    let first_words = sorted_words(words, &places[0].words);
    for p in &places[1..] {
        if squeeze(doc.slice(p.bytes)) != first {
            kind = DuplicateKind::Near;
            similarity = similarity.min(dice(&first_words, &sorted_words(words, &p.words)));
        }
    }
    Group {
        kind,
        similarity: (similarity * 1000.0).round() / 1000.0,
        passages: places.into_iter().map(|p| p.bytes).collect(),
    }
}

/// Text with every run of whitespace made one space, for comparing copies.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn sorted_words(words: &[u64], r: &std::ops::Range<u32>) -> Vec<u64> {
    let mut v = words
        .get(r.start as usize..r.end as usize)
        .unwrap_or_default()
        .to_vec();
    v.sort_unstable();
    v
}

/// Words two sorted multisets have in common.
pub fn common_words(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Dice coefficient of two sorted multisets.
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * common_words(a, b) as f64 / (a.len() + b.len()) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups of `text` as the passages' texts.
    fn groups(text: &str) -> Vec<(DuplicateKind, Vec<&str>)> {
        let doc = Document::new(text);
        let words = fingerprint::word_hashes(&doc);
        repeated_passages(&doc, &words)
            .into_iter()
            .map(|g| {
                let texts = g.passages.iter().map(|&p| &text[p.start..p.end]).collect();
                (g.kind, texts)
            })
            .collect()
    }

    const S: &str = "The regional council approved the new bridge over the river after a long debate on Tuesday.";

    #[test]
    fn a_sentence_repeated_inside_other_paragraphs_is_a_sentence_long_passage() {
        let text = format!(
            "Opening words of the story are here. {S} More follows.\n\nA different paragraph begins. {S} And it ends."
        );
        assert_eq!(groups(&text), [(DuplicateKind::Exact, vec![S, S])]);
    }

    #[test]
    fn a_block_of_paragraphs_is_one_passage() {
        let block = format!("Why It Matters\n\n{S} Residents had waited for years.");
        let text =
            format!("Headline\n\n{block}\n\nThe story goes on with other news.\n\n{block}\n\nEnd.");
        assert_eq!(
            groups(&text),
            [(DuplicateKind::Exact, vec![block.as_str(), &block])]
        );
    }

    #[test]
    fn edited_inserted_and_reordered_copies_are_near() {
        let edited = S.replace("approved", "passed").replace("long ", "");
        let text = format!("{S}\n\nSomething else entirely, told at some length here.\n\n{edited}");
        let g = groups(&text);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].0, DuplicateKind::Near);
        assert_eq!(g[0].1, [S, edited.as_str()]);

        let a = "Officials said the road would close in March for repairs to the surface.";
        let b = "Drivers were told to expect long delays on the ring road during the works.";
        let c = "The work is expected to cost four million pounds and take six months.";
        let text = format!("{a} {b} {c}\n\nUnrelated middle paragraph about sport.\n\n{c} {a} {b}");
        let g = groups(&text);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].1.len(), 2);
        assert!(g[0].1[1].starts_with(c) && g[0].1[1].ends_with(b));
    }

    #[test]
    fn common_phrases_and_clean_text_are_not_repeats() {
        let text = "The prime minister said on Monday that the plan would go ahead.\n\n\
                    Critics said the plan was too costly and would not work.\n\n\
                    The prime minister said on Monday he was confident of winning the vote.\n\n\
                    According to the report, the number of people in work rose last year.";
        assert!(groups(text).is_empty());
        assert!(groups("").is_empty());
        assert!(groups("One word").is_empty());
    }

    #[test]
    fn three_copies_are_one_group() {
        let text = format!("{S}\n\nFirst gap paragraph.\n\n{S}\n\nSecond gap paragraph.\n\n{S}");
        let g = groups(&text);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].1.len(), 3);
    }

    #[test]
    fn dice_counts_words_in_common() {
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
    }
}
