//! Named entities: the people, organisations, places and nationalities an article names, each once,
//! with all of its mentions.
//!
//! Three steps, one module each: `mentions` finds and types the mentions sentence by sentence with
//! the compiled-in lists ([`gazetteer`]); `settle` types the one-word mentions no list knew by the
//! rest of the document (a surname of a person named in full, an acronym given in brackets) and
//! reads places as teams in sports reports; `cluster` gathers the mentions of one entity
//! ("Kassym-Jomart Tokayev" = "Mr. Tokayev" = "Tokayev") and names each by its fullest form.

mod cluster;
pub mod gender;
mod mentions;
pub mod model;
mod settle;

pub use mentions::without_honorific;

/// The attribution notices the compiled-in lists and learned weights ask for (`analyze --notices`).
pub const NOTICES: &str = concat!(
    include_str!("../../data/gazetteers/NOTICE.txt"),
    include_str!("../../data/model/NOTICE.txt")
);

use crate::kinds::EntityKind;
use crate::text::{Document, Span};

/// One entity: its name, type and mentions (byte spans, in text order).
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub ty: EntityKind,
    pub mentions: Vec<Span>,
    /// A person's gender, when the article shows it.
    pub gender: Option<crate::kinds::Gender>,
}

/// The entities of `doc`, ordered by first mention; mentions inside `skip` (page furniture) are left
/// out.
pub fn recognise(doc: &Document, skip: &[Span]) -> Vec<Entity> {
    let ms = candidates(doc, skip);
    let evidence = model::features::Evidence::of(doc, &ms);
    // where the rules are sure by the text's structure (a title, an honorific, a head word, a team
    // in a sports report) or by a list their type stands; the model judges the rest, and may find
    // no name at all. A name written several times is judged once, on the evidence of all its
    // mentions (each mention's scores summed, a sure one counting as a strong vote).
    let trusted = |m: &mentions::Mention| m.sure && (m.rank == 0 || m.rank >= TRUSTED_RANK);
    let mut feats = Vec::with_capacity(64);
    let mut sums: rustc_hash::FxHashMap<String, model::Scores> = Default::default();
    let scores: Vec<model::Scores> = ms
        .iter()
        .map(|m| {
            let s = if trusted(m) {
                let mut s = [0.0; model::CLASSES];
                s[m.ty.map_or(model::Class::None, model::Class::of).index()] = SURE_VOTE;
                s
            } else {
                feats.clear();
                model::features::features(doc, m, &evidence, &mut feats);
                model::scores(&feats)
            };
            let sum = sums
                .entry(crate::lexicon::gazetteer::key(without_honorific(
                    doc.slice(m.span),
                )))
                .or_default();
            for (a, b) in sum.iter_mut().zip(s) {
                *a += b;
            }
            s
        })
        .collect();
    let mut judged: Vec<mentions::Mention> = ms
        .into_iter()
        .zip(scores)
        .map(|(mut m, own)| {
            if trusted(&m) {
                return m;
            }
            let rule = m.ty.map_or(model::Class::None, model::Class::of);
            let s = sums
                .get(&crate::lexicon::gazetteer::key(without_honorific(
                    doc.slice(m.span),
                )))
                .copied()
                .unwrap_or(own);
            let class = checked(doc, &m, model::best(&s, rule), &s, &evidence);
            m.ty = kind_of(doc, &m, class);
            m
        })
        .collect();
    // a contest or a festival by its head word ("the World Cup", "the Boston Marathon"), whether
    // the judge or a league's list called it an organisation
    for m in &mut judged {
        if m.ty == Some(EntityKind::Org) && event_headed(doc.slice(m.span)) {
            m.ty = Some(EntityKind::Misc);
        }
    }
    surnames_judged_apart(doc, &mut judged);
    short_organisation_names(doc, &evidence, &mut judged);
    let mut entities = cluster::cluster(doc, judged);
    gender::assign(doc, &mut entities);
    entities
}

