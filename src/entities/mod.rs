//! Named entities: the people, organisations, places and nationalities an article names, each once,
//! with all of its mentions.
//!
//! [`mentions`] finds and types the mentions sentence by sentence with the compiled-in lists
//! ([`gazetteer`]); this module settles the one-word mentions no list knew by the rest of the
//! document (a surname of a person named in full, an acronym given in brackets), clusters the
//! mentions ("Kassym-Jomart Tokayev" = "Mr. Tokayev" = "Tokayev") and names each cluster by its
//! fullest form.

pub mod gazetteer;
pub mod mentions;

pub use mentions::without_honorific;

/// The attribution notices the compiled-in lists ask for (`analyze --notices`).
pub const NOTICES: &str = include_str!("../../data/gazetteers/NOTICE.txt");

use rustc_hash::FxHashMap;

use crate::lang;
use crate::report::EntityKind;
use crate::text::{Document, Span};
use gazetteer::{GAZETTEER, key};
use mentions::Mention;

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
    settle_open_types(doc, &mut ms);
    if sports_report(doc) {
        places_as_teams(doc, &mut ms);
    }
    cluster(doc, ms)
}

/// Whether the document reports sport: a sport word in its first line, or several lines of a name
/// followed by scores ("Newport 29 Caerphilly 10", "BALTIMORE 70 63 .526").
fn sports_report(doc: &Document) -> bool {
    let first = doc
        .paragraphs
        .first()
        .map(|p| key(doc.slice(p.span)))
        .unwrap_or_default();
    let words: Vec<&str> = first
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    if lang::SPORT_WORDS
        .iter()
        .any(|w| joined.contains(&format!(" {w} ")))
    {
        return true;
    }
    let score_lines = doc
        .paragraphs
        .iter()
        .filter(|p| {
            let ws = &doc.words[p.words.clone()];
            ws.windows(2).any(|w| {
                let (a, b) = (doc.slice(w[0]), doc.slice(w[1]));
                a.chars().next().is_some_and(char::is_uppercase)
                    && b.chars().all(|c| c.is_ascii_digit())
                    && &doc.text[w[0].end..w[1].start] == " "
            })
        })
        .count();
    score_lines >= 3
}

/// In a sports report a city, state or county names its team: an organisation, except where it is
/// where something happens (before a colon or a date, after "in" or "at").
fn places_as_teams(doc: &Document, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        // countries and capitals stay places: national sides are tagged by their country
        if m.ty != Some(EntityKind::Gpe) || m.rank >= 7 {
            continue;
        }
        let after = doc.text[m.span.end..].trim_start_matches([' ', '\u{a0}']);
        let before = doc.text[..m.span.start].trim_end();
        let dated = after.starts_with(|c: char| c.is_ascii_digit()) && after.get(4..5) == Some("-");
        // "in Portsmouth", "At Anfield": the word before, lower case or capitalised
        let word_before = before.rsplit(' ').next().filter(|_| before.contains(' '));
        let venue = after.starts_with(':')
            || dated
            || word_before.is_some_and(|w| {
                let lower = w.to_lowercase();
                lang::VENUE_PREPOSITIONS.contains(&lower)
                    && w.chars().skip(1).eq(lower.chars().skip(1))
            });
        if !venue {
            m.ty = Some(EntityKind::Org);
        }
    }
}

/// Types the one-word mentions the lists left open: a word that is part of a person's name in the
/// document is that person; one that is part of an organisation's name, or given as its acronym,
/// is that organisation; else a word in capitals is an organisation and any other a person.
fn settle_open_types(doc: &Document, ms: &mut [Mention]) {
    let mut parts: FxHashMap<String, EntityKind> = FxHashMap::default();
    for m in ms.iter().filter(|m| m.ty.is_some()) {
        let text = doc.slice(m.span);
        let words: Vec<&str> = text.split([' ', '\u{a0}', '-']).collect();
        if words.len() < 2 {
            continue;
        }
        if let Some(ty @ (EntityKind::Person | EntityKind::Org)) = m.ty {
            for w in &words {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    parts.entry(key(w)).or_insert(ty);
                }
            }
        }
        if m.ty == Some(EntityKind::Org) {
            let acronym = initials(text);
            if acronym.chars().count() >= 2 {
                parts.entry(key(&acronym)).or_insert(EntityKind::Org);
            }
        }
    }
    for m in ms.iter_mut().filter(|m| m.ty.is_none()) {
        let text = doc.slice(m.span);
        m.ty = Some(parts.get(&key(text)).copied().unwrap_or_else(|| {
            if text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                EntityKind::Org
            } else {
                EntityKind::Person
            }
        }));
    }
}

