//! Passages shared across articles (`--cross-article`).
//!
//! Inputs are read once, in order. Each article's winnowed 5-word fingerprints
//! ([`fingerprint::winnow`]) are looked up in an index of the earlier articles' fingerprints and the
//! hits chained, per earlier article, like the anchors within one article ([`super::align`]); then the
//! article's own fingerprints join the index. Nothing of an article's text is kept: the index holds,
//! per fingerprint, where it occurred (article, word, character span), and per article its id and its
//! sentence boundaries, so that a passage found in an earlier article can still be widened to whole
//! sentences there. Each fingerprint remembers at most [`MAX_OTHERS`] articles, which bounds both the
//! index and the work for boilerplate that every article repeats.
//!
//! Only the story is compared: every argument `story` says, word by word, whether a word belongs to
//! the article's copy (the sections stage's body, headline, dek, sidebars, captions) rather than its
//! page furniture, byline or dateline. A fingerprint or a whole sentence that touches a word outside
//! it is neither looked up nor indexed, so menus, "Contact Us", copyright lines and date lines
//! that every page of a site repeats are never reported as shared copy.

use rustc_hash::FxHashMap;

use super::align::{Chain, Chainer, Params, Pos, Source};
use super::chunked::Chunked;
use super::fingerprint::{self, SHARED_K, SHARED_W};
use super::passages::WordRanges;
use crate::kinds::DuplicateKind;
use crate::text::{Document, Span};

/// Earlier articles a fingerprint remembers: a passage is reported against at most this many.
pub const MAX_OTHERS: usize = 32;

/// Chaining sparse fingerprints: one at least every `SHARED_W` words in a shared run, a few more lost
/// around each edited word.
const CROSS: Params = Params {
    k: SHARED_K as u32,
    drift: 3,
    gap: (3 * SHARED_W + SHARED_K) as u32,
    min_matched: 8,
};
/// Share of the passage's fingerprints that must be found in the other article.
const MIN_QUALITY: f64 = 0.5;
/// Share of a sentence a passage must cover to take the whole sentence.
const SENTENCE_SHARE: f64 = 0.6;
/// Words a passage needs.
const MIN_WORDS: u32 = 8;
/// Words between two pieces of one shared block, at most, on each side.
const JOIN_GAP: u32 = 30;

/// A sentence of an indexed article: its first word, its character span and a hash of its text
/// (two passages made of the same sentences, byte for byte, are exact copies).
#[derive(Debug, Clone, Copy)]
struct SentenceMark {
    word: u32,
    start: u32,
    end: u32,
    hash: u64,
}

/// A hash of a sentence's text as written.
fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// What is kept of an indexed article.
#[derive(Debug)]
struct Sketch {
    id: serde_json::Value,
    sentences: Vec<SentenceMark>,
    /// Its fingerprints' entries, stored together in word order.
    entries: std::ops::Range<usize>,
}

/// One occurrence of a fingerprint.
#[derive(Debug, Clone, Copy)]
struct Entry {
    doc: u32,
    word: u32,
    /// Character offset of the shingle's first word.
    start: u32,
    /// The previous occurrence of the same fingerprint (`u32::MAX`: none).
    next: u32,
}

/// A passage of the current article found in an earlier one.
#[derive(Debug, Clone)]
pub struct CrossMatch {
    pub exact: bool,
    pub similarity: f64,
    /// Bytes of the current article.
    pub target: Span,
    /// The earlier article's number (see [`CrossIndex::id`]) and the passage's characters there.
    pub other: u32,
    pub other_start: usize,
    pub other_end: usize,
    /// Word ranges on each side, for joining pieces.
    target_words: std::ops::Range<u32>,
    other_words: std::ops::Range<u32>,
}

impl CrossMatch {
    /// Whether the two passages are the same text.
    pub fn kind(&self) -> DuplicateKind {
        if self.exact {
            DuplicateKind::Exact
        } else {
            DuplicateKind::Near
        }
    }
}

/// One occurrence of a whole sentence: its article and its number there.
#[derive(Debug, Clone, Copy)]
struct LineEntry {
    doc: u32,
    sentence: u32,
    /// The high half of the sentence's hash (the index is keyed by the low half).
    check: u32,
    next: u32,
}

