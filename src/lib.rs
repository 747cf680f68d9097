//! analyze: a command-line analyzer for plain-text news articles.
//!
//! The library turns one article's text into a [`report::Report`]. The pipeline runs in stages, each a
//! module that reads the shared document model ([`text::Document`]) built once per article:
//!
//! - [`text`]: paragraphs, sentences and words as spans over the original text;
//! - [`sections`]: kicker, headline, dek, byline, dateline, sidebars, body, captions, boilerplate;
//! - [`duplicates`]: passages the article repeats, and (across inputs) passages it shares with others;
//! - [`entities`]: people, organisations, places and nationalities, each with all its mentions;
//! - [`quotes`]: direct quotations and their speakers.
//!
//! [`report`] holds the serialised contract; [`cli`], [`input`] and [`output`] are the command line's
//! concerns and never reach into the analysis.
//!
//! ```
//! let report = analyze::analyze("Headline here\n\nThe body of the story, told in one sentence.", "doc".into());
//! assert_eq!(report.schema_version, 1);
//! ```

mod decode;
pub mod duplicates;
pub mod entities;
pub mod lists;
pub mod output;
pub mod quotes;
pub mod report;
pub mod sections;
pub mod text;

pub use decode::{DecodeError, Decoded, decode};
pub use entities::NOTICES;

use duplicates::cross::{self, CrossIndex};
use duplicates::passages::Layout;
use report::{
    CrossDuplicate, Duplicate, DuplicateKind, Entity, EntityKind, Fingerprint, Offsets,
    OtherPassage, ParagraphSpan, Passage, Quote, QuoteKind, QuoteSpeaker, Report, Section,
};
use text::{Document, Span};

