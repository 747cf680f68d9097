//! analyze: news articles in (plain text, or HTML pages with the `html` feature), one JSON report
//! out.
//!
//! The library turns one article's text into a [`Report`]: its sections, the passages it repeats,
//! its quotations with their speakers, and the entities it names, every span in Unicode scalar
//! offsets that slice the text exactly. It never fails on text: odd input gives an empty or
//! uncertain report. Reading files and decoding bytes is [`decode`]'s; turning reports into JSON, a
//! terminal summary or an HTML page is [`output`]'s. The command line that drives it all is a
//! separate application (the `cli` feature) that this library knows nothing of.
//!
//! ```
//! let report = analyze::analyze("Headline here\n\nThe body of the story, told in one sentence.", "doc".into());
//! assert_eq!(report.schema_version, 1);
//! assert_eq!(report.sections[0].kind, analyze::report::SectionKind::Headline);
//! ```
//!
//! Inside, one document model ([`text`](crate::internals::Document)) is built per article and every
//! stage reads it: sections, duplicates, entities, then quotes (which name their speakers after the
//! entities). The stages are private modules; their order is written out in the pipeline.
#![deny(missing_docs)]

mod decode;
mod duplicates;
mod entities;
#[cfg(feature = "html")]
mod html;
mod kinds;
mod language;
mod lexicon;
pub mod output;
mod pipeline;
mod quotes;
pub mod report;
mod sections;
mod shape;
mod text;

pub use decode::{DecodeError, Decoded, decode};
/// Decodes an HTML page's bytes (by its byte-order mark, as UTF-8 when they are, else by the
/// charset it declares), or says why they are no page.
#[cfg(feature = "html")]
pub use html::decode as decode_html;
#[cfg(feature = "html")]
pub use pipeline::analyze_html;
pub use pipeline::{Analyzer, Options, analyze};
pub use report::{Report, SourceFormat};

/// The attribution notices of the name lists and learned weights compiled into the library (what
/// `analyze --notices` prints).
pub const NOTICES: &str = entities::NOTICES;

/// The stages one by one, for the benchmarks and the fuzz target: not part of the stable interface.
#[doc(hidden)]
pub mod internals {
    pub use crate::text::Document;

    /// Segments the document into sections.
    pub fn sections(doc: &Document) -> usize {
        crate::sections::segment(doc).len()
    }

    /// Finds the repeated passages (word hashing included).
    pub fn duplicates(doc: &Document) -> usize {
        let words = crate::duplicates::fingerprint::word_hashes(doc);
        crate::duplicates::repeated_passages(doc, &words).len()
    }

    /// The entities of a document, opaque.
    pub struct Entities(Vec<crate::entities::Entity>);

    /// Finds the entities.
    pub fn entities(doc: &Document) -> Entities {
        Entities(crate::entities::recognise(doc, &[]))
    }

    /// Finds the quotations and the reported speech, given the entities.
    pub fn quotes(doc: &Document, entities: &Entities) -> usize {
        let speech = crate::quotes::speech(doc, &entities.0, &[]);
        speech.quotes.len() + speech.attributions.len()
    }

    /// Training the entity model.
    #[cfg(feature = "train")]
    pub use crate::entities::model::train;

    /// Fitting the headline ranker: each candidate line of `text` with its cues.
    #[cfg(feature = "train")]
    pub fn headline_candidates(
        text: &str,
    ) -> Vec<(String, crate::sections::headline_model::Features)> {
        let doc = Document::new(text);
        crate::sections::headline_candidates(&doc)
            .into_iter()
            .map(|(span, f)| (doc.slice(span).to_string(), f))
            .collect()
    }

    /// The headline ranker's cue names and weights file format.
    #[cfg(feature = "train")]
    pub use crate::sections::headline_model;
}
