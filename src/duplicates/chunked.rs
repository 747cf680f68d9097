//! An append-only list in fixed-size chunks, for the cross-article index: growing never copies it or
//! leaves half of it unused, as doubling a `Vec` does.

/// An append-only list kept in fixed-size chunks: growing never copies it or leaves half of it
/// unused, as doubling a `Vec` does.
#[derive(Debug)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

const CHUNK: usize = 1 << 16;

impl<T: Copy> Chunked<T> {
    pub fn new() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn push(&mut self, x: T) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(c) = self.chunks.last_mut() {
            c.push(x);
            self.len += 1;
        }
    }

    pub fn get(&self, i: usize) -> T {
        self.chunks[i / CHUNK][i % CHUNK]
    }

    /// The first index in `range` where `pred` turns false (it must hold for a prefix of the range).
    pub fn partition_point(
        &self,
        range: std::ops::Range<usize>,
        pred: impl Fn(&T) -> bool,
    ) -> usize {
        let (mut lo, mut hi) = (range.start, range.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(&self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

impl<T: Copy> Default for Chunked<T> {
    fn default() -> Self {
        Chunked::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_kept_in_order_across_chunks() {
        let mut list = Chunked::new();
        for i in 0..(CHUNK as u32 + 10) {
            list.push(i * 2);
        }
        assert_eq!(list.len(), CHUNK + 10);
        assert_eq!(list.get(CHUNK + 3), (CHUNK as u32 + 3) * 2);
        assert_eq!(list.partition_point(0..list.len(), |&x| x < 7), 4);
        assert_eq!(list.partition_point(5..9, |&x| x < 7), 5);
    }
}
