//! Paragraphs that repeat one another, recognised by their text with case and runs of whitespace
//! set aside: the one answer to "does this line occur elsewhere in the article" that the stages
//! share (a headline printed twice, a teaser then the story, "News Letter" pasted three times).

use rustc_hash::FxHashMap;

use super::Document;

/// A hash of a text with case and whitespace runs ignored: texts that are the same line up to those
/// hash alike (64 bits; a collision between two lines of one article is not a practical concern).
pub fn text_key(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for word in s.split_whitespace() {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
        h.write_u32(u32::from(b' '));
    }
    h.finish()
}

/// Each paragraph's key, and how many paragraphs share it.
#[derive(Debug)]
pub struct Repeats {
    keys: Vec<u64>,
    counts: FxHashMap<u64, usize>,
}

impl Repeats {
    /// The keys of `doc`'s paragraphs.
    pub fn of(doc: &Document) -> Repeats {
        let keys: Vec<u64> = doc
            .paragraphs
            .iter()
            .map(|p| text_key(doc.slice(p.span)))
            .collect();
        let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
        for &k in &keys {
            *counts.entry(k).or_default() += 1;
        }
        Repeats { keys, counts }
    }

    /// Paragraph `i`'s key.
    pub fn key(&self, i: usize) -> u64 {
        self.keys[i]
    }

    /// How many paragraphs (paragraph `i` included) have paragraph `i`'s text.
    pub fn count(&self, i: usize) -> usize {
        self.counts.get(&self.keys[i]).copied().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spacing_aside_paragraphs_repeat() {
        let doc = Document::new("News  Letter\n\nBody text here.\n\nnews letter\n\nNews Letter!");
        let r = Repeats::of(&doc);
        assert_eq!(r.count(0), 2);
        assert_eq!(r.key(0), r.key(2));
        assert_eq!(r.count(1), 1);
        assert_eq!(r.count(3), 1);
    }
}
