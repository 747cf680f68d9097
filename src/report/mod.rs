//! The report: the JSON contract, and the only types that are serialised.
//!
//! Field order here is the key order on output. Offsets are Unicode scalar positions (Python `str`
//! indices) into the decoded input, end exclusive; `text` beside a span is always exactly
//! `input[start:end]`. Adding a field is a compatible change; renaming or removing one bumps
//! [`SCHEMA_VERSION`]. `docs/report.md` documents every field.
//!
//! The kinds ([`SectionKind`], [`EntityKind`], ...) and [`Warning`] are the report's vocabulary,
//! which the stages speak too: they live on the ground floor (`src/kinds.rs`), imported by every
//! stage and re-exported here; a private builder turns the stages' results into these types and
//! does nothing else.

mod build;

pub use crate::kinds::{
    AttributionKind, DuplicateKind, EntityKind, Gender, QuoteKind, SectionKind, SourceFormat,
    Warning, WarningKind,
};
pub(crate) use build::{Analysis, cross_duplicate, fingerprints};

use schemars::JsonSchema;
use serde::Serialize;

/// Version of the report format; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The analysis of one article.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Report {
    /// Always 1 for this format.
    pub schema_version: u32,
    /// The input's identity: its path, `-` for standard input, or the `id` of a JSON Lines record.
    pub id: serde_json::Value,
    /// `html` for an HTML page, whose report indexes the text it renders to (`text`); absent for
    /// plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_format: Option<SourceFormat>,
    /// Length of the analysed text in Unicode scalars (after a leading byte-order mark is dropped).
    pub chars: usize,
    /// The language the article reads as; null for a text without prose to judge. Entities, quotes
    /// and attributions are found in English only: for another language they are empty and a
    /// `language` warning says so.
    pub language: Option<Language>,
    /// What reading the input had to say: an encoding other than UTF-8, bytes replaced, text that
    /// looks double-decoded. Empty for clean UTF-8.
    pub warnings: Vec<Warning>,
    /// The article's parts in document order, non-overlapping, covering every non-blank paragraph.
    pub sections: Vec<Section>,
    /// Passages the article repeats, grouped: each group's copies in text order.
    pub duplicates: Vec<Duplicate>,
    /// With `--cross-article`: passages that repeat a passage of an earlier input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cross_duplicates: Option<Vec<CrossDuplicate>>,
    /// Direct quotations with their speakers, in text order.
    pub quotes: Vec<Quote>,
    /// Every statement attributed to a source, quoted or not, in text order.
    pub attributions: Vec<Attribution>,
    /// Named entities, each once with all its mentions, ordered by first mention.
    pub entities: Vec<Entity>,
    /// With `--fingerprints`: the article's passage fingerprints, for grouping candidates elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprints: Option<Vec<Fingerprint>>,
    /// For an HTML page: the text it renders to, which every offset of the report indexes. Absent
    /// for plain text, whose offsets index the input itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One section: a run of paragraphs of one kind.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    /// What the section is.
    pub kind: SectionKind,
    /// Where its first paragraph starts.
    pub start: usize,
    /// Where its last paragraph ends.
    pub end: usize,
    /// A sidebar's title as written (its first paragraph).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The paragraphs the section is made of (for a sidebar, those after its title).
    pub paragraphs: Vec<ParagraphSpan>,
    /// The text from `start` to `end`.
    pub text: String,
    /// A byline's people, as written ("By Maria Lopez and Daniel Okafor": both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    /// A caption's credit, as written ("Paul Sancya, AP", "GETTY IMAGES"), when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// A paragraph's offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ParagraphSpan {
    /// Where the paragraph starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Set when the paragraph repeats earlier text: the offsets of the first copy of the passage it
    /// belongs to (see `duplicates`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<Offsets>,
}

/// A bare pair of offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Offsets {
    /// Where the span starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// A passage and its copies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Duplicate {
    /// Whether every copy is the same text.
    pub kind: DuplicateKind,
    /// 1 for exact copies; for near ones the smallest share of words a copy has in common with the
    /// first (Dice coefficient over the words, lower-cased), rounded to three decimals.
    pub similarity: f64,
    /// Every copy in text order, the first the original; two or more.
    pub passages: Vec<Passage>,
}

/// A span of the article and its text.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Passage {
    /// Where the passage starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The text from `start` to `end`.
    pub text: String,
}

/// A passage of this article that repeats one of an earlier input.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CrossDuplicate {
    /// Whether the two passages are the same text.
    pub kind: DuplicateKind,
    /// Estimated share of this passage's fingerprints found in the other one's, 1 for exact copies.
    pub similarity: f64,
    /// Where the passage starts in this article.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The text from `start` to `end`.
    pub text: String,
    /// Where the earlier input has it.
    pub other: OtherPassage,
}

