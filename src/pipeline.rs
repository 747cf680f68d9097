//! The pipeline: one document model, then the stages in order, then the report.
//!
//! ```text
//! text ─▶ Document (paragraphs, sentences, words: spans over the text)
//!           ├─▶ duplicates ─▶ repeated passages, and each paragraph's first copy
//!           ├─▶ sections ───▶ segments ─▶ furniture lines
//!           ├─▶ language: English, or entities and quotes are left empty
//!           ├─▶ entities (skipping furniture) ─▶ quotes (speakers named after entities)
//!           └─▶ cross-article index (with --cross-article)
//!                 ─▶ report::Analysis ─▶ Report
//! ```

use serde_json::Value;

use crate::decode::Decoded;
use crate::duplicates::{self, cross, cross::CrossIndex};
use crate::entities::Entity;
#[cfg(feature = "html")]
use crate::kinds::SourceFormat;
use crate::kinds::{SectionKind, Warning, WarningKind};
use crate::report::{self, Analysis, Report};
use crate::shape::{self, Shape};
use crate::text::{Document, Span};
use crate::{entities, language, quotes, sections};

/// The markup's evidence about a page (nothing without the `html` feature).
#[cfg(feature = "html")]
pub(crate) use crate::html::Marks;
#[cfg(not(feature = "html"))]
pub(crate) type Marks = ();

/// Analyses one article with the default options. Never fails: odd text gives an empty or
/// uncertain result.
///
/// Offsets in the report index `text` as given (a caller reading bytes strips a byte-order mark
/// first, as [`decode`](crate::decode) does).
pub fn analyze(text: &str, id: Value) -> Report {
    Analyzer::new(Options::default()).analyze(text, id)
}

/// Analyses one HTML page with the default options: see [`Analyzer::analyze_html`].
#[cfg(feature = "html")]
pub fn analyze_html(html: &str, id: Value) -> Report {
    Analyzer::new(Options::default()).analyze_html(html, id)
}

/// What to compute beyond the standard report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Compare each article with the ones analysed before it (`cross_duplicates`).
    pub cross_article: bool,
    /// Add each article's passage fingerprints (`fingerprints`).
    pub fingerprints: bool,
}

/// Analyses articles one after another. With [`Options::cross_article`] it keeps a compact index of
/// the fingerprints of every article seen, in the order given.
#[derive(Debug)]
pub struct Analyzer {
    options: Options,
    cross: Option<CrossIndex>,
}

/// For each entity, whether one of its mentions lies in the headline.
fn in_headline(doc: &Document, segments: &[sections::Segment], entities: &[Entity]) -> Vec<bool> {
    let headline = segments
        .iter()
        .find(|s| s.kind == SectionKind::Headline)
        .map(|s| s.span(doc));
    entities
        .iter()
        .map(|e| headline.is_some_and(|h| e.mentions.iter().any(|&m| h.contains(m))))
        .collect()
}

/// What the analysis says of the text as a whole: a language the stages do not read, a text that
/// is not an article in plain text.
fn warnings(language: Option<language::Detected>, shape: Option<Shape>) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = language.and_then(|l| l.warning()).into_iter().collect();
    if let Some(shape) = shape {
        warnings.push(Warning::new(
            WarningKind::Format,
            shape.message().to_string(),
            None,
        ));
    }
    warnings
}

impl Analyzer {
    /// An analyzer with these options and, for cross-article comparison, an empty index.
    pub fn new(options: Options) -> Self {
        Analyzer {
            options,
            cross: options.cross_article.then(CrossIndex::new),
        }
    }

    /// The report of one article, `id` being what the report calls it.
    pub fn analyze(&mut self, text: &str, id: Value) -> Report {
        self.analyze_marked(text, id, None)
    }

    /// The report of an HTML page: the page is rendered to text, which the report carries (`text`)
    /// and every offset indexes, and its markup is evidence for the sections.
    #[cfg(feature = "html")]
    pub fn analyze_html(&mut self, html: &str, id: Value) -> Report {
        let page = crate::html::render(html);
        let mut report = self.analyze_marked(&page.text, id, Some(&page.marks));
        report.warnings.extend(crate::decode::mojibake(&page.text));
        if page.marks.too_deep {
            report.warnings.push(Warning::new(
                WarningKind::Format,
                format!(
                    "the page nests its elements deeper than {}: the tags past that depth were \
                     dropped and their text kept",
                    crate::html::MAX_DEPTH
                ),
                None,
            ));
        }
        report.source_format = Some(SourceFormat::Html);
        report.text = Some(page.text);
        report
    }

