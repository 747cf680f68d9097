//! Who said it: the attributing cue ("says", "told reporters", "according to") beside a quotation,
//! the speaker it names, and the role the text gives the speaker.
//!
//! The frame is the writer's text of the quotation's sentence with every quotation cut out: before the
//! opening mark and after the closing one. A cue followed by a name ("says Andrey Kortunov") takes the
//! name after it; otherwise the speaker is the noun phrase before the cue ("Mr. Kortunov adds", "the
//! senator said"). An appositive beside the name is the role ("Andrey Kortunov, head of the Russian
//! International Affairs Council"). Pronouns and bare titles are resolved by the caller.

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::Span;

/// Cue words and phrases (`data/quote-cues.txt`), by their first word: the rest of each phrase.
static CUES: LazyLock<FxHashMap<String, Vec<Vec<String>>>> = LazyLock::new(|| {
    let mut m: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
    for line in crate::lang::data_lines(include_str!("../../data/quote-cues.txt")) {
        let mut words = line.split(' ').map(str::to_string);
        if let Some(first) = words.next() {
            m.entry(first).or_default().push(words.collect());
        }
    }
    m
});

static PRONOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    ["he", "she", "they", "i", "we", "it", "you"]
        .into_iter()
        .collect()
});

/// A word of the frame: its bytes and lower-cased text (inline, without a heap allocation, up to 24
/// bytes: frames are cut into words for every quotation).
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Span,
    pub lower: CompactString,
    pub capitalised: bool,
    /// Two letters or more, all capitals ("WASHINGTON").
    pub shouting: bool,
}

/// The words of `text[range]`, with their byte spans in `text`; punctuation is kept as one-character
/// words so that commas and stops can end a phrase.
pub fn words(text: &str, range: Span) -> Vec<Word> {
    let mut out = Vec::with_capacity(range.len() / 4);
    let s = &text[range.start..range.end];
    let mut start: Option<usize> = None;
    let flush = |from: usize, mut to: usize, out: &mut Vec<Word>| {
        // a trailing full stop ends the sentence unless the word is an abbreviation ("Mr.", "Gov.",
        // "U.S."): then it is a word of its own
        // ("(D-Md.)", "McConnell, R-Ky., said": a stop before a closing bracket or a comma is the
        // abbreviation's)
        let stop = to > from + 1
            && s[from..to].ends_with('.')
            && !abbreviation(&s[from..to])
            && !s[to..].starts_with([')', ',']);
        if stop {
            to -= 1;
        }
        let w = &s[from..to];
        out.push(Word {
            span: Span::new(range.start + from, range.start + to),
            lower: lower(w),
            capitalised: w.chars().next().is_some_and(char::is_uppercase),
            shouting: w.chars().nth(1).is_some() && w.chars().all(char::is_uppercase),
        });
        if stop {
            out.push(Word {
                span: Span::new(range.start + to, range.start + to + 1),
                lower: CompactString::const_new("."),
                capitalised: false,
                shouting: false,
            });
        }
    };
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’' | '-' | '.'));
        if part {
            start.get_or_insert(i);
            continue;
        }
        if let Some(b) = start.take() {
            flush(b, i, &mut out);
        }
        if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–') {
            flush(i, i + c.len_utf8(), &mut out);
        }
    }
    if let Some(b) = start {
        flush(b, s.len(), &mut out);
    }
    out
}

fn lower(w: &str) -> CompactString {
    if w.is_ascii() {
        let mut l = CompactString::from(w);
        l.make_ascii_lowercase();
        l
    } else {
        CompactString::from(w.to_lowercase())
    }
}

/// "Mr.", "Gov.", "Jr.", "U.S.": a short capitalised word or dotted letters before the stop.
fn abbreviation(w: &str) -> bool {
    let body = &w[..w.len() - 1];
    body.contains('.')
        || (body.chars().count() <= 3 && body.chars().next().is_some_and(char::is_uppercase))
}

/// An attribution found in a frame.
#[derive(Debug, Clone)]
pub struct Found {
    pub cue: Span,
    /// The words naming the speaker (a name, a pronoun, "the spokesman").
    pub speaker: Span,
    pub pronoun: bool,
    /// An appositive describing the speaker.
    pub role: Option<Span>,
}

/// Whether `text` begins with a cue, a whole phrase of it ("said", "according to"; "in" alone is
/// none, "in a statement" is one).
pub fn cue_follows(text: &str) -> bool {
    // right after the name: "PAC, said" closes an appositive, and the cue is its subject's
    if !text.trim_start().starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if first.chars().any(char::is_uppercase) {
        return false;
    }
    let Some(rests) = CUES.get(first) else {
        return false;
    };
    rests.iter().any(|rest| {
        let mut after = words.clone();
        rest.iter()
            .all(|r| after.next().is_some_and(|w| w.eq_ignore_ascii_case(r)))
    })
}

