//! What one paragraph looks like, on its own: the general cues segmentation weighs.
//!
//! Only surface cues that hold across sites and languages: length, how a line ends, capitalisation,
//! bullet marks, dates and times, "By ..." lines, photo credits, and lists of furniture phrases,
//! lines that close an article and sidebar titles (all from `data/lang/`), compiled once. One paragraph-level cue looks at the
//! rest of the document: whether a paragraph echoes an earlier one.

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Input, MatchKind, PatternID, PatternSet};
use std::sync::LazyLock;

use super::phrase_set::PhraseSet;
use crate::lexicon;
use rustc_hash::FxHashSet;

use crate::text::{Document, Repeats, text_key};

/// The furniture phrases (`data/lang/patterns/boilerplate-phrases.txt`), the end markers
/// (`data/lang/patterns/end-markers.txt`) then the marks of reader comments
/// (`data/lang/patterns/comment-marks.txt`), as one set matched against a lower-cased line; and
/// where each list's patterns end in it. One set, because each compiled pattern costs start-up time.
static PHRASES: LazyLock<(PhraseSet, Bounds)> = LazyLock::new(|| {
    let (patterns, bounds) = phrase_patterns();
    let set = PhraseSet::new(&builder(), &patterns).expect("phrase lists compile");
    (set, bounds)
});

/// The patterns of [`PHRASES`], in order, and where each list ends among them.
fn phrase_patterns() -> (Vec<String>, Bounds) {
    let lists = [
        lexicon::BOILERPLATE_PHRASES,
        lexicon::END_MARKERS,
        lexicon::COMMENT_MARKS,
    ];
    let bounds = Bounds {
        furniture: lists[0].len(),
        end: lists[0].len() + lists[1].len(),
    };
    let patterns = lists
        .iter()
        .flat_map(|list| list.iter())
        .map(|p| ascii_boundaries(p))
        .collect();
    (patterns, bounds)
}

/// Where the lists of [`PHRASES`] end: patterns below `furniture` are furniture phrases, those below
/// `end` end markers, the rest comment marks.
struct Bounds {
    furniture: usize,
    end: usize,
}

/// Legal and editorial notices (`data/lang/patterns/notices.txt`): furniture at any length.
static NOTICES: LazyLock<Regex> = LazyLock::new(|| {
    let notices: Vec<String> = lexicon::NOTICES
        .iter()
        .map(|p| ascii_boundaries(p))
        .collect();
    builder().build_many(&notices).expect("notices compile")
});

/// Lines longer than this are never furniture by a notice.
const NOTICE_MAX_WORDS: usize = 80;

