//! Named entities: the people, organisations, places and nationalities an article names, each once,
//! with all of its mentions.
//!
//! Three steps, one module each: `mentions` finds and types the mentions sentence by sentence with
//! the compiled-in lists ([`gazetteer`]); `settle` types the one-word mentions no list knew by the
//! rest of the document (a surname of a person named in full, an acronym given in brackets) and
//! reads places as teams in sports reports; `cluster` gathers the mentions of one entity
//! ("Kassym-Jomart Tokayev" = "Mr. Tokayev" = "Tokayev") and names each by its fullest form.

mod cluster;
pub mod gazetteer;
mod mentions;
mod settle;

pub use mentions::without_honorific;

/// The attribution notices the compiled-in lists ask for (`analyze --notices`).
pub const NOTICES: &str = include_str!("../../data/gazetteers/NOTICE.txt");

use crate::report::EntityKind;
use crate::text::{Document, Span};

/// One entity: its name, type and mentions (byte spans, in text order).
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub ty: EntityKind,
    pub mentions: Vec<Span>,
}

/// The entities of `doc`, ordered by first mention; mentions inside `skip` (page furniture) are left
/// out.
pub fn find(doc: &Document, skip: &[Span]) -> Vec<Entity> {
    let mut ms = mentions::find(doc);
    ms.retain(|m| {
        !skip
            .iter()
            .any(|s| s.start <= m.span.start && m.span.end <= s.end)
    });
    settle::settle_open_types(doc, &mut ms);
    if settle::sports_report(doc) {
        settle::places_as_teams(doc, &mut ms);
    }
    cluster::cluster(doc, ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let doc = Document::new(text);
        find(&doc, &[])
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
}
