//! Sentences and paragraphs that share most of their words with an earlier one: near repeats whose
//! edits are too dense for aligned runs (a word in five replaced, inserted or dropped; sentences
//! shuffled).
//!
//! Each unit's shingles vote, through the shingle index, for the earlier units they occur in; the two
//! units with most votes are compared by the Dice coefficient of their words. The votes cost no more
//! than the index's candidates, so the pass stays linear.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::passages::{Pair, WordRanges};
use super::{ShingleIndex, common_words, sorted_words};
use crate::text::Document;
use crate::text::Span;

/// A unit compared this way has at least this many words ...
const MIN_WORDS: [usize; 2] = [8, 15];
/// ... and shares at least this share of its words (Dice) with the earlier one: [sentence, paragraph].
const MIN_DICE: [f64; 2] = [0.8, 0.7];
/// Earlier units compared with each unit.
const TOP: usize = 2;

/// Pairs of similar sentences, then of similar paragraphs.
/// Sentences mostly inside a repeat found already (`covered` marks its words) are left out: the
/// verbatim part of a sentence is the better passage.
pub fn pairs(doc: &Document, index: &ShingleIndex, words: &[u64], covered: &[bool]) -> Vec<Pair> {
    let sentences: Vec<(Range<u32>, Span)> = doc
        .sentence_word_ranges()
        .zip(&doc.sentences)
        .map(|(r, s)| (r.start as u32..r.end as u32, *s))
        .collect();
    let paragraphs: Vec<(Range<u32>, Span)> = (0..doc.paragraphs.len())
        .map(|p| (doc.paragraph_word_range(p), doc.paragraphs[p].span))
        .collect();
    let mut out = Vec::new();
    similar_units(
        index,
        words,
        &sentences,
        |w| doc.sentence(w),
        (0, Some(covered)),
        &mut out,
    );
    similar_units(
        index,
        words,
        &paragraphs,
        |w| doc.paragraph(w),
        (1, None),
        &mut out,
    );
    out
}

fn similar_units(
    index: &ShingleIndex,
    words: &[u64],
    units: &[(Range<u32>, Span)],
    unit_of: impl Fn(u32) -> u32,
    (level, covered): (usize, Option<&[bool]>),
    out: &mut Vec<Pair>,
) {
    let k = super::fingerprint::LOCAL_K as u32;
    let mut votes: FxHashMap<u32, u32> = FxHashMap::default();
    for (u, (range, span)) in units.iter().enumerate() {
        if range.len() < MIN_WORDS[level] {
            continue;
        }
        if let Some(covered) = covered {
            let inside = covered[range.start as usize..range.end as usize]
                .iter()
                .filter(|&&c| c)
                .count();
            if 5 * inside >= 4 * range.len() {
                continue;
            }
        }
        votes.clear();
        for i in range.start..range.end.saturating_sub(k - 1) {
            for j in index.earlier(i as usize) {
                let v = unit_of(j);
                if (v as usize) < u {
                    *votes.entry(v).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = votes.iter().map(|(&v, &n)| (v, n)).collect();
        ranked.sort_unstable_by_key(|&(v, n)| (std::cmp::Reverse(n), std::cmp::Reverse(v)));
        let mine = sorted_words(words, range);
        for &(v, _) in ranked.iter().take(TOP) {
            let (other, other_span) = &units[v as usize];
            if other.len() < MIN_WORDS[level] / 2 {
                continue;
            }
            let theirs = sorted_words(words, other);
            let common = common_words(&mine, &theirs);
            let dice = 2.0 * common as f64 / (mine.len() + theirs.len()) as f64;
            if dice >= MIN_DICE[level] {
                out.push(Pair {
                    target: range.clone(),
                    source: other.clone(),
                    target_bytes: *span,
                    source_bytes: *other_span,
                    matched: common as u32,
                    sentences: true,
                });
                break;
            }
        }
    }
}