/// Byline, date and credit patterns, matched against a line as written (in this order), built from
/// the word lists of `data/lang/`.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    let byline = format!(
        r"(?i:^({}))\s+\p{{Lu}}|(?i:^({})|\b({})\b)",
        lexicon::alternation(lexicon::BYLINE_OPENERS, " "),
        lexicon::alternation(lexicon::BYLINE_LABELS, " "),
        lexicon::alternation(lexicon::STAFF_TITLES, " "),
    );
    let months = format!(
        "{}|{}",
        lexicon::alternation(lexicon::MONTH_ABBREVIATIONS, ""),
        lexicon::alternation(lexicon::MONTHS, "")
    );
    // (?x): whitespace in the pattern is layout, so spaces inside entries are written \s+
    let date = format!(
        r"(?ix)
        \b({months})[a-z]*\.?\s+\d{{1,2}}\b
      | \b\d{{1,2}}\s+({months})[a-z]*\b
      | \b\d{{4}}-\d{{2}}-\d{{2}}\b
      | \b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b
      | \b\d{{1,2}}[:.]\d{{2}}\s*({meridiems})?\s*({zones})?\b
      | \b({publish})\b
      | \b\d+\s+({units})s?\s+ago\b",
        meridiems = lexicon::alternation(lexicon::MERIDIEMS, r"\s+"),
        zones = lexicon::alternation(lexicon::TIME_ZONES, r"\s+"),
        publish = lexicon::alternation(lexicon::PUBLISH_WORDS, r"\s+"),
        units = lexicon::alternation(lexicon::TIME_UNITS, r"\s+"),
    );
    let credit = format!(
        r"(?i)\b({})\b|^\(.*\)$|^({})s?\b|\(({})|/({})\)",
        lexicon::alternation(lexicon::CREDIT_WORDS, " "),
        lexicon::alternation(lexicon::PICTURE_WORDS, " "),
        lexicon::alternation(lexicon::BRACKETED_CREDIT_WORDS, " "),
        lexicon::alternation(lexicon::CREDIT_AGENCIES, " "),
    );
    // a credit closing a caption sentence: "... Jon Elswick / AP", "... (Photo: Paul Sancya, AP)",
    // "... (AP Photo/Jane Doe)", "... (@janedoe via Instagram)"
    let credit_tail = format!(
        r"(?i)(/\s*({agencies})|\(\s*({pictures})s?\s*:[^)]*\)|\([^()/]{{0,40}}\b({pictures})s?\s*/[^)]*\)|\([^()]{{1,40}}\svia\s+[^()\s]+\))\s*$",
        agencies = lexicon::alternation(lexicon::CREDIT_AGENCIES, " "),
        pictures = lexicon::alternation(lexicon::PICTURE_WORDS, " "),
    );
    let patterns = [byline, date, credit, credit_tail].map(|p| ascii_boundaries(&p));
    builder()
        .build_many(&patterns)
        .expect("cue patterns compile")
});
const BYLINE: usize = 0;
const DATE: usize = 1;
const CREDIT: usize = 2;
const CREDIT_TAIL: usize = 3;

/// A line that is a link and little else (a Markdown link or image, "[Source release](https://...)",
/// "![](https://...)"; a label and one, "Twitter: [www...](https://...)"), or a rule of punctuation
/// ("---", "* * *"): furniture wherever it stands.
pub fn link_line(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() >= 3 && t.chars().all(|c| "-*_=~·• ".contains(c)) {
        return true;
    }
    // (a bare web address in the text is left to the body: articles list sources that way)
    let linked = t.contains("](");
    if !linked {
        return false;
    }
    // the words a reader sees: link targets and web addresses left out
    let mut visible = 0;
    let mut rest = t;
    while let Some(open) = rest.find("](") {
        visible += words_outside_links(&rest[..open]);
        rest = match rest[open + 2..].find(')') {
            Some(close) => &rest[open + 2 + close + 1..],
            None => "",
        };
    }
    visible += words_outside_links(rest);
    visible <= LINK_LINE_WORDS
}

/// The most words a reader sees on a line that is a link and little else.
const LINK_LINE_WORDS: usize = 6;

/// Words of `text` that are not web addresses.
fn words_outside_links(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| "[]!*()".contains(c)))
        .filter(|w| {
            !w.is_empty()
                && !w.starts_with("http")
                && !w.starts_with("www.")
                && w.chars().any(char::is_alphanumeric)
        })
        .count()
}

/// A transcript's stage direction: a bracketed line of two words or more in capitals ("(BEGIN VIDEO
/// CLIP)", "(COMMERCIAL BREAK)"), which is the text's, not a picture credit.
fn stage_direction(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
    else {
        return false;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
}

/// The most words of a caption sentence that ends with its credit.
const CAPTION_MAX_WORDS: usize = 40;

/// Whether a line longer than the furniture patterns read ends with a picture credit ("... (AP
/// Photo/Jane Doe)", "... Jon Elswick / AP"): the patterns run only on a line whose end could hold
/// one (a closing bracket, or a slash near the end).
fn credit_closes(text: &str) -> bool {
    let end = text.trim_end();
    (end.ends_with(')') || end.rfind('/').is_some_and(|i| end.len() - i < 40))
        && matching(&WRITTEN, end).contains(PatternID::must(CREDIT_TAIL))
}

/// Which patterns of `set` match `text`.
fn matching(set: &Regex, text: &str) -> PatternSet {
    let mut found = PatternSet::new(set.pattern_len());
    set.which_overlapping_matches(&Input::new(text), &mut found);
    found
}

/// Starts with a list number: one to three digits, then "." or ")" and a space ("3. ", "12) ").
fn numbered(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_numeric());
    let digits = text[..text.len() - rest.len()].chars().count();
    let mut after = rest.chars();
    (1..=3).contains(&digits)
        && matches!(after.next(), Some('.' | ')'))
        && after.next().is_some_and(char::is_whitespace)
}