/// The model's judgement `class` of `m` (scores `s`) held against what the text shows.
fn checked(
    doc: &Document,
    m: &mentions::Mention,
    class: model::Class,
    s: &model::Scores,
    evidence: &model::features::Evidence,
) -> model::Class {
    let text = doc.slice(m.span);
    // one word no list or rule typed is a person only on evidence of one: a given name, an
    // honorific or title somewhere, the surname of someone named in full
    let open_word = m.ty.is_none() && !text.contains([' ', '\u{a0}']);
    if class == model::Class::Org && given_name_led(text, m.ty) {
        model::Class::Person
    } else if open_word && class == model::Class::Person && !evidence.person_like(text) {
        model::Class::None
    } else if matches!(class, model::Class::Org | model::Class::None)
        && !text.contains([' ', '\u{a0}'])
        && before_its_state(doc, m.span)
    {
        // "near Kelbrook, Saudi Arabia": a town before its country or state
        model::Class::Place
    } else if class == model::Class::Place && unlisted_acronym(text) {
        // the lists have the places written so ("UK", "UAE", "NYC"); another is an organisation
        model::Class::Org
    } else if class == model::Class::Place && !place_headed(text) {
        // a name of several words is a place by its head: the whole listed as one, or a last
        // word that names places ("River", "County"); else the next best judgement
        second_best(s, model::Class::Place)
    } else {
        class
    }
}

/// "Quick" after "Paula Quick": one word judged an organisation's name or no name that is the last
/// word of a person the document names in full (four words at most) is that person's surname (a
/// surname that is also a common word, which the judge reads as a thing), unless a list knows the
/// word or it stands where no name does (see [`model::features::stands_as_a_name`]).
fn surnames_judged_apart(doc: &Document, ms: &mut [mentions::Mention]) {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let one_word = |m: &mentions::Mention| !doc.slice(m.span).contains([' ', '\u{a0}']);
    let open = |m: &mentions::Mention| matches!(m.ty, None | Some(EntityKind::Org)) && one_word(m);
    if !ms.iter().any(open) {
        return;
    }
    // the last words as written: a document writes a surname the same way each time
    let surnames: rustc_hash::FxHashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == Some(EntityKind::Person))
        .filter_map(|m| {
            let bare = without_honorific(doc.slice(m.span));
            // a name of four words at most: a longer "person" is a run the rules did not cut
            let words = bare.split([' ', '\u{a0}']).count();
            let (_, last) = bare.rsplit_once([' ', '\u{a0}']).filter(|_| words <= 4)?;
            Some(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let candidate = |m: &mentions::Mention| {
        open(m) && surnames.contains(doc.slice(m.span)) && g.lookup(doc.slice(m.span)).is_none()
    };
    // where the surname stands as a name once (inside a sentence, or before a speech verb), it
    // is the person's also where it opens a sentence ("Band described …" after "Doug Band said")
    let standing: rustc_hash::FxHashSet<&str> = ms
        .iter()
        .filter(|m| candidate(m) && model::features::stands_as_a_name(doc, m.span))
        .map(|m| doc.slice(m.span))
        .collect();
    for m in ms.iter_mut() {
        if candidate(m)
            && standing.contains(doc.slice(m.span))
            && !model::features::placed(doc, m.span)
        {
            m.ty = Some(EntityKind::Person);
        }
    }
}

/// "Tamberly" after "Tamberly FC": one word judged a person's or a place's name that opens the
/// name of an organisation the document gives in full, whose other words are an organisation's head
/// words or legal suffix ("FC", "Ltd", "Party"), is that organisation, when no list knows the word
/// and nothing in the text shows it naming a person.
fn short_organisation_names(
    doc: &Document,
    evidence: &model::features::Evidence,
    ms: &mut [mentions::Mention],
) {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let first_words: rustc_hash::FxHashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == Some(EntityKind::Org))
        .filter_map(|m| {
            let (first, rest) = doc.slice(m.span).split_once(' ')?;
            rest.split(' ')
                .all(|w| g.is_org_head(w) || g.is_org_suffix(w))
                .then_some(first)
        })
        .collect();
    if first_words.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        let text = doc.slice(m.span);
        if matches!(m.ty, Some(EntityKind::Person | EntityKind::Gpe))
            && first_words.contains(text)
            && g.lookup(text).is_none()
            && !evidence.person_like(text)
        {
            m.ty = Some(EntityKind::Org);
        }
    }
}

/// "Nora Fielding": a name of two or three words the rules gave as a person's by its common given
/// name, with no list and no head word or legal suffix of an organisation in it.
fn given_name_led(text: &str, rule: Option<EntityKind>) -> bool {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let words = || text.split([' ', '\u{a0}']);
    rule == Some(EntityKind::Person)
        && (2..=3).contains(&words().count())
        && words().next().is_some_and(|w| g.given_name(w) >= 1000)
        && g.lookup(text).is_none()
        && words().all(|w| !g.is_org_head(w) && !g.is_org_suffix(w))
}

