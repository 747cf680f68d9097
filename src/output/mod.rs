//! Output formats: what a finished [`Report`] looks like on the way out.
//!
//! One dispatch, [`Format`], knows each format's file extension, what opens and closes a stream of
//! several reports in one output, and how to render one report or one failed input. The formats are
//! peer modules: [`json`] (the contract, indented or one line), [`text`] (a summary for the terminal)
//! and [`html`] (the article annotated as one self-contained page). Adding a format is one variant and
//! one file. Nothing here analyses anything, and nothing here knows about flags or terminals: the
//! caller says, in a [`Look`], whether to indent, colour or frame each report as a page.

pub mod html;
pub mod json;
pub mod text;

use std::io;

use crate::report::{ErrorRecord, Report};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON report (the contract; the default).
    Json,
    /// A summary for the terminal: outline, duplicates, quotes by speaker, entities.
    Text,
    /// The article annotated: sections, duplicates, quotes and entities marked, with a side panel.
    Html,
}

/// How one report is rendered, beyond its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    /// Indented JSON.
    pub pretty: bool,
    /// ANSI colour in the text view.
    pub colour: bool,
    /// Each report is a whole document of its own (one input, or one file per report): an HTML page
    /// each, no blank line after a text summary. Otherwise reports follow one another in one stream.
    pub page_each: bool,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Format; 3] = [Format::Json, Format::Text, Format::Html];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Html => "html",
        }
    }

    /// One line saying what the format prints.
    pub fn about(self) -> &'static str {
        match self {
            Format::Json => "The JSON report (the contract; the default)",
            Format::Text => {
                "A summary for the terminal: outline, duplicates, quotes by speaker, reported \
                 speech, entities"
            }
            Format::Html => {
                "The article annotated: sections, duplicates, quotes and entities marked, with a side panel"
            }
        }
    }

    /// The file extension of a report written in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }

    /// What opens a stream of reports that share one output (the HTML page's head).
    pub fn stream_head(self) -> &'static str {
        match self {
            Format::Html => html::HEAD,
            Format::Json | Format::Text => "",
        }
    }

    /// What closes a stream of reports that share one output.
    pub fn stream_tail(self) -> &'static str {
        match self {
            Format::Html => html::TAIL,
            Format::Json | Format::Text => "",
        }
    }

    /// One report of the article `text`, the `n`th of its output (numbering keeps the anchors of an
    /// HTML stream unique).
    pub fn report(self, report: &Report, text: &str, look: Look, n: usize) -> io::Result<Vec<u8>> {
        Ok(match self {
            Format::Json => json::to_bytes(report, look.pretty)?,
            Format::Text => {
                let mut view = text::render(report, look.colour);
                if !look.page_each {
                    view.push('\n');
                }
                view.into_bytes()
            }
            Format::Html if look.page_each => html::page(text, report).into_bytes(),
            Format::Html => html::article(n, text, report).into_bytes(),
        })
    }

    /// What stands in place of the report of an input that could not be analysed; `message` is
    /// what went wrong, prefixed with the input's id.
    pub fn failure(
        self,
        record: &ErrorRecord,
        message: &str,
        look: Look,
        n: usize,
    ) -> io::Result<Vec<u8>> {
        Ok(match self {
            Format::Json => json::to_bytes(record, look.pretty)?,
            Format::Text => {
                format!("{}\n\n", text::clean(&format!("{message} (not analysed)"))).into_bytes()
            }
            Format::Html if look.page_each => {
                let fragment = html::failure(n, message);
                let title = crate::report::id_text(&record.id);
                format!("{}{fragment}{}", html::head(&title), html::TAIL).into_bytes()
            }
            Format::Html => html::failure(n, message).into_bytes(),
        })
    }
}

/// A name that is no format's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?} (json, text or html)")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// An input's id as people read it.
fn id_text(report: &Report) -> String {
    crate::report::id_text(&report.id)
}

/// What every view writes for a quotation or a statement whose speaker the text does not name.
const NO_SPEAKER: &str = "(no speaker named)";

/// The statements reported in the writer's words (indirect and mixed), as both views list them.
fn reported_speech(report: &Report) -> Vec<&crate::report::Attribution> {
    report
        .attributions
        .iter()
        .filter(|a| a.kind != crate::report::AttributionKind::Direct)
        .collect()
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
/// `n` things, in the singular for one: "1 paragraph", "3 paragraphs".
fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

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
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "paragraph"), "1 paragraph");
        assert_eq!(count(0, "paragraph"), "0 paragraphs");
        assert_eq!(count(3, "character"), "3 characters");
    }

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

    #[test]
    fn formats_round_trip_through_their_names() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!("yaml".parse::<Format>().is_err());
    }
}
