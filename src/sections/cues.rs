//! What one paragraph looks like, on its own: the general cues segmentation weighs.
//!
//! Only surface cues that hold across sites and languages: length, how a line ends, capitalisation,
//! bullet marks, dates and times, "By ..." lines, photo credits, and lists of furniture phrases
//! (`data/boilerplate-phrases.txt`), lines that close an article (`data/end-markers.txt`) and
//! sidebar titles (`data/sidebar-titles.txt`), compiled once. One paragraph-level cue looks at the
//! rest of the document: whether a paragraph echoes an earlier one.

use regex::{Regex, RegexSet};
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lists::data_lines;
use crate::text::Document;

static BOILERPLATE: LazyLock<RegexSet> =
    LazyLock::new(|| phrase_set(include_str!("../../data/boilerplate-phrases.txt")));

static END_MARKERS: LazyLock<RegexSet> =
    LazyLock::new(|| phrase_set(include_str!("../../data/end-markers.txt")));

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s").expect("pattern compiles"));

static SIDEBAR_TITLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/sidebar-titles.txt"))
        .map(str::to_lowercase)
        .collect()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(by|written by|posted by|words by|reporting by|story by|von|par|por|di|oleh)\s+\p{Lu}|^by:|\b(staff writer|contributor|correspondent|reporter|columnist|editor)\b|^\p{Lu}[\p{L}.'-]+( \p{Lu}[\p{L}.'-]+){1,2}\s*[|@/]")
        .expect("byline pattern compiles")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
      | \b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b
      | \b\d{4}-\d{2}-\d{2}\b
      | \b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b
      | \b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(gmt|utc|est|edt|pst|pdt|cet|bst|ist|et|pt)?\b
      | \b(updated|published|posted|last\s+modified|first\s+published)\b
      | \b\d+\s+(minutes?|hours?|days?|weeks?)\s+ago\b",
    )
    .expect("pattern compiles")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(getty images|afp|reuters|associated press|ap photo|photo:|image:|photograph:|credit:|pictured|shutterstock|istock|epa|pool)\b|^\(.*\)$|^(photo|image|picture|illustration|video)s?\b|\(photo|\(image|/ap\)|/reuters\)|/afp\)")
        .expect("pattern compiles")
});

/// A phrase list (one case-insensitive regular expression per line) as one set. The lists are
/// compiled into the binary and checked by the tests, so a bad pattern cannot come from input.
fn phrase_set(list: &str) -> RegexSet {
    RegexSet::new(data_lines(list).map(|p| format!("(?i){p}"))).expect("phrase list compiles")
}

/// Surface cues of one paragraph.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub words: usize,
    pub sentences: usize,
    /// Ends like a sentence: terminal punctuation, maybe inside closing quotes or brackets.
    pub ends_sentence: bool,
    pub starts_upper: bool,
    /// Share of words that start with an upper-case letter.
    pub capitalised: f32,
    /// Starts with a list bullet or navigation mark.
    pub bullet: bool,
    /// Starts with a list number ("3. ", "12) ").
    pub numbered: bool,
    pub boilerplate_phrase: bool,
    /// A line that closes an article's text on a page ("Comments", "Related articles", "Tags:").
    pub end_marker: bool,
    pub byline: bool,
    pub date: bool,
    pub credit: bool,
    pub sidebar_title: bool,
    /// No blank line before it.
    pub tight_before: bool,
    /// Repeats an earlier paragraph, or opens with one and goes on far longer (a page's metadata
    /// dumping the whole article again as one line).
    pub echo: bool,
}

impl Cues {
    /// A paragraph that reads as running prose.
    pub fn prose(&self) -> bool {
        (self.words >= 8 && self.ends_sentence && !self.bullet) || self.words >= 25
    }
    /// Short enough to be a label, a menu entry or a title rather than text.
    pub fn short(&self) -> bool {
        self.words < 8 && !self.ends_sentence
    }
}

