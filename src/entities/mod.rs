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
pub mod model;
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
    let ms = candidates(doc, skip);
    let evidence = model::features::Evidence::of(doc, &ms);
    let mut feats = Vec::with_capacity(64);
    // where the rules are sure by the text's structure (a title, an honorific, a head word, a team
    // in a sports report) their type stands; the model judges the rest, listed names included (a
    // list is evidence, not a verdict), and may find no name at all
    let judged: Vec<mentions::Mention> = ms
        .into_iter()
        .map(|mut m| {
            if m.sure && (m.rank == 0 || m.rank >= trust_rank()) {
                return m;
            }
            feats.clear();
            model::features::features(doc, &m, &evidence, &mut feats);
            let scores = model::scores(&feats);
            let rule = m.ty.map_or(model::Class::None, model::Class::of);
            m.ty = kind_of(doc, &m, model::best(&scores, rule));
            m
        })
        .collect();
    cluster::cluster(doc, judged)
}

fn trust_rank() -> u8 {
    std::env::var("TRUST").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

/// The kind of entity a candidate judged `class` is: a place's kind and a nationality come from the
/// rules and lists.
fn kind_of(doc: &Document, m: &mentions::Mention, class: model::Class) -> Option<EntityKind> {
    use model::Class;
    let g = &gazetteer::GAZETTEER;
    let text = doc.slice(m.span);
    Some(match class {
        Class::None => return None,
        Class::Person => EntityKind::Person,
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
            if norp { EntityKind::Norp } else { EntityKind::Misc }
        }
    })
}

/// The candidate names of `doc` as the rules find and type them (mentions inside `skip` left out):
/// what the model judges, in training as in use.
pub(crate) fn candidates(doc: &Document, skip: &[Span]) -> Vec<mentions::Mention> {
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
    ms
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
