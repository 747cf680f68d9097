//! Which of many patterns match a short line, asked once per line of every page.
//!
//! One regex of all the patterns, asked for every pattern that matches (an overlapping search),
//! makes its lazy DFA track every partial match of every pattern at once: each new line meets
//! states never built before, and building them cost more than the search (a sixth of reading an
//! HTML page). Most patterns start with one of a few literals ("share", "sign in", "related
//! articles"): those literals are found in one Aho-Corasick pass, and a pattern is tried, anchored,
//! only where one of its literals starts. The few patterns without such literals (a leading digit
//! or space) keep an overlapping search of their own, a small one. The answer is the overlapping
//! search's, pattern for pattern.

use aho_corasick::AhoCorasick;
use regex_automata::meta::{BuildError, Regex};
use regex_automata::{Anchored, Input, PatternID, PatternSet};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use rustc_hash::FxHashMap;

/// A pattern with more prefix literals than this is searched for with the patterns that have none.
const MAX_LITERALS: usize = 256;

/// Patterns, asked which match a text.
#[derive(Debug)]
pub struct PhraseSet {
    /// Every pattern, for anchored searches of one pattern at a time.
    all: Regex,
    /// The literals matches of the literal-led patterns start with.
    starts: AhoCorasick,
    /// The patterns each literal of `starts` leads.
    led: Vec<Vec<PatternID>>,
    /// The patterns without leading literals, searched for together, and their ids in `all`.
    rest: Option<(Regex, Vec<PatternID>)>,
}

impl PhraseSet {
    /// The set of `patterns`, each compiled by `builder`.
    pub fn new(
        builder: &regex_automata::meta::Builder,
        patterns: &[String],
    ) -> Result<Self, String> {
        let all = builder.build_many(patterns).map_err(|e| e.to_string())?;
        let mut literals: FxHashMap<Vec<u8>, usize> = FxHashMap::default();
        let mut led: Vec<Vec<PatternID>> = Vec::new();
        let mut rest: (Vec<&String>, Vec<PatternID>) = (Vec::new(), Vec::new());
        for (i, pattern) in patterns.iter().enumerate() {
            let id = PatternID::new(i).map_err(|e| e.to_string())?;
            match leading_literals(pattern) {
                Some(leads) => {
                    for lit in leads {
                        let next = led.len();
                        let at = *literals.entry(lit).or_insert(next);
                        if at == next {
                            led.push(Vec::new());
                        }
                        led[at].push(id);
                    }
                }
                None => {
                    rest.0.push(pattern);
                    rest.1.push(id);
                }
            }
        }
        let mut ordered: Vec<(Vec<u8>, usize)> = literals.into_iter().collect();
        ordered.sort_by_key(|(_, at)| *at);
        let starts =
            AhoCorasick::new(ordered.iter().map(|(lit, _)| lit)).map_err(|e| e.to_string())?;
        let rest = if rest.0.is_empty() {
            None
        } else {
            let set = builder
                .build_many(&rest.0)
                .map_err(|e: BuildError| e.to_string())?;
            Some((set, rest.1))
        };
        Ok(PhraseSet {
            all,
            starts,
            led,
            rest,
        })
    }

    /// How many patterns the set has.
    #[cfg(test)]
    pub fn pattern_len(&self) -> usize {
        self.all.pattern_len()
    }

    /// Which patterns match somewhere in `text`.
    pub fn matching(&self, text: &str) -> PatternSet {
        let mut found = PatternSet::new(self.all.pattern_len());
        for m in self.starts.find_overlapping_iter(text) {
            for &id in &self.led[m.pattern().as_usize()] {
                if found.contains(id) {
                    continue;
                }
                let input = Input::new(text)
                    .range(m.start()..)
                    .anchored(Anchored::Pattern(id))
                    .earliest(true);
                if self.all.is_match(input) {
                    found.insert(id);
                }
            }
        }
        if let Some((set, ids)) = &self.rest {
            let mut more = PatternSet::new(set.pattern_len());
            set.which_overlapping_matches(&Input::new(text), &mut more);
            for p in more.iter() {
                found.insert(ids[p.as_usize()]);
            }
        }
        found
    }
}

/// The literals every match of `pattern` starts with, if there are a few and none is empty.
fn leading_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let literals = seq.literals()?;
    let usable = !literals.is_empty()
        && literals.len() <= MAX_LITERALS
        && literals.iter().all(|lit| !lit.as_bytes().is_empty());
    usable.then(|| literals.iter().map(|lit| lit.as_bytes().to_vec()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::MatchKind;
    use regex_automata::meta;

    fn builder() -> meta::Builder {
        let mut b = meta::Builder::new();
        b.configure(meta::Config::new().match_kind(MatchKind::All));
        b
    }

    fn found(set: &PhraseSet, text: &str) -> Vec<usize> {
        set.matching(text).iter().map(|p| p.as_usize()).collect()
    }

    #[test]
    fn patterns_are_found_where_their_literals_lead_and_elsewhere() {
        let patterns: Vec<String> = [
            r"share (this|on)\b",
            r"^(e-?mail|print)$",
            r"\d+\s*comments?\b",
            r"(?-u:\b)reply$",
            r"^\s*(©|copyright)",
        ]
        .map(String::from)
        .to_vec();
        let set = PhraseSet::new(&builder(), &patterns).map_err(|e| e.to_string());
        let Ok(set) = set else { panic!("{set:?}") };
        assert_eq!(found(&set, "share this story"), [0]);
        assert_eq!(found(&set, "share"), Vec::<usize>::new());
        assert_eq!(found(&set, "e-mail"), [1]);
        assert_eq!(found(&set, "print it"), Vec::<usize>::new());
        assert_eq!(found(&set, "12 comments reply"), [2, 3]);
        assert_eq!(found(&set, "noreply"), Vec::<usize>::new());
        assert_eq!(found(&set, "  © 2024 share on x"), [0, 4]);
    }

    #[test]
    fn only_patterns_with_leading_literals_are_led() {
        assert_eq!(
            leading_literals("sign (in|up)"),
            Some(vec![b"sign in".to_vec(), b"sign up".to_vec()])
        );
        assert_eq!(leading_literals(r"\s*x"), None);
        assert_eq!(
            leading_literals(r"(a )?b"),
            Some(vec![b"a b".to_vec(), b"b".to_vec()])
        );
    }
}
