//! Views for people, beside the JSON contract: a terminal summary (`text`) and the article
//! annotated as one self-contained HTML page (`html`). Both read a finished [`Report`] and the text
//! it was made from; nothing here analyses anything.

pub mod html;
pub mod text;

use serde::Serialize;

use crate::report::Report;

/// The name a report enum serialises to ("body", "PERSON", "near").
fn label<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// An input's id as people read it.
fn id_text(report: &Report) -> String {
    crate::report::id_text(&report.id)
}

/// One speaker's quotations, as both views list them.
struct Speaker<'a> {
    /// None for the quotations with no speaker.
    name: Option<&'a str>,
    /// The first role the text gives the speaker.
    role: Option<&'a str>,
    /// Indices into the report's quotes, in text order.
    quotes: Vec<usize>,
}

/// The report's quotations grouped by speaker name: speakers in the order of their first quotation,
/// the unattributed ones last.
fn quotes_by_speaker(report: &Report) -> Vec<Speaker<'_>> {
    let mut out: Vec<Speaker> = Vec::new();
    let mut index: std::collections::HashMap<Option<&str>, usize> = Default::default();
    for (i, q) in report.quotes.iter().enumerate() {
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        let role = q.speaker.as_ref().and_then(|s| s.role.as_deref());
        let k = *index.entry(name).or_insert_with(|| {
            out.push(Speaker {
                name,
                role: None,
                quotes: Vec::new(),
            });
            out.len() - 1
        });
        out[k].quotes.push(i);
        out[k].role = out[k].role.or(role);
    }
    out.sort_by_key(|s| s.name.is_none());
    out
}

/// Byte offsets of the given Unicode scalar offsets of `text`, in one pass (`offsets` sorted).
fn byte_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut at = 0;
    let mut byte = chars.next().unwrap_or(0);
    for &o in offsets {
        while at < o {
            match chars.next() {
                Some(b) => byte = b,
                None => break,
            }
            at += 1;
        }
        out.push(byte);
    }
    out
}

/// `text` cut to about `max` characters at a word boundary, with an ellipsis when cut; runs of
/// whitespace (line breaks too) become one space.
fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_follow_characters() {
        let t = "aé“b”";
        assert_eq!(byte_offsets(t, &[0, 1, 2, 3, 4, 5]), [0, 1, 3, 6, 7, 10]);
        assert_eq!(byte_offsets(t, &[2, 2, 9]), [3, 3, 10]);
        assert_eq!(byte_offsets("", &[0, 1]), [0, 0]);
    }

    #[test]
    fn snippets_are_cut_at_words() {
        assert_eq!(snippet("one  two\nthree", 50), "one two three");
        assert_eq!(snippet("alpha beta gamma delta", 12), "alpha beta…");
    }
}
