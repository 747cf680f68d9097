//! Metadata headers that scrapers and static-site tools write above an article's text: front
//! matter between `---` lines (`title: "..."`, `date: ...`, `author: ...`), a block of `Key: value`
//! lines (`Title:`, `Headline:`, `Author:`, `Date:`, `Source:`, ...), or a Markdown `# Title` as the
//! first line. The header is read as one: the title's value (without its key or its quote marks)
//! is the headline, the author's the byline, the date's the dateline, and every other line of it is
//! furniture that names no entity and holds no quotation. The keys and what their values are live
//! in `data/lang/metadata-keys.tsv`.

use super::Segment;
use crate::kinds::SectionKind;
use crate::lexicon;
use crate::text::{Document, Span};

/// A header's lines as sections: each a kind and the bytes it covers (a line, or a value inside it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Where the header ends: the end of its last line.
    pub end: usize,
    /// Pieces in text order: values (headline, byline, dateline) and the rest (boilerplate).
    pub pieces: Vec<(SectionKind, Span)>,
}

/// The segments of a document with a metadata header: the header's pieces first, then the segments
/// found for the paragraphs after it. A header with a title gives the headline: a line the ranker
/// took for one below it is the body's.
pub fn with_header(doc: &Document, segments: Vec<Segment>, h: &Header) -> Vec<Segment> {
    let first_after = doc.paragraphs.partition_point(|p| p.span.start < h.end);
    let paragraph_of = |at: usize| doc.paragraphs.partition_point(|p| p.span.start <= at);
    let mut out: Vec<Segment> = h
        .pieces
        .iter()
        .filter(|(_, span)| !span.is_empty())
        .filter_map(|&(kind, span)| {
            let p = paragraph_of(span.start).checked_sub(1)?;
            // the author's and the date's values are the page's metadata too: no entity is
            // named there (the title is the story's)
            Some(Segment {
                metadata: kind != SectionKind::Headline,
                ..Segment::piece(kind, p, span)
            })
        })
        .collect();
    // a paragraph running on past the header's last line: its rest is the story's
    if let Some(last) = first_after
        .checked_sub(1)
        .map(|i| (i, doc.paragraphs[i].span))
        && last.1.end > h.end
    {
        let rest = crate::text::trim_span(doc.text, Span::new(h.end, last.1.end));
        if !rest.is_empty() {
            out.push(Segment::piece(SectionKind::Body, last.0, rest));
        }
    }
    let titled = h.pieces.iter().any(|(k, _)| *k == SectionKind::Headline);
    for mut s in segments {
        if s.paragraphs.end <= first_after {
            continue;
        }
        s.paragraphs.start = s.paragraphs.start.max(first_after);
        if titled && s.kind == SectionKind::Headline {
            s.kind = SectionKind::Body;
        }
        if s.title.is_some_and(|t| t < first_after) {
            s.title = None;
        }
        out.push(s);
    }
    out
}

/// The most lines a header is looked for in.
const MAX_LINES: usize = 200;

/// The text's metadata header, if it opens with one.
pub fn header(text: &str) -> Option<Header> {
    let lines = lines(text);
    let first = lines.iter().position(|l| !l.1.trim().is_empty())?;
    let (start, line) = lines[first];
    let trimmed = line.trim();
    if trimmed == "---" {
        return front_matter(&lines[first..]);
    }
    if let Some(title) = line.strip_prefix("# ") {
        let value = trim_span(text, Span::new(start + 2, start + 2 + title.len()));
        return (!value.is_empty()).then(|| Header {
            end: start + line.len(),
            pieces: vec![
                (SectionKind::Boilerplate, Span::new(start, value.start)),
                (SectionKind::Headline, value),
            ],
        });
    }
    key_lines(&lines[first..])
}

/// The lines of `text` (without their line ends), each with its start, up to [`MAX_LINES`].
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n').take(MAX_LINES) {
        let line = raw.trim_end_matches(['\n', '\r']);
        out.push((at, line));
        at += raw.len();
    }
    out
}

/// `---`, `key: value` lines (and their indented continuations), `---`.
fn front_matter(lines: &[(usize, &str)]) -> Option<Header> {
    let close = lines[1..].iter().position(|l| l.1.trim() == "---")? + 1;
    let mut pieces = vec![(SectionKind::Boilerplate, line_span(lines[0]))];
    for &(start, line) in &lines[1..close] {
        if line.trim().is_empty() {
            continue;
        }
        pieces.extend(
            field(start, line)
                .unwrap_or_else(|| vec![(SectionKind::Boilerplate, line_span((start, line)))]),
        );
    }
    pieces.push((SectionKind::Boilerplate, line_span(lines[close])));
    let end = line_span(lines[close]).end;
    Some(Header { end, pieces })
}

