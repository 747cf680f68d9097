//! The rules that merge the name lists of `data/` into lookup tables, run by the build script. The
//! output is `fst` maps and sets keyed by `key::key`, read by
//! `src/lexicon/gazetteer/mod.rs`; the runtime decodes the packed values there.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::codes::{FAC, GPE, LOC, NORP, ORG, PERSON};
use crate::key::key;
use crate::lists::data_lines;

/// What a list says a name is: type code, caution flag, rank (higher wins between lists).
#[derive(Clone, Copy)]
struct Known {
    ty: u16,
    caution: bool,
    rank: u16,
    /// Written only in capitals: an acronym ("WHO", "IS"), which a word written otherwise ("Who",
    /// "Is") is not.
    capitals: bool,
}

impl Known {
    /// `ty | caution << 3 | rank << 4 | capitals << 8`, as the runtime module unpacks it.
    fn packed(self) -> u16 {
        self.ty | u16::from(self.caution) << 3 | self.rank << 4 | u16::from(self.capitals) << 8
    }
}

#[derive(Default)]
struct Tables {
    names: BTreeMap<String, Known>,
    canonical: BTreeMap<String, String>,
    /// Given name → (peak births in one year, sex: b'M', b'F' or b'X').
    given: BTreeMap<String, (u32, u8)>,
    common: BTreeMap<String, u8>,
    titles: BTreeSet<String>,
    /// The surnames of the people the lists name ("Clinton", "Gorbachev").
    surnames: BTreeSet<String>,
    org_suffixes: BTreeSet<String>,
    org_heads: BTreeSet<String>,
    place_heads: BTreeMap<String, u16>,
}

/// One line of a tab-separated list.
struct Row(Vec<String>);

impl Row {
    /// Column `i`, or "" when the line is shorter.
    fn col(&self, i: usize) -> &str {
        self.0.get(i).map_or("", String::as_str)
    }
}

impl Tables {
    fn add(&mut self, name: &str, ty: u16, rank: u16) {
        let k = key(name);
        // a single lower-case common word is a list entry's other sense more often than not, except
        // for countries, capitals and nationalities ("China", "Turkey", "Polish")
        let caution = rank < 7 && !k.contains(' ') && self.common.contains_key(&k);
        self.add_known(name, ty, rank, caution);
        // "St Louis", "Mt Vernon", "Ft Worth": British and headline styles drop the stop
        for short in ["St. ", "Mt. ", "Ft. "] {
            if let Some(rest) = name.strip_prefix(short) {
                let bare = format!("{} {rest}", short.trim_end().trim_end_matches('.'));
                self.add_known(&bare, ty, rank, caution);
            }
        }
    }

    fn add_known(&mut self, name: &str, ty: u16, rank: u16, caution: bool) {
        let k = key(name);
        if k.chars().count() < 2 {
            return;
        }
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let new = Known {
            ty,
            caution,
            rank,
            capitals,
        };
        self.names
            .entry(k)
            .and_modify(|old| {
                if rank > old.rank {
                    *old = new;
                }
            })
            .or_insert(new);
    }
}

