//! The name lists compiled into the binary (`data/gazetteers/`, licences in its `SOURCES.md` and
//! `analyze --notices`), loaded once into hash maps keyed by the normalised name.
//!
//! A key is the name lower-cased, with curly apostrophes straightened, dots kept and runs of
//! whitespace made one space: "U.S." → "u.s.", "Bank of  England" → "bank of england".

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::EntityType;

/// What a list says a name is, and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub ty: EntityType,
    /// The name is also a common word or has another common sense ("Reading", "the West", "Labour"):
    /// trust it only with context.
    pub caution: bool,
    /// Higher wins when two lists know one name (countries over cities over clubs).
    pub rank: u8,
}

/// Every list, ready for lookups.
pub struct Gazetteer {
    names: FxHashMap<String, Known>,
    /// Alias → canonical name ("u.s." → "United States" is not done: aliases keep their own form;
    /// this maps acronyms and short forms of organisations to their full names).
    pub canonical: FxHashMap<String, String>,
    /// Given names with their peak births in one year.
    given: FxHashMap<String, u32>,
    /// Given names by sex: 'M', 'F', or 'X' for both.
    given_sex: FxHashMap<String, char>,
    /// Lower-case common English words with their SCOWL tier (10 = most common).
    common: FxHashMap<String, u8>,
    titles: FxHashSet<String>,
    org_suffixes: FxHashSet<String>,
    org_heads: FxHashSet<String>,
    /// Last words of place names ("River" → LOC, "Bridge" → FAC).
    place_heads: FxHashMap<String, EntityType>,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The normalised key of a name.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Data rows of a list: lines that are neither blank nor comments, split on tabs.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    crate::lists::data_lines(text).map(|l| l.split('\t').map(str::trim).collect())
}

