//! Clustering: the mentions of one entity gathered ("Kassym-Jomart Tokayev" = "Mr. Tokayev" =
//! "Tokayev", "NRA" = "National Rifle Association"), each cluster typed by its mentions' votes and
//! named by its fullest form.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Entity;
use super::mentions::{Mention, without_honorific};
use crate::kinds::EntityKind;
use crate::lexicon;
use crate::lexicon::gazetteer::{GAZETTEER, key};
use crate::text::{Document, Span};

/// Clusters typed mentions into entities, ordered by first mention. Mentions judged no name (no
/// type) join an entity whose name they write the same, and are dropped otherwise.
pub fn cluster(doc: &Document, ms: Vec<Mention>) -> Vec<Entity> {
    let mut c = Clusters::default();
    // people named in full first, so that a bare surname before them still finds them
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| {
        let words = doc.slice(ms[i].span).split_whitespace().count();
        (
            ms[i].ty != Some(EntityKind::Person) || words < 2,
            ms[i].span.start,
        )
    });
    for &i in &order {
        c.add(doc, &ms[i]);
    }
    for m in ms.iter().filter(|m| m.ty.is_none()) {
        c.join(doc, m);
    }
    c.into_entities()
}

/// One entity being gathered: its mentions, their texts and the types they vote for.
struct Cluster {
    ty_votes: FxHashMap<EntityKind, u32>,
    mentions: Vec<Span>,
    texts: Vec<String>,
    /// The normalised forms of `texts`, each once.
    keys: FxHashSet<String>,
}

/// The clusters so far, and the keys that lead a mention to one.
#[derive(Default)]
struct Clusters {
    clusters: Vec<Cluster>,
    /// Type and normalised name (or an organisation's full name) → cluster.
    by_key: FxHashMap<String, usize>,
    /// Normalised name, whatever the type → the first cluster with it.
    by_text: FxHashMap<String, usize>,
    /// A person's surname → the first person named in full with it.
    by_part: FxHashMap<String, usize>,
    /// An organisation's initials → the organisation ("NRA" → "National Rifle Association").
    by_initials: FxHashMap<String, usize>,
    /// A person's given name → the person named in full with it ("Tony" after "Tony Smith"), or
    /// none when two people named in full share it.
    by_given: FxHashMap<String, Option<usize>>,
}

impl Clusters {
    /// Adds a typed mention (untyped ones are left out) to its cluster, opening one if needed.
    fn add(&mut self, doc: &Document, m: &Mention) {
        let Some(ty) = m.ty else { return };
        let full = doc.slice(m.span);
        let text = if ty == EntityKind::Person {
            without_honorific(full)
        } else {
            full
        };
        let k = format!("{}:{}", ty.as_str(), cluster_key(text, ty));
        let words: Vec<&str> = text.split_whitespace().collect();
        // a town, region or people sharing the surname of a person the document names in full
        // ("Rubio" after "Marco Rubio", "Turk" after "James Turk") is that person
        // ... and so is a well-known place's name ("Paris" after "Valeska Paris") unless the text
        // places something there ("in Paris", "to Paris")
        let placed = || {
            let before = doc.text[..m.span.start].trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            lexicon::PLACING_PREPOSITIONS.contains_lower(word)
        };
        let as_surname = matches!(ty, EntityKind::Gpe | EntityKind::Loc | EntityKind::Norp)
            && (m.rank <= 4 || !placed())
            && words.len() == 1
            && !self.by_key.contains_key(&k);
        // ... and a name that ends with the full name of a person the document names ("NASA
        // Administrator Charles Bolden", taken for an organisation's by its first word) is them
        let surname_of = as_surname
            .then(|| self.by_part.get(&key(text)).copied())
            .flatten()
            // (a people's name only for a person whose given name opens theirs: "Senate
            // Democrats" taken for a person is none)
            .filter(|&ci| ty != EntityKind::Norp || self.given_first(ci))
            .or_else(|| {
                (ty != EntityKind::Person && words.len() >= 3)
                    .then(|| self.ending_with(text, &words, false))
                    .flatten()
            });
        let ty = if surname_of.is_some() {
            EntityKind::Person
        } else {
            ty
        };
        let found = surname_of
            .or_else(|| self.by_key.get(&k).copied())
            .or_else(|| match (ty, words.len()) {
                (EntityKind::Person, 1) => self
                    .by_part
                    .get(&key(text))
                    .copied()
                    .or_else(|| self.by_given.get(&key(text)).copied().flatten()),
                (EntityKind::Org, 1) => self.by_initials.get(&key(text)).copied(),
                // one name the end of the other ("NASA Administrator Charles Bolden", "Charles
                // Bolden"): a role or a title before a person's name leaves the person
                (EntityKind::Person, _) => self.ending_with(text, &words, true),
                _ => None,
            });
        let ci = found.unwrap_or_else(|| self.open(k, ty, text, &words));
        let c = &mut self.clusters[ci];
        *c.ty_votes.entry(ty).or_default() += if m.sure { 2 } else { 1 };
        c.mentions.push(m.span);
        c.keys.insert(key(text));
        c.texts.push(text.to_string());
    }

