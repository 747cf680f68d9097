//! The report's vocabulary, on the ground floor: what a section, an entity, a quotation, a duplicate
//! and a warning can be, and a warning itself. Every stage produces these and the report serialises
//! them (`crate::report` re-exports them), so there is no mirrored enum to keep in step, and no stage
//! imports the report. Each kind's name on the wire is also its [`as_str`](SectionKind::as_str),
//! which the views print.

use schemars::JsonSchema;
use serde::Serialize;

/// Defines a kind: the enum, its wire names (`serde` renames) and `as_str`, `ALL` and `Display` over
/// the same names, so the JSON and the views can never disagree.
macro_rules! kind {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name the report writes.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

kind! {
    /// What a section of the page is.
    SectionKind {
        /// A short label above the headline ("News", "Opinion").
        Kicker = "kicker",
        /// The article's title.
        Headline = "headline",
        /// The standfirst: a sentence or two under the headline that sums the story up.
        Dek = "dek",
        /// Who wrote it ("By Jane Doe", "Associated Press").
        Byline = "byline",
        /// When (and sometimes where) it was published or updated.
        Dateline = "dateline",
        /// A boxed aside with a title ("Why We Wrote This", "Key points").
        Sidebar = "sidebar",
        /// The article's own prose, subheadings included.
        Body = "body",
        /// A picture's caption or credit.
        Caption = "caption",
        /// Page furniture: navigation, share and subscribe prompts, related links, copyright, comments.
        Boilerplate = "boilerplate",
    }
}

kind! {
    /// Whether the copies of a repeated passage are identical.
    DuplicateKind {
        /// The same text, character for character (runs of whitespace aside).
        Exact = "exact",
        /// The same passage with words edited, inserted, dropped or reordered.
        Near = "near",
    }
}

kind! {
    /// Whether a quotation is speech on its own or a fragment of the writer's sentence.
    QuoteKind {
        /// A whole sentence or more.
        Full = "full",
        /// A fragment inside the writer's own sentence.
        Partial = "partial",
        /// A turn of a transcript or an interview: the words after a speaker's label ("BREAM:",
        /// "Q:"), or a paragraph going on with them, with no quote marks.
        Turn = "turn",
    }
}

kind! {
    /// How a statement is reported.
    AttributionKind {
        /// In the speaker's words: nine tenths of its letters inside quote marks, or a paragraph
        /// introduced by a cue and a colon.
        Direct = "direct",
        /// In the writer's words: under a tenth quoted ("Obama said a majority of Americans ...").
        Indirect = "indirect",
        /// The writer's words holding a quoted fragment.
        Mixed = "mixed",
    }
}

kind! {
    /// What kind of thing an entity is (OntoNotes labels). The order is the tie-break between
    /// types, earlier first.
    EntityKind {
        /// A person.
        Person = "PERSON",
        /// A company, agency, party, team, institution.
        Org = "ORG",
        /// A country, city or state.
        Gpe = "GPE",
        /// A region, continent, sea or other place that is not a state.
        Loc = "LOC",
        /// A nationality or a religious or political group.
        Norp = "NORP",
        /// A building, street, bridge or airport.
        Fac = "FAC",
        /// Another named thing: an event, a work, a product, a law, a language (CoNLL's label).
        Misc = "MISC",
    }
}

kind! {
    /// What a warning is about.
    WarningKind {
        /// Decoded from an encoding other than UTF-8 (Windows-1252, UTF-16).
        Encoding = "encoding",
        /// Bytes that are not UTF-8 were replaced with U+FFFD.
        InvalidUtf8 = "invalid_utf8",
        /// The text looks like UTF-8 that was decoded as Windows-1252 upstream ("â€œ" for "“").
        Mojibake = "mojibake",
        /// The text is not an article in plain text: an HTML page, or JSON Lines records read as
        /// one text.
        Format = "format",
        /// The article is in a language the stages do not read (only English): entities, quotes
        /// and attributions are left empty.
        Language = "language",
    }
}

kind! {
    /// What the input was: plain text, or an HTML page rendered to text first.
    #[derive(Default)]
    SourceFormat {
        /// Plain text: the report's offsets index it as given.
        #[default]
        Text = "text",
        /// An HTML page: the report's offsets index the text it renders to (the report's `text`).
        Html = "html",
    }
}

kind! {
    /// A person's gender as the text shows it (honorifics, pronouns), or as a given name mostly
    /// shows it.
    Gender {
        /// "Ms.", "she", a name mostly given to girls.
        Female = "female",
        /// "Mr.", "he", a name mostly given to boys.
        Male = "male",
    }
}

/// Something about the input that the report's reader should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Warning {
    /// `encoding` (decoded as Windows-1252 or UTF-16), `invalid_utf8` (bad bytes replaced with
    /// U+FFFD), `mojibake` (text that looks like UTF-8 decoded as Windows-1252), `language` (a
    /// language other than English: entities, quotes and attributions left empty).
    pub kind: WarningKind,
    /// What happened, for people.
    pub message: String,
    /// Where it starts, in Unicode scalars of the analysed text, when it is one place.
    pub at: Option<usize>,
}

impl Warning {
    /// A warning of `kind`, at one place of the text or none.
    pub fn new(kind: WarningKind, message: String, at: Option<usize>) -> Self {
        Warning { kind, message, at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire<T: Serialize>(value: T) -> String {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn names_are_the_wire_names() {
        for k in SectionKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in EntityKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in DuplicateKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in QuoteKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in AttributionKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in WarningKind::ALL {
            assert_eq!(wire(k), k.as_str());
        }
        for k in Gender::ALL {
            assert_eq!(wire(k), k.to_string());
        }
    }
}
