//! The report: the JSON contract, and the only types that are serialised.
//!
//! Field order here is the key order on output. Offsets are Unicode scalar positions (Python `str`
//! indices) into the decoded input, end exclusive; `text` beside a span is always exactly
//! `input[start:end]`. Adding a field is a compatible change; renaming or removing one bumps
//! [`SCHEMA_VERSION`]. The README's "Report reference" documents every field.

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
    /// Length of the analysed text in Unicode scalars (after a leading byte-order mark is dropped).
    pub chars: usize,
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
    /// Named entities, each once with all its mentions, ordered by first mention.
    pub entities: Vec<Entity>,
    /// With `--fingerprints`: the article's passage fingerprints, for grouping candidates elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprints: Option<Vec<Fingerprint>>,
}

/// What a section of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A short label above the headline ("News", "Opinion").
    Kicker,
    /// The article's title.
    Headline,
    /// The standfirst: a sentence or two under the headline that sums the story up.
    Dek,
    /// Who wrote it ("By Jane Doe", "Associated Press").
    Byline,
    /// When (and sometimes where) it was published or updated.
    Dateline,
    /// A boxed aside with a title ("Why We Wrote This", "Key points").
    Sidebar,
    /// The article's own prose, subheadings included.
    Body,
    /// A picture's caption or credit.
    Caption,
    /// Page furniture: navigation, share and subscribe prompts, related links, copyright, comments.
    Boilerplate,
}

/// One section: a run of paragraphs of one kind.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    pub kind: SectionKind,
    pub start: usize,
    pub end: usize,
    /// A sidebar's title as written (its first paragraph).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The paragraphs the section is made of (for a sidebar, those after its title).
    pub paragraphs: Vec<ParagraphSpan>,
    pub text: String,
}

/// A paragraph's offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ParagraphSpan {
    pub start: usize,
    pub end: usize,
    /// Set when the paragraph repeats earlier text: the offsets of the first copy of the passage it
    /// belongs to (see `duplicates`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<Offsets>,
}

/// A bare pair of offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Offsets {
    pub start: usize,
    pub end: usize,
}

/// Whether the copies of a repeated passage are identical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// The same text, character for character (runs of whitespace aside).
    Exact,
    /// The same passage with words edited, inserted, dropped or reordered.
    Near,
}

/// A passage and its copies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Duplicate {
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
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A passage of this article that repeats one of an earlier input.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CrossDuplicate {
    pub kind: DuplicateKind,
    /// Estimated share of this passage's fingerprints found in the other one's, 1 for exact copies.
    pub similarity: f64,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Where the earlier input has it.
    pub other: OtherPassage,
}

/// A passage of an earlier input.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OtherPassage {
    /// The earlier input's `id`.
    pub id: serde_json::Value,
    pub start: usize,
    pub end: usize,
}

/// A direct quotation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Quote {
    /// The quoted words without their marks (for a quotation over several paragraphs, from the first
    /// piece's start to the last piece's end).
    pub start: usize,
    pub end: usize,
    pub text: String,
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

/// Whether a quotation is speech on its own or a fragment of the writer's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole sentence or more.
    Full,
    /// A fragment inside the writer's own sentence.
    Partial,
}

/// The speaker of a quotation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QuoteSpeaker {
    /// The canonical name: the entity's name when the speaker is one ("Andrey Kortunov" for
    /// "Mr. Kortunov" or "he").
    pub name: String,
    /// The `id` of the speaker's entity, if any.
    pub entity: Option<usize>,
    /// The words that attribute the quotation: a name, a pronoun or a phrase ("the spokesman").
    pub mention: Passage,
    /// The description the text gives the speaker, if any.
    pub role: Option<String>,
}

/// What kind of thing an entity is (OntoNotes labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, team, institution.
    Org,
    /// A country, city or state.
    Gpe,
    /// A region, continent, sea or other place that is not a state.
    Loc,
    /// A nationality or a religious or political group.
    Norp,
    /// A building, street, bridge or airport.
    Fac,
}

/// A named entity and every mention of it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Entity {
    /// 1, 2, ... in order of first mention.
    pub id: usize,
    /// The fullest form: "Kassym-Jomart Tokayev" for "Mr. Tokayev".
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Every mention in text order, titles and a possessive 's left out.
    pub mentions: Vec<Passage>,
    /// Number of mentions.
    pub count: usize,
    /// Whether the headline mentions it.
    pub in_headline: bool,
}

/// One fingerprint: the hash of a run of five normalised words, chosen by winnowing.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Fingerprint {
    /// 16 lower-case hex digits; equal for equal word runs on every machine and version.
    pub hash: String,
    pub start: usize,
    pub end: usize,
}

/// What `--dedupe` prints for each input when it prints JSON Lines.
#[derive(Debug, Clone, Serialize)]
pub struct DedupedText {
    pub id: serde_json::Value,
    pub text: String,
}

/// Something about the input that the report's reader should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Warning {
    /// `encoding` (decoded as Windows-1252 or UTF-16), `invalid_utf8` (bad bytes replaced with
    /// U+FFFD), `mojibake` (text that looks like UTF-8 decoded as Windows-1252).
    pub kind: String,
    pub message: String,
    /// Where it starts, in Unicode scalars of the analysed text, when it is one place.
    pub at: Option<usize>,
}

impl Warning {
    pub fn new(kind: &str, message: String, at: Option<usize>) -> Self {
        Warning {
            kind: kind.to_string(),
            message,
            at,
        }
    }
}

/// The line printed in place of a report for an input that could not be analysed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorRecord {
    pub id: serde_json::Value,
    pub error: String,
}

/// An input's id as people read it: a string id without its quotes, anything else as JSON.
pub fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The JSON Schema (draft 2020-12) of [`Report`], as printed by `analyze --schema`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default()
}