/// Days and months: "said Friday" names no speaker.
fn is_time(lower: &str) -> bool {
    const TIMES: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tonight",
        "last",
        "this",
        "earlier",
    ];
    TIMES.contains(&lower.trim_end_matches('.'))
}

/// The pronoun of a word that is one, contracted or not ("he", "he’d", "they're"): its span.
fn pronoun_of(w: &Word) -> Option<Span> {
    let lower = w.lower.as_str();
    let (head, cut) = match lower.find(['\'', '’']) {
        Some(i) => (&lower[..i], i),
        None => (lower, lower.len()),
    };
    PRONOUNS
        .contains(head)
        .then(|| Span::new(w.span.start, w.span.start + cut))
}

fn is_punct(w: &Word) -> bool {
    !w.lower.chars().any(char::is_alphanumeric)
}

/// Cues that take their speaker after them ("…, said Steve Elmendorf"); others take an object
/// there ("told CNN", "called Trump").
const INVERTING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "explains",
    "continued",
    "noted",
    "notes",
    "recalled",
    "argued",
    "argues",
    "observed",
    "insisted",
    "replied",
    "responded",
    "answered",
    "agreed",
    "warned",
    "declared",
    "acknowledged",
    "admitted",
    "stated",
    "concluded",
    "complained",
    "countered",
    "cautioned",
    "conceded",
    "joked",
    "quipped",
];

/// The cue starting at word `i`, as the number of words it takes. A cue is written in lower case
/// (or starts a sentence): "States" in "United States" is no cue.
fn cue_at(ws: &[Word], i: usize) -> Option<usize> {
    let sentence_start = i == 0 || matches!(ws[i - 1].lower.as_str(), "." | "!" | "?");
    if ws[i].capitalised && !sentence_start {
        return None;
    }
    let rests = CUES.get(ws[i].lower.trim_end_matches('.'))?;
    rests
        .iter()
        .filter(|rest| {
            rest.len() < ws.len() - i
                && rest
                    .iter()
                    .zip(&ws[i + 1..])
                    .all(|(a, b)| *a == b.lower.trim_end_matches('.'))
        })
        .map(|rest| rest.len() + 1)
        .max()
        // "Trump's comments", "his remarks", "the claims": one word after a possessive or an article
        // is a noun, not a verb of saying ("the following statement" is a cue)
        .filter(|&n| n > 1 || !(i > 0 && noun_maker(&ws[i - 1].lower)))
}

/// A possessive or a determiner: the word after it is a noun ("he's predicting" is no possessive).
fn noun_maker(prev: &str) -> bool {
    let contraction = prev.split(['\'', '’']).next().is_some_and(|head| {
        PRONOUNS.contains(head)
            || matches!(
                head,
                "it" | "that" | "there" | "here" | "what" | "who" | "where" | "let"
            )
    });
    (!contraction && (prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with("s'")))
        || matches!(
            prev,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "these"
                | "those"
                | "this"
        )
}

