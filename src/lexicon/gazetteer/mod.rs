//! The name lists compiled into the binary (`data/gazetteers/`, licences in its `SOURCES.md` and
//! `analyze --notices`). The build script merges them into perfect-hash tables (`build/gazetteer.rs`),
//! so nothing is parsed or hashed at start-up; this module answers lookups on them.
//!
//! Every table is keyed by [`key`]: the name lower-cased, curly apostrophes straightened, dots kept
//! and runs of whitespace made one space.

mod codes;
mod key;

pub use key::{key, with_key};

use crate::kinds::{EntityKind, Gender};
use compact_str::CompactString;
use rustc_hash::FxHashMap;

/// The tables the build script writes (`fst` maps and sets over the keys), and the full names that
/// `CANONICAL`'s values index.
mod tables {
    use std::sync::LazyLock;

    use fst::{Map, Set};

    macro_rules! table {
        ($name:ident, $kind:ident, $file:literal) => {
            pub static $name: LazyLock<$kind<&'static [u8]>> = LazyLock::new(|| {
                $kind::new(&include_bytes!(concat!(env!("OUT_DIR"), "/", $file))[..])
                    .expect("the build script writes valid tables")
            });
        };
    }
    table!(NAMES, Map, "names.fst");
    table!(CANONICAL, Map, "canonical.fst");
    table!(GIVEN, Map, "given.fst");
    table!(COMMON, Map, "common.fst");
    table!(PLACE_HEADS, Map, "place-heads.fst");
    table!(TITLES, Set, "titles.fst");
    table!(SURNAMES, Set, "surnames.fst");
    table!(ORG_SUFFIXES, Set, "org-suffixes.fst");
    table!(ORG_HEADS, Set, "org-heads.fst");
    include!(concat!(env!("OUT_DIR"), "/canonical.rs"));
}

/// What a list says a name is, and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub ty: EntityKind,
    /// The name is also a common word or has another common sense ("Reading", "the West", "Labour"):
    /// trust it only with context.
    pub caution: bool,
    /// Higher wins when two lists know one name (countries over cities over clubs).
    pub rank: u8,
}

/// The type of a code in the tables (`codes.rs`, shared with the build script).
fn type_of(code: u64) -> EntityKind {
    match (code & 7) as u16 {
        codes::PERSON => EntityKind::Person,
        codes::ORG => EntityKind::Org,
        codes::GPE => EntityKind::Gpe,
        codes::LOC => EntityKind::Loc,
        codes::NORP => EntityKind::Norp,
        codes::FAC => EntityKind::Fac,
        // three bits hold six codes: the build script writes no other
        _ => EntityKind::Fac,
    }
}

/// The tables by number, for the memo of lookups.
#[derive(Clone, Copy)]
enum Table {
    Names,
    Given,
    Common,
    PlaceHeads,
    Titles,
    Surnames,
    OrgSuffixes,
    OrgHeads,
}

/// How many words the memo keeps per thread before it starts afresh. An entry is 56 bytes (the
/// word inline, when up to 24 bytes, and 32-bit answers), so a probe is one cache line and no
/// pointer chased; 32k of them measured best (entities stage +9% in `cargo bench` over 16k entries
/// of 80 bytes with the word behind a pointer, prose -3%, pages the same).
const MEMO_LIMIT: usize = 1 << 15;

/// A memo slot whose table was not asked yet.
const NOT_ASKED: u32 = u32::MAX;
/// A memo slot whose table holds nothing for the word.
const ABSENT: u32 = u32::MAX - 1;

/// What the memo remembers of one word: each table's answer, or [`NOT_ASKED`]. The tables' values
/// are type codes, ranks, tiers and name counts shifted by 8 bits, all far below `u32::MAX - 1`
/// (a test checks the largest), so 32 bits hold them and an entry of the memo is 56 bytes.
type Answers = [u32; 8];

thread_local! {
    /// The answers of recent lookups, per word as written: articles ask the same words again and
    /// again, often of several tables, and a hash probe is several times cheaper than walking a
    /// table.
    static MEMO: std::cell::RefCell<FxHashMap<CompactString, Answers>> =
        const { std::cell::RefCell::new(std::collections::HashMap::with_hasher(rustc_hash::FxBuildHasher)) };
}

/// The value `table` holds for the key of `name` (sets hold 0), remembered for this thread under
/// `name` as written (so that a word asked again is not even normalised again).
fn get(table: Table, name: &str) -> Option<u64> {
    MEMO.with_borrow_mut(|memo| {
        let slot = table as usize;
        if let Some(answers) = memo.get(name) {
            match answers[slot] {
                NOT_ASKED => {}
                ABSENT => return None,
                v => return Some(u64::from(v)),
            }
        }
        let v = with_key(name, |k| match table {
            Table::Names => tables::NAMES.get(k),
            Table::Given => tables::GIVEN.get(k),
            Table::Common => tables::COMMON.get(k),
            Table::PlaceHeads => tables::PLACE_HEADS.get(k),
            Table::Titles => tables::TITLES.contains(k).then_some(0),
            Table::Surnames => tables::SURNAMES.contains(k).then_some(0),
            Table::OrgSuffixes => tables::ORG_SUFFIXES.contains(k).then_some(0),
            Table::OrgHeads => tables::ORG_HEADS.contains(k).then_some(0),
        })
        // a table's value is a small code or rank, never one of the two markers
        .filter(|&v| v < u64::from(ABSENT));
        let answer = v.map_or(ABSENT, |v| v as u32);
        if let Some(answers) = memo.get_mut(name) {
            answers[slot] = answer;
        } else {
            if memo.len() >= MEMO_LIMIT {
                memo.clear();
            }
            let mut answers = [NOT_ASKED; 8];
            answers[slot] = answer;
            memo.insert(name.into(), answers);
        }
        v
    })
}