fn col<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            names: FxHashMap::default(),
            canonical: FxHashMap::default(),
            given: FxHashMap::default(),
            given_sex: FxHashMap::default(),
            common: FxHashMap::default(),
            titles: FxHashSet::default(),
            org_suffixes: FxHashSet::default(),
            org_heads: FxHashSet::default(),
            place_heads: FxHashMap::default(),
        };
        use EntityType::*;
        for r in rows(include_str!("../../data/gazetteers/common-words-en.tsv")) {
            let tier = col(&r, 1).parse().unwrap_or(50);
            g.common.insert(col(&r, 0).to_string(), tier);
        }
        for r in rows(include_str!("../../data/gazetteers/given-names-us.tsv")) {
            g.given
                .insert(key(col(&r, 0)), col(&r, 3).parse().unwrap_or(0));
            let sex = match col(&r, 1) {
                "M" => 'M',
                "F" => 'F',
                _ => 'X',
            };
            g.given_sex.insert(key(col(&r, 0)), sex);
        }
        for r in rows(include_str!("../../data/gazetteers/world-cities.tsv")) {
            g.add(col(&r, 0), Gpe, 3);
        }
        for r in rows(include_str!(
            "../../data/gazetteers/regions-subdivisions.tsv"
        )) {
            g.add(col(&r, 2), Gpe, 4);
        }
        for r in rows(include_str!("../../data/gazetteers/us-states.tsv")) {
            g.add(col(&r, 0), Gpe, 6);
            if col(&r, 2).ends_with('.') {
                g.add(col(&r, 2), Gpe, 6);
            }
        }
        for r in rows(include_str!("../../data/gazetteers/countries.tsv")) {
            g.add(col(&r, 2), Gpe, 8);
            g.add(col(&r, 3), Gpe, 8);
            for alt in col(&r, 9).split('|').filter(|a| a.chars().count() > 3) {
                g.add(alt, Gpe, 7);
            }
            for d in [col(&r, 4), col(&r, 5)] {
                g.add(d, Norp, 8);
            }
            for capital in col(&r, 6).split('|') {
                g.add(capital, Gpe, 7);
            }
        }
        for r in rows(include_str!("../../data/gazetteers/places-norp.tsv")) {
            let ty = match col(&r, 1) {
                "LOC" => Loc,
                "GPE" => Gpe,
                _ => Norp,
            };
            g.add_known(col(&r, 0), ty, 9, col(&r, 3) == "1");
        }
        for r in rows(include_str!(
            "../../data/gazetteers/orgs-football-clubs.tsv"
        )) {
            g.add(col(&r, 0), Org, 2);
            for a in col(&r, 2).split('|') {
                g.add(a, Org, 1);
            }
        }
        for r in rows(include_str!("../../data/gazetteers/orgs-universities.tsv")) {
            g.add(col(&r, 0), Org, 5);
        }
        for r in rows(include_str!("../../data/gazetteers/orgs-us-federal.tsv")) {
            g.add(col(&r, 0), Org, 5);
        }
        for r in rows(include_str!("../../data/gazetteers/orgs-sp500.tsv")) {
            g.add(col(&r, 1), Org, 5);
            g.add(col(&r, 2), Org, 5);
        }
        for r in rows(include_str!("../../data/gazetteers/orgs-curated.tsv")) {
            let name = col(&r, 0);
            g.add(name, Org, 9);
            for a in col(&r, 1).split('|').filter(|a| !a.is_empty()) {
                g.add(a, Org, 9);
                g.canonical.insert(key(a), name.to_string());
            }
        }
        for r in rows(include_str!(
            "../../data/gazetteers/people-us-officials.tsv"
        )) {
            g.add(col(&r, 0), Person, 9);
        }
        for r in rows(include_str!("../../data/gazetteers/notable-people.tsv")) {
            g.add(col(&r, 0), Person, 9);
        }
        for r in rows(include_str!("../../data/names-extra.tsv")) {
            let ty = match col(&r, 1) {
                "PERSON" => Person,
                "ORG" => Org,
                "LOC" => Loc,
                "NORP" => Norp,
                _ => Gpe,
            };
            g.add_known(col(&r, 0), ty, 9, false);
        }
        for r in rows(include_str!("../../data/place-heads.tsv")) {
            let ty = if col(&r, 1) == "FAC" { Fac } else { Loc };
            g.place_heads.insert(key(col(&r, 0)), ty);
        }
        for r in rows(include_str!("../../data/gazetteers/person-titles.txt")) {
            g.titles.insert(key(col(&r, 0)));
        }
        let mut section = "";
        for line in crate::lists::data_lines(include_str!("../../data/gazetteers/org-keywords.txt"))
        {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let set = if section == "[suffix]" {
                &mut g.org_suffixes
            } else {
                &mut g.org_heads
            };
            set.insert(key(line));
        }
        g
    }

    fn add(&mut self, name: &str, ty: EntityType, rank: u8) {
        let k = key(name);
        // a single lower-case common word is a list entry's other sense more often than not, except
        // for countries, capitals and nationalities ("China", "Turkey", "Polish")
        let caution = rank < 7 && !k.contains(' ') && self.common.contains_key(&k);
        self.add_known(name, ty, rank, caution);
    }

    fn add_known(&mut self, name: &str, ty: EntityType, rank: u8, caution: bool) {
        let k = key(name);
        if k.chars().count() < 2 {
            return;
        }
        let new = Known { ty, caution, rank };
        self.names
            .entry(k)
            .and_modify(|old| {
                if rank > old.rank {
                    *old = new;
                }
            })
            .or_insert(new);
    }

    /// What the lists say of a name.
    pub fn lookup(&self, name: &str) -> Option<Known> {
        self.names.get(&key(name)).copied()
    }

    /// Peak births in one year for a given name (0 when it is not one).
    pub fn given_name(&self, word: &str) -> u32 {
        self.given.get(&key(word)).copied().unwrap_or(0)
    }

    /// 'M' or 'F' for a given name mostly given to one sex, else None.
    pub fn given_sex(&self, word: &str) -> Option<char> {
        self.given_sex
            .get(&key(word))
            .copied()
            .filter(|&s| s != 'X')
    }

    /// The SCOWL tier of a lower-case common word, if it is one.
    pub fn common_tier(&self, word: &str) -> Option<u8> {
        self.common.get(&key(word)).copied()
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&key(word.trim_end_matches('.')))
    }

    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(&key(word))
    }

    /// The type a name ending in `word` has as a place ("River" → LOC), if any.
    pub fn place_head(&self, word: &str) -> Option<EntityType> {
        self.place_heads.get(&key(word)).copied()
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(&key(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let g = &*GAZETTEER;
        assert_eq!(g.lookup("Kazakhstan").map(|k| k.ty), Some(EntityType::Gpe));
        assert_eq!(g.lookup("Kazakh").map(|k| k.ty), Some(EntityType::Norp));
        assert_eq!(g.lookup("Europe").map(|k| k.ty), Some(EntityType::Loc));
        assert_eq!(g.lookup("U.S.").map(|k| k.ty), Some(EntityType::Gpe));
        assert_eq!(g.lookup("Moscow").map(|k| k.ty), Some(EntityType::Gpe));
        assert_eq!(g.lookup("NATO").map(|k| k.ty), Some(EntityType::Org));
        assert!(g.given_name("Andrey") > 0 || g.given_name("Andrew") > 0);
        assert!(g.is_title("Mr."));
        assert!(g.is_title("President"));
        assert!(g.is_org_head("Council"));
        assert!(g.common_tier("amid").is_some());
        assert_eq!(key("Bank  of\u{a0}England’s"), "bank of england's");
    }
}