const FURNITURE_MAX_WORDS: usize = 20;

/// Paragraphs shorter than this are not looked for at the start of later ones: short lines repeat
/// on pages for innocent reasons.
const ECHO_MIN_WORDS: usize = 6;

/// Whether a line is page furniture by its words alone ("Previous ArticleNext Article", "Share this").
pub fn furniture_phrase(text: &str) -> bool {
    BOILERPLATE.is_match(&text.to_lowercase())
}

pub fn analyse(doc: &Document) -> Vec<Cues> {
    let mut cues: Vec<Cues> = (0..doc.paragraphs.len())
        .map(|i| paragraph_cues(doc, i))
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let text = doc.slice(p.span);
        let first = doc
            .paragraph_sentences(i)
            .first()
            .map_or(text, |s| doc.slice(*s));
        let opens_with_earlier = first.len() < text.len() && seen.contains(first);
        cues[i].echo = seen.contains(text) || opens_with_earlier;
        if cues[i].words >= ECHO_MIN_WORDS {
            seen.insert(text);
        }
    }
    cues
}

fn paragraph_cues(doc: &Document, i: usize) -> Cues {
    let p = &doc.paragraphs[i];
    let text = doc.slice(p.span);
    let words = doc.paragraph_words(i);
    let n = words.len();
    let caps = words
        .iter()
        .filter(|w| {
            doc.slice(**w)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .count();
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*'])
        .chars()
        .next_back();
    let first = text.chars().next();
    let lower = text.to_lowercase();
    let short = n <= FURNITURE_MAX_WORDS;
    let stripped = lower.trim_end_matches(':').trim();
    Cues {
        words: n,
        sentences: p.sentences.len(),
        ends_sentence: matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | ':')),
        starts_upper: first
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“‘\"'(«".contains(c)),
        capitalised: if n == 0 { 0.0 } else { caps as f32 / n as f32 },
        bullet: first.is_some_and(|c| "□■•·●▪▸►›»*–—-|>✓✔".contains(c)),
        numbered: NUMBERED.is_match(text),
        boilerplate_phrase: short && BOILERPLATE.is_match(&lower),
        end_marker: n <= 12 && END_MARKERS.is_match(&lower),
        byline: short && BYLINE.is_match(text),
        date: short && n <= 14 && DATE.is_match(text),
        credit: short && CREDIT.is_match(text),
        sidebar_title: n <= 8 && SIDEBAR_TITLES.iter().any(|t| t == stripped),
        tight_before: p.blank_lines_before == 0 && i > 0,
        echo: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str) -> Cues {
        let doc = Document::new(s);
        analyse(&doc).remove(0)
    }

    #[test]
    fn phrase_lists_compile() {
        assert!(BOILERPLATE.len() > 20);
        assert!(END_MARKERS.len() > 5);
        assert!(!SIDEBAR_TITLES.is_empty());
    }

    #[test]
    fn recognises_furniture() {
        assert!(cues("Previous ArticleNext Article").boilerplate_phrase);
        assert!(cues("Share this:").boilerplate_phrase);
        assert!(cues("© 2019 CBS Interactive Inc. All Rights Reserved.").boilerplate_phrase);
        assert!(
            !cues("The company said it would share the data with regulators next year.")
                .boilerplate_phrase
        );
    }

    #[test]
    fn recognises_bylines_dates_credits() {
        assert!(cues("By Laura Mowat").byline);
        assert!(cues("Updated on: November 19, 2019 / 10:07 AM / CBS News").date);
        assert!(cues("(Manu Fernandez/AP)").credit);
        assert!(cues("Why We Wrote This").sidebar_title);
    }

    #[test]
    fn prose_needs_length_and_an_ending() {
        assert!(cues("Colombia had lost to Belgium on Monday in the group stage.").prose());
        assert!(!cues("Most Popular Videos").prose());
    }
}