/// Looks for a cue and its speaker in the frame words `ws`. `after` says the frame follows the
/// quotation (so an inverted "said X" is likely), else it precedes it.
pub fn attribute(text: &str, ws: &[Word], after: bool) -> Option<Found> {
    // the nearest cue to the quotation: the first after it, the last before it
    let order: Vec<usize> = if after {
        (0..ws.len()).collect()
    } else {
        (0..ws.len()).rev().collect()
    };
    for i in order {
        // a sentence end between the quotation and the cue: the cue is another sentence's
        if after
            && ws[..i]
                .iter()
                .any(|w| matches!(w.lower.as_str(), "." | "!" | "?"))
        {
            return None;
        }
        let Some(n) = cue_at(ws, i) else { continue };
        // "said in an interview": looking back, the verb before the phrase is the cue
        if !after && i > 0 && cue_at(ws, i - 1).is_some() {
            continue;
        }
        let cue = Span::new(ws[i].span.start, ws[i + n - 1].span.end);
        // the speaker follows the cue when nothing else stands between the quotation and the cue
        // (",” says Andrey Kortunov") or the cue is "according to"; else it precedes the cue
        // (",” Mr. Kortunov adds", "Graham said, “", "Ryan said Obama's words “...”")
        // ("“…” that Sanders can catch Clinton, said Steve Elmendorf"): after a comma, a cue with a
        // name or an article right after it is inverted too
        let comma_inverted = after
            && i > 0
            && ws[i - 1].lower == ","
            && INVERTING.contains(&ws[i].lower.as_str())
            && ws.get(i + n).is_some_and(|w| {
                w.capitalised && !is_punct(w) || matches!(w.lower.as_str(), "the" | "a" | "an")
            });
        let inverted =
            (after && ws[..i].iter().all(is_punct)) || comma_inverted || ws[i].lower == "according";
        let after_phrase = || {
            phrase_after(ws, i + n).map(|(speaker, role)| Found {
                cue,
                speaker,
                pronoun: false,
                role,
            })
        };
        let before_phrase = || {
            phrase_before(ws, i).map(|(speaker, role, pronoun)| Found {
                cue,
                speaker,
                pronoun,
                role,
            })
        };
        // the clause's subject: an -ing cue's speaker ("Trump defended it, calling the protester
        // “…”"), and any cue's with no noun phrase right before it ("Scott beamed and asked the
        // crowd …", "O'Malley, who …, interjected to say"), never the cue's object
        let clause_subject = || subject(ws, i).map(|speaker| subject_found(text, cue, speaker));
        let sentence_initial = i == 0 || matches!(ws[i - 1].lower.as_str(), "." | "!" | "?");
        let found = if inverted {
            after_phrase().or_else(before_phrase)
        } else if ws[i].lower.ends_with("ing")
            && i >= 2
            && ws[i - 1].lower == ","
            && cue_at(ws, i - 2) == Some(1)
            && let Some((speaker, role, pronoun)) = phrase_before(ws, i - 2)
        {
            // "Spicer said, adding, “…”": the speaker of the cue before the participle
            Some(Found {
                cue,
                speaker,
                pronoun,
                role,
            })
        } else if ws[i].lower.ends_with("ing") {
            // "with Sen. John McCain calling it …", "Carson privately saying": a name right before
            // the participle (an adverb aside) is its subject
            let mut k = i;
            while k > 0 && !ws[k - 1].capitalised && ws[k - 1].lower.ends_with("ly") {
                k -= 1;
            }
            if k > 0 && ws[k - 1].capitalised && !is_punct(&ws[k - 1]) {
                before_phrase().or_else(clause_subject)
            } else {
                clause_subject().or_else(before_phrase)
            }
        } else if sentence_initial {
            after_phrase()
        } else {
            before_phrase().or_else(clause_subject)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A quotation introduced by a colon and no cue ("Kaine has adopted the stance common among some
/// Catholics: “…”"): the sentence's subject speaks, and the colon is the cue.
pub fn colon_subject(text: &str, ws: &[Word]) -> Option<Found> {
    let colon = ws.len().checked_sub(1)?;
    (ws[colon].lower == ":").then_some(())?;
    let speaker = subject(ws, colon)?;
    Some(subject_found(text, ws[colon].span, speaker))
}

/// The subject of the writer's sentence holding a quoted fragment that no cue attributes ("He rails
/// against its “Great Wall of Protectionism”"): the speaker found stands in for the cue too.
pub fn sentence_subject(text: &str, ws: &[Word]) -> Option<Found> {
    let speaker = subject(ws, ws.len())?;
    Some(subject_found(text, speaker, speaker))
}

/// A cue's speaker found as a clause's subject: no role, a pronoun when it is one.
fn subject_found(text: &str, cue: Span, speaker: Span) -> Found {
    Found {
        cue,
        speaker,
        pronoun: PRONOUNS.contains(text[speaker.start..speaker.end].to_lowercase().as_str()),
        role: None,
    }
}

/// A paragraph signing the quotation above it: a dash, then a name and perhaps a role after a
/// comma ("- Bernie Sanders.", "—Michelle Marks, Philadelphia"). The dash is the cue.
pub fn signature(text: &str, paragraph: Span) -> Option<Found> {
    let body = &text[paragraph.start..paragraph.end];
    let dash = body
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—' | '―'))?;
    let rest = Span::new(paragraph.start + dash.len_utf8(), paragraph.end);
    let ws = words(text, rest);
    // a short line: a signature, not a paragraph of prose after a dash
    if ws.len() > 16 || !ws.first().is_some_and(|w| w.capitalised) {
        return None;
    }
    let (speaker, role) = phrase_after(&ws, 0)?;
    Some(Found {
        cue: Span::new(paragraph.start, rest.start),
        speaker,
        pronoun: false,
        role,
    })
}

/// A name (capitalised words, possibly after "the") or pronoun right after word `from`, with an
/// appositive after a comma.
fn phrase_after(ws: &[Word], from: usize) -> Option<(Span, Option<Span>)> {
    let first = ws.get(from)?;
    if PRONOUNS.contains(first.lower.as_str()) {
        // "called it", "told them": an object, not the speaker
        return None;
    }
    let usable = |w: &Word| !is_punct(w) && !is_time(&w.lower);
    if DETERMINERS.contains(&first.lower.as_str()) {
        // "said the spokesman", "said one Democrat familiar with …", "said another": the noun
        // phrase up to a comma or a word that starts what is said of it
        let mut j = from + 1;
        while j < ws.len()
            && j < from + 5
            && usable(&ws[j])
            && !PHRASE_ENDS.contains(&ws[j].lower.as_str())
        {
            j += 1;
        }
        let speaker = Span::new(first.span.start, ws[j - 1].span.end);
        return Some((speaker, appositive(ws, j)));
    }
    // "said former Sen. Evan Bayh", "said spokesman Josh Schwerin": a few lower-case words, then
    // the name
    let start = (from..ws.len().min(from + 4))
        .take_while(|&k| usable(&ws[k]) && !PHRASE_ENDS.contains(&ws[k].lower.as_str()))
        .find(|&k| ws[k].capitalised)?;
    let mut j = start;
    while j < ws.len()
        && j < start + 6
        && usable(&ws[j])
        && (ws[j].capitalised || j > start && ws[j].lower == "of")
    {
        j += 1;
    }
    if j == start {
        return None;
    }
    let speaker = Span::new(ws[start].span.start, ws[j - 1].span.end);
    Some((speaker, appositive(ws, j)))
}

/// Words that open a noun phrase naming a speaker after its cue.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "two", "three",
    "several", "some", "many",
];

/// Words that end a speaker's noun phrase: what follows says more about the speaker.
const PHRASE_ENDS: &[&str] = &[
    "who", "which", "that", "familiar", "with", "in", "at", "on", "for", "from", "to", "and", "or",
    "but", "said", "says", "told", "as", "during", "after", "before", "while", "when", "about",
];

/// Words opening a noun phrase that may name a speaker ("the senator", "one user", "this source").
const ARTICLES: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "this", "one", "another", "some", "many", "several",
    "other", "most", "two", "three",
];

/// Prepositions: a noun phrase right after one is its object.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "for", "from", "with", "by", "into", "during", "of", "to", "about", "after",
    "before", "under", "over", "through", "like", "than", "since", "among", "against", "without",
];

/// The first name or pronoun of the clause before word `cue`: its subject.
fn subject(ws: &[Word], cue: usize) -> Option<Span> {
    let (k, j) = subject_words(ws, cue)?;
    if k == j
        && let Some(pronoun) = pronoun_of(&ws[k])
    {
        return Some(pronoun);
    }
    Some(Span::new(ws[k].span.start, ws[j].span.end))
}

/// The clause subject's first and last word (the same word for a pronoun).
fn subject_words(ws: &[Word], cue: usize) -> Option<(usize, usize)> {
    let mut from = ws[..cue]
        .iter()
        .rposition(|w| matches!(w.lower.as_str(), "." | "!" | "?" | ";"))
        .map_or(0, |p| p + 1);
    // a dateline ("WASHINGTON —", "Washington (AFP) –", "WASHINGTON, Aug. 24 (UPI) —"):
    // capitalised words, brackets and numbers before a dash
    if let Some(d) = ws[from..cue]
        .iter()
        .take(9)
        .position(|w| matches!(w.lower.as_str(), "—" | "–"))
        && ws[from..from + d]
            .iter()
            .all(|w| w.capitalised || is_punct(w) || w.lower.chars().all(|c| c.is_ascii_digit()))
        // a place in capitals or an agency in brackets ("Jason Sims — a teacher — says" is none)
        && ws[from..from + d].iter().any(|w| w.shouting || w.lower == "(")
    {
        from += d + 1;
    }
    // an opening phrase ("On the ties with the Philippines, Trump …", "Early in his campaign,
    // Trump …", "Weighing in, Huckabee …") is not the subject: it ends at the first comma; so is a
    // short one before a name or pronoun ("Hours later, Trump …", "Already, Donald J. Trump …",
    // "Reached by POLITICO, Bennett …"), and a place's second part ("in Salem, New Hampshire, Trump")
    let introduces = |w: &Word| {
        INTRODUCERS.contains(&w.lower.as_str()) || (w.lower.len() > 4 && w.lower.ends_with("ing"))
    };
    // the last opener skipped ended with a capitalised word ("in Salem,"): a place may go on
    let mut after_name = false;
    while let Some(comma) = ws[from..cue].iter().position(|w| w.lower == ",") {
        let opener = &ws[from..from + comma];
        let name_next = ws.get(from + comma + 1).is_some_and(|w| {
            pronoun_of(w).is_some() || w.capitalised && !is_punct(w) && !is_function_word(&w.lower)
        });
        let short = comma <= 4
            && name_next
            && opener.iter().any(|w| {
                !is_punct(w)
                    && (!w.capitalised || is_function_word(&w.lower) || w.lower.ends_with("ly"))
            });
        let place = after_name
            && comma <= 3
            && ws.get(from + comma + 1).is_some_and(|w| !is_punct(w))
            && opener.iter().all(|w| w.capitalised && !is_punct(w));
        if !(opener.first().is_some_and(introduces) || short || place) {
            break;
        }
        after_name = opener.last().is_some_and(|w| w.capitalised);
        from += comma + 1;
    }
    let mut k = from;
    while k < cue && (!ws[k].capitalised || is_function_word(&ws[k].lower)) {
        if pronoun_of(&ws[k]).is_some() {
            return Some((k, k));
        }
        k += 1;
    }
    if k == cue {
        return None;
    }
    // "Former Secretary of State Madeleine Albright": "of" joins capitalised words
    let mut j = k;
    loop {
        if j + 1 < cue && ws[j + 1].capitalised && !is_punct(&ws[j + 1]) {
            j += 1;
        } else if j + 2 < cue && ws[j + 1].lower == "of" && ws[j + 2].capitalised {
            j += 2;
        } else {
            break;
        }
    }
    Some((k, j))
}

/// Words that open a sentence with a phrase before its subject.
const INTRODUCERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "early",
    "late",
    "later",
    "earlier",
    "since",
    "while",
    "when",
    "as",
    "despite",
    "amid",
    "following",
    "asked",
    "speaking",
    "with",
    "for",
    "from",
    "unlike",
    "like",
    "under",
    "over",
    "last",
    "this",
    "according",
    "addressing",
    "responding",
    "writing",
];