/// Clusters typed mentions into entities.
fn cluster(doc: &Document, ms: Vec<Mention>) -> Vec<Entity> {
    struct Cluster {
        ty_votes: FxHashMap<EntityKind, u32>,
        mentions: Vec<Span>,
        texts: Vec<String>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    // a person's surname → the first person named in full with it
    let mut by_part: FxHashMap<String, usize> = FxHashMap::default();
    // an organisation's initials → the organisation ("NRA" → "National Rifle Association")
    let mut by_initials: FxHashMap<String, usize> = FxHashMap::default();
    // people named in full first, so that a bare surname before them still finds them
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| {
        let words = doc.slice(ms[i].span).split_whitespace().count();
        (
            ms[i].ty != Some(EntityKind::Person) || words < 2,
            ms[i].span.start,
        )
    });
    for i in order {
        let m = &ms[i];
        let Some(ty) = m.ty else { continue };
        let full = doc.slice(m.span);
        let text = if ty == EntityKind::Person {
            mentions::without_honorific(full)
        } else {
            full
        };
        let k = format!("{}:{}", ty.as_str(), cluster_key(text, ty));
        let words: Vec<&str> = text.split_whitespace().collect();
        // a town or region sharing the surname of a person the document names in full ("Rubio"
        // after "Marco Rubio") is that person
        let as_surname = matches!(ty, EntityKind::Gpe | EntityKind::Loc)
            && m.rank <= 4
            && words.len() == 1
            && !by_key.contains_key(&k);
        let surname_of = as_surname
            .then(|| by_part.get(&key(text)).copied())
            .flatten();
        let ty = if surname_of.is_some() {
            EntityKind::Person
        } else {
            ty
        };
        let found =
            surname_of
                .or_else(|| by_key.get(&k).copied())
                .or_else(|| match (ty, words.len()) {
                    (EntityKind::Person, 1) => by_part.get(&key(text)).copied(),
                    (EntityKind::Org, 1) => by_initials.get(&key(text)).copied(),
                    _ => None,
                });
        let ci = match found {
            Some(ci) => ci,
            None => {
                clusters.push(Cluster {
                    ty_votes: FxHashMap::default(),
                    mentions: Vec::new(),
                    texts: Vec::new(),
                });
                let ci = clusters.len() - 1;
                by_key.insert(k, ci);
                if ty == EntityKind::Person
                    && words.len() >= 2
                    && let Some(last) = words.last()
                {
                    by_part.entry(key(last)).or_insert(ci);
                }
                if ty == EntityKind::Org && words.len() >= 2 {
                    by_initials.entry(key(&initials(text))).or_insert(ci);
                }
                ci
            }
        };
        let c = &mut clusters[ci];
        *c.ty_votes.entry(ty).or_default() += if m.sure { 2 } else { 1 };
        c.mentions.push(m.span);
        c.texts.push(text.to_string());
    }
    let mut out: Vec<Entity> = clusters
        .into_iter()
        .filter_map(|mut c| {
            let ty = c
                .ty_votes
                .iter()
                .max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))
                .map(|(t, _)| *t)?;
            let order: Vec<usize> = {
                let mut o: Vec<usize> = (0..c.mentions.len()).collect();
                o.sort_by_key(|&i| c.mentions[i].start);
                o
            };
            c.mentions = order.iter().map(|&i| c.mentions[i]).collect();
            c.texts = order.iter().map(|&i| c.texts[i].clone()).collect();
            Some(Entity {
                name: canonical_name(&c.texts, ty),
                ty,
                mentions: c.mentions,
            })
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
    out
}

/// The capitals that begin the words of a name: "National Rifle Association" → "NRA".
fn initials(text: &str) -> String {
    text.split([' ', '\u{a0}', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// The key mentions of one entity share: the normalised text, an organisation's acronym or short form
/// mapped to its full name.
fn cluster_key(text: &str, ty: EntityKind) -> String {
    let k = key(text);
    if ty == EntityKind::Org
        && let Some(full) = GAZETTEER.canonical(&k)
    {
        return key(full);
    }
    k
}

/// A cluster's name: the fullest form for people and organisations (the longest mention), the most
/// frequent form for the rest (the first on ties).
fn canonical_name(texts: &[String], ty: EntityKind) -> String {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match ty {
        EntityKind::Person | EntityKind::Org => texts
            .iter()
            .enumerate()
            .max_by_key(|(i, t)| (t.chars().count(), std::cmp::Reverse(*i)))
            .map(|(_, t)| tidy(t))
            .unwrap_or_default(),
        _ => {
            let mut counts: Vec<(&String, usize, usize)> = Vec::new();
            for (i, t) in texts.iter().enumerate() {
                match counts.iter_mut().find(|(x, _, _)| *x == t) {
                    Some(e) => e.1 += 1,
                    None => counts.push((t, 1, i)),
                }
            }
            counts
                .iter()
                .max_by_key(|(_, n, i)| (*n, std::cmp::Reverse(*i)))
                .map(|(t, _, _)| tidy(t))
                .unwrap_or_default()
        }
    }
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