/// Whether the name at `span` stands before a comma and a country or state the lists know, ending
/// there ("Kelbrook, Saudi Arabia,", "Tarn, Ohio."): a town named with where it is.
fn before_its_state(doc: &Document, span: Span) -> bool {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let Some(rest) = doc
        .text
        .get(span.end..)
        .and_then(|r| r.strip_prefix(", "))
        .and_then(|r| r.split('\n').next())
    else {
        return false;
    };
    // the place: up to three capitalised words, then a stop, a comma or the line's end
    let mut end = 0;
    for (n, word) in rest.split(' ').take(3).enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ')']);
        if !bare.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        end += word.len() + usize::from(n > 0);
        let closed = bare.len() < word.len() || rest[end..].is_empty();
        let name = rest[..end].trim_end_matches([',', '.', ';', ')']);
        if closed {
            return g
                .lookup(name)
                .is_some_and(|k| !k.caution && k.ty == EntityKind::Gpe && k.rank >= STATE_RANK);
        }
    }
    false
}

/// Three to five capital letters no list knows ("NRVF", "HTCB"); two letters are as often a state's
/// or a country's code as anything ("FL", "DC").
fn unlisted_acronym(text: &str) -> bool {
    (3..=5).contains(&text.chars().count())
        && text.chars().all(|c| c.is_ascii_uppercase())
        && crate::lexicon::gazetteer::GAZETTEER.lookup(text).is_none()
}

/// Whether a name of several words is headed like a place: listed as one as a whole, its last word
/// a place's head word or a listed place ("Northern Ireland"), or its first word one that opens
/// places ("Cape Canaveral"). One word is.
fn place_headed(text: &str) -> bool {
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let Some((_, last)) = text.rsplit_once([' ', '\u{a0}']) else {
        return true;
    };
    let first = text.split([' ', '\u{a0}']).next().unwrap_or_default();
    g.lookup(text)
        .is_some_and(|k| model::Class::of(k.ty) == model::Class::Place)
        || g.place_head(last).is_some()
        || crate::lexicon::PLACE_LEADS.contains_lower(first)
        || g.lookup(last)
            .is_some_and(|k| model::Class::of(k.ty) == model::Class::Place)
}

/// Whether a name of several words is headed by a facility's word: its last word, or the last word
/// before "of" ("Ritz Hotel", "Museum of Tides").
fn facility_headed(text: &str) -> bool {
    let core = text.split_once(" of ").map_or(text, |(head, _)| head);
    text.contains([' ', '\u{a0}'])
        && [text, core].into_iter().any(|t| {
            t.rsplit([' ', '\u{a0}'])
                .next()
                .is_some_and(|last| crate::lexicon::FACILITY_HEADS.contains_lower(last))
        })
}

/// Whether a name of several words is headed by an event's word: its last word, or the last word
/// before "of" ("World Cup", "World Series of Poker").
fn event_headed(text: &str) -> bool {
    let core = text.split_once(" of ").map_or(text, |(head, _)| head);
    core.rsplit_once([' ', '\u{a0}'])
        .is_some_and(|(_, last)| crate::lexicon::EVENT_HEADS.contains_lower(last))
}

/// The best class of `s` other than `not`.
fn second_best(s: &model::Scores, not: model::Class) -> model::Class {
    let mut best = model::Class::None;
    for c in model::Class::ALL {
        if c != not && s[c.index()] > s[best.index()] {
            best = c;
        }
    }
    best
}

/// The vote a mention the rules are sure of casts for its type, against the model's scores of the
/// same name elsewhere in the document.
const SURE_VOTE: f32 = 10.0;

/// A list's rank from which its word is trusted over the model (countries, states, big cities).
const TRUSTED_RANK: u8 = 5;

/// The rank the lists give a state of a country (see [`crate::lexicon::gazetteer::Known::rank`]);
/// countries rank above.
const STATE_RANK: u8 = 6;

/// The kind of entity a candidate judged `class` is: a place's kind and a nationality come from the
/// rules and lists.
fn kind_of(doc: &Document, m: &mentions::Mention, class: model::Class) -> Option<EntityKind> {
    use model::Class;
    let g = &crate::lexicon::gazetteer::GAZETTEER;
    let text = doc.slice(m.span);
    Some(match class {
        Class::None => return None,
        Class::Person => EntityKind::Person,
        // a building or a site by its last word ("the Natural History Museum")
        Class::Org if facility_headed(text) => EntityKind::Fac,
        Class::Org => EntityKind::Org,
        Class::Place => match m.ty {
            Some(k @ (EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac)) => k,
            _ => text
                .rsplit(' ')
                .next()
                .and_then(|w| g.place_head(w))
                .unwrap_or(EntityKind::Gpe),
        },
        Class::Misc => {
            let norp = m.ty == Some(EntityKind::Norp)
                || g.lookup(text).is_some_and(|k| k.ty == EntityKind::Norp);
            if norp {
                EntityKind::Norp
            } else {
                EntityKind::Misc
            }
        }
    })
}