/// A line that opens with two or three capitalised words and a separator: "Jane Doe | Reuters",
/// "John Smith @jsmith", "Ann Lee / Staff".
fn name_then_separator(text: &str) -> bool {
    let head = text.split(['|', '@', '/']).next().unwrap_or(text);
    if head.len() == text.len() || head.starts_with(char::is_whitespace) {
        return false;
    }
    let head = head.trim_end();
    let words: Vec<&str> = head.split(' ').collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && !chars.as_str().is_empty()
                && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
        })
}

/// A pattern whose `\b` are ASCII word boundaries. The regex crate's fast engines handle Unicode
/// `\b` only on ASCII text and fall back to a slow one on the first curly quote or no-break space;
/// the phrases and cues here are ASCII words, so ASCII boundaries say the same thing.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// The cues only ask which patterns match a line, so the patterns are built to report every
/// matching pattern (`MatchKind::All`), without capture groups and without the engines that serve
/// match positions: that keeps compiling them, a start-up cost, to about a millisecond.
fn builder() -> meta::Builder {
    let mut b = meta::Builder::new();
    b.configure(
        meta::Config::new()
            .match_kind(MatchKind::All)
            .which_captures(WhichCaptures::None)
            .onepass(false)
            .backtrack(false)
            .auto_prefilter(false)
            .hybrid_cache_capacity(4 << 20),
    );
    b
}

/// Surface cues of one paragraph.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// A link and little else, or a rule of punctuation (see [`link_line`]).
    pub link_line: bool,
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
    /// Heads or closes a reader comment ("Jane says:", "Posted by: Jane | May 2, 2012 4:49 PM",
    /// "Reply", "Permalink").
    pub comment_mark: bool,
    pub byline: bool,
    pub date: bool,
    pub credit: bool,
    /// Ends with a picture credit ("... Jon Elswick / AP"): a caption, even when it is a sentence.
    pub credit_tail: bool,
    pub sidebar_title: bool,
    /// No blank line before it.
    pub tight_before: bool,
    /// A note about the article's writer ("Jane Doe is a staff writer at ...").
    pub author_note: bool,
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
    let (set, bounds) = &*PHRASES;
    let found = set.matching(&text.to_lowercase());
    found.iter().any(|p| p.as_usize() < bounds.furniture)
}

/// A furniture word is evidence, not a verdict: a sentence that reports what someone said ("Elon
/// Musk said on Twitter that ...") is prose whatever platform it names.
fn reports_speech(lower: &str, words: usize, last: Option<char>) -> bool {
    words >= 8
        && matches!(last, Some('.'))
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && lexicon::QUOTE_CUES.contains(w))
}

/// How far into a note about its writer the role is looked for ("is a breaking news reporter").
const ROLE_REACH: usize = 8;

/// A note about an article's writer: a name, "is a", and a writer's role within a few words
/// ("Jane Doe is a staff writer at ...", "Ann di Marco was an editor of ...").
fn author_note(doc: &Document, words: &[crate::text::Span]) -> bool {
    let word = |i: usize| words.get(i).map(|w| doc.slice(*w));
    let Some(k) = (1..=4).find(|&k| word(k).is_some_and(|w| lexicon::COPULAS.contains(w))) else {
        return false;
    };
    let named = (0..k)
        .filter_map(word)
        .all(|w| w.starts_with(char::is_uppercase) || lexicon::NAME_PARTICLES.contains(w));
    named
        && word(k + 1).is_some_and(|w| lexicon::ARTICLES.contains_lower(w))
        && (k + 2..k + 2 + ROLE_REACH)
            .filter_map(word)
            .any(|w| lexicon::AUTHOR_ROLES.contains_lower(w))
}

