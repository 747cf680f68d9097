//! Which paragraphs are later copies: each paragraph lying mostly inside a later copy of a repeated
//! passage points to that passage's first copy (the report's `duplicate_of`).

use super::Group;
use crate::text::{Document, Span};

/// A paragraph that is a later copy, and the first copy of the passage it lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstCopy {
    pub paragraph: usize,
    pub first: Span,
}

/// The paragraphs of `doc` that are later copies, in order, each with the first copy of the repeated
/// passage it lies in: four fifths of the paragraph (counted in characters, as a reader counts) lie
/// inside a later copy, and the first copy lies before the paragraph (not inside it).
pub fn first_copies(doc: &Document, groups: &[Group]) -> Vec<FirstCopy> {
    let mut out = Vec::new();
    /// A later copy's character offsets, and its first copy's (in characters and bytes).
    struct LaterCopy {
        at: (usize, usize),
        first_end: usize,
        first: Span,
    }
    let chars = |s: Span| (doc.chars.char_offset(s.start), doc.chars.char_offset(s.end));
    let mut copies: Vec<LaterCopy> = groups
        .iter()
        .flat_map(|g| g.passages[1..].iter().map(move |&p| (p, g.passages[0])))
        .map(|(copy, first)| LaterCopy {
            at: chars(copy),
            first_end: chars(first).1,
            first,
        })
        .collect();
    if copies.is_empty() {
        return out;
    }
    copies.sort_by_key(|c| c.at);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let (start, end) = chars(p.span);
        let len = end - start;
        // a copy covering four fifths of the paragraph starts by a fifth into it; copies seldom
        // overlap, so the few starting last before that point are the ones to look at
        let upto = copies.partition_point(|c| c.at.0 <= start + len / 5);
        let first = copies[upto.saturating_sub(8)..upto].iter().rev().find(|c| {
            let inter = c.at.1.min(end).saturating_sub(c.at.0.max(start));
            len > 0 && 5 * inter >= 4 * len && c.first_end <= start
        });
        if let Some(c) = first {
            out.push(FirstCopy {
                paragraph: i,
                first: c.first,
            });
        }
    }
    out
}
