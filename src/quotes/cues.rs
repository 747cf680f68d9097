//! The cue lexicon: which words of a frame attribute speech ("says", "told reporters", "according
//! to"), and the small word classes the speaker grammar leans on (pronouns, punctuation, sentence
//! ends). The words themselves are data (`data/lang/`); this module says how they are read.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon;
use crate::lexicon::gazetteer::GAZETTEER;
use crate::text::{Span, Token};

/// Cue words and phrases (`data/lang/quote-cues.txt`), by their first word: the rest of each phrase.
static CUES: LazyLock<FxHashMap<&'static str, Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, Vec<Vec<&'static str>>> = FxHashMap::default();
    for line in lexicon::QUOTE_CUES.iter() {
        let mut words = line.split(' ');
        if let Some(first) = words.next() {
            m.entry(first).or_default().push(words.collect());
        }
    }
    m
});

/// The one-word cues, the words that take their speaker after them ("according"), and the first
/// words of the cue phrases that are no preposition or function word ("pointed" of "pointed out"):
/// what [`cue_test`] looks for (a word holds no space, so it matches no phrase of the cue list).
static SINGLES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    lexicon::QUOTE_CUES
        .iter()
        .chain(lexicon::SPEAKER_AFTER_CUES.iter())
        .chain(PHRASE_HEADS.iter().copied())
        .filter(|w| !w.contains(' '))
        .collect()
});

/// The first words of the cue phrases that are neither cues of their own nor prepositions or
/// function words ("pointed" of "pointed out"; not "in" of "in a statement").
static PHRASE_HEADS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    CUES.keys()
        .copied()
        .filter(|w| {
            !lexicon::QUOTE_CUES.contains(w)
                && !lexicon::PREPOSITIONS.contains(w)
                && !lexicon::FUNCTION_WORDS.contains(w)
        })
        .collect()
});

/// The test of whether a word (as written) may be a cue: a one-word cue or the word that takes its
/// speaker after it ("according"), in lower case or opening a sentence. A quick test that spares
/// most sentences the tokenizer; a sentence whose only cue is a phrase opening with another word
/// ("in a statement") is passed over. It is asked of every word of the text, so an ASCII word is
/// first judged by its first and last letter and its length alone ([`SHAPES`]), which turns most
/// words away without a look-up; the tables are fetched once, here.
pub fn cue_test() -> impl Fn(&str, bool) -> bool {
    let (shapes, singles) = (SHAPES.as_ref(), &*SINGLES);
    move |word: &str, opens_sentence: bool| {
        if word.is_ascii()
            && let Some(shapes) = shapes
            && !shapes.may_hold(word)
        {
            return false;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return singles.contains(word);
        }
        opens_sentence
            && word.chars().next().is_some_and(char::is_uppercase)
            && singles.contains(word.to_lowercase().as_str())
    }
}

/// The shapes of the words of [`SINGLES`].
static SHAPES: LazyLock<Option<Shapes>> = LazyLock::new(|| Shapes::of(SINGLES.iter().copied()));

/// The shapes of the first words of the cues, which [`cue_at`] looks up.
static HEAD_SHAPES: LazyLock<Option<Shapes>> = LazyLock::new(|| Shapes::of(CUES.keys().copied()));

/// The shapes of a list of words: for each first and last letter, a bit for each length in bytes.
/// A word is asked its shape before it is looked up, which turns most words of a text away.
struct Shapes(Vec<u64>);

impl Shapes {
    /// The shapes of `words`; none when one is not a short ASCII word opening and ending with a
    /// letter, when shape says nothing and every word is looked up.
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Option<Shapes> {
        let mut bits = vec![0u64; 26 * 26];
        for w in words {
            let slot = Shapes::slot(w)?;
            if !w.is_ascii() || w.bytes().any(|b| b.is_ascii_uppercase()) {
                return None;
            }
            bits[slot] |= 1 << w.len();
        }
        Some(Shapes(bits))
    }

    /// Where an ASCII word's shape is kept: by its first and last letter, lower-cased; none when it
    /// does not open and end with a letter, or is 64 bytes long or longer.
    fn slot(word: &str) -> Option<usize> {
        let letter = |b: u8| {
            let b = b.to_ascii_lowercase();
            b.is_ascii_lowercase().then(|| usize::from(b - b'a'))
        };
        let (first, last) = (
            letter(*word.as_bytes().first()?)?,
            letter(*word.as_bytes().last()?)?,
        );
        (word.len() < 64).then_some(first * 26 + last)
    }