/// The cues of every paragraph of `doc`, whose repeated paragraphs are `repeats`.
pub fn analyse(doc: &Document, repeats: &Repeats) -> Vec<Cues> {
    analyse_known(doc, repeats, &[])
}

/// The cues of every paragraph, where `known[i]` says paragraph `i` is already known to be page
/// furniture (an HTML page's markup said so): its phrases are not looked for (the costliest cue,
/// and one whose answer is known).
pub fn analyse_known(doc: &Document, repeats: &Repeats, known: &[bool]) -> Vec<Cues> {
    let mut cues: Vec<Cues> = (0..doc.paragraphs.len())
        .map(|i| paragraph_cues(doc, i, known.get(i).copied().unwrap_or(false)))
        .collect();
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let text = doc.slice(p.span);
        let key = repeats.key(i);
        let opens_with_earlier = doc
            .paragraph_sentences(i)
            .first()
            .map(|s| doc.slice(*s))
            .is_some_and(|first| first.len() < text.len() && seen.contains(&text_key(first)));
        cues[i].echo = seen.contains(&key) || opens_with_earlier;
        if cues[i].words >= ECHO_MIN_WORDS {
            seen.insert(key);
        }
    }
    cues
}

fn paragraph_cues(doc: &Document, i: usize, known_furniture: bool) -> Cues {
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
    let (phrase_set, bounds) = &*PHRASES;
    // the patterns describe short lines; longer paragraphs are not matched at all
    let (phrases, written) = if short && !known_furniture {
        (phrase_set.matching(&lower), matching(&WRITTEN, text))
    } else {
        (PatternSet::new(0), PatternSet::new(0))
    };
    Cues {
        link_line: link_line(text),
        words: n,
        sentences: p.sentences().len(),
        ends_sentence: matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | ':')),
        starts_upper: first
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“‘\"'(«".contains(c)),
        capitalised: if n == 0 { 0.0 } else { caps as f32 / n as f32 },
        bullet: first.is_some_and(|c| "□■•·●▪▸►›»*–—-|>✓✔".contains(c)),
        numbered: numbered(text),
        boilerplate_phrase: (phrases.iter().any(|p| p.as_usize() < bounds.furniture)
            && !reports_speech(&lower, n, last))
            || (!short && n <= NOTICE_MAX_WORDS && NOTICES.is_match(lower.as_str())),
        end_marker: n <= 12
            && phrases
                .iter()
                .any(|p| (bounds.furniture..bounds.end).contains(&p.as_usize())),
        comment_mark: n <= 14 && phrases.iter().any(|p| p.as_usize() >= bounds.end),
        byline: written.contains(PatternID::must(BYLINE)) || short && name_then_separator(text),
        date: n <= 14 && written.contains(PatternID::must(DATE)),
        credit: written.contains(PatternID::must(CREDIT)) && !stage_direction(text),
        credit_tail: written.contains(PatternID::must(CREDIT_TAIL))
            || (!short && n <= CAPTION_MAX_WORDS && credit_closes(text)),
        sidebar_title: n <= 8 && lexicon::SIDEBAR_TITLES.contains(stripped),
        tight_before: p.blank_lines_before == 0 && i > 0,
        author_note: n <= NOTICE_MAX_WORDS && author_note(doc, words),
        echo: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_sentence_may_end_with_its_credit() {
        for caption in [
            "Crews at the airport after the collision on Monday, Feb. 10, in the county. (Wire Photo/Ana Lima)",
            "This photo shared by a passenger shows crews at the airport on Monday after the two jets collided. (@harbourwatch via Instagram)",
            "Villagers wade through water. (Photo: Ana Lima, Wire)",
        ] {
            assert!(cues(caption).credit_tail, "{caption}");
        }
        assert!(
            !cues("The board said it would publish a timetable (as it did in May).").credit_tail
        );
    }

    #[test]
    fn link_lines_are_links_and_little_else() {
        assert!(link_line(
            "[Original press release](https://example.org/r/1)"
        ));
        assert!(link_line("* ![](https://example.org/a.jpg?w=900)"));
        assert!(link_line(
            "Twitter: [www.twitter.com/x](https://example.org/t)"
        ));
        assert!(link_line("* * *"));
        assert!(link_line("---"));
        // a sentence holding a link is text, and so is a bare address in it
        assert!(!link_line(
            "The board said in [a statement](https://example.org/s) that ferries will sail on Friday."
        ));
        assert!(!link_line("http://example.org/report"));
        assert!(!link_line("--"));
    }

    fn cues(s: &str) -> Cues {
        let doc = Document::new(s);
        analyse(&doc, &Repeats::of(&doc)).remove(0)
    }

    #[test]
    fn phrase_lists_compile() {
        let (set, bounds) = &*PHRASES;
        assert!(bounds.furniture > 20);
        assert!(bounds.end > bounds.furniture + 5);
        assert!(set.pattern_len() > bounds.end + 5);
        assert_eq!(WRITTEN.pattern_len(), 4);
    }

    /// The phrase set answers what one overlapping search of all its patterns answers, on every
    /// line of the bundled fixtures.
    #[test]
    fn phrase_set_answers_as_one_overlapping_search() {
        let (set, _) = &*PHRASES;
        let (patterns, _) = phrase_patterns();
        let Ok(one) = builder().build_many(&patterns) else {
            panic!("the phrase lists compile")
        };
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        let mut lines = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for line in text.lines().map(str::to_lowercase) {
                    let found: Vec<PatternID> = set.matching(&line).iter().collect();
                    let expected: Vec<PatternID> = matching(&one, &line).iter().collect();
                    assert_eq!(found, expected, "{line}");
                    lines += 1;
                }
            }
        }
        assert!(lines > 1000, "{lines} lines");
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
    fn a_line_can_match_both_phrase_lists() {
        // one set holds both lists: every matching pattern counts, not only the first
        let c = cues("604 COMMENTS");
        assert!(c.boilerplate_phrase && c.end_marker);
        assert!(cues("Most Popular Articles").end_marker);
    }

    #[test]
    fn recognises_comment_marks() {
        for mark in [
            "YFS says:",
            "2. Chibby said...",
            "Posted by: Sean | Jan 10, 2008 4:49:12 PM",
            "August 26, 2018 at 9:16 pm",
            "2 days ago at 08:51 am",
            "Reply",
            "Permalink",
        ] {
            assert!(cues(mark).comment_mark, "{mark}");
        }
        for line in [
            "The minister said: we will act.",
            "Published November 5, 2012",
            "The reply came a week later, in a short letter to the council.",
        ] {
            assert!(!cues(line).comment_mark, "{line}");
        }
        assert!(cues("6 thoughts on “Why lists work”").end_marker);
        assert!(cues("Related: Ten ways to cook rice").boilerplate_phrase);
    }

    #[test]
    fn notices_and_notes_about_the_writer() {
        let long = "All content is copyright of the publisher and its agencies, and all rights reserved: \
            this material may not be copied, stored or passed on in any form without written leave.";
        assert!(cues(long).boilerplate_phrase);
        assert!(
            cues("Ann di Marco is a staff writer at the Daily Courier, covering courts.")
                .author_note
        );
        assert!(cues("Jon Lee was an editor of the paper for ten years.").author_note);
        assert!(!cues("Jon Lee is a keen cyclist and rides to work every day.").author_note);
        assert!(!cues("The reporter is a friend of the family, police said.").author_note);
    }

    #[test]
    fn numbered_and_name_bylines() {
        assert!(cues("3. Pack light").numbered);
        assert!(cues("12) Bring water").numbered);
        assert!(!cues("1.5 million people came.").numbered);
        assert!(!cues("2024. A year.").numbered);
        assert!(cues("Jane Doe | Reuters").byline);
        assert!(cues("Ann O'Neil-Smith @annos").byline);
        assert!(!cues("The war | Analysis").byline);
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
