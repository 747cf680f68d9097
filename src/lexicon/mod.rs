//! The lexicon: every word list any stage reads, in one place (language detection is
//! `crate::language`, which only reads these).
//!
//! The closed-class lists are files under `data/lang/` (one entry a line; `#` comments), compiled
//! into sorted slices by the build script (`build/lang.rs`), so a lookup is a binary search and
//! nothing is read at start-up. Code says how a list is used; the file says what is in it. Each
//! file's header says how its entries are matched: most are lower case and looked up with a
//! lower-cased word, a few are matched as written. The name lists ([`gazetteer`]: people, places,
//! organisations, titles, from `data/gazetteers/`) are compiled into finite-state tables; the
//! entities stage and the quotes stage both read them here.

pub mod gazetteer;

/// The compiled lists, one constant per file of `data/lang/` (the HTML reader's are read only
/// with the `html` feature).
#[cfg_attr(not(feature = "html"), allow(dead_code))]
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/lang.rs"));
}

/// A set of words: its entries, sorted, and a membership test compiled from them.
#[derive(Clone, Copy)]
pub struct Words(&'static [&'static str], fn(&str) -> bool);

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0).finish()
    }
}

impl Words {
    /// Whether `word` is in the list, exactly as written.
    pub fn contains(self, word: &str) -> bool {
        (self.1)(word)
    }

    /// Whether `word` lower-cased is in the list (the lists are written in lower case), without
    /// building the lower-cased word when it is ASCII and lower-case already or short.
    pub fn contains_lower(self, word: &str) -> bool {
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.contains(word);
        }
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                // ASCII in, ASCII out
                std::str::from_utf8(lower).is_ok_and(|w| self.contains(w))
            }
            _ => self.contains(&word.to_lowercase()),
        }
    }

    /// The entries.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.iter().copied()
    }
}

/// A map from words to words, sorted by key.
#[derive(Debug, Clone, Copy)]
pub struct Table(&'static [(&'static str, &'static str)]);

impl Table {
    /// The value of `key`, if the table has it.
    pub fn get(self, key: &str) -> Option<&'static str> {
        self.0
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| self.0[i].1)
    }

    /// The keys.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.0.iter().map(|(k, _)| *k)
    }
}