/// A passage of an earlier input.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OtherPassage {
    /// The earlier input's `id`.
    pub id: serde_json::Value,
    /// Where the passage starts in the earlier input.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// A direct quotation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Quote {
    /// The quoted words without their marks (for a quotation over several paragraphs, from the first
    /// piece's start to the last piece's end).
    pub start: usize,
    /// Where the quoted words end.
    pub end: usize,
    /// The text from `start` to `end`.
    pub text: String,
    /// A whole sentence or more, or a fragment of the writer's sentence.
    pub kind: QuoteKind,
    /// Who said it, or null when the text does not say.
    pub speaker: Option<QuoteSpeaker>,
    /// The attributing verb or phrase ("says", "told", "according to"), or null when no cue
    /// attributes the quotation (its speaker is then the one before, the subject of its sentence,
    /// or the person opening the paragraph before).
    pub cue: Option<Passage>,
    /// Index of the paragraph the quotation starts in.
    pub paragraph: usize,
    /// For a quotation over several paragraphs: its piece in each, quote marks excluded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Passage>>,
}

/// A statement the article attributes to a source: a quotation, or speech in the writer's words.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Attribution {
    /// Where what is reported starts (its first character; a quotation's without its mark).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The text from `start` to `end`.
    pub text: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: AttributionKind,
    /// Who it is attributed to, or null when the text does not say.
    pub speaker: Option<QuoteSpeaker>,
    /// The verb or phrase of saying ("said", "according to", "told reporters") or the colon that
    /// attributes it, or null.
    pub cue: Option<Passage>,
    /// Indices (from 0) into `quotes` of the quotations inside it.
    pub quotes: Vec<usize>,
}

/// The speaker of a quotation or statement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QuoteSpeaker {
    /// The canonical name: the entity's name when the speaker is one ("Andrey Kortunov" for
    /// "Mr. Kortunov" or "he").
    pub name: String,
    /// The `id` of the speaker's entity, if any.
    pub entity: Option<usize>,
    /// The words that attribute the quotation: a name, a pronoun or a phrase ("the spokesman");
    /// null when no words of the text name the speaker (an interview's unlabelled question, "the
    /// interviewer"; an answer under a question set in bold, the article's main person).
    pub mention: Option<Passage>,
    /// The description the text gives the speaker, if any.
    pub role: Option<String>,
}

/// A named entity and every mention of it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Entity {
    /// 1, 2, ... in order of first mention.
    pub id: usize,
    /// The fullest form: "Kassym-Jomart Tokayev" for "Mr. Tokayev".
    pub name: String,
    /// What kind of thing it is.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Every mention in text order, titles and a possessive 's left out.
    pub mentions: Vec<Passage>,
    /// Number of mentions.
    pub count: usize,
    /// Whether the headline mentions it.
    pub in_headline: bool,
    /// A person's gender (`female`, `male`, or null when the article shows none): from an
    /// honorific, the pronouns that refer to them, or a given name mostly given to one sex. Only
    /// people have the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Option<Gender>>,
}

/// One fingerprint: the hash of a run of five normalised words, chosen by winnowing.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Fingerprint {
    /// 16 lower-case hex digits; equal for equal word runs on every machine and version.
    pub hash: String,
    /// Where the five words start.
    pub start: usize,
    /// Where they end.
    pub end: usize,
}

/// What `--dedupe` prints for each input when it prints JSON Lines.
#[derive(Debug, Clone, Serialize)]
pub struct DedupedText {
    /// The input's id.
    pub id: serde_json::Value,
    /// The article's text without the removed copies.
    pub text: String,
}

/// The language an article reads as.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Language {
    /// ISO 639-3 code: `eng`, `deu`, `fra`, ...
    pub code: String,
    /// The language's English name.
    pub name: String,
    /// How sure the guess is, 0 to 1 (two decimals).
    pub confidence: f64,
}

/// The line printed in place of a report for an input that could not be analysed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorRecord {
    /// The input's id.
    pub id: serde_json::Value,
    /// What went wrong.
    pub error: String,
}

/// An input's id as people read it: a string id without its quotes, anything else as JSON; an id
/// of more than 200 characters cut there, with an ellipsis and its length.
pub fn id_text(id: &serde_json::Value) -> String {
    let text = match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    // an id of megabytes is not printed whole on a terminal
    match text.char_indices().nth(ID_SHOWN) {
        Some((cut, _)) => format!("{}… ({} characters)", &text[..cut], text.chars().count()),
        None => text,
    }
}

/// The most characters of an id [`id_text`] shows.
const ID_SHOWN: usize = 200;

/// One line of the output: a report, or the error record printed in its place for an input that
/// could not be analysed (it has `error` where a report has `schema_version`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OutputLine {
    /// An article's report.
    Report(Box<Report>),
    /// An input that could not be analysed.
    Error(ErrorRecord),
}

/// The JSON Schema (draft 2020-12) of one output line, a [`Report`] or an [`ErrorRecord`], as
/// printed by `analyze --schema`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(OutputLine)).unwrap_or_default()
}