    /// Whether cluster `ci`'s first form opens with a given name ("James Turk").
    fn given_first(&self, ci: usize) -> bool {
        self.clusters[ci].texts.first().is_some_and(|t| {
            t.split_whitespace()
                .next()
                .is_some_and(|w| GAZETTEER.given_name(w) >= 200)
        })
    }

    /// The person named in full whose name `text` ends with, or (`either`) whose name ends with
    /// `text`, as whole words of two or more: any form of the cluster the surname leads to, each
    /// form looked at once however often the person is named.
    fn ending_with(&self, text: &str, words: &[&str], either: bool) -> Option<usize> {
        let ci = *self.by_part.get(&key(words.last()?))?;
        let k = key(text);
        (self.clusters[ci].keys.iter())
            .any(|t| ends_with_name(&k, t) || (either && ends_with_name(t, &k)))
            .then_some(ci)
    }

    /// Adds a mention judged no name to the cluster of a name written the same, if any.
    fn join(&mut self, doc: &Document, m: &Mention) {
        let text = without_honorific(doc.slice(m.span));
        if let Some(&ci) = self.by_text.get(&key(text)) {
            let c = &mut self.clusters[ci];
            c.mentions.push(m.span);
            c.keys.insert(key(text));
            c.texts.push(text.to_string());
        }
    }

    /// A new cluster under key `k`; a person named in full is found again by their surname, an
    /// organisation by its initials.
    fn open(&mut self, k: String, ty: EntityKind, text: &str, words: &[&str]) -> usize {
        self.clusters.push(Cluster {
            ty_votes: FxHashMap::default(),
            mentions: Vec::new(),
            texts: Vec::new(),
            keys: FxHashSet::default(),
        });
        let ci = self.clusters.len() - 1;
        self.by_key.insert(k, ci);
        self.by_text.entry(key(text)).or_insert(ci);
        if ty == EntityKind::Person
            && words.len() >= 2
            && let Some(last) = words.last()
        {
            self.by_part.entry(key(last)).or_insert(ci);
            if let Some(first) = words.first().filter(|w| w.chars().count() > 2) {
                let given = self.by_given.entry(key(first)).or_insert(Some(ci));
                if *given != Some(ci) {
                    *given = None;
                }
            }
        }
        if ty == EntityKind::Org && words.len() >= 2 {
            self.by_initials.entry(key(&initials(text))).or_insert(ci);
        }
        ci
    }

    /// Each cluster as an entity of the type most of its mentions vote for (sure ones count
    /// twice), its mentions in text order, named by [`canonical_name`]; by first mention.
    fn into_entities(self) -> Vec<Entity> {
        let mut out: Vec<Entity> = self
            .clusters
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
                    gender: None,
                })
            })
            .collect();
        out.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
        out
    }
}

/// Whether the name `long` ends with the name `short` of two words or more, as whole words.
fn ends_with_name(long: &str, short: &str) -> bool {
    short.contains(' ')
        && long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with(' ')
}