    /// Whether an ASCII word, lower-cased, may be one of the words: false when no word of its first
    /// and last letter has its length.
    fn may_hold(&self, word: &str) -> bool {
        Shapes::slot(word).is_some_and(|slot| self.0[slot] & (1 << word.len()) != 0)
    }
}

/// Whether `text` begins with a cue, a whole phrase of it ("said", "according to"; "in" alone is
/// none, "in a statement" is one).
pub fn cue_follows(text: &str) -> bool {
    // right after the name: "PAC, said" closes an appositive, and the cue is its subject's
    if !text.trim_start().starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if first.chars().any(char::is_uppercase) {
        return false;
    }
    let Some(rests) = CUES.get(first) else {
        return false;
    };
    rests.iter().any(|rest| {
        let mut after = words.clone();
        rest.iter()
            .all(|r| after.next().is_some_and(|w| w.eq_ignore_ascii_case(r)))
    })
}

/// The cue starting at token `i`, as the number of tokens it takes. A cue is written in lower case
/// (or starts a sentence): "States" in "United States" is no cue.
pub fn cue_at(ws: &[Token], i: usize) -> Option<usize> {
    let sentence_start = i == 0 || ends_sentence(&ws[i - 1]);
    if ws[i].capitalised && !sentence_start {
        return None;
    }
    let head = ws[i].lower.trim_end_matches('.');
    if head.is_ascii()
        && let Some(shapes) = HEAD_SHAPES.as_ref()
        && !shapes.may_hold(head)
    {
        return None;
    }
    let rests = CUES.get(head)?;
    rests
        .iter()
        .filter(|rest| {
            rest.len() < ws.len() - i
                && rest
                    .iter()
                    .zip(&ws[i + 1..])
                    .all(|(a, b)| *a == b.lower.trim_end_matches('.'))
        })
        .map(|rest| rest.len() + 1)
        .max()
        // "Trump's comments", "his remarks", "the claims": one word after a possessive or an article
        // is a noun, not a verb of saying ("the following statement" is a cue)
        .filter(|&n| n > 1 || !(i > 0 && noun_maker(&ws[i - 1].lower)))
        // "of pledged funds", "in reported cases": a participle after a preposition is an
        // adjective, unless the preposition is also an adverb standing before a cue ("has since
        // stressed that")
        .filter(|&n| {
            n > 1
                || !(i > 0
                    && ws[i].lower.ends_with("ed")
                    && lexicon::PREPOSITIONS.contains(&ws[i - 1].lower)
                    && !lexicon::PRE_CUE_WORDS.contains(&ws[i - 1].lower))
        })
        .filter(|&n| n > 1 || !plural_noun(ws, i))
        .filter(|_| !names_a_thing(ws, i))
}

/// "a training computer called Dojo", "A Facebook group called X": a participle of naming between a
/// new thing, brought in by an indefinite article a few words back (with no punctuation, pronoun or
/// person's word between), and its capitalised name reports no speech.
fn names_a_thing(ws: &[Token], i: usize) -> bool {
    let named = ws
        .get(i + 1)
        .is_some_and(|w| w.capitalised && !is_punct(w) && !is_pronoun(&w.lower));
    let thing = i > 0 && {
        let noun = &ws[i - 1].lower;
        !is_person_word(noun)
    };
    named
        && thing
        && lexicon::NAMING_PARTICIPLES.contains(&ws[i].lower)
        && ws[..i]
            .iter()
            .rev()
            .take(6)
            .take_while(|w| !is_punct(w) && !is_pronoun(&w.lower) && !is_person_word(&w.lower))
            .any(|w| lexicon::NEW_REFERENT_DETERMINERS.contains(&w.lower))
}

/// "49 states", "in emails", "remarks at the rally": a cue word that is also a plural noun, where a
/// verb cannot stand (after a number or a preposition, or before "from", "at" and the others of
/// `data/lang/noun-cue-prepositions.txt`).
fn plural_noun(ws: &[Token], i: usize) -> bool {
    if !lexicon::NOUN_CUES.contains(&ws[i].lower) {
        return false;
    }
    let before = i.checked_sub(1).map(|k| &ws[k]).is_some_and(|w| {
        w.lower.chars().all(|c| c.is_ascii_digit()) || lexicon::PREPOSITIONS.contains(&w.lower)
    });
    let after = ws
        .get(i + 1)
        .is_some_and(|w| lexicon::NOUN_CUE_PREPOSITIONS.contains(&w.lower));
    before || after
}

