//! A person's gender as the article shows it: an honorific ("Mr.", "Ms."), else the pronouns that
//! refer to them ("he", "her"), else their given name when one sex dominates the name statistics.
//! None when the article gives no evidence.
//!
//! A gendered pronoun is taken to refer to the person mentioned last before it, in its sentence or
//! the two before, passing over a person whose given name says the other sex; that is how news
//! prose mostly uses them ("Maria Gonzalez will take over … She
//! has taught …").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Entity;
use crate::kinds::{EntityKind, Gender};
use crate::lexicon;
use crate::lexicon::gazetteer::GAZETTEER;
use crate::text::Document;

/// The first letters of the gendered pronouns and the length of the longest (at most 8): a quick
/// test that passes over most words.
static PRONOUN_SHAPE: LazyLock<([bool; 128], usize)> = LazyLock::new(|| {
    let mut firsts = [false; 128];
    let mut longest = 0;
    for k in lexicon::PRONOUN_GENDERS.keys() {
        if let Some(&b) = k.as_bytes().first() {
            firsts[usize::from(b & 0x7f)] = true;
        }
        longest = longest.max(k.len().min(8));
    }
    (firsts, longest)
});

/// How many sentences back a pronoun looks for the person it refers to.
const LOOKBACK: usize = 2;

/// Sets the gender of every person among `entities`.
pub fn assign(doc: &Document, entities: &mut [Entity]) {
    let votes = pronoun_votes(doc, entities);
    for (i, e) in entities.iter_mut().enumerate() {
        if e.ty != EntityKind::Person {
            continue;
        }
        e.gender = by_honorific(doc, e, &[' ', '.', '\u{a0}'])
            .or_else(|| votes.get(&i).and_then(|v| majority(*v)))
            .or_else(|| by_given_name(e, NameEvidence::Dominant));
    }
}

/// How much a given name must say before it is taken for a gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameEvidence {
    /// The name written in full, and common enough that one sex dominates its statistics: what the
    /// report prints as a person's gender.
    Dominant,
    /// Any given name the statistics know: a prior for telling who a pronoun is, where a weak hint
    /// beats none.
    Any,
}

/// A person's gender by their names alone, before any pronoun is read: an honorific of one of their
/// mentions, else their given name, as much as `evidence` asks. The one rule both the report's
/// `gender` (through [`assign`], which adds the pronouns) and the quotes stage's pronoun resolution
/// read.
pub fn by_names(doc: &Document, e: &Entity, evidence: NameEvidence) -> Option<Gender> {
    let split: &[char] = match evidence {
        NameEvidence::Dominant => &[' ', '.', '\u{a0}'],
        NameEvidence::Any => &[' ', '.'],
    };
    by_honorific(doc, e, split).or_else(|| by_given_name(e, evidence))
}

/// The gender a person's given name tells, as much as `evidence` asks.
fn by_given_name(e: &Entity, evidence: NameEvidence) -> Option<Gender> {
    let given = e.name.split([' ', '-']).next()?;
    match evidence {
        NameEvidence::Dominant => (e.name.contains(' ') && GAZETTEER.given_name(given) >= 200)
            .then(|| GAZETTEER.given_gender(given))
            .flatten(),
        NameEvidence::Any => GAZETTEER.given_gender(given),
    }
}

/// The gender an honorific of one of the person's mentions tells (the honorific being the
/// mention's first word, cut at any of `split`).
fn by_honorific(doc: &Document, e: &Entity, split: &[char]) -> Option<Gender> {
    e.mentions.iter().find_map(|m| {
        let first = doc.slice(*m).split(split).next()?;
        lexicon::GENDERED_HONORIFICS
            .get(first)
            .and_then(lexicon::gender)
    })
}

/// The clear majority of a person's pronoun votes (female, male).
fn majority((female, male): (u32, u32)) -> Option<Gender> {
    if female > male {
        Some(Gender::Female)
    } else if male > female {
        Some(Gender::Male)
    } else {
        None
    }
}

/// For each k, 1 + the index of the last of `people[..k]` (mention ends with entity indices, in
/// order) whose given name (`named`) does not say other than `gender` (0: none), so that a pronoun
/// finds its person in one step, however many people of the other sex were named since.
fn latest_fitting(people: &[(usize, usize)], named: &[Option<Gender>], gender: Gender) -> Vec<u32> {
    let mut out = Vec::with_capacity(people.len() + 1);
    out.push(0);
    for (j, &(_, p)) in people.iter().enumerate() {
        let last = out[j];
        out.push(if named[p].is_none_or(|g| g == gender) {
            j as u32 + 1
        } else {
            last
        });
    }
    out
}