/// The candidate names of `doc` as the rules find and type them (mentions inside `skip` left out):
/// what the model judges, in training as in use.
pub(crate) fn candidates(doc: &Document, skip: &[Span]) -> Vec<mentions::Mention> {
    let mut ms = mentions::candidates(doc);
    // `skip` holds paragraphs, in order: a binary search each
    ms.retain(|m| !m.span.inside_any(skip));
    settle::settle_open_types(doc, &mut ms);
    if settle::sports_report(doc) {
        settle::places_as_teams(doc, &mut ms);
    }
    ms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let doc = Document::new(text);
        recognise(&doc, &[])
            .into_iter()
            .map(|e| {
                let ms = e
                    .mentions
                    .iter()
                    .map(|&m| doc.slice(m).to_string())
                    .collect();
                (e.name, e.ty.as_str(), ms)
            })
            .collect()
    }

    /// What `checked` makes of the judge's `class` for `word` of `text`, a one-word mention no
    /// list typed.
    fn checked_word(text: &str, word: &str, class: model::Class) -> model::Class {
        let doc = Document::new(text);
        let evidence = model::features::Evidence::of(&doc, &[]);
        let at = doc.text.find(word).unwrap();
        let m = mentions::Mention {
            span: Span::new(at, at + word.len()),
            ty: None,
            sure: false,
            rank: 0,
        };
        checked(&doc, &m, class, &[0.0; model::CLASSES], &evidence)
    }

    #[test]
    fn an_acronym_no_list_knows_judged_a_place_is_an_organisation() {
        let text = "Units of the NRVF moved south, and the UK protested.";
        let judged = |word| checked_word(text, word, model::Class::Place);
        assert_eq!(judged("NRVF"), model::Class::Org);
        // a place the lists write so stays one
        assert_eq!(judged("UK"), model::Class::Place);
    }

    #[test]
    fn a_name_before_a_comma_and_its_country_or_state_is_a_place() {
        let text = "Crowds gathered near Kelbrook, Saudi Arabia.\nOthers met at Tarn, Ohio, and Hale, Mr Ross.";
        let judged = |word| checked_word(text, word, model::Class::Org);
        assert_eq!(judged("Kelbrook"), model::Class::Place);
        assert_eq!(judged("Tarn"), model::Class::Place);
        // a comma and something else after the name prove nothing
        assert_eq!(judged("Hale"), model::Class::Org);
    }

    #[test]
    fn a_surname_that_is_a_common_word_stays_with_its_person() {
        let e = entities(
            "Delegates voted to strike, said Paula Quick, a union organiser. Workers have \
             waited three years for a raise, Quick said. \"We are tired,\" Quick told reporters.",
        );
        let quick = e.iter().find(|(n, ..)| n == "Paula Quick");
        assert!(
            quick.is_some_and(|(_, _, ms)| ms.iter().filter(|m| *m == "Quick").count() == 2),
            "{e:?}"
        );
    }

    #[test]
    fn a_name_led_by_a_common_given_name_is_a_person_unless_an_organisation_shows() {
        let person = Some(EntityKind::Person);
        assert!(given_name_led("Nora Fielding", person));
        assert!(!given_name_led("Nora Fielding", None));
        assert!(!given_name_led("Paul Holdings Ltd", person));
        assert!(!given_name_led("Mary Street Bank", person));
    }

    #[test]
    fn an_organisation_named_by_its_first_word_stays_an_organisation() {
        let e = entities(
            "Tamberly FC won on Saturday. Tamberly, founded by dockworkers in 2019, trained on a \
             car park. Tamberly's coach, Ruth Okonjo, was pleased.",
        );
        assert!(
            e.iter().any(|(n, t, _)| n == "Tamberly" && *t == "ORG"),
            "{e:?}"
        );
    }

    #[test]
    fn an_event_is_known_by_its_head_word() {
        for name in [
            "World Cup",
            "Lowmoor Open",
            "World Series of Poker",
            "Harwick Festival of Music",
        ] {
            assert!(event_headed(name), "{name}");
        }
        for name in ["Cup", "Cup Holdings Ltd", "Bank of England", "Epic Games"] {
            assert!(!event_headed(name), "{name}");
        }
    }

    #[test]
    fn titles_nationalities_and_possessives_stay_out_of_names() {
        let e = entities(
            "Kazakh President Kassym-Jomart Tokayev won. Mr. Tokayev’s plan pleased Moscow. \
             Tokayev said so.",
        );
        assert_eq!(e[0], ("Kazakh".into(), "NORP", vec!["Kazakh".into()]));
        assert_eq!(
            e[1],
            (
                "Kassym-Jomart Tokayev".into(),
                "PERSON",
                vec![
                    "Kassym-Jomart Tokayev".into(),
                    "Mr. Tokayev".into(),
                    "Tokayev".into()
                ]
            )
        );
        assert_eq!(e[2].1, "GPE");
    }

    #[test]
    fn acronyms_initials_and_lists_of_names() {
        let e = entities(
            "The National Rifle Association (NRA) objected. The NRA said C. Lewis and \
             Mrs. Jane Fowler met India and Turkey officials. Fowler spoke.",
        );
        let get = |name: &str| {
            e.iter()
                .find(|x| x.0 == name)
                .unwrap_or_else(|| panic!("{name} in {e:?}"))
        };
        assert_eq!(get("National Rifle Association").2.len(), 3);
        assert_eq!(get("National Rifle Association").1, "ORG");
        assert_eq!(get("C. Lewis").1, "PERSON");
        assert_eq!(get("Jane Fowler").2, ["Mrs. Jane Fowler", "Fowler"]);
        assert_eq!(get("India").1, "GPE");
        assert_eq!(get("Turkey").1, "GPE");
    }

    #[test]
    fn in_a_sports_report_a_city_is_its_team() {
        let e = entities(
            "SOCCER - ENGLISH LEAGUE RESULTS.\nLONDON 1996-08-30\nBlackpool 0 Wycombe 0\n\
             Portsmouth 1 Grimsby 0\nBarnet 2 Hull 1\nThe match was played in Portsmouth.",
        );
        let get = |name: &str| {
            e.iter()
                .find(|x| x.0 == name)
                .unwrap_or_else(|| panic!("{name} in {e:?}"))
        };
        assert_eq!(get("LONDON").1, "GPE");
        assert_eq!(get("Blackpool").1, "ORG");
        let ports = get("Portsmouth");
        assert_eq!(ports.2.len(), 1, "the venue after 'in' is a place: {e:?}");
    }

    #[test]
    fn a_town_sharing_a_named_persons_surname_is_that_person() {
        let e = entities(
            "Marco Rubio spoke in Iowa on Monday.\n\nRubio said the race was close, and Rubio left.",
        );
        let rubio: Vec<_> = e.iter().filter(|e| e.0.contains("Rubio")).collect();
        assert_eq!(rubio.len(), 1, "{e:?}");
        assert_eq!(rubio[0].1, "PERSON");
        assert_eq!(rubio[0].2.len(), 3);
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let e = entities("But Russia invaded. Amid the war, Rather than wait, Ukraine fought.");
        let names: Vec<&str> = e.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["Russia", "Ukraine"]);
    }

    #[test]
    fn organisations_by_their_head_word_and_places_joined_by_a_hyphen() {
        let e = entities(
            "He heads the Russian International Affairs Council. The Russia-Ukraine conflict.",
        );
        assert_eq!(e[0].0, "Russian International Affairs Council");
        assert_eq!(e[0].1, "ORG");
        assert_eq!(e[1].0, "Russia");
        assert_eq!(e[2].0, "Ukraine");
    }

    #[test]
    fn listed_names_inside_a_headline_in_capitals() {
        let e = entities(
            "RUGBY - WALES EDGE PAST IRELAND IN DUBLIN.\n\nWales beat Ireland 13-12 on Saturday.",
        );
        let get = |name: &str| {
            e.iter()
                .find(|x| x.0 == name)
                .unwrap_or_else(|| panic!("{name} in {e:?}"))
        };
        // named as the text writes them, with the headline's capitals among the mentions
        assert_eq!(get("Wales").2, ["WALES", "Wales"]);
        assert_eq!(get("Ireland").2, ["IRELAND", "Ireland"]);
        assert!(e.iter().all(|x| !x.0.contains("EDGE")), "{e:?}");
    }

    #[test]
    fn a_person_of_a_party_or_a_place_is_two_names() {
        let e = entities(
            "Sen. Mitch McConnell of Kentucky spoke. Later Alvin Yeung of the Civic Party and \
             Lydia Buchtmann for Food Standards Australia answered.",
        );
        let names: Vec<(&str, &str)> = e.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(names.contains(&("Mitch McConnell", "PERSON")), "{names:?}");
        assert!(names.contains(&("Kentucky", "GPE")), "{names:?}");
        assert!(names.contains(&("Lydia Buchtmann", "PERSON")), "{names:?}");
        assert!(
            names
                .iter()
                .all(|n| !n.0.contains(" of ") && !n.0.contains(" for ")),
            "{names:?}"
        );
    }
}