/// A block of `Key: value` lines at the top: two or more, or one whose key is a title's.
fn key_lines(lines: &[(usize, &str)]) -> Option<Header> {
    let mut pieces = Vec::new();
    let mut end = 0;
    let mut count = 0;
    let mut titled = false;
    for &(start, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let Some(found) = field(start, line) else {
            break;
        };
        titled |= found.iter().any(|(k, _)| *k == SectionKind::Headline);
        pieces.extend(found);
        end = start + line.len();
        count += 1;
    }
    (count >= 2 || titled).then_some(Header { end, pieces })
}

/// One `key: value` line as pieces, when its key is a known metadata key: the value as what the
/// key says (its quote marks left out), the key and marks as boilerplate.
fn field(start: usize, line: &str) -> Option<Vec<(SectionKind, Span)>> {
    let colon = line.find(':')?;
    let key = line[..colon].trim().to_lowercase();
    if key.is_empty() || key.len() > 24 || line.starts_with(char::is_whitespace) {
        return None;
    }
    let kind = match lexicon::METADATA_KEYS.get(&key)? {
        "headline" => SectionKind::Headline,
        "byline" => SectionKind::Byline,
        "dateline" => SectionKind::Dateline,
        _ => SectionKind::Boilerplate,
    };
    let whole = line_span((start, line));
    let raw = &line[colon + 1..];
    let lead = raw.len() - raw.trim_start().len();
    let mut value = raw.trim();
    let mut from = start + colon + 1 + lead;
    if value.len() >= 2
        && (value.starts_with('"') && value.ends_with('"')
            || value.starts_with('\'') && value.ends_with('\''))
    {
        value = &value[1..value.len() - 1];
        from += 1;
    }
    if kind == SectionKind::Boilerplate || value.trim().is_empty() {
        return Some(vec![(SectionKind::Boilerplate, whole)]);
    }
    let value = Span::new(from, from + value.len());
    let mut out = vec![(
        SectionKind::Boilerplate,
        Span::new(whole.start, value.start),
    )];
    out.push((kind, value));
    if value.end < whole.end {
        out.push((SectionKind::Boilerplate, Span::new(value.end, whole.end)));
    }
    Some(out)
}

/// A line's bytes without surrounding whitespace.
fn line_span((start, line): (usize, &str)) -> Span {
    let lead = line.len() - line.trim_start().len();
    Span::new(start + lead, start + line.trim_end().len())
}

fn trim_span(text: &str, span: Span) -> Span {
    crate::text::trim_span(text, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(SectionKind, &str)> {
        header(text)
            .map(|h| {
                h.pieces
                    .iter()
                    .map(|&(k, s)| (k, &text[s.start..s.end]))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn front_matter_gives_its_title_author_and_date() {
        let text = "---\ntitle: \"Bridge to open in May\"\nauthor: Jane Doe\ndate: \"2024-03-12\"\ntags:\n  - \"local\"\n---\n\nThe bridge opens.";
        let p = pieces(text);
        assert!(
            p.contains(&(SectionKind::Headline, "Bridge to open in May")),
            "{p:?}"
        );
        assert!(p.contains(&(SectionKind::Byline, "Jane Doe")));
        assert!(p.contains(&(SectionKind::Dateline, "2024-03-12")));
        assert!(p.contains(&(SectionKind::Boilerplate, "- \"local\"")));
        assert_eq!(
            header(text).map(|h| &text[..h.end]),
            Some(&text[..text.find("\n\nThe").unwrap()])
        );
    }

    #[test]
    fn key_lines_at_the_top_are_a_header() {
        let text = "Headline: Bridge to open in May\nArticle Content:\nThe bridge opens on Monday.";
        let p = pieces(text);
        assert_eq!(p[1], (SectionKind::Headline, "Bridge to open in May"));
        assert_eq!(
            p.last(),
            Some(&(SectionKind::Boilerplate, "Article Content:"))
        );
        // a sentence with a colon is no header
        assert_eq!(pieces("Note: the council met on Monday.\nIt voted."), []);
    }

    #[test]
    fn a_markdown_title_first_is_the_headline() {
        let p = pieces("# Bridge to open in May\n\nThe bridge opens.");
        assert_eq!(
            p,
            [
                (SectionKind::Boilerplate, "# "),
                (SectionKind::Headline, "Bridge to open in May")
            ]
        );
        assert_eq!(pieces("## A subheading\n\nText."), []);
    }

    #[test]
    fn an_unclosed_front_matter_is_none() {
        assert_eq!(pieces("---\ntitle: x\nno end"), []);
    }
}
