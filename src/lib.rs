//! analyze: a command-line analyzer for plain-text news articles.
//!
//! The library turns one article's text into a [`report::Report`]. The pipeline runs in stages, each a
//! module that reads the shared document model ([`text::Document`]) built once per article:
//!
//! - [`text`]: paragraphs, sentences and words as spans over the original text;
//! - [`sections`]: kicker, headline, dek, byline, dateline, sidebars, body, captions, boilerplate.
//!
//! [`report`] holds the serialised contract; [`cli`], [`input`] and [`output`] are the command line's
//! concerns and never reach into the analysis.
//!
//! ```
//! let report = analyze::analyze("Headline here\n\nThe body of the story, told in one sentence.", "doc".into());
//! assert_eq!(report.schema_version, 1);
//! ```

pub mod cli;
pub mod input;
pub mod output;
pub mod report;
pub mod run;
pub mod sections;
pub mod text;

use report::{ParagraphSpan, Report, Section};
use text::{Document, Span};

/// Analyses one article. Never fails: odd text gives an empty or uncertain result.
///
/// Offsets in the report index `text` as given (the caller strips a byte-order mark first, see
/// [`input::decode`]).
pub fn analyze(text: &str, id: serde_json::Value) -> Report {
    let doc = Document::new(text);
    let segments = sections::segment(&doc);
    Report {
        schema_version: report::SCHEMA_VERSION,
        id,
        chars: doc.chars.len_chars(),
        sections: segments.iter().map(|s| section_report(&doc, s)).collect(),
        duplicates: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
    }
}

fn section_report(doc: &Document, seg: &sections::Segment) -> Section {
    let paras = &doc.paragraphs[seg.paragraphs.clone()];
    let span = match (paras.first(), paras.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::new(0, 0),
    };
    let skip = usize::from(seg.title.is_some());
    Section {
        kind: seg.kind,
        start: doc.chars.char_offset(span.start),
        end: doc.chars.char_offset(span.end),
        title: seg
            .title
            .map(|t| doc.slice(doc.paragraphs[t].span).to_string()),
        paragraphs: paras
            .iter()
            .skip(skip)
            .map(|p| ParagraphSpan {
                start: doc.chars.char_offset(p.span.start),
                end: doc.chars.char_offset(p.span.end),
            })
            .collect(),
        text: doc.slice(span).to_string(),
    }
}
