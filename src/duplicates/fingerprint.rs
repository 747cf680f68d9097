//! Word and shingle hashes: the stable fingerprints every duplicate search is built on.
//!
//! A word is normalised (lower case, curly apostrophes folded to `'`) and hashed with XXH3-64, whose
//! output is fixed by its specification, so the same passage gives the same fingerprints on every run,
//! machine and version of this program. A shingle is `k` consecutive words; its hash mixes the word
//! hashes in order. Winnowing picks a sparse, content-defined sample of shingles (the smallest hash of
//! each window of `w` shingles) that still includes one shingle of every shared run of `w + k - 1` words.

use xxhash_rust::xxh3::xxh3_64;

use crate::text::Document;

/// Shingle length (words) used to find repeats within one article.
pub const LOCAL_K: usize = 3;
/// Shingle length (words) of the fingerprints kept for other articles and emitted for engines.
pub const SHARED_K: usize = 5;
/// Winnowing window (shingles) of those fingerprints: any shared run of `SHARED_W + SHARED_K - 1` = 8
/// words shares at least one of them.
pub const SHARED_W: usize = 8;

/// The normalised hash of every word of `doc`, in order.
pub fn word_hashes(doc: &Document) -> Vec<u64> {
    let mut buf = String::new();
    doc.words
        .iter()
        .map(|w| {
            buf.clear();
            for c in doc.slice(*w).chars() {
                match c {
                    '’' | '‘' | 'ʼ' | '`' => buf.push('\''),
                    c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                    c => buf.extend(c.to_lowercase()),
                }
            }
            xxh3_64(buf.as_bytes())
        })
        .collect()
}

/// Final mixing step of SplitMix64: spreads every input bit over the output.
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of each run of `k` consecutive words (`words.len() + 1 - k` of them; none if fewer words).
pub fn shingles(words: &[u64], k: usize) -> Vec<u64> {
    if k == 0 || words.len() < k {
        return Vec::new();
    }
    words
        .windows(k)
        .map(|win| {
            let h = win.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &w| {
                (h.rotate_left(23) ^ w).wrapping_mul(0x0000_0100_0000_01b3)
            });
            avalanche(h)
        })
        .collect()
}

/// Winnowing: the positions of the shingles chosen as fingerprints, ascending. In each window of `w`
/// consecutive shingles the smallest hash is chosen (the rightmost on ties); a position chosen by
/// several windows appears once. Runs in linear time with a monotone queue.
pub fn winnow(hashes: &[u64], w: usize) -> Vec<usize> {
    let w = w.max(1);
    let mut out: Vec<usize> = Vec::new();
    let mut queue: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    for (i, &h) in hashes.iter().enumerate() {
        while queue.back().is_some_and(|&j| hashes[j] >= h) {
            queue.pop_back();
        }
        queue.push_back(i);
        if queue.front().is_some_and(|&j| j + w <= i) {
            queue.pop_front();
        }
        if (i + 1 >= w || i + 1 == hashes.len())
            && let Some(&j) = queue.front()
            && out.last() != Some(&j)
        {
            out.push(j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> Vec<u64> {
        word_hashes(&Document::new(text))
    }

    #[test]
    fn words_are_normalised_before_hashing() {
        let a = hashes("Tokayev’s Plan");
        let b = hashes("tokayev's PLAN");
        assert_eq!(a, b);
        assert_ne!(hashes("plan"), hashes("plans"));
    }

    #[test]
    fn fingerprints_are_fixed_values() {
        // The values are part of the `--fingerprints` contract: they must never change.
        let h = hashes("the same passage");
        assert_eq!(h[0], xxh3_64(b"the"));
        let s = shingles(&hashes("one two three four five six"), SHARED_K);
        assert_eq!(s.len(), 2);
        assert_eq!(format!("{:016x}", s[0]), "2c8f7ea6e4eed541");
    }

    #[test]
    fn shingles_depend_on_order() {
        let a = shingles(&hashes("a b c"), 3);
        let b = shingles(&hashes("c b a"), 3);
        assert_ne!(a, b);
        assert!(shingles(&hashes("a b"), 3).is_empty());
    }

    #[test]
    fn winnowing_keeps_one_per_window_and_agrees_on_shared_runs() {
        let h: Vec<u64> = (0..100u64).map(|i| avalanche(i % 37)).collect();
        let picked = winnow(&h, 4);
        for win in 0..=h.len() - 4 {
            assert!(picked.iter().any(|&p| (win..win + 4).contains(&p)));
        }
        // the same content gives the same choice, wherever it sits
        let a = winnow(&h[10..30], 4);
        let b = winnow(&h[47..67], 4); // 47 = 10 + 37: the same hashes
        assert_eq!(a, b);
    }
}