/// Reads the lists under `data` and merges them (the order matters: ranks break ties between lists,
/// and the common words decide the caution flags).
fn merge(data: &Path) -> io::Result<Tables> {
    let read = |name: &str| std::fs::read_to_string(data.join(name));
    let each = |file: &str| -> io::Result<Vec<Row>> {
        let text = read(file)?;
        Ok(data_lines(&text)
            .map(|l| Row(l.split('\t').map(|c| c.trim().to_string()).collect()))
            .collect())
    };
    let mut g = Tables::default();
    for r in each("gazetteers/common-words-en.tsv")? {
        g.common
            .insert(r.col(0).to_string(), r.col(1).parse().unwrap_or(50));
    }
    for r in each("gazetteers/given-names-us.tsv")? {
        let sex = match r.col(1) {
            "M" => b'M',
            "F" => b'F',
            _ => b'X',
        };
        g.given
            .insert(key(r.col(0)), (r.col(3).parse().unwrap_or(0), sex));
    }
    for r in each("gazetteers/world-cities.tsv")? {
        g.add(r.col(0), GPE, 3);
    }
    for r in each("gazetteers/regions-subdivisions.tsv")? {
        g.add(r.col(2), GPE, 4);
    }
    for r in each("gazetteers/us-states.tsv")? {
        g.add(r.col(0), GPE, 6);
        if r.col(2).ends_with('.') {
            g.add(r.col(2), GPE, 6);
        }
    }
    for r in each("gazetteers/countries.tsv")? {
        g.add(r.col(2), GPE, 8);
        g.add(r.col(3), GPE, 8);
        for alt in r.col(9).split('|').filter(|a| a.chars().count() > 3) {
            g.add(alt, GPE, 7);
        }
        for d in [r.col(4), r.col(5)] {
            g.add(d, NORP, 8);
        }
        for capital in r.col(6).split('|') {
            g.add(capital, GPE, 7);
        }
    }
    for r in each("gazetteers/places-norp.tsv")? {
        let ty = match r.col(1) {
            "LOC" => LOC,
            "GPE" => GPE,
            _ => NORP,
        };
        g.add_known(r.col(0), ty, 9, r.col(3) == "1");
    }
    for r in each("gazetteers/orgs-football-clubs.tsv")? {
        g.add(r.col(0), ORG, 2);
        for a in r.col(2).split('|') {
            g.add(a, ORG, 1);
        }
    }
    for file in [
        "gazetteers/orgs-universities.tsv",
        "gazetteers/orgs-us-federal.tsv",
    ] {
        for r in each(file)? {
            g.add(r.col(0), ORG, 5);
        }
    }
    for r in each("gazetteers/orgs-sp500.tsv")? {
        g.add(r.col(1), ORG, 5);
        g.add(r.col(2), ORG, 5);
    }
    for r in each("gazetteers/orgs-curated.tsv")? {
        let name = r.col(0);
        g.add(name, ORG, 9);
        for a in r.col(1).split('|').filter(|a| !a.is_empty()) {
            g.add(a, ORG, 9);
            g.canonical.insert(key(a), name.to_string());
        }
    }
    for file in [
        "gazetteers/people-us-officials.tsv",
        "gazetteers/notable-people.tsv",
    ] {
        for r in each(file)? {
            g.add(r.col(0), PERSON, 9);
            if let Some(last) = r
                .col(0)
                .split_whitespace()
                .last()
                .filter(|_| r.col(0).contains(' '))
            {
                g.surnames.insert(key(last));
            }
        }
    }
    for r in each("gazetteers/names-extra.tsv")? {
        let ty = match r.col(1) {
            "PERSON" => PERSON,
            "ORG" => ORG,
            "LOC" => LOC,
            "NORP" => NORP,
            _ => GPE,
        };
        g.add_known(r.col(0), ty, 9, false);
    }
    for r in each("gazetteers/place-heads.tsv")? {
        let ty = if r.col(1) == "FAC" { FAC } else { LOC };
        g.place_heads.insert(key(r.col(0)), ty);
    }
    for r in each("gazetteers/person-titles.txt")? {
        g.titles.insert(key(r.col(0)));
    }
    let mut section = "";
    let keywords = read("gazetteers/org-keywords.txt")?;
    for line in data_lines(&keywords) {
        if line.starts_with('[') {
            section = line;
        } else if section == "[suffix]" {
            g.org_suffixes.insert(key(line));
        } else {
            g.org_heads.insert(key(line));
        }
    }
    Ok(g)
}

/// Writes the merged tables as `fst` maps and sets into `out_dir` (`*.fst`), with the full names of
/// `canonical.fst`'s values as Rust source (`canonical.rs`).
pub fn write(data: &Path, out_dir: &Path) -> io::Result<()> {
    let g = merge(data)?;
    let fail = |e: fst::Error| io::Error::other(e.to_string());
    let map = |name: &str, entries: Vec<(&str, u64)>| -> io::Result<()> {
        let m = fst::Map::from_iter(entries).map_err(fail)?;
        std::fs::write(out_dir.join(name), m.as_fst().as_bytes())
    };
    let set = |name: &str, entries: &BTreeSet<String>| -> io::Result<()> {
        let s = fst::Set::from_iter(entries).map_err(fail)?;
        std::fs::write(out_dir.join(name), s.as_fst().as_bytes())
    };
    let names = g
        .names
        .iter()
        .map(|(k, v)| (k.as_str(), u64::from(v.packed())));
    map("names.fst", names.collect())?;
    let full: BTreeSet<&str> = g.canonical.values().map(String::as_str).collect();
    let full: Vec<&str> = full.into_iter().collect();
    let canonical = g.canonical.iter().map(|(k, v)| {
        let i = full.binary_search(&v.as_str()).unwrap_or_default();
        (k.as_str(), i as u64)
    });
    map("canonical.fst", canonical.collect())?;
    let mut src = String::from("pub static CANONICAL_NAMES: &[&str] = &[\n");
    for name in &full {
        let _ = writeln!(src, "    {name:?},");
    }
    src.push_str("];\n");
    std::fs::write(out_dir.join("canonical.rs"), src)?;
    let given = g
        .given
        .iter()
        .map(|(k, (n, s))| (k.as_str(), u64::from(*n) << 8 | u64::from(*s)));
    map("given.fst", given.collect())?;
    let common = g.common.iter().map(|(k, v)| (k.as_str(), u64::from(*v)));
    map("common.fst", common.collect())?;
    let heads = g
        .place_heads
        .iter()
        .map(|(k, v)| (k.as_str(), u64::from(*v)));
    map("place-heads.fst", heads.collect())?;
    set("titles.fst", &g.titles)?;
    set("surnames.fst", &g.surnames)?;
    set("org-suffixes.fst", &g.org_suffixes)?;
    set("org-heads.fst", &g.org_heads)
}