/// Analyses one article. Never fails: odd text gives an empty or uncertain result.
///
/// Offsets in the report index `text` as given (the caller strips a byte-order mark first, see
/// [`decode`]).
pub fn analyze(text: &str, id: serde_json::Value) -> Report {
    Analyzer::new(Options::default()).analyze(text, id)
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

impl Analyzer {
    pub fn new(options: Options) -> Self {
        Analyzer {
            options,
            cross: options.cross_article.then(CrossIndex::new),
        }
    }

    /// The report of one article.
    pub fn analyze(&mut self, text: &str, id: serde_json::Value) -> Report {
        let doc = Document::new(text);
        let layout = Layout::new(&doc);
        let words = duplicates::fingerprint::word_hashes(&doc);
        let groups = duplicates::find(&layout, &words);
        let mut report = report(&doc, id.clone(), &groups);
        let prints = if self.options.fingerprints || self.cross.is_some() {
            cross::fingerprints(&words)
        } else {
            Vec::new()
        };
        if let Some(index) = &mut self.cross {
            let found = index.find(&layout, &words, &prints);
            report.cross_duplicates =
                Some(found.iter().map(|m| cross_report(&doc, index, m)).collect());
            index.add(&layout, &words, &prints, id);
        }
        if self.options.fingerprints {
            report.fingerprints = Some(fingerprint_report(&doc, &prints));
        }
        report
    }

    /// The article's text without the later copies of its repeated passages and, with
    /// [`Options::cross_article`], without the passages that earlier articles have.
    pub fn dedupe(&mut self, text: &str, id: serde_json::Value) -> String {
        let doc = Document::new(text);
        let layout = Layout::new(&doc);
        let words = duplicates::fingerprint::word_hashes(&doc);
        let mut cut: Vec<Span> = duplicates::find(&layout, &words)
            .iter()
            .flat_map(|g| g.passages[1..].iter().copied())
            .collect();
        if let Some(index) = &mut self.cross {
            let prints = cross::fingerprints(&words);
            cut.extend(
                index
                    .find(&layout, &words, &prints)
                    .iter()
                    .map(|m| m.target),
            );
            index.add(&layout, &words, &prints, id);
        }
        duplicates::dedupe::without(&doc, cut)
    }
}

fn cross_report(doc: &Document, index: &CrossIndex, m: &cross::CrossMatch) -> CrossDuplicate {
    let o = offsets(doc, m.target);
    CrossDuplicate {
        kind: if m.exact {
            DuplicateKind::Exact
        } else {
            DuplicateKind::Near
        },
        similarity: m.similarity,
        start: o.start,
        end: o.end,
        text: doc.slice(m.target).to_string(),
        other: OtherPassage {
            id: index.id(m.other).clone(),
            start: m.other_start,
            end: m.other_end,
        },
    }
}

fn fingerprint_report(doc: &Document, prints: &[(usize, u64)]) -> Vec<Fingerprint> {
    let k = duplicates::fingerprint::SHARED_K;
    prints
        .iter()
        .filter_map(|&(pos, hash)| {
            let (first, last) = (doc.words.get(pos)?, doc.words.get(pos + k - 1)?);
            let o = offsets(doc, Span::new(first.start, last.end));
            Some(Fingerprint {
                hash: format!("{hash:016x}"),
                start: o.start,
                end: o.end,
            })
        })
        .collect()
}

/// The report of an analysed document.
fn report(doc: &Document, id: serde_json::Value, groups: &[duplicates::Group]) -> Report {
    let segments = sections::segment(doc);
    let mut sections: Vec<Section> = segments.iter().map(|s| section_report(doc, s)).collect();
    mark_repeated_paragraphs(doc, groups, &mut sections);
    let headline = segments
        .iter()
        .find(|s| s.kind == report::SectionKind::Headline)
        .map(|s| segment_span(doc, s));
    // navigation and share prompts name no entities ("Previous ArticleNext Article")
    let furniture: Vec<Span> = segments
        .iter()
        .filter(|s| s.kind == report::SectionKind::Boilerplate)
        .flat_map(|s| doc.paragraphs[s.paragraphs.clone()].iter().map(|p| p.span))
        .filter(|&p| sections::furniture_phrase(doc.slice(p)))
        .collect();
    let found = entities::find(doc, &furniture);
    let quotes = quotes::find(doc, &found)
        .iter()
        .map(|q| quote_report(doc, q))
        .collect();
    let entities = found
        .iter()
        .enumerate()
        .map(|(i, e)| entity_report(doc, i + 1, e, headline))
        .collect();
    Report {
        schema_version: report::SCHEMA_VERSION,
        id,
        chars: doc.chars.len_chars(),
        warnings: Vec::new(),
        sections,
        duplicates: groups.iter().map(|g| duplicate_report(doc, g)).collect(),
        cross_duplicates: None,
        quotes,
        entities,
        fingerprints: None,
    }
}

fn entity_report(
    doc: &Document,
    id: usize,
    e: &entities::Entity,
    headline: Option<Span>,
) -> Entity {
    Entity {
        id,
        name: e.name.clone(),
        kind: match e.ty {
            entities::EntityType::Person => EntityKind::Person,
            entities::EntityType::Org => EntityKind::Org,
            entities::EntityType::Gpe => EntityKind::Gpe,
            entities::EntityType::Loc => EntityKind::Loc,
            entities::EntityType::Norp => EntityKind::Norp,
            entities::EntityType::Fac => EntityKind::Fac,
        },
        mentions: e.mentions.iter().map(|&m| passage(doc, m)).collect(),
        count: e.mentions.len(),
        in_headline: headline.is_some_and(|h| {
            e.mentions
                .iter()
                .any(|m| h.start <= m.start && m.end <= h.end)
        }),
    }
}

fn quote_report(doc: &Document, q: &quotes::Quote) -> Quote {
    let o = offsets(doc, q.span);
    Quote {
        start: o.start,
        end: o.end,
        text: doc.slice(q.span).to_string(),
        kind: match q.kind {
            quotes::Kind::Full => QuoteKind::Full,
            quotes::Kind::Partial => QuoteKind::Partial,
        },
        speaker: q.speaker.as_ref().map(|s| QuoteSpeaker {
            name: s.name.clone(),
            entity: s.entity.map(|i| i + 1),
            mention: passage(doc, s.mention),
            role: s.role.map(|r| doc.slice(r).to_string()),
        }),
        cue: q.cue.map(|c| passage(doc, c)),
        paragraph: q.paragraph,
        parts: (q.parts.len() > 1).then(|| q.parts.iter().map(|&p| passage(doc, p)).collect()),
    }
}

fn passage(doc: &Document, span: Span) -> Passage {
    let o = offsets(doc, span);
    Passage {
        start: o.start,
        end: o.end,
        text: doc.slice(span).to_string(),
    }
}

fn offsets(doc: &Document, span: Span) -> Offsets {
    Offsets {
        start: doc.chars.char_offset(span.start),
        end: doc.chars.char_offset(span.end),
    }
}

fn duplicate_report(doc: &Document, g: &duplicates::Group) -> Duplicate {
    Duplicate {
        kind: match g.kind {
            duplicates::Kind::Exact => DuplicateKind::Exact,
            duplicates::Kind::Near => DuplicateKind::Near,
        },
        similarity: g.similarity,
        passages: g
            .passages
            .iter()
            .map(|&p| {
                let o = offsets(doc, p);
                Passage {
                    start: o.start,
                    end: o.end,
                    text: doc.slice(p).to_string(),
                }
            })
            .collect(),
    }
}

/// Marks each paragraph lying mostly (four fifths of it) inside a later copy with the first copy,
/// when that first copy lies before the paragraph (not inside it).
fn mark_repeated_paragraphs(
    doc: &Document,
    groups: &[duplicates::Group],
    sections: &mut [Section],
) {
    let copies: Vec<(Span, Span)> = groups
        .iter()
        .flat_map(|g| g.passages[1..].iter().map(move |&p| (p, g.passages[0])))
        .collect();
    if copies.is_empty() {
        return;
    }
    let mut copies: Vec<(Offsets, Offsets)> = copies
        .iter()
        .map(|&(copy, first)| (offsets(doc, copy), offsets(doc, first)))
        .collect();
    copies.sort_by_key(|(c, _)| (c.start, c.end));
    for para in sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()) {
        let len = para.end - para.start;
        // a copy covering four fifths of the paragraph starts by a fifth into it; copies seldom
        // overlap, so the few starting last before that point are the ones to look at
        let upto = copies.partition_point(|(c, _)| c.start <= para.start + len / 5);
        para.duplicate_of = copies[upto.saturating_sub(8)..upto]
            .iter()
            .rev()
            .find(|(c, first)| {
                let inter = c.end.min(para.end).saturating_sub(c.start.max(para.start));
                len > 0 && 5 * inter >= 4 * len && first.end <= para.start
            })
            .map(|&(_, first)| first);
    }
}

/// From a segment's first paragraph's start to its last paragraph's end (empty for no paragraphs).
fn segment_span(doc: &Document, seg: &sections::Segment) -> Span {
    let paras = &doc.paragraphs[seg.paragraphs.clone()];
    match (paras.first(), paras.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::new(0, 0),
    }
}

fn section_report(doc: &Document, seg: &sections::Segment) -> Section {
    let paras = &doc.paragraphs[seg.paragraphs.clone()];
    let span = segment_span(doc, seg);
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
                duplicate_of: None,
            })
            .collect(),
        text: doc.slice(span).to_string(),
    }
}