/// Capitalised words that start sentences without naming anyone.
fn is_function_word(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "but",
        "or",
        "so",
        "when",
        "while",
        "if",
        "as",
        "after",
        "before",
        "since",
        "because",
        "although",
        "though",
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "by",
        "from",
        "to",
        "of",
        "this",
        "that",
        "these",
        "those",
        "then",
        "still",
        "yet",
        "also",
        "even",
        "asked",
        "speaking",
        "later",
        "earlier",
        "meanwhile",
        "instead",
        "however",
        "indeed",
        "already",
        "now",
        "again",
        "here",
        "there",
        "today",
        "thus",
        "perhaps",
        "maybe",
        "soon",
        "once",
        "afterward",
        "afterwards",
        "overall",
        "nonetheless",
        "nevertheless",
        "moreover",
        "furthermore",
        "besides",
        "otherwise",
        "anyway",
        "what",
        "why",
        "how",
        "where",
        "whether",
        "our",
        "my",
        "your",
    ];
    WORDS.contains(&lower)
}

/// The noun phrase that ends right before word `cue`: a pronoun, a name, or "the senator"; skipping
/// an adverb ("also") and an appositive between commas.
fn phrase_before(ws: &[Word], cue: usize) -> Option<(Span, Option<Span>, bool)> {
    let mut end = cue;
    while let Some(prev) = end.checked_sub(1).map(|k| &ws[k]) {
        // an adverb or auxiliary ("also", "has", "jokingly"), or a party tag ("(D)", "(R-Texas)")
        if matches!(
            prev.lower.as_str(),
            "also"
                | "later"
                | "then"
                | "has"
                | "had"
                | "have"
                | "once"
                | "previously"
                | "recently"
                | "again"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "did"
                | "does"
                | "never"
                | "not"
        ) || (!prev.capitalised && prev.lower.len() > 4 && prev.lower.ends_with("ly"))
        {
            end -= 1;
        } else if is_time(&prev.lower)
            || matches!(
                prev.lower.as_str(),
                "night" | "morning" | "afternoon" | "evening"
            )
        {
            // "Obama on Tuesday called", "Rubio said Saturday night"
            end -= 1;
            if end > 0 && matches!(ws[end - 1].lower.as_str(), "on" | "last" | "this" | "early") {
                end -= 1;
            }
        } else if prev.lower == ")"
            && let Some(open) = ws[end.saturating_sub(6)..end - 1]
                .iter()
                .rposition(|w| w.lower == "(")
        {
            end = end.saturating_sub(6) + open;
        } else {
            break;
        }
    }
    // "… lamented the “…” and criticized": a second verb of the clause, whose subject speaks
    if end > 0 && matches!(ws[end - 1].lower.as_str(), "and" | "but" | "or" | "to") {
        return None;
    }
    let mut role = None;
    // "Graham, a Republican senator, said", "Jason Sims — a teacher from Mount Pleasant — says"
    if end > 0 && matches!(ws[end - 1].lower.as_str(), "," | "—" | "–") {
        let close = end - 1;
        let sep = ws[close].lower.as_str();
        // "Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC,
        // said", "Rep. Zoe Lofgren (D-Calif.), who introduced …, said": a name opening the clause
        // with the separator after it (and perhaps a party tag) is the speaker, and all between
        // describes it
        if let Some((k, j)) = subject_words(ws, cue)
            && pronoun_of(&ws[k]).is_none()
        {
            let mut after = j + 1;
            if ws.get(after).is_some_and(|w| w.lower == "(")
                && let Some(c) = ws[after..close].iter().take(6).position(|w| w.lower == ")")
            {
                after += c + 1;
            }
            if after + 1 < close && ws[after].lower == sep {
                let role = (close - after <= 30)
                    .then(|| Span::new(ws[after + 1].span.start, ws[close - 1].span.end));
                return Some((Span::new(ws[k].span.start, ws[j].span.end), role, false));
            }
        }
        let open = ws[..close].iter().rposition(|w| w.lower == sep)?;
        if close - open > 1 && close - open <= 14 {
            role = Some(Span::new(ws[open + 1].span.start, ws[close - 1].span.end));
            end = open;
        } else {
            return None;
        }
    }
    let last = ws.get(end.checked_sub(1)?)?;
    if is_punct(last) {
        return None;
    }
    // "The minister, Tom Harris, said": the name between the commas is the speaker, the phrase
    // before it the role
    if let Some(r) = role
        && !last.capitalised
    {
        let inner: Vec<&Word> = ws
            .iter()
            .filter(|w| r.start <= w.span.start && w.span.end <= r.end)
            .collect();
        if inner.len() <= 5 && inner.iter().all(|w| w.capitalised) {
            let np_start = (end.saturating_sub(4)..end)
                .find(|&k| {
                    matches!(
                        ws[k].lower.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their"
                    )
                })
                .unwrap_or(end - 1);
            return Some((
                r,
                Some(Span::new(ws[np_start].span.start, last.span.end)),
                false,
            ));
        }
    }
    if let Some(pronoun) = pronoun_of(last) {
        return Some((pronoun, role, true));
    }
    let mut start = end - 1;
    if last.capitalised {
        if is_function_word(&last.lower) {
            return None;
        }
        while start > 0
            && end - start < 6
            && !is_punct(&ws[start - 1])
            && (ws[start - 1].capitalised
                || ws[start - 1].lower == "of" && start >= 2 && ws[start - 2].capitalised)
        {
            start -= 1;
        }
        while start < end - 1 && is_function_word(&ws[start].lower) {
            start += 1;
        }
    } else {
        // "a sign that read", "the caption which reads", "a candidate who called": a relative
        // clause's cue; the clause's subject speaks, if anyone
        if matches!(last.lower.as_str(), "that" | "which" | "who" | "if" | "of") {
            return None;
        }
        // "the senator", "a spokesman for the campaign" (up to three words after an article)
        // "the senator", "one user", "another supporter"
        let art = (start.saturating_sub(5)..start)
            .rev()
            .find(|&k| ARTICLES.contains(&ws[k].lower.as_str()))?;
        // "the gamut from farmers to professors", "his dealings and said": no noun phrase
        if ws[art + 1..end]
            .iter()
            .any(|w| is_punct(w) || PHRASE_ENDS.contains(&w.lower.as_str()))
        {
            return None;
        }
        // "in a later interview said", "at the time said": a preposition's object, not a subject,
        // unless a noun phrase holds the preposition ("a voice-over in the ad states")
        start = art;
        if art > 0 && PREPOSITIONS.contains(&ws[art - 1].lower.as_str()) {
            let prep = art - 1;
            start = (prep.saturating_sub(4)..prep)
                .rev()
                .take_while(|&k| {
                    !is_punct(&ws[k])
                        && !PHRASE_ENDS.contains(&ws[k].lower.as_str())
                        && ws[k].lower != "because"
                })
                .find(|&k| ARTICLES.contains(&ws[k].lower.as_str()))?;
            // and only as the clause's subject, not an object ("shared a syllabus for a class
            // called …")
            let opens_clause = start == 0
                || is_punct(&ws[start - 1])
                || matches!(
                    ws[start - 1].lower.as_str(),
                    "and" | "but" | "while" | "as" | "that"
                );
            if !opens_clause {
                return None;
            }
        }
    }
    Some((Span::new(ws[start].span.start, last.span.end), role, false))
}