/// The fingerprints of every article read so far.
#[derive(Debug, Default)]
pub struct CrossIndex {
    docs: Vec<Sketch>,
    /// Fingerprint → newest entry.
    heads: FxHashMap<u32, u32>,
    entries: Chunked<Entry>,
    /// Whole sentences by the hash of their words → newest entry.
    line_heads: FxHashMap<u32, u32>,
    lines: Chunked<LineEntry>,
}

/// Sentences with at least this many words are matched whole across articles (and one-sentence
/// paragraphs of [`WHOLE_LINE`] words or more).
const WHOLE_SENTENCE: usize = 6;
/// A one-sentence paragraph of this many words is matched whole ("Burnley or Blackburn v Leicester"):
/// fewer is too short to be copy ("Read more", "Sign in to comment").
const WHOLE_LINE: usize = 4;

/// A sentence matched whole: the hash of its words, its number, its words and bytes.
struct Unit {
    hash: u64,
    sentence: u32,
    words: std::ops::Range<u32>,
    span: Span,
}

/// The sentences of an article's story that are matched whole.
fn units<'a>(
    doc: &'a Document<'a>,
    words: &'a [u64],
    story: &'a [bool],
) -> impl Iterator<Item = Unit> + 'a {
    doc.paragraphs.iter().flat_map(move |p| {
        let alone = p.sentences().len() == 1;
        p.sentences().filter_map(move |si| {
            let r = doc.sentence_words(si);
            let w = words.get(r.clone())?;
            if w.len() < if alone { WHOLE_LINE } else { WHOLE_SENTENCE } {
                return None;
            }
            if !story.get(r.clone()).is_some_and(|s| s.iter().all(|&x| x)) {
                return None;
            }
            let hash = w.iter().fold(w.len() as u64, |h, &x| {
                (h.rotate_left(29) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            });
            Some(Unit {
                hash,
                sentence: si as u32,
                words: r.start as u32..r.end as u32,
                span: doc.sentences[si],
            })
        })
    })
}

/// An article's fingerprints: (word position, hash), ascending, of shingles inside its story.
/// Winnowing runs over every shingle; a window wholly inside the story picks a shingle there, so any
/// shared run of story words keeps the winnowing guarantee.
pub fn fingerprints(words: &[u64], story: &[bool]) -> Vec<Print> {
    let shingles = fingerprint::shingles(words, SHARED_K);
    // the story words before each position, to tell a shingle inside the story in constant time
    let mut before = Vec::with_capacity(story.len() + 1);
    before.push(0u32);
    for &s in story {
        before.push(before[before.len() - 1] + u32::from(s));
    }
    let inside = |i: usize| {
        let end = (i + SHARED_K).min(story.len());
        i < end && before[end] - before[i] == (end - i) as u32
    };
    fingerprint::winnow(&shingles, SHARED_W)
        .into_iter()
        .filter(|&i| inside(i))
        .map(|i| Print {
            word: i,
            hash: shingles[i],
        })
        .collect()
}

/// The whole sentences the index matches, with the hash of their words: with the fingerprints, what another
/// engine groups articles by to find every pair that `--cross-article` could report (a short shared
/// sentence need not share a winnowed fingerprint).
pub fn sentence_prints(doc: &Document, words: &[u64], story: &[bool]) -> Vec<SentencePrint> {
    units(doc, words, story)
        .map(|u| SentencePrint {
            span: u.span,
            hash: u.hash,
        })
        .collect()
}

/// A fingerprint: the hash of the shingle of words starting at word `word`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Print {
    pub word: usize,
    pub hash: u64,
}

/// A sentence compared whole: its bytes and the hash of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentencePrint {
    pub span: Span,
    pub hash: u64,
}

impl CrossIndex {
    pub fn new() -> Self {
        CrossIndex::default()
    }

    /// The id of indexed article `doc`.
    pub fn id(&self, doc: u32) -> &serde_json::Value {
        &self.docs[doc as usize].id
    }

