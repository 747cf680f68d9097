//! Where things are: which sentence and paragraph hold a word, which paragraph or sentence holds a
//! byte offset. Every stage asks the document these questions instead of building its own index.

use super::{Document, Paragraph};

/// For each of `n` words, the index of its sentence and of its paragraph.
pub(super) fn word_index(
    paragraphs: &[Paragraph],
    sentence_word_starts: &[u32],
    n: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut sentence_of = vec![0; n];
    for (si, w) in sentence_word_starts.windows(2).enumerate() {
        sentence_of[w[0] as usize..w[1] as usize].fill(si as u32);
    }
    let mut paragraph_of = vec![0; n];
    for (pi, p) in paragraphs.iter().enumerate() {
        paragraph_of[p.words()].fill(pi as u32);
    }
    (sentence_of, paragraph_of)
}

impl Document<'_> {
    /// The index of the sentence holding word `w`.
    pub fn sentence_of_word(&self, w: usize) -> usize {
        self.word_sentence[w] as usize
    }

    /// The index of the paragraph holding word `w`.
    pub fn paragraph_of_word(&self, w: usize) -> usize {
        self.word_paragraph[w] as usize
    }

    /// The index of the paragraph holding byte `at`, or of the first one after it (the last
    /// paragraph when `at` is past them all; 0 for a document without paragraphs).
    pub fn paragraph_at(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.span.end <= at)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// How many sentences end at or before byte `at`: the index of the first sentence that does not.
    pub fn sentences_ended_by(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= at)
    }

    /// How many sentences start before byte `at`: one past the index of the sentence holding it.
    pub fn sentences_started_before(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.start < at)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Document;

    #[test]
    fn words_know_their_sentence_and_paragraph() {
        let doc = Document::new("One two. Three four.\n\nFive six.");
        let six = doc.words.len() - 1;
        assert_eq!(doc.sentence_of_word(0), 0);
        assert_eq!(doc.sentence_of_word(2), 1);
        assert_eq!(doc.paragraph_of_word(2), 0);
        assert_eq!(doc.sentence_of_word(six), 2);
        assert_eq!(doc.paragraph_of_word(six), 1);
    }

    #[test]
    fn offsets_find_their_paragraph_and_sentences() {
        let text = "One two. Three four.\n\nFive six.";
        let doc = Document::new(text);
        assert_eq!(doc.paragraph_at(0), 0);
        assert_eq!(doc.paragraph_at(text.find("Five").unwrap()), 1);
        assert_eq!(doc.paragraph_at(text.len() + 10), 1);
        let three = text.find("Three").unwrap();
        assert_eq!(doc.sentences_ended_by(three), 1);
        assert_eq!(doc.sentences_started_before(three + 1), 2);
        assert_eq!(Document::new("").paragraph_at(5), 0);
    }
}