/// "…, head of the Russian International Affairs Council, which …": the words after a comma up to
/// the next comma or the sentence's end.
fn appositive(ws: &[Word], j: usize) -> Option<Span> {
    if ws.get(j)?.lower != "," {
        return None;
    }
    let from = j + 1;
    let to = ws[from..]
        .iter()
        .position(|w| matches!(w.lower.as_str(), "," | "." | ";" | "!" | "?"))
        .map_or(ws.len(), |p| from + p);
    if to <= from || to - from > 14 {
        return None;
    }
    // "said X, who ..." / "X, adding ..." are not roles
    if matches!(
        ws[from].lower.as_str(),
        "who" | "which" | "adding" | "and" | "but" | "while"
    ) {
        return None;
    }
    Some(Span::new(ws[from].span.start, ws[to - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, after: bool) -> Option<(String, String, Option<String>)> {
        let ws = words(text, Span::new(0, text.len()));
        attribute(text, &ws, after).map(|f| {
            (
                text[f.cue.start..f.cue.end].to_string(),
                text[f.speaker.start..f.speaker.end].to_string(),
                f.role.map(|r| text[r.start..r.end].to_string()),
            )
        })
    }

    #[test]
    fn inverted_cue_with_an_appositive() {
        assert_eq!(
            run(
                " says Andrey Kortunov, head of the Russian International Affairs Council, which is",
                true
            ),
            Some((
                "says".into(),
                "Andrey Kortunov".into(),
                Some("head of the Russian International Affairs Council".into())
            ))
        );
    }

    #[test]
    fn speaker_before_the_cue() {
        assert_eq!(
            run(" Mr. Kortunov adds.", true).map(|r| r.1),
            Some("Mr. Kortunov".into())
        );
        assert_eq!(
            run("Graham said, ", false).map(|r| r.1),
            Some("Graham".into())
        );
        assert_eq!(run(" he said.", true).map(|r| r.1), Some("he".into()));
        assert_eq!(
            run("Jane Doe, a spokeswoman for the firm, said: ", false).map(|r| (r.1, r.2)),
            Some(("Jane Doe".into(), Some("a spokeswoman for the firm".into())))
        );
        assert_eq!(
            run(" according to the report.", true).map(|r| r.1),
            Some("the report".into())
        );
    }

    #[test]
    fn a_cue_object_is_not_its_speaker() {
        // a second verb of the clause: its subject speaks, not the crowd
        assert_eq!(
            run(
                "Scott beamed and asked the crowd to welcome the governor - ",
                false
            )
            .map(|r| r.1),
            Some("Scott".into())
        );
        assert_eq!(
            run(
                "O'Malley, who signed gun laws as governor, interjected to say: ",
                false
            )
            .map(|r| r.1),
            Some("O'Malley".into())
        );
    }

    #[test]
    fn adverbs_and_party_tags_before_the_cue_are_skipped() {
        assert_eq!(
            run("Trump jokingly said, ", false).map(|r| r.1),
            Some("Trump".into())
        );
        assert_eq!(
            run(",” the two-term president will say.", true).map(|r| r.1),
            Some("the two-term president".into())
        );
        assert_eq!(
            run("Attorney General Lisa Madigan (D) said that ", false).map(|r| r.1),
            Some("Attorney General Lisa Madigan".into())
        );
    }

    #[test]
    fn a_said_after_a_comma_takes_the_name_after_it() {
        assert_eq!(
            run(
                " that Sanders can catch Clinton, said Steve Elmendorf, a strategist.",
                true
            )
            .map(|r| r.1),
            Some("Steve Elmendorf".into())
        );
        // "told" takes its listener after it
        assert_eq!(
            run(" that it was over, Smith told CNN.", true).map(|r| r.1),
            Some("Smith".into())
        );
    }

    #[test]
    fn descriptors_and_determiners_after_an_inverted_cue() {
        let speaker = |t: &str| run(t, true).map(|r| r.1);
        assert_eq!(
            speaker(", said former Sen. Evan Bayh, a Democrat."),
            Some("Sen. Evan Bayh".into())
        );
        assert_eq!(
            speaker(", said spokesman Josh Schwerin."),
            Some("Josh Schwerin".into())
        );
        assert_eq!(
            speaker(", said one Democrat familiar with the talks, who left."),
            Some("one Democrat".into())
        );
        assert_eq!(speaker(", said another."), Some("another".into()));
        assert_eq!(speaker(" said in a statement."), None);
    }

    #[test]
    fn a_participle_takes_the_name_before_it_or_its_clause_subject() {
        let speaker = |t: &str| run(t, false).map(|r| r.1);
        assert_eq!(
            speaker("Critics were irritated, with Sen. John McCain calling it a "),
            Some("Sen. John McCain".into())
        );
        assert_eq!(
            speaker("Weighing in on the talks, Mike Huckabee agreed, praising him as "),
            Some("Mike Huckabee".into())
        );
    }

    #[test]
    fn participles_after_a_cue_and_long_titles() {
        let speaker = |t: &str, after: bool| run(t, after).map(|r| r.1);
        assert_eq!(
            speaker(
                "Ryan and Trump will meet next week, Spicer said, adding, ",
                false
            ),
            Some("Spicer".into())
        );
        assert_eq!(
            speaker(
                "Former Secretary of State Madeleine Albright urged women to vote, saying, ",
                false
            ),
            Some("Former Secretary of State Madeleine Albright".into())
        );
        assert_eq!(speaker(",” Trump shot back.", true), Some("Trump".into()));
    }

    #[test]
    fn an_appositive_chain_after_the_subject() {
        assert_eq!(
            run(
                "Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC, said she thinks ",
                false
            )
            .map(|r| (r.1, r.2)),
            Some((
                "Alixandria Lapp".into(),
                Some("executive director of the House Majority PAC, a Democratic super PAC".into())
            ))
        );
        assert_eq!(
            run("The minister, Tom Harris, said: ", false).map(|r| r.1),
            Some("Tom Harris".into())
        );
    }

    #[test]
    fn dashes_and_party_tags_around_an_appositive() {
        let speaker = |t: &str| run(t, false).map(|r| r.1);
        assert_eq!(
            speaker("Jason Sims — a teacher from Mount Pleasant — says it was "),
            Some("Jason Sims".into())
        );
        assert_eq!(
            speaker(
                "Rep. Zoe Lofgren (D-Calif.), who introduced a bill in Central America, said it was "
            ),
            Some("Rep. Zoe Lofgren".into())
        );
    }

    #[test]
    fn a_cue_word_after_a_possessive_or_article_is_a_noun() {
        let speaker = |t: &str| run(t, false).map(|r| r.1);
        assert_eq!(
            speaker("House Speaker Paul Ryan told CNN Tuesday that Ginsburg’s comments "),
            Some("House Speaker Paul Ryan".into())
        );
        assert_eq!(speaker("The plan drew the remarks "), None);
    }

    #[test]
    fn state_tags_noun_phrases_with_a_preposition_and_phrase_cues() {
        let after = |t: &str| run(t, true).map(|r| r.1);
        assert_eq!(
            after(" Senate Majority Leader Mitch McConnell, R-Ky., said."),
            Some("Senate Majority Leader Mitch McConnell".into())
        );
        assert_eq!(
            after(",” this source told the Post."),
            Some("this source".into())
        );
        assert_eq!(
            after(",” a voice-over in the ad states."),
            Some("a voice-over in the ad".into())
        );
        assert_eq!(
            run("Later, Carson shared a syllabus for a class called ", false).map(|r| r.1),
            Some("Carson".into())
        );
        assert_eq!(
            run("President Clinton released the following statement:", false).map(|r| r.0),
            Some("following statement".into())
        );
    }

    #[test]
    fn openers_and_datelines_are_not_subjects() {
        let speaker = |t: &str| run(t, false).map(|r| r.1);
        assert_eq!(
            speaker("Hours later, Trump returned the compliment, telling Reuters, "),
            Some("Trump".into())
        );
        assert_eq!(
            speaker("Reached by POLITICO, Bennett denied it, explaining that he was "),
            Some("Bennett".into())
        );
        assert_eq!(
            speaker("Already, Donald J. Trump has denounced the deal and said, "),
            Some("Donald J. Trump".into())
        );
        assert_eq!(
            speaker("In 2015, Smith, the senator from Ohio, spoke out, saying "),
            Some("Smith".into())
        );
        assert_eq!(
            speaker("What do you think of Carson privately saying "),
            Some("Carson".into())
        );
        assert_eq!(
            speaker("Speaking in Salem, New Hampshire, Trump went after Bush, calling him "),
            Some("Trump".into())
        );
        assert_eq!(
            speaker("Washington (AFP) – Democrat Hillary Clinton has taken a swipe, saying that "),
            Some("Democrat Hillary Clinton".into())
        );
    }

    #[test]
    fn objects_and_relative_clauses_are_not_speakers() {
        let speaker = |t: &str| run(t, false).map(|r| r.1);
        assert_eq!(
            speaker("Kukura placed a sign in the student center that read, "),
            Some("Kukura".into())
        );
        assert_eq!(
            speaker(
                "The employee said he did not recall, but in a later interview said he had an "
            ),
            Some("he".into())
        );
        assert_eq!(
            speaker("Trump at the time said he’d asked his "),
            Some("he".into())
        );
    }

    #[test]
    fn a_cue_follows_only_as_a_whole_phrase() {
        assert!(cue_follows(" said on Monday"));
        assert!(cue_follows(" according to the report"));
        assert!(!cue_follows(", said she thinks"));
        assert!(cue_follows(" in a statement on Friday"));
        assert!(!cue_follows(" in the Republican race"));
        assert!(!cue_follows(" Said"));
        assert!(!cue_follows(""));
    }

    #[test]
    fn no_cue_no_speaker() {
        assert_eq!(run(" is the name of the plan. Later he said", true), None);
        assert_eq!(run("The plan, known as ", false), None);
    }
}