    /// The passages of the article (laid out by `doc`, with word hashes `words` and fingerprints
    /// `prints`) that earlier articles have, in text order.
    pub fn find(
        &self,
        doc: &Document,
        words: &[u64],
        story: &[bool],
        prints: &[Print],
    ) -> Vec<CrossMatch> {
        if self.docs.is_empty() {
            return Vec::new();
        }
        let mut chainer = Chainer::new(CROSS, super::sentence_starts(doc));
        let mut sources: Vec<Source> = Vec::new();
        for &Print { word: pos, hash: h } in prints {
            let Ok(t) = Pos::try_from(pos) else { break };
            sources.clear();
            // keyed by the low half of the hash: a rare false hit is one stray anchor, which no
            // chain of several anchors on one diagonal takes up
            let mut e = self.heads.get(&(h as u32)).copied();
            while let Some(i) = e.filter(|&i| i != u32::MAX) {
                let entry = self.entries.get(i as usize);
                sources.push(Source {
                    doc: entry.doc,
                    pos: entry.word,
                });
                e = Some(entry.next);
            }
            if !sources.is_empty() {
                chainer.push(t, &sources);
            }
        }
        let positions: Vec<usize> = prints.iter().map(|p| p.word).collect();
        let mut out: Vec<CrossMatch> = chainer
            .finish()
            .iter()
            .filter_map(|c| self.snap(doc, words.len(), &positions, c))
            .collect();
        self.whole_sentences(doc, words, story, &mut out);
        out.sort_by_key(|m| {
            let w = &m.target_words;
            (m.other, w.start, std::cmp::Reverse(w.end))
        });
        // pieces of one shared block, in order on both sides (a wire story broken by edits or by a
        // paragraph the copy dropped), are one passage; so are overlapping finds
        out.dedup_by(|b, a| {
            let joins = a.other == b.other
                && b.target_words.start <= a.target_words.end + JOIN_GAP
                && b.other_words.start >= a.other_words.start
                && b.other_words.start <= a.other_words.end + JOIN_GAP;
            if joins {
                let seamless = b.target_words.start <= a.target_words.end
                    && b.target_words.start + a.other_words.start
                        == b.other_words.start + a.target_words.start;
                a.exact &= b.exact && seamless;
                a.similarity = if a.exact {
                    1.0
                } else {
                    a.similarity.min(b.similarity)
                };
                a.target = Span::new(
                    a.target.start.min(b.target.start),
                    a.target.end.max(b.target.end),
                );
                a.other_start = a.other_start.min(b.other_start);
                a.other_end = a.other_end.max(b.other_end);
                a.target_words.end = a.target_words.end.max(b.target_words.end);
                a.other_words.end = a.other_words.end.max(b.other_words.end);
            }
            joins
        });
        for m in out.iter_mut().filter(|m| !m.exact) {
            if self.same_sentences(doc, m) {
                m.exact = true;
                m.similarity = 1.0;
            }
        }
        out.sort_by_key(|m| (m.target.start, m.other, m.other_start));
        once_per_pair(&mut out, words);
        out
    }

    /// Whether the two sides of `m` are the same whole sentences, byte for byte (the fingerprint
    /// chains can miss it, as when an article repeats a passage of its own).
    fn same_sentences(&self, doc: &Document, m: &CrossMatch) -> bool {
        let Some(sketch) = self.docs.get(m.other as usize) else {
            return false;
        };
        let here = &doc.sentences[doc.sentences.partition_point(|s| s.start < m.target.start)..];
        let here = &here[..here.partition_point(|s| s.end <= m.target.end)];
        let (start, end) = (m.other_start as u32, m.other_end as u32);
        let there = &sketch.sentences[sketch.sentences.partition_point(|s| s.start < start)..];
        let there = &there[..there.partition_point(|s| s.end <= end)];
        let whole = |first: Option<u32>, last: Option<u32>, a: u32, b: u32| {
            first == Some(a) && last == Some(b)
        };
        here.len() == there.len()
            && whole(
                here.first().map(|s| s.start as u32),
                here.last().map(|s| s.end as u32),
                m.target.start as u32,
                m.target.end as u32,
            )
            && whole(
                there.first().map(|s| s.start),
                there.last().map(|s| s.end),
                start,
                end,
            )
            && here
                .iter()
                .zip(there)
                .all(|(h, t)| text_hash(doc.slice(*h)) == t.hash)
    }

