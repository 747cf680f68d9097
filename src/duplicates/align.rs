//! Chaining anchors into aligned passages.
//!
//! An anchor says that the shingle starting at word `t` of the article being read also starts at word
//! `s` of a source (an earlier place in the same article, or an earlier article). Anchors on one
//! diagonal (`t - s`) with small gaps between them are one aligned passage; a small drift of the
//! diagonal is an inserted or deleted word, except where a sentence begins: text inserted between two
//! sentences (an attribution between two re-used quotes) ends the chain. The chainer reads the anchors in target order and keeps
//! only the chains that are still open (touched in the last `gap` words), so its work and memory stay
//! linear in the input whatever the text repeats.

/// Word positions are `u32`: an article of more than four billion words is cut short by the caller.
pub type Pos = u32;

/// A source an anchor points into: `doc` is [`SAME_DOC`] for the article itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub doc: u32,
    pub pos: Pos,
}

/// The document number of the article being read.
pub const SAME_DOC: u32 = u32::MAX;

/// One aligned pair of word ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub doc: u32,
    pub t_start: Pos,
    pub t_end: Pos,
    pub s_start: Pos,
    pub s_end: Pos,
    /// Target words covered by anchors.
    pub matched: u32,
    /// Every anchor followed the previous one on the same diagonal: the word sequences are equal
    /// (as far as the anchors show).
    pub exact: bool,
    /// Every anchor lay on the same diagonal (sparse anchors: no word inserted or dropped between them).
    pub straight: bool,
    /// Anchors taken.
    pub anchors: u32,
}

/// How anchors are chained.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Shingle length in words.
    pub k: u32,
    /// Largest drift of the diagonal between two anchors of one chain.
    pub drift: i64,
    /// Largest distance in target words from one anchor to the next.
    pub gap: u32,
    /// Chains covering fewer target words are dropped.
    pub min_matched: u32,
}

#[derive(Debug)]
struct Open {
    chain: Chain,
    diag: i64,
    last_t: Pos,
}

/// Reads anchors in increasing target order and returns the chains they form.
#[derive(Debug)]
pub struct Chainer {
    params: Params,
    /// Whether each word of the article being read begins a sentence.
    sentence_starts: Vec<bool>,
    open: Vec<Open>,
    done: Vec<Chain>,
}