/// The capitals that begin the words of a name: "National Rifle Association" → "NRA".
pub(super) fn initials(text: &str) -> String {
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

/// A cluster's name: the fullest form for people and organisations (the longest mention; for a
/// person, of the forms that open with a given name when one does, so that a role before the name
/// is no part of it), the most frequent form for the rest (the first on ties); a form written in
/// capitals ("BELGIUM", from a headline) only when no other is.
fn canonical_name(texts: &[String], ty: EntityKind) -> String {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let written = |t: &str| t.chars().any(char::is_lowercase);
    match ty {
        EntityKind::Person | EntityKind::Org => {
            let given = |t: &str| {
                ty == EntityKind::Person
                    && t.split_whitespace()
                        .next()
                        .is_some_and(|w| GAZETTEER.given_name(w) > 0)
            };
            texts
                .iter()
                .enumerate()
                .max_by_key(|(i, t)| {
                    (
                        written(t),
                        given(t),
                        t.chars().count(),
                        std::cmp::Reverse(*i),
                    )
                })
                .map(|(_, t)| tidy(t))
                .unwrap_or_default()
        }
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
                .max_by_key(|(t, n, i)| (written(t), *n, std::cmp::Reverse(*i)))
                .map(|(t, _, _)| tidy(t))
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_ends_with_another_by_whole_words() {
        assert!(ends_with_name("nasa administrator jane doe", "jane doe"));
        assert!(!ends_with_name("nasa administrator jane doe", "doe"));
        assert!(!ends_with_name("mary jane doe", "ry jane doe"));
        assert!(!ends_with_name("jane doe", "jane doe"));
    }

    /// Clusters the mentions at the given words of `text` (each `(words, type)`), and returns each
    /// entity's name and its mentions' texts.
    fn clusters(text: &str, mentions: &[(&str, Option<EntityKind>)]) -> Vec<(String, Vec<String>)> {
        let doc = Document::new(text);
        let mut from = 0;
        let ms = mentions
            .iter()
            .map(|&(words, ty)| {
                let start = from + text[from..].find(words).expect("the words are in the text");
                from = start + words.len();
                Mention {
                    span: Span::new(start, start + words.len()),
                    ty,
                    sure: true,
                    rank: 0,
                }
            })
            .collect();
        cluster(&doc, ms)
            .into_iter()
            .map(|e| {
                let texts = e
                    .mentions
                    .iter()
                    .map(|m| doc.slice(*m).to_string())
                    .collect();
                (e.name, texts)
            })
            .collect()
    }

    const PERSON: Option<EntityKind> = Some(EntityKind::Person);

    #[test]
    fn a_persons_names_are_one_entity_named_in_full() {
        let e = clusters(
            "Tokayev spoke. Kassym-Jomart Tokayev is president. Mr. Tokayev left.",
            &[
                ("Tokayev", PERSON),
                ("Kassym-Jomart Tokayev", PERSON),
                ("Mr. Tokayev", PERSON),
            ],
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "Kassym-Jomart Tokayev");
        // a bare surname before the full name still joins it, and mentions stay in text order
        assert_eq!(e[0].1, ["Tokayev", "Kassym-Jomart Tokayev", "Mr. Tokayev"]);
    }

    #[test]
    fn two_people_sharing_no_name_stay_apart_and_untyped_mentions_join_or_go() {
        // an untyped mention joins an entity only when it writes a name of it the same
        let e = clusters(
            "Jane Doe met Tom Smith. Later Jane Doe left, and Paris waited.",
            &[
                ("Jane Doe", PERSON),
                ("Tom Smith", PERSON),
                ("Jane Doe", None),
                ("Paris", None),
            ],
        );
        let names: Vec<&str> = e.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Jane Doe", "Tom Smith"]);
        assert_eq!(e[0].1, ["Jane Doe", "Jane Doe"]);
    }

    #[test]
    fn a_place_is_named_by_its_most_frequent_written_form() {
        let e = clusters(
            "BELGIUM WINS. Belgium won. Belgium will play again.",
            &[
                ("BELGIUM", Some(EntityKind::Gpe)),
                ("Belgium", Some(EntityKind::Gpe)),
                ("Belgium", Some(EntityKind::Gpe)),
            ],
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "Belgium");
    }

    #[test]
    fn initials_are_the_capitals_opening_each_word() {
        assert_eq!(initials("National Rifle Association"), "NRA");
        assert_eq!(initials("Kassym-Jomart Tokayev"), "KJT");
        assert_eq!(initials("the city"), "");
    }
}