    /// Sentences that earlier articles have word for word: every sentence of 6 words or more, and
    /// one-sentence paragraphs however short ("Burnley v Leicester", "Related stories"). Sparse
    /// fingerprints can miss a short shared sentence; these cannot.
    fn whole_sentences(
        &self,
        doc: &Document,
        words: &[u64],
        story: &[bool],
        out: &mut Vec<CrossMatch>,
    ) {
        for unit in units(doc, words, story) {
            let mut e = self.line_heads.get(&(unit.hash as u32)).copied();
            while let Some(i) = e.filter(|&i| i != u32::MAX) {
                let line = self.lines.get(i as usize);
                e = Some(line.next);
                let Some(mark) = self.docs[line.doc as usize]
                    .sentences
                    .get(line.sentence as usize)
                else {
                    continue;
                };
                if line.check != (unit.hash >> 32) as u32 {
                    continue;
                }
                out.push(CrossMatch {
                    exact: true,
                    similarity: 1.0,
                    target: unit.span,
                    other: line.doc,
                    other_start: mark.start as usize,
                    other_end: mark.end as usize,
                    target_words: unit.words.clone(),
                    other_words: mark.word..mark.word + (unit.words.end - unit.words.start),
                });
            }
        }
    }

    /// A chain as a passage pair, widened to whole sentences on each side it mostly covers.
    fn snap(
        &self,
        doc: &Document,
        n_words: usize,
        positions: &[usize],
        c: &Chain,
    ) -> Option<CrossMatch> {
        let t_end = (c.t_end as usize).min(n_words) as u32;
        let words = t_end.checked_sub(c.t_start)?;
        // fingerprints of this article inside the chain, and how many found a partner
        let lo = positions.partition_point(|&p| p < c.t_start as usize);
        let hi = positions.partition_point(|&p| p + SHARED_K <= t_end as usize);
        let expected = hi.saturating_sub(lo).max(1) as f64;
        let quality = (f64::from(c.anchors) / expected).min(1.0);
        if words < MIN_WORDS || quality < MIN_QUALITY {
            return None;
        }
        let sketch = &self.docs[c.doc as usize];
        let first = self.entry_at(c.doc, c.s_start)?;
        let last = self.entry_at(c.doc, c.s_end - SHARED_K as u32)?;
        let exact = c.straight
            && c.anchors as usize == hi.saturating_sub(lo)
            && c.s_end - c.s_start == t_end - c.t_start;

        let t = c.t_start..t_end;
        let th = doc.sentence_hull(&t);
        let (target, target_words) = if share(words, th.len()) >= SENTENCE_SHARE {
            (doc.sentence_bytes(&th), th)
        } else {
            (doc.word_bytes(&t), t)
        };
        let (sh_first, sh_last) = sentences_of(&sketch.sentences, c.s_start, c.s_end);
        // the other copy's last shingle is taken to be as long as this one's
        let chars = |w: usize| doc.chars.char_offset(w) as u32;
        let last_len = chars(doc.words[t_end as usize - 1].end)
            - chars(doc.words[t_end as usize - SHARED_K].start);
        let (mut other_start, mut other_end) = (first.start, last.start + last_len);
        let mut other_words = c.s_start..c.s_end;
        if let (Some(a), Some(b)) = (sh_first, sh_last) {
            let hull = sketch.sentences[a].word
                ..sketch
                    .sentences
                    .get(b + 1)
                    .map_or(c.s_end, |m| m.word.max(c.s_end));
            if share(c.s_end - c.s_start, hull.len()) >= SENTENCE_SHARE {
                other_start = sketch.sentences[a].start.min(other_start);
                other_end = sketch.sentences[b].end.max(other_end);
                other_words = hull.start.min(c.s_start)..hull.end;
            }
        }
        Some(CrossMatch {
            exact,
            similarity: if exact {
                1.0
            } else {
                (quality * 1000.0).round() / 1000.0
            },
            target,
            other: c.doc,
            other_start: other_start as usize,
            other_end: other_end as usize,
            target_words,
            other_words,
        })
    }

    /// The entry of article `doc` at word `word` (chains start and end on one).
    fn entry_at(&self, doc: u32, word: u32) -> Option<Entry> {
        let range = self.docs.get(doc as usize)?.entries.clone();
        let i = self
            .entries
            .partition_point(range.clone(), |e| e.word < word);
        (i < range.end)
            .then(|| self.entries.get(i))
            .filter(|e| e.word == word)
    }