    /// The report of a text, with the marks of the page it was rendered from if it was.
    fn analyze_marked(&mut self, text: &str, id: Value, marks: Option<&Marks>) -> Report {
        let doc = Document::new(text);
        let words = duplicates::fingerprint::word_hashes(&doc);
        let groups = duplicates::repeated_passages(&doc, &words);
        let first_copies = duplicates::first_copies(&doc, &groups);
        let shape = shape::of(text);
        // a page's markup is not an article: all of it is furniture until HTML is read as HTML
        let page = shape == Some(Shape::HtmlPage);
        let mut segments = sections::segment_marked(&doc, marks);
        if page {
            sections::all_boilerplate(&mut segments);
        }
        // on a page, every boilerplate line (menus, related stories, footers, the markup's
        // furniture containers) is kept from the entities and quotes: the article is the rest
        let furniture = if marks.is_some() {
            sections::boilerplate(&doc, &segments)
        } else {
            sections::furniture(&doc, &segments)
        };
        let language = language::detect(&doc);
        // the entities and quotes stages read English: for another language they find nothing
        // rather than guess
        let english = language.is_none_or(|l| l.is_english()) && !page;
        let entities = if english {
            entities::recognise(&doc, &furniture)
        } else {
            Vec::new()
        };
        let speech = if english {
            quotes::speech(&doc, &entities, &furniture)
        } else {
            quotes::Speech::default()
        };
        let in_headline = in_headline(&doc, &segments, &entities);
        let mut report = Analysis {
            doc: &doc,
            segments: &segments,
            groups: &groups,
            first_copies: &first_copies,
            entities: &entities,
            quotes: &speech.quotes,
            attributions: &speech.attributions,
            language,
            in_headline: &in_headline,
            warnings: warnings(language, shape),
        }
        .report(id.clone());
        let (story, prints) = if self.options.fingerprints || self.cross.is_some() {
            let story = sections::story_words(&doc, &segments);
            let prints = cross::fingerprints(&words, &story);
            (story, prints)
        } else {
            (Vec::new(), Vec::new())
        };
        if let Some(index) = &mut self.cross {
            let found = index.find(&doc, &words, &story, &prints);
            report.cross_duplicates = Some(
                found
                    .iter()
                    .map(|m| report::cross_duplicate(&doc, index, m))
                    .collect(),
            );
            index.add(&doc, &words, &story, &prints, id);
        }
        if self.options.fingerprints {
            let sentences = cross::sentence_prints(&doc, &words, &story);
            report.fingerprints = Some(report::fingerprints(&doc, &prints, &sentences));
        }
        report
    }

    /// The report of a decoded input: its warnings (from decoding, then the analysis's own) lead
    /// the report's. What the command line does for every file and record.
    pub fn analyze_decoded(&mut self, decoded: &Decoded, id: Value) -> Report {
        #[cfg(feature = "html")]
        let mut report = match decoded.format {
            SourceFormat::Html => self.analyze_html(&decoded.text, id),
            SourceFormat::Text => self.analyze(&decoded.text, id),
        };
        #[cfg(not(feature = "html"))]
        let mut report = self.analyze(&decoded.text, id);
        report
            .warnings
            .splice(0..0, decoded.warnings.iter().cloned());
        report
    }

    /// The article's text without the later copies of its repeated passages and, with
    /// [`Options::cross_article`], without the passages that earlier articles have.
    pub fn dedupe(&mut self, text: &str, id: Value) -> String {
        let doc = Document::new(text);
        let words = duplicates::fingerprint::word_hashes(&doc);
        let mut cut: Vec<Span> = duplicates::repeated_passages(&doc, &words)
            .iter()
            .flat_map(|g| g.passages[1..].iter().copied())
            .collect();
        if let Some(index) = &mut self.cross {
            let story = sections::story_words(&doc, &sections::segment(&doc));
            let prints = cross::fingerprints(&words, &story);
            let found = index.find(&doc, &words, &story, &prints);
            cut.extend(found.iter().map(|m| m.target));
            index.add(&doc, &words, &story, &prints, id);
        }
        duplicates::dedupe::without(&doc, cut)
    }
}