/// Every list, ready for lookups (a handle on the compiled tables).
pub struct Gazetteer {
    _private: (),
}

pub static GAZETTEER: Gazetteer = Gazetteer { _private: () };

impl Gazetteer {
    /// The full name of an organisation's acronym or short form ("NRA" → "National Rifle
    /// Association"), looked up by key.
    pub fn canonical(&self, key: &str) -> Option<&'static str> {
        let i = tables::CANONICAL.get(key)?;
        tables::CANONICAL_NAMES
            .get(usize::try_from(i).ok()?)
            .copied()
    }

    /// What the lists say of a name. A short acronym the lists write in capitals, or one that is
    /// also a common word ("WHO", "IS", "AT"), is not found for a word written otherwise ("Who",
    /// "Is"); a longer one is ("Nato", "Unesco").
    pub fn lookup(&self, name: &str) -> Option<Known> {
        let p = get(Table::Names, name)?;
        let capitals = p & (1 << 8) != 0;
        if capitals && name.chars().any(char::is_lowercase) {
            let short = name.chars().filter(|c| c.is_alphabetic()).count() <= 3;
            if short || get(Table::Common, name).is_some() {
                return None;
            }
        }
        Some(Known {
            ty: type_of(p),
            caution: p & 8 != 0,
            rank: ((p >> 4) & 0xf) as u8,
        })
    }

    /// Peak births in one year for a given name (0 when it is not one).
    pub fn given_name(&self, word: &str) -> u32 {
        get(Table::Given, word).map_or(0, |g| (g >> 8) as u32)
    }

    /// The gender a given name mostly goes with (by the births the name list counts), if one
    /// dominates.
    pub fn given_gender(&self, word: &str) -> Option<Gender> {
        match get(Table::Given, word).map(|g| g as u8) {
            Some(b'M') => Some(Gender::Male),
            Some(b'F') => Some(Gender::Female),
            _ => None,
        }
    }

    /// The SCOWL tier of a lower-case common word, if it is one.
    pub fn common_tier(&self, word: &str) -> Option<u8> {
        get(Table::Common, word).map(|t| t as u8)
    }

    pub fn is_title(&self, word: &str) -> bool {
        get(Table::Titles, word.trim_end_matches('.')).is_some()
    }

    /// Whether a word is the surname of someone the name lists know ("Clinton", "Gorbachev").
    pub fn is_known_surname(&self, word: &str) -> bool {
        get(Table::Surnames, word).is_some()
    }

    pub fn is_org_suffix(&self, word: &str) -> bool {
        get(Table::OrgSuffixes, word).is_some()
    }

    /// The type a name ending in `word` has as a place ("River" → LOC), if any.
    pub fn place_head(&self, word: &str) -> Option<EntityKind> {
        get(Table::PlaceHeads, word).map(type_of)
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        get(Table::OrgHeads, word).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Streamer};

    #[test]
    fn every_tables_values_fit_the_memos_answers() {
        for map in [
            &*tables::NAMES,
            &*tables::GIVEN,
            &*tables::COMMON,
            &*tables::PLACE_HEADS,
        ] {
            let mut stream = map.into_stream();
            let mut largest = 0;
            while let Some((_, v)) = stream.next() {
                largest = largest.max(v);
            }
            assert!(largest < u64::from(ABSENT), "{largest}");
        }
    }

    #[test]
    fn the_memo_keeps_each_tables_answer_for_a_word_apart() {
        let g = &GAZETTEER;
        // asked in one order and then again, the answers of several tables for one word agree
        let first = (
            g.given_name("Paris"),
            g.lookup("Paris"),
            g.common_tier("Paris"),
        );
        let again = (
            g.given_name("Paris"),
            g.lookup("Paris"),
            g.common_tier("Paris"),
        );
        assert_eq!(first, again);
        assert!(first.0 > 0 && first.1.is_some());
        // a word no table holds is absent from each, however often asked
        for _ in 0..3 {
            assert_eq!(g.given_name("Zzqxv"), 0);
            assert!(g.lookup("Zzqxv").is_none() && !g.is_title("Zzqxv"));
        }
        assert!(g.is_title("Senator") && g.is_title("Senator"));
    }

    #[test]
    fn lists_load_and_answer() {
        let g = &GAZETTEER;
        assert_eq!(g.lookup("Kazakhstan").map(|k| k.ty), Some(EntityKind::Gpe));
        assert_eq!(g.lookup("Kazakh").map(|k| k.ty), Some(EntityKind::Norp));
        assert_eq!(g.lookup("Europe").map(|k| k.ty), Some(EntityKind::Loc));
        assert_eq!(g.lookup("U.S.").map(|k| k.ty), Some(EntityKind::Gpe));
        assert_eq!(g.lookup("Moscow").map(|k| k.ty), Some(EntityKind::Gpe));
        assert_eq!(g.lookup("NATO").map(|k| k.ty), Some(EntityKind::Org));
        assert!(g.given_name("Andrey") > 0 || g.given_name("Andrew") > 0);
        assert!(g.is_title("Mr."));
        assert!(g.is_title("President"));
        assert!(g.is_org_head("Council"));
        assert!(g.common_tier("amid").is_some());
        assert_eq!(key("Bank  of\u{a0}England’s"), "bank of england's");
        // a saint's or a mountain's abbreviation is found with its stop and without
        assert_eq!(
            g.lookup("St Louis").map(|k| k.ty),
            g.lookup("St. Louis").map(|k| k.ty)
        );
        assert!(g.lookup("St Louis").is_some());
    }
}