    /// Adds an article's fingerprints, whole sentences and sentence boundaries.
    pub fn add(
        &mut self,
        doc: &Document,
        words: &[u64],
        story: &[bool],
        prints: &[Print],
        id: serde_json::Value,
    ) {
        let Ok(number) = u32::try_from(self.docs.len()) else {
            return;
        };
        let char_of = |byte: usize| doc.chars.char_offset(byte) as u32;
        let entries_from = self.entries.len();
        for unit in units(doc, words, story) {
            let Ok(index) = u32::try_from(self.lines.len()) else {
                break;
            };
            let head = self.line_heads.entry(unit.hash as u32).or_insert(u32::MAX);
            let link = |i: u32| {
                let l = self.lines.get(i as usize);
                (l.doc, l.next)
            };
            if chain_docs(*head, number, link) >= MAX_OTHERS {
                continue;
            }
            self.lines.push(LineEntry {
                doc: number,
                sentence: unit.sentence,
                check: (unit.hash >> 32) as u32,
                next: *head,
            });
            *head = index;
        }
        for &Print { word: pos, hash: h } in prints {
            let (Ok(word), Some(first)) = (u32::try_from(pos), doc.words.get(pos)) else {
                continue;
            };
            let head = self.heads.entry(h as u32).or_insert(u32::MAX);
            let link = |i: u32| {
                let e = self.entries.get(i as usize);
                (e.doc, e.next)
            };
            if chain_docs(*head, number, link) >= MAX_OTHERS {
                continue;
            }
            let Ok(index) = u32::try_from(self.entries.len()) else {
                return;
            };
            self.entries.push(Entry {
                doc: number,
                word,
                start: char_of(first.start),
                next: *head,
            });
            *head = index;
        }
        // every sentence, so that a mark's number is the sentence's number
        let sentences = doc
            .sentence_word_ranges()
            .zip(&doc.sentences)
            .map(|(r, s)| SentenceMark {
                word: r.start as u32,
                start: char_of(s.start),
                end: char_of(s.end),
                hash: text_hash(doc.slice(*s)),
            })
            .collect();
        self.docs.push(Sketch {
            id,
            sentences,
            entries: entries_from..self.entries.len(),
        });
    }
}