macro_rules! words {
    ($($(#[$doc:meta])* $name:ident;)+) => {
        $( $(#[$doc])* pub const $name: Words = compiled::$name; )+
    };
}

macro_rules! tables {
    ($($(#[$doc:meta])* $name:ident;)+) => {
        $( $(#[$doc])* pub const $name: Table = Table(compiled::$name); )+
    };
}

// The text model.
words! {
    /// Words whose full stop is an abbreviation's ("mr", "gen", "inc", "e.g").
    ABBREVIATIONS;
}

// Entities.
words! {
    /// Last words of a facility's name ("museum", "hotel").
    FACILITY_HEADS;
    /// Head words of an event's name ("cup", "marathon", "festival").
    EVENT_HEADS;
}

// The calendar.
words! {
    /// "monday" to "sunday".
    DAYS;
    /// "mon", "tues", ...
    DAY_ABBREVIATIONS;
    /// "january" to "december".
    MONTHS;
    /// "jan", "sept", ...
    MONTH_ABBREVIATIONS;
    /// "today", "yesterday", "last", ...
    RELATIVE_TIMES;
    /// "night", "morning", ...
    PARTS_OF_DAY;
    /// "on", "last", "this", "early" before a day.
    TIME_OPENERS;
    /// Time zones after a time ("et", "gmt").
    TIME_ZONES;
    /// "am", "p.m.", ...
    MERIDIEMS;
    /// "minute", "hour", ... (an age: "3 hours ago").
    TIME_UNITS;
}

// Page furniture and header lines (the sections stage).
words! {
    /// Titles of boxed asides ("why we wrote this", "key points").
    SIDEBAR_TITLES;
    /// Words of an HTML container's class or id that mark page furniture ("nav", "related").
    #[cfg_attr(not(feature = "html"), allow(dead_code))]
    PAGE_FURNITURE_CLASSES;
    /// Words of an HTML container's class or id that mark a comment thread ("comments").
    #[cfg_attr(not(feature = "html"), allow(dead_code))]
    PAGE_COMMENT_CLASSES;
    /// Words of an HTML element's class that templates give elements not shown ("hidden").
    #[cfg_attr(not(feature = "html"), allow(dead_code))]
    PAGE_HIDDEN_CLASSES;
    /// Labels of a transcript's header lines and turns ("guest", "q"), before a colon.
    TRANSCRIPT_LABELS;
    /// Labels before a colon that name no speaker ("update", "source").
    NON_SPEAKER_LABELS;
    /// Words opening a closing credit line after a dash ("with files from", "reporting by").
    CLOSING_CREDIT_OPENERS;
    /// Words opening a byline before a name ("by", "reporting by").
    BYLINE_OPENERS;
    /// Labels opening a byline ("by:").
    BYLINE_LABELS;
    /// Staff titles in a byline ("correspondent").
    STAFF_TITLES;
    /// What an article's writer is, in the note about them that closes it ("reporter", "author").
    AUTHOR_ROLES;
    /// Forms of "to be" introducing what someone is ("is", "was").
    COPULAS;
    /// Words of a publication date line ("updated", "last modified").
    PUBLISH_WORDS;
    /// Words of a picture credit ("getty images", "photo:").
    CREDIT_WORDS;
    /// Words opening a caption ("photo", "illustration").
    PICTURE_WORDS;
    /// Words opening a credit in brackets ("photo").
    BRACKETED_CREDIT_WORDS;
    /// Lower-case words between the names of a picture credit ("via", "courtesy").
    CREDIT_JOINERS;
    /// Agencies closing a credit after a slash ("ap").
    CREDIT_AGENCIES;
    /// Headline words that make an article a sports report ("football", "grand prix").
    SPORT_WORDS;
}

/// Furniture phrases: regular expressions over a lower-cased short line, in file order.
pub const BOILERPLATE_PHRASES: &[&str] = compiled::BOILERPLATE_PHRASES;
/// Lines that close an article's text on a page: regular expressions, in file order.
pub const END_MARKERS: &[&str] = compiled::END_MARKERS;
/// Legal and editorial notices, furniture at any length: regular expressions, in file order.
pub const NOTICES: &[&str] = compiled::NOTICES;
/// Lines that head or close one reader comment: regular expressions, in file order.
pub const COMMENT_MARKS: &[&str] = compiled::COMMENT_MARKS;

// Names (the entities stage).
words! {
    /// Capitalised words never a name on their own, beside the calendar ("i", "ok", "tv").
    NOT_NAMES;
    /// Honorifics kept in a person's mention ("Mr", "Dr"), as written.
    HONORIFICS;
    /// Lower-case words allowed inside a name ("of", "van", "bin"), as written.
    NAME_PARTICLES;
    /// Words joining two names in one run ("and", "&"), as written.
    NAME_CONJUNCTIONS;
    /// Abbreviations opening a place's name ("St", "Mt"), as written.
    PLACE_ABBREVIATIONS;
    /// Party letters of a tag such as "R-Ill.", as written.
    PARTY_LETTERS;
    /// Capitalised words opening a run without being part of the name ("The"), as written.
    NAME_LEADING_WORDS;
    /// Prepositions that make a place a venue ("in", "at").
    VENUE_PREPOSITIONS;
    /// Prepositions before a place ("in", "from", "near").
    PLACE_PREPOSITIONS;
    /// Prepositions before a name that are evidence of a place for the entity judge ("in", "at").
    PLACING_PREPOSITIONS;
    /// Possessive endings cut from names ("'s", "’s"), as written.
    POSSESSIVE_ENDINGS;
    /// Nouns before a name that make it an organisation ("airline", "agency").
    ORG_NOUNS;
    /// Nouns after a name that make it a place ("department", "province").
    PLACE_NOUNS;
    /// Nouns before "of" and a name that make it a place ("the town of", "the island of").
    SETTLEMENT_NOUNS;
    /// Nouns before a name that make it a person ("boss", "coauthor").
    PERSON_NOUNS;
    /// First words that make a name of several words a place ("cape", "mount").
    PLACE_LEADS;
    /// Words tying a person to an organisation or place inside a run ("of", "for").
    AFFILIATION_WORDS;
    /// Words opening a new clause after reported speech ("while", "whereas").
    CLAUSE_BREAKS;
    /// Cues that report in the writer's words only before "that" ("continued", "in").
    THAT_ONLY_CUES;
    /// Words before a cue that make it passive or a comparison ("as", "was").
    PASSIVE_MARKERS;
    /// Words after a cue opening what is reported ("that", "whether").
    CLAUSE_OPENERS;
    /// Pronouns that stand for several people ("they", "we").
    PLURAL_PRONOUNS;
    /// Words opening a clause set before the main one ("when", "if").
    SUBORDINATORS;
    /// Words making a title a past one ("former", "ex").
    PAST_MODIFIERS;
    /// Words tying a speaker's name to their organisation ("with", "of", "at").
    SPEAKER_AFFILIATIONS;
}

// Speech and speakers (the quotes stage).
words! {
    /// Verbs and phrases of saying ("said", "told reporters", "according to").
    QUOTE_CUES;
    /// Cues taking their speaker after them ("said", "writes").
    INVERTING_CUES;
    /// Cues whose speaker always follows ("according").
    SPEAKER_AFTER_CUES;
    /// Verbs of manner tagging a quotation only right beside it ("laughs", "smiles").
    MANNER_CUES;
    /// Cues taking an object, not their speaker, after them ("told", "asked").
    OBJECT_CUES;
    /// Personal pronouns that can name a speaker ("he", "they").
    PRONOUNS;
    /// Pronouns opening a clause as its subject ("He", "we"), as written.
    SUBJECT_PRONOUNS;
    /// Words a contracted 's follows without a possessive ("it", "let").
    CONTRACTION_HEADS;
    /// Determiners making the next word a noun ("his", "the").
    NOUN_DETERMINERS;
    /// Words opening a speaker's noun phrase after the cue ("the", "one", "another").
    SPEAKER_DETERMINERS;
    /// Words ending a speaker's noun phrase ("who", "familiar", "with").
    PHRASE_ENDS;
    /// Words opening a noun phrase before a cue ("the", "this", "one").
    SPEAKER_ARTICLES;
    /// "the", "a", "an".
    ARTICLES;
    /// Prepositions.
    PREPOSITIONS;
    /// Words opening a sentence with a phrase before its subject ("on", "asked", "despite").
    INTRODUCERS;
    /// Capitalised words that start sentences without naming anyone ("but", "meanwhile").
    FUNCTION_WORDS;
    /// The commonest English function words ("the", "of", "said"): their share says a text is English.
    ENGLISH_MARKERS;
    /// Adverbs and auxiliaries between a speaker and the cue ("also", "has", "will").
    PRE_CUE_WORDS;
    /// Words joining a second verb to a clause ("and", "to").
    COORDINATORS;
    /// Words opening a relative clause or an object before a cue ("that", "which", "of").
    RELATIVE_WORDS;
    /// Words opening a clause after a name that is no description ("who", "adding").
    NON_ROLE_OPENERS;
    /// Words linking a clause to the one before ("and", "while").
    CLAUSE_LINKS;
    /// Words opening a clause of reason ("because").
    CAUSAL_LINKS;
    /// Determiners opening a description before a name ("the", "his").
    ROLE_DETERMINERS;
    /// Determiners bringing in someone new ("a", "one", "another").
    NEW_REFERENT_DETERMINERS;
    /// Participles naming a new thing ("a computer called Dojo").
    NAMING_PARTICIPLES;
    /// Cue words that are also plural nouns ("states", "remarks").
    NOUN_CUES;
    /// Prepositions after which such a word is the noun ("emails from").
    NOUN_CUE_PREPOSITIONS;
    /// Words that after a comma open the writer's clause ("which", "although").
    COMMA_CLAUSE_BREAKS;
    /// Words after which a quoted title-case phrase is a work's title ("on", "titled").
    WORK_TITLE_PREPOSITIONS;
    /// Lower-case words joining the capitalised words of a speaker's name ("of").
    NAME_JOINERS;
}

tables! {
    /// Title forms and their family ("sen" → "senator").
    TITLE_FAMILIES;
    /// Honorifics and the gender they tell ("Mrs" → "female"), as written.
    GENDERED_HONORIFICS;
    /// Pronouns and the gender they tell ("she" → "female").
    PRONOUN_GENDERS;
    /// Words making a title another one, and the family they take away ("vice" → "president").
    TITLE_DEPUTIES;
    /// Keys of metadata header lines and what their value is ("title" → "headline").
    METADATA_KEYS;
    /// The months' numbers by their names' first three letters ("sep" → "9").
    #[cfg_attr(not(feature = "html"), allow(dead_code))]
    MONTH_NUMBERS;
    /// Generic labels of a transcript's turns and whom they name ("q" → "the interviewer").
    TURN_LABELS;
}

/// A day or month, in full or short (the calendar, lower case).
pub fn is_calendar_word(lower: &str) -> bool {
    DAYS.contains(lower)
        || DAY_ABBREVIATIONS.contains(lower)
        || MONTHS.contains(lower)
        || MONTH_ABBREVIATIONS.contains(lower)
}

/// A word saying when something was said: a day or month in full, or "today", "last", ... (lower
/// case; "said Friday" names no speaker).
pub fn is_time_word(lower: &str) -> bool {
    DAYS.contains(lower) || MONTHS.contains(lower) || RELATIVE_TIMES.contains(lower)
}

/// The gender a `female`/`male` entry of a table names.
pub fn gender(value: &str) -> Option<crate::kinds::Gender> {
    match value {
        "female" => Some(crate::kinds::Gender::Female),
        "male" => Some(crate::kinds::Gender::Male),
        _ => None,
    }
}

/// A regular-expression alternation of the entries of `words`, each escaped, the spaces inside an
/// entry written as `space` (a literal space, or `\s+` to allow any run of whitespace).
pub fn alternation(words: Words, space: &str) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in w.chars() {
            match c {
                ' ' => out.push_str(space),
                c if "\\.+*?()|[]{}^$#&-~".contains(c) => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_looked_up_lower_cased_however_it_is_written() {
        for w in ["monday", "Monday", "MONDAY", "MoNdAy"] {
            assert!(DAYS.contains_lower(w), "{w}");
        }
        // longer than the stack buffer, and not ASCII: the same answer as lower-casing first
        let long = "Mondaymondaymondaymondaymondaymonday";
        assert_eq!(
            DAYS.contains_lower(long),
            DAYS.contains(&long.to_lowercase())
        );
        assert!(!DAYS.contains_lower("Mondäy"));
        assert!(!DAYS.contains_lower(""));
    }

    #[test]
    fn lists_are_compiled_and_sorted() {
        assert!(ABBREVIATIONS.contains("mr"));
        assert!(!ABBREVIATIONS.contains("Mr"));
        assert!(HONORIFICS.contains("Mr"));
        assert!(QUOTE_CUES.contains("according to"));
        assert_eq!(TITLE_FAMILIES.get("sen"), Some("senator"));
        assert_eq!(TITLE_FAMILIES.get("senate"), None);
        assert_eq!(
            BOILERPLATE_PHRASES.first(),
            Some(&r"share (this|on|via|article|story|post)\b")
        );
        for list in [ABBREVIATIONS, QUOTE_CUES, FUNCTION_WORDS, NOT_NAMES] {
            assert!(list.0.windows(2).all(|w| w[0] < w[1]));
            assert!(list.iter().all(|w| list.contains(w)));
            assert!(!list.contains("not in any list"));
        }
    }

    #[test]
    fn lower_case_lists_are_lower_case_and_keyed() {
        for list in [
            ABBREVIATIONS,
            DAYS,
            MONTHS,
            NOT_NAMES,
            QUOTE_CUES,
            FUNCTION_WORDS,
            SPORT_WORDS,
        ] {
            for w in list.iter() {
                assert_eq!(
                    w,
                    crate::lexicon::gazetteer::key(w),
                    "{w:?} is not in key form"
                );
            }
        }
    }

    #[test]
    fn the_calendar_and_times() {
        assert!(is_calendar_word("sept") && is_calendar_word("may"));
        assert!(is_time_word("friday") && is_time_word("yesterday"));
        assert!(!is_time_word("fri"));
    }

    #[test]
    fn alternations_escape_and_space() {
        let list = Words(&["a.m.", "last modified"], |_| false);
        assert_eq!(alternation(list, r"\s+"), r"a\.m\.|last\s+modified");
    }
}
