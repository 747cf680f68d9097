//! From the stages' results to the report: byte spans become Unicode scalar offsets with the text they
//! slice, stage indices become report ids. Only conversion happens here; every decision about what
//! to report is made in its stage.

use serde_json::Value;

use super::{
    Attribution, CrossDuplicate, Duplicate, Entity, EntityKind, Fingerprint, Language, Offsets,
    OtherPassage, ParagraphSpan, Passage, Quote, QuoteSpeaker, Report, SCHEMA_VERSION, Section,
    Warning,
};
use crate::duplicates::{self, cross};
use crate::sections::Segment;
use crate::text::{Document, Span};
use crate::{entities, language, quotes};

/// Everything the stages found in one article.
pub(crate) struct Analysis<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub segments: &'d [Segment],
    pub groups: &'d [duplicates::Group],
    /// The paragraphs that are later copies, in order, with the first copy of their passage.
    pub first_copies: &'d [duplicates::FirstCopy],
    pub entities: &'d [entities::Entity],
    pub quotes: &'d [quotes::Quote],
    pub attributions: &'d [quotes::Attribution],
    pub language: Option<language::Detected>,
    /// For each entity, whether a mention lies in the headline.
    pub in_headline: &'d [bool],
    /// What the analysis has to say about the text (the language, the text's shape).
    pub warnings: Vec<Warning>,
}

impl Analysis<'_, '_> {
    /// The report of the article `id`.
    pub fn report(&self, id: Value) -> Report {
        let doc = self.doc;
        Report {
            schema_version: SCHEMA_VERSION,
            id,
            source_format: None,
            chars: doc.chars.len_chars(),
            language: self.language.map(|l| Language {
                code: l.code.to_string(),
                name: l.name.to_string(),
                confidence: (l.confidence * 100.0).round() / 100.0,
            }),
            warnings: self.warnings.clone(),
            sections: self.segments.iter().map(|s| self.section(s)).collect(),
            duplicates: self.groups.iter().map(|g| duplicate(doc, g)).collect(),
            cross_duplicates: None,
            quotes: self.quotes.iter().map(|q| quote(doc, q)).collect(),
            attributions: self
                .attributions
                .iter()
                .map(|a| attribution(doc, a))
                .collect(),
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| entity(doc, i + 1, e, self.in_headline.get(i) == Some(&true)))
                .collect(),
            fingerprints: None,
            text: None,
        }
    }

    /// The paragraphs of a segment made of whole paragraphs (a sidebar's after its title), each
    /// with the first copy of the passage it repeats.
    fn paragraphs(&self, seg: &Segment, skip: usize) -> Vec<ParagraphSpan> {
        let doc = self.doc;
        seg.paragraphs
            .clone()
            .skip(skip)
            .map(|i| ParagraphSpan {
                start: doc.chars.char_offset(doc.paragraphs[i].span.start),
                end: doc.chars.char_offset(doc.paragraphs[i].span.end),
                duplicate_of: self
                    .first_copies
                    .binary_search_by_key(&i, |c| c.paragraph)
                    .ok()
                    .map(|k| offsets(doc, self.first_copies[k].first)),
            })
            .collect()
    }

    fn section(&self, seg: &Segment) -> Section {
        let doc = self.doc;
        let span = seg.span(doc);
        let skip = usize::from(seg.title.is_some());
        Section {
            kind: seg.kind,
            start: doc.chars.char_offset(span.start),
            end: doc.chars.char_offset(span.end),
            title: seg
                .title
                .map(|t| doc.slice(doc.paragraphs[t].span).to_string()),
            paragraphs: match seg.piece {
                Some(piece) => vec![ParagraphSpan {
                    start: doc.chars.char_offset(piece.start),
                    end: doc.chars.char_offset(piece.end),
                    duplicate_of: None,
                }],
                None => self.paragraphs(seg, skip),
            },
            text: doc.slice(span).to_string(),
            names: seg.names.clone(),
            credit: seg.credit.clone(),
        }
    }
}

fn entity(doc: &Document, id: usize, e: &entities::Entity, in_headline: bool) -> Entity {
    Entity {
        id,
        name: e.name.clone(),
        kind: e.ty,
        mentions: e.mentions.iter().map(|&m| passage(doc, m)).collect(),
        count: e.mentions.len(),
        in_headline,
        gender: (e.ty == EntityKind::Person).then_some(e.gender),
    }
}

fn speaker(doc: &Document, s: &quotes::Speaker) -> QuoteSpeaker {
    QuoteSpeaker {
        name: s.name.clone(),
        entity: s.entity.map(|i| i + 1),
        mention: (!s.mention.is_empty()).then(|| passage(doc, s.mention)),
        role: s.role.map(|r| doc.slice(r).to_string()),
    }
}

/// What a quotation and an attributed statement share: the words, who said them, the cue.
struct Said {
    words: Passage,
    speaker: Option<QuoteSpeaker>,
    cue: Option<Passage>,
}

fn said(doc: &Document, span: Span, who: Option<&quotes::Speaker>, cue: Option<Span>) -> Said {
    Said {
        words: passage(doc, span),
        speaker: who.map(|s| speaker(doc, s)),
        cue: cue.map(|c| passage(doc, c)),
    }
}

fn attribution(doc: &Document, a: &quotes::Attribution) -> Attribution {
    let s = said(doc, a.span, a.speaker.as_ref(), a.cue);
    Attribution {
        start: s.words.start,
        end: s.words.end,
        text: s.words.text,
        kind: a.kind,
        speaker: s.speaker,
        cue: s.cue,
        quotes: a.quotes.clone(),
    }
}

fn quote(doc: &Document, q: &quotes::Quote) -> Quote {
    let s = said(doc, q.span, q.speaker.as_ref(), q.cue);
    Quote {
        start: s.words.start,
        end: s.words.end,
        text: s.words.text,
        kind: q.kind,
        speaker: s.speaker,
        cue: s.cue,
        paragraph: q.paragraph,
        parts: (q.parts.len() > 1).then(|| q.parts.iter().map(|&p| passage(doc, p)).collect()),
    }
}

fn duplicate(doc: &Document, g: &duplicates::Group) -> Duplicate {
    Duplicate {
        kind: g.kind,
        similarity: g.similarity,
        passages: g.passages.iter().map(|&p| passage(doc, p)).collect(),
    }
}

/// A passage of this article found in an earlier one (`--cross-article`).
pub(crate) fn cross_duplicate(
    doc: &Document,
    index: &cross::CrossIndex,
    m: &cross::CrossMatch,
) -> CrossDuplicate {
    let o = offsets(doc, m.target);
    CrossDuplicate {
        kind: m.kind(),
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

/// The article's fingerprints (`--fingerprints`): each 5-word run chosen, with its hash, then each
/// sentence matched whole across articles, with the hash of its words.
pub(crate) fn fingerprints(
    doc: &Document,
    prints: &[cross::Print],
    sentences: &[cross::SentencePrint],
) -> Vec<Fingerprint> {
    let k = duplicates::fingerprint::SHARED_K;
    let runs = prints
        .iter()
        .filter_map(|&cross::Print { word: pos, hash }| {
            let (first, last) = (doc.words.get(pos)?, doc.words.get(pos + k - 1)?);
            Some((Span::new(first.start, last.end), hash))
        });
    runs.chain(sentences.iter().map(|s| (s.span, s.hash)))
        .map(|(span, hash)| {
            let o = offsets(doc, span);
            Fingerprint {
                hash: format!("{hash:016x}"),
                start: o.start,
                end: o.end,
            }
        })
        .collect()
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