/// For each person (by index), the gendered pronouns that refer to them: (female, male).
fn pronoun_votes(doc: &Document, entities: &[Entity]) -> FxHashMap<usize, (u32, u32)> {
    let named: Vec<Option<Gender>> = entities
        .iter()
        .map(|e| by_given_name(e, NameEvidence::Dominant))
        .collect();
    let mut people: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.ty == EntityKind::Person)
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.end, i)))
        .collect();
    people.sort_unstable();
    let mut votes: FxHashMap<usize, (u32, u32)> = FxHashMap::default();
    if people.is_empty() {
        return votes;
    }
    let (latest_female, latest_male) = (
        latest_fitting(&people, &named, Gender::Female),
        latest_fitting(&people, &named, Gender::Male),
    );
    for (w, word) in doc.words.iter().enumerate() {
        // pronouns are short ASCII words: most words are passed over by their first letter and
        // length, the rest lower-cased on the stack
        let text = doc.slice(*word).as_bytes();
        let mut buf = [0u8; 8];
        let (firsts, longest) = &*PRONOUN_SHAPE;
        let opens = text
            .first()
            .is_some_and(|b| firsts.get(usize::from(b.to_ascii_lowercase())) == Some(&true));
        if !opens || text.len() > *longest || !text.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        for (b, c) in buf.iter_mut().zip(text) {
            *b = c.to_ascii_lowercase();
        }
        let Ok(lower) = std::str::from_utf8(&buf[..text.len()]) else {
            continue;
        };
        let Some(gender) = lexicon::PRONOUN_GENDERS
            .get(lower)
            .and_then(lexicon::gender)
        else {
            continue;
        };
        // the person mentioned last before the pronoun, within its sentence or the two before,
        // whose given name does not say otherwise ("Paris's father, Albert Jaquier" is no "she")
        let sentence = doc.sentence_of_word(w);
        let from = doc.sentences[sentence.saturating_sub(LOOKBACK)].start;
        let upto = people.partition_point(|&(end, _)| end <= word.start);
        let latest = match gender {
            Gender::Female => &latest_female,
            Gender::Male => &latest_male,
        };
        let Some(&(end, person)) = (latest[upto] as usize)
            .checked_sub(1)
            .and_then(|j| people.get(j))
        else {
            continue;
        };
        if end < from {
            continue;
        }
        let v = votes.entry(person).or_default();
        match gender {
            Gender::Female => v.0 += 1,
            Gender::Male => v.1 += 1,
        }
    }
    votes
}

#[cfg(test)]
mod tests {
    use crate::kinds::Gender;
    use crate::text::Document;

    fn genders(text: &str) -> Vec<(String, Option<Gender>)> {
        let doc = Document::new(text);
        super::super::recognise(&doc, &[])
            .into_iter()
            .filter(|e| e.ty == crate::kinds::EntityKind::Person)
            .map(|e| (e.name, e.gender))
            .collect()
    }

    #[test]
    fn honorifics_then_pronouns_then_given_names() {
        let g = genders(
            "Jordan Blake spoke first. She said the plan was sound.\n\n\
             Mr. Avery Quinn disagreed.\n\n\
             Thomas Reed, the third speaker, left early.",
        );
        assert_eq!(g[0], ("Jordan Blake".into(), Some(Gender::Female)));
        assert_eq!(g[1], ("Avery Quinn".into(), Some(Gender::Male)));
        assert_eq!(g[2], ("Thomas Reed".into(), Some(Gender::Male)));
    }

    #[test]
    fn a_pronoun_passes_over_a_person_whose_name_says_otherwise() {
        let g = genders(
            "Avery Quinn left the firm in May. Her partner, Thomas Reed, stayed on after she went.",
        );
        assert_eq!(g[0], ("Avery Quinn".into(), Some(Gender::Female)));
        assert_eq!(g[1], ("Thomas Reed".into(), Some(Gender::Male)));
    }

    #[test]
    fn no_evidence_no_gender() {
        let g = genders("Kestrel Varga spoke first, and the crowd cheered.");
        assert_eq!(g, [("Kestrel Varga".into(), None)]);
    }
}