impl Chainer {
    pub fn new(params: Params, sentence_starts: Vec<bool>) -> Self {
        Chainer {
            params,
            sentence_starts,
            open: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Adds the anchors of target word `t`: its shingle's earlier occurrences, the preferred first. For
    /// each source document at most one is taken: one that continues an open chain, else the first
    /// that may start one where no open chain of that document already covers `t`.
    pub fn push(&mut self, t: Pos, sources: &[Source]) {
        self.close_before(t);
        for (i, src) in sources.iter().enumerate() {
            if sources[..i].iter().all(|s| s.doc != src.doc) {
                self.push_doc(t, src.doc, sources);
            }
        }
    }

    fn push_doc(&mut self, t: Pos, doc: u32, sources: &[Source]) {
        let k = self.params.k;
        let mut best: Option<(usize, Source, i64)> = None;
        for &src in sources.iter().filter(|s| s.doc == doc) {
            let diag = i64::from(t) - i64::from(src.pos);
            for (ci, o) in self.open.iter().enumerate() {
                if o.chain.doc != doc || t <= o.last_t {
                    continue;
                }
                let drift = (o.diag - diag).abs();
                if drift > self.params.drift {
                    continue;
                }
                // within one article a source must end before its copy begins
                if doc == SAME_DOC && o.chain.s_end.max(src.pos + k) > o.chain.t_start {
                    continue;
                }
                if drift != 0 && self.sentence_break(o, t, src) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bi, _, bd)) => {
                        drift < bd || (drift == bd && o.chain.matched > self.open[bi].chain.matched)
                    }
                };
                if better {
                    best = Some((ci, src, drift));
                }
            }
        }
        if let Some((ci, src, _)) = best {
            let o = &mut self.open[ci];
            let diag = i64::from(t) - i64::from(src.pos);
            o.chain.exact &= diag == o.diag && t == o.last_t + 1;
            o.chain.straight &= diag == o.diag;
            o.chain.matched += (t + k).saturating_sub(o.chain.t_end.max(t));
            o.chain.t_end = t + k;
            o.chain.s_end = o.chain.s_end.max(src.pos + k);
            o.chain.s_start = o.chain.s_start.min(src.pos);
            o.chain.anchors += 1;
            o.diag = diag;
            o.last_t = t;
            return;
        }
        // a chain that reached its own copy (a text repeating itself) and still covers `t` would
        // only restart out of step: the next copy begins where it ends
        let stalled = |o: &Open| {
            o.chain.doc == doc
                && t < o.chain.t_end
                && sources
                    .iter()
                    .any(|s| s.doc == doc && i64::from(t) - i64::from(s.pos) == o.diag)
        };
        if self.open.iter().any(stalled) {
            return;
        }
        let start = sources
            .iter()
            .find(|s| s.doc == doc && (doc != SAME_DOC || s.pos + k <= t));
        if let Some(&src) = start {
            self.open.push(Open {
                chain: Chain {
                    doc,
                    t_start: t,
                    t_end: t + k,
                    s_start: src.pos,
                    s_end: src.pos + k,
                    matched: k,
                    exact: true,
                    straight: true,
                    anchors: 1,
                },
                diag: i64::from(t) - i64::from(src.pos),
                last_t: t,
            });
        }
    }

    /// Whether a sentence begins in the words skipped since the chain's last anchor, on the target side
    /// (or the source side, within the article).
    fn sentence_break(&self, o: &Open, t: Pos, src: Source) -> bool {
        let starts = |from: Pos, to: Pos| {
            self.sentence_starts
                .get(from as usize..=to as usize)
                .is_some_and(|w| w.iter().any(|&b| b))
        };
        let last_s = (i64::from(o.last_t) - o.diag).max(0) as Pos;
        starts(o.last_t + 1, t)
            || (src.doc == SAME_DOC && src.pos > last_s && starts(last_s + 1, src.pos))
    }

    /// Moves the chains that can no longer grow at target word `t` to the finished list.
    fn close_before(&mut self, t: Pos) {
        let gap = self.params.gap;
        let min = self.params.min_matched;
        let mut i = 0;
        while i < self.open.len() {
            if self.open[i].last_t + gap < t {
                let o = self.open.swap_remove(i);
                if o.chain.matched >= min {
                    self.done.push(o.chain);
                }
            } else {
                i += 1;
            }
        }
    }

    /// All chains, in order of their target start.
    pub fn finish(mut self) -> Vec<Chain> {
        self.close_before(Pos::MAX);
        self.done.sort_by_key(|c| (c.t_start, c.s_start));
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Params = Params {
        k: 3,
        drift: 3,
        gap: 8,
        min_matched: 3,
    };

    fn same(pos: Pos) -> Source {
        Source { doc: SAME_DOC, pos }
    }

    #[test]
    fn consecutive_anchors_on_one_diagonal_are_one_exact_chain() {
        let mut c = Chainer::new(P, Vec::new());
        for t in 20..30 {
            c.push(t, &[same(t - 20)]);
        }
        let chains = c.finish();
        assert_eq!(chains.len(), 1);
        let ch = &chains[0];
        assert_eq!(
            (ch.t_start, ch.t_end, ch.s_start, ch.s_end),
            (20, 32, 0, 12)
        );
        assert!(ch.exact);
        assert_eq!(ch.matched, 12);
    }

    #[test]
    fn a_gap_and_a_drift_keep_one_chain_but_not_exact() {
        let mut c = Chainer::new(P, Vec::new());
        for t in 20..25 {
            c.push(t, &[same(t - 20)]);
        }
        // a word inserted in the copy: the diagonal moves by one
        for t in 29..35 {
            c.push(t, &[same(t - 21)]);
        }
        let chains = c.finish();
        assert_eq!(chains.len(), 1);
        assert!(!chains[0].exact);
        assert_eq!((chains[0].t_start, chains[0].t_end), (20, 37));
    }

    #[test]
    fn a_source_never_overlaps_its_copy() {
        // a periodic text: each copy chains to the one before, never across it
        let mut c = Chainer::new(P, Vec::new());
        for t in 4..20 {
            c.push(t, &[same(t - 4)]);
        }
        let chains = c.finish();
        for ch in &chains {
            assert!(ch.s_end <= ch.t_start, "{ch:?}");
        }
        // and the copies are cut where they begin: 4..8 from 0..4, 8..12 from 4..8, ...
        let starts: Vec<_> = chains.iter().map(|c| (c.t_start, c.s_start)).collect();
        assert_eq!(starts, [(4, 0), (8, 4), (12, 8), (16, 12)]);
    }
}
