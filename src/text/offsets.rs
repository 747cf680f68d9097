//! Byte offsets to Unicode scalar offsets.
//!
//! Every stage works on byte offsets (what `str` slicing needs); the report speaks in Unicode scalar
//! positions (what Python and jq index by). `CharIndex` converts one to the other in constant time per
//! call after one linear pass, with a checkpoint every `STRIDE` bytes so that memory stays at a small
//! fraction of the text's size even for a 50 MB input.

const STRIDE: usize = 256;

/// Converts byte offsets of one text into Unicode scalar offsets.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]` = number of chars in `text[..k * STRIDE]`; empty when the text is ASCII.
    checkpoints: Vec<usize>,
    ascii: bool,
}

fn is_char_start(b: u8) -> bool {
    // UTF-8 continuation bytes are 0b10xx_xxxx; every other byte starts a scalar.
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(bytes.len() / STRIDE + 1);
            let mut total = 0;
            checkpoints.push(0);
            for chunk in bytes.chunks(STRIDE) {
                total += count_chars(chunk);
                checkpoints.push(total);
            }
        }
        CharIndex {
            bytes,
            checkpoints,
            ascii,
        }
    }

    /// The Unicode scalar offset of byte offset `byte` (clamped to the text's length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        base + count_chars(&self.bytes[block * STRIDE..byte])
    }

    /// Number of Unicode scalars in the whole text.
    pub fn len_chars(&self) -> usize {
        self.char_offset(self.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("hello world");
        assert_eq!(idx.char_offset(5), 5);
        assert_eq!(idx.len_chars(), 11);
    }

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "“Tokayev” – naïve… ".repeat(200);
        let idx = CharIndex::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(b), n);
        }
        assert_eq!(idx.len_chars(), text.chars().count());
    }
}