/// A possessive or a determiner: the word after it is a noun ("he's predicting" is no possessive).
fn noun_maker(prev: &str) -> bool {
    let contraction = prev.split(['\'', '’']).next().is_some_and(|head| {
        lexicon::PRONOUNS.contains(head) || lexicon::CONTRACTION_HEADS.contains(head)
    });
    (!contraction && (prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with("s'")))
        || lexicon::NOUN_DETERMINERS.contains(prev)
}

/// A lower-case word naming a person: a title ("senator") or a noun of a person ("teacher",
/// `data/lang/person-nouns.txt`).
pub fn is_person_word(lower: &str) -> bool {
    GAZETTEER.is_title(lower) || lexicon::PERSON_NOUNS.contains(lower)
}

/// A cue that takes its speaker after it ("…, said Steve Elmendorf").
pub fn inverts(w: &Token) -> bool {
    lexicon::INVERTING_CUES.contains(&w.lower)
}

/// A cue whose speaker always follows it ("according to the report").
pub fn speaker_after(w: &Token) -> bool {
    lexicon::SPEAKER_AFTER_CUES.contains(&w.lower)
}

/// The pronoun of a token that is one, contracted or not ("he", "he’d", "they're"): its span.
pub fn pronoun_of(w: &Token) -> Option<Span> {
    let lower = w.lower.as_str();
    let (head, cut) = match lower.find(['\'', '’']) {
        Some(i) => (&lower[..i], i),
        None => (lower, lower.len()),
    };
    lexicon::PRONOUNS
        .contains(head)
        .then(|| Span::new(w.span.start, w.span.start + cut))
}

/// A personal pronoun, lower case ("he", "they").
pub fn is_pronoun(lower: &str) -> bool {
    lexicon::PRONOUNS.contains(lower)
}

/// A token of punctuation only.
pub fn is_punct(w: &Token) -> bool {
    !w.lower.chars().any(char::is_alphanumeric)
}

/// A full stop, exclamation or question mark: the end of a sentence.
pub fn ends_sentence(w: &Token) -> bool {
    matches!(w.lower.as_str(), "." | "!" | "?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn cue(text: &str, i: usize) -> Option<usize> {
        cue_at(&tokens(text, Span::new(0, text.len())), i)
    }

    #[test]
    fn a_cue_follows_only_as_a_whole_phrase() {
        assert!(cue_follows(" said on Monday"));
        assert!(cue_follows(" according to the report"));
        assert!(!cue_follows(", said she thinks"));
        assert!(cue_follows(" in a statement on Friday"));
        assert!(!cue_follows(" in the Republican race"));
        assert!(!cue_follows(" Said"));
        assert!(!cue_follows(""));
    }

    #[test]
    fn the_shape_test_turns_away_no_cue_word() {
        assert!(SHAPES.is_some(), "every cue word is a short ASCII word");
        assert!(
            HEAD_SHAPES.is_some(),
            "every cue's first word is a short ASCII word"
        );
        for head in CUES.keys() {
            assert!(
                HEAD_SHAPES.as_ref().is_some_and(|s| s.may_hold(head)),
                "{head}"
            );
        }
        let words = lexicon::QUOTE_CUES
            .iter()
            .chain(lexicon::SPEAKER_AFTER_CUES.iter())
            .chain(PHRASE_HEADS.iter().copied())
            .filter(|w| !w.contains(' '));
        let may_be_cue = cue_test();
        for w in words {
            assert!(SINGLES.contains(w), "{w}");
            assert!(may_be_cue(w, false), "{w}");
            let capital = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            assert!(may_be_cue(&capital, true), "{capital}");
            assert!(!may_be_cue(&capital, false), "{capital}");
            assert!(may_be_cue(&w.to_uppercase(), true), "{w}");
        }
        for w in ["the", "", "Saidx", "x", "états", "1said", "Said"] {
            assert!(!may_be_cue(w, w != "Said"), "{w}");
        }
    }

    #[test]
    fn cues_are_verbs_not_nouns_or_names() {
        assert_eq!(cue("he said", 1), Some(1));
        assert_eq!(cue("the following statement", 1), Some(2));
        assert_eq!(cue("his remarks", 1), None);
        assert_eq!(cue("he's predicting", 1), Some(1));
        assert_eq!(cue("United States", 1), None);
    }
}