/// Keeps each shared passage once per earlier article: its first copy here against its first copy
/// there. An article that repeats a wire passage, shared with another that repeats it too, would
/// otherwise list every copy against every copy (once 214 times the input's size); its own repeats
/// are in its `duplicates`. `out` is in text order.
fn once_per_pair(out: &mut Vec<CrossMatch>, words: &[u64]) {
    let mut seen: rustc_hash::FxHashSet<(u32, u64)> = rustc_hash::FxHashSet::default();
    out.retain(|m| {
        let range = m.target_words.start as usize..m.target_words.end as usize;
        let passage = words.get(range).unwrap_or_default();
        let hash = passage.iter().fold(passage.len() as u64, |h, &x| {
            (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        seen.insert((m.other, hash))
    });
}

/// Articles in a chain of occurrences (an article that repeats a passage has several), counted up
/// to [`MAX_OTHERS`]. Occurrences are chained newest first, so one article's are next to each other.
/// A chain longer than four occurrences per article counts as full, which bounds the walk when one
/// article repeats a sentence thousands of times.
/// The article being added (`adding`) is not counted: all its occurrences join a chain that had room
/// for it.
fn chain_docs(head: u32, adding: u32, link: impl Fn(u32) -> (u32, u32)) -> usize {
    let mut n = 0;
    let mut e = head;
    let mut last_doc = Some(adding);
    for _ in 0..4 * MAX_OTHERS {
        if e == u32::MAX || n >= MAX_OTHERS {
            return n;
        }
        let (doc, next) = link(e);
        if last_doc != Some(doc) {
            n += 1;
            last_doc = Some(doc);
        }
        e = next;
    }
    MAX_OTHERS
}

fn share(part: u32, whole: usize) -> f64 {
    f64::from(part) / whole.max(1) as f64
}

/// Indexes of the first and last sentence holding words `start..end`.
fn sentences_of(marks: &[SentenceMark], start: u32, end: u32) -> (Option<usize>, Option<usize>) {
    let a = marks.partition_point(|m| m.word <= start).checked_sub(1);
    let b = marks.partition_point(|m| m.word < end).checked_sub(1);
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// What one find says: (text here, other article, its start and end, exact).
    type Found = (String, u32, usize, usize, bool);

    fn run(texts: &[&str]) -> Vec<Vec<Found>> {
        let mut index = CrossIndex::new();
        let mut out = Vec::new();
        for (n, text) in texts.iter().enumerate() {
            let doc = Document::new(text);
            let words = fingerprint::word_hashes(&doc);
            let story = vec![true; words.len()];
            let prints = fingerprints(&words, &story);
            let found = index.find(&doc, &words, &story, &prints);
            out.push(
                found
                    .iter()
                    .map(|m| {
                        (
                            doc.slice(m.target).to_string(),
                            m.other,
                            m.other_start,
                            m.other_end,
                            m.exact,
                        )
                    })
                    .collect(),
            );
            index.add(&doc, &words, &story, &prints, serde_json::json!(n));
        }
        out
    }

    const WIRE: &str = "The once-famous computer brand could be resurrected after being bought by a \
                        US-based digital music distributor, the company said on Tuesday.";

    #[test]
    fn a_shared_sentence_is_found_in_the_earlier_article() {
        let a = format!("Local news first. {WIRE} Then more local news about the weather.");
        let b = format!("Sports desk opening words here.\n\n{WIRE}\n\nA closing line.");
        let found = run(&[&a, &b]);
        assert!(found[0].is_empty());
        assert_eq!(found[1].len(), 1);
        let (text, other, start, end, exact) = &found[1][0];
        assert_eq!(text, WIRE);
        assert_eq!(*other, 0);
        assert_eq!(
            a.chars().skip(*start).take(end - start).collect::<String>(),
            WIRE
        );
        assert!(exact);
    }

    #[test]
    fn every_earlier_copy_is_listed_and_unrelated_text_is_not() {
        let a = format!("{WIRE} One.");
        let b = "Nothing in common with the others, just an ordinary sentence or two of news.";
        let c = format!("Intro. {WIRE}");
        let found = run(&[&a, b, &c, WIRE]);
        assert!(found[1].is_empty());
        let others: Vec<u32> = found[3].iter().map(|m| m.1).collect();
        assert_eq!(others, [0, 2]);
    }

    #[test]
    fn a_passage_repeated_on_both_sides_is_listed_once_per_pair() {
        let repeated = format!("{WIRE}\n\nLocal words between.\n\n").repeat(10);
        let found = run(&[&repeated, &repeated]);
        // each passage once, not once for every copy here against every copy there (10 x 10)
        let mut texts: Vec<&str> = found[1].iter().map(|f| f.0.as_str()).collect();
        assert!(texts.len() <= 3, "{:?}", found[1]);
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), found[1].len());
        assert!(texts.contains(&WIRE));
    }

    #[test]
    fn words_outside_the_story_are_never_compared() {
        let page = format!("Sign in to comment\n\nPrivacy policy and cookie settings\n\n{WIRE}");
        let doc = Document::new(&page);
        let words = fingerprint::word_hashes(&doc);
        let all = vec![true; words.len()];
        // the two menu lines are furniture: 9 words
        let mut story = all.clone();
        story[..9].fill(false);
        let mut index = CrossIndex::new();
        index.add(
            &doc,
            &words,
            &all,
            &fingerprints(&words, &all),
            serde_json::json!(0),
        );
        let found = index.find(&doc, &words, &story, &fingerprints(&words, &story));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(doc.slice(found[0].target), WIRE);
        assert!(fingerprints(&words, &story).iter().all(|p| p.word >= 9));
        assert!(
            sentence_prints(&doc, &words, &story)
                .iter()
                .all(|s| doc.slice(s.span) == WIRE)
        );
    }

    #[test]
    fn an_edited_copy_is_near_and_whole() {
        let story = format!(
            "{WIRE} New owner Media Ventures has not ruled out a new breed of computers under the \
             old name. It also plans to develop a worldwide entertainment concept with the brand, \
             starting with portable music players later this year."
        );
        let edited = story
            .replace("resurrected", "revived")
            .replace("worldwide", "global");
        let found = run(&[&story, &format!("Other words first.\n\n{edited}")]);
        assert_eq!(found[1].len(), 1, "{:?}", found[1]);
        let (text, _, start, end, exact) = &found[1][0];
        assert_eq!(text, &edited);
        assert_eq!((*start, *end), (0, story.chars().count()));
        assert!(!exact);
    }
}
