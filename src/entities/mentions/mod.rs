//! Finding and typing mentions: runs of capitalised words in each sentence, cut into names and typed
//! by the lists and by the words around them.
//!
//! A run is a sequence of capitalised words joined by spaces or hyphens, with name particles ("of",
//! "de", "van", "bin", "al") allowed inside. Leading words that are ordinary words at a sentence's
//! start ("But", "Amid") and titles ("President", "Mr.") are cut off; a title marks what follows as
//! a person. A run of a nationality and a name ("Kazakh President Kassym-Jomart Tokayev") is cut in
//! two; so are two places joined by a hyphen ("Russia-Ukraine"). A possessive 's is never part of a
//! mention. In a sentence written all in capitals (a headline, a dateline) only listed names count.

use rustc_hash::FxHashSet;

use crate::lexicon;
use crate::text::{Document, NameWord, Span};

mod runs;

use crate::kinds::EntityKind;
use crate::lexicon::gazetteer::{GAZETTEER, key};

/// A mention before clustering: its bytes, its type (or none yet) and what typed it.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub ty: Option<EntityKind>,
    /// Typed by a list or a structural cue, not guessed.
    pub sure: bool,
    /// The rank of the list that knew the whole mention (0: none); see [`Known::rank`].
    pub rank: u8,
}

/// A word of a run: the document's word as part of a name (possessive cut, acronym stop taken).
type Tok<'a> = NameWord<'a>;

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The mentions of one document, in text order, typed where they can be.
pub fn candidates(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    let names = name_words(doc);
    for (si, range) in doc.sentence_word_ranges().enumerate() {
        let toks: Vec<Tok> = doc.words[range.clone()]
            .iter()
            .map(|&w| doc.name_word(w))
            .collect();
        if toks.is_empty() {
            continue;
        }
        let shouting = toks.iter().filter(|t| is_all_caps(t.text)).count() * 2 > toks.len()
            && toks
                .iter()
                .filter(|t| t.text.chars().any(char::is_alphabetic))
                .count()
                > 1;
        let sentence = doc.sentences[si];
        let cx = Sentence {
            shouting,
            names: &names,
        };
        sentence_mentions(doc, &toks, sentence, &cx, &mut out);
    }
    out
}

/// The text between two consecutive tokens (empty if they touch).
fn between<'a>(doc: &Document<'a>, a: &Tok, b: &Tok) -> &'a str {
    doc.text.get(a.span.end..b.span.start).unwrap_or("")
}

/// Whether tokens `a` and `b` (consecutive) may be in one name: only a space or a hyphen between.
fn joined(doc: &Document, a: &Tok, b: &Tok) -> bool {
    if a.possessive > 0 {
        return false;
    }
    let mut gap = between(doc, a, b);
    if gap.is_empty() {
        return false;
    }
    // "Mr. Tokayev", "C. Lewis": an honorific's or an initial's full stop
    let initial = a.text.chars().count() == 1
        && a.text.chars().all(char::is_uppercase)
        && GAZETTEER
            .common_tier(&b.text.to_lowercase())
            .is_none_or(|t| t > 20);
    // "Sen. Lindsey Graham", "Gov. Scott Walker": an abbreviated title's too (the title is cut off
    // the mention later, as "Senator" is)
    let abbreviated_title = gap.starts_with('.')
        && (GAZETTEER.is_title(a.text) || lexicon::PLACE_ABBREVIATIONS.contains(a.text));
    if is_honorific(a.text) || initial || abbreviated_title {
        gap = gap.strip_prefix('.').unwrap_or(gap);
    }
    gap == "-" || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Honorifics are part of a person's mention ("Mr. Kortunov"); other titles are not.
pub(super) fn is_honorific(w: &str) -> bool {
    lexicon::HONORIFICS.contains(w.trim_end_matches('.'))
}

/// The words of a person's mention without a leading honorific.
pub fn without_honorific(text: &str) -> &str {
    match text.split_once([' ', '\u{a0}']) {
        Some((first, rest)) if is_honorific(first) => rest.trim_start(),
        _ => text,
    }
}

/// What the run cutter knows about the sentence and the document around a run.
struct Sentence<'a> {
    /// The sentence is written in capitals.
    shouting: bool,
    /// Words the document uses as the last word of a name (see [`name_words`]).
    names: &'a FxHashSet<String>,
}

/// Keys of the words that end a name somewhere in the document: a capitalised word after another
/// capitalised word or an honorific, inside a sentence ("Donald Trump", "Mr. Trump"). Such a word
/// opening a sentence is that name, even when it is also a common word ("Trump also attacked").
fn name_words(doc: &Document) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for range in doc.sentence_word_ranges() {
        let ws = &doc.words[range.clone()];
        // a title-case line ("Why We Wrote This") capitalises every word but the short ones
        let title_case = ws.len() >= 3
            && !ws.iter().any(|w| {
                let t = doc.slice(*w);
                t.chars().count() > 3 && t.chars().next().is_some_and(char::is_lowercase)
            });
        if title_case {
            continue;
        }
        for pair in ws.windows(2) {
            let (a, b) = (doc.slice(pair[0]), doc.slice(pair[1]));
            let joined = doc
                .text
                .get(pair[0].end..pair[1].start)
                .is_some_and(|g| g == " " || g == ". " || g == "\u{a0}");
            // the commonest words are surnames only after a given name or an honorific ("George
            // Bush", "Mr. Brown"), whatever else a line does with them
            let rare = || {
                GAZETTEER.common_tier(b).is_none_or(|t| t > 20)
                    || GAZETTEER.given_name(a) >= 200
                    || is_honorific(a)
            };
            if is_capitalised(a) && is_capitalised(b) && !is_all_caps(b) && joined && rare() {
                out.insert(key(b.trim_end_matches("'s").trim_end_matches("’s")));
            }
        }
    }
    out
}

fn sentence_mentions(
    doc: &Document,
    toks: &[Tok],
    sentence: Span,
    cx: &Sentence,
    out: &mut Vec<Mention>,
) {
    let shouting = cx.shouting;
    let mut i = 0;
    while i < toks.len() {
        let name_like = |t: &Tok| {
            if shouting {
                t.text.chars().any(char::is_alphabetic)
            } else {
                is_capitalised(t.text)
            }
        };
        if !name_like(&toks[i]) {
            i += 1;
            continue;
        }
        // the run: capitalised words, joined, with particles between them
        let mut j = i + 1;
        while j < toks.len() && joined(doc, &toks[j - 1], &toks[j]) {
            if name_like(&toks[j]) {
                j += 1;
                continue;
            }
            // "Ata-ur-Rehman": a lower-case part between hyphens
            let hyphened = between(doc, &toks[j - 1], &toks[j]) == "-"
                && toks
                    .get(j + 1)
                    .is_some_and(|n| between(doc, &toks[j], n) == "-");
            let particle = lexicon::NAME_PARTICLES.contains(toks[j].text) || hyphened;
            if particle
                && j + 1 < toks.len()
                && joined(doc, &toks[j], &toks[j + 1])
                && name_like(&toks[j + 1])
            {
                j += 2;
                continue;
            }
            if name_syllable(doc, &toks[j - 1], &toks[j])
                || j - 1 > i && romanised_syllable(doc, &toks[j - 1], &toks[j])
            {
                j += 1;
                continue;
            }
            break;
        }
        // "... Elizabeth Quat In the New Territories": a sentence run on without its full stop;
        // its first word, a capitalised function word before a lower-case one, ends no name
        let mut next = j;
        let run_on = j > i + 1
            && lexicon::FUNCTION_WORDS.contains(&toks[j - 1].text.to_lowercase())
            && toks
                .get(j)
                .is_some_and(|n| n.text.chars().next().is_some_and(char::is_lowercase));
        if run_on {
            j -= 1;
            next = j + 1;
        }
        let at_start = toks[i].span.start == sentence.start
            || doc.text[sentence.start..toks[i].span.start]
                .chars()
                .all(|c| !c.is_alphanumeric());
        let around = around(doc, toks, i, j);
        runs::cut_run(doc, &toks[i..j], at_start, around, cx, out);
        i = next;
    }
}

/// What stands around the run `toks[i..j]`: see [`Around`].
fn around<'a>(doc: &Document, toks: &[Tok<'a>], i: usize, j: usize) -> Around<'a> {
    Around {
        before: i
            .checked_sub(1)
            .filter(|&k| between(doc, &toks[k], &toks[i]).trim().is_empty())
            .map(|k| toks[k].text),
        after: toks
            .get(j)
            .filter(|n| between(doc, &toks[j - 1], n).trim().is_empty())
            .map(|n| n.text),
        // (only spaces and "of" between the noun and the run)
        settlement_of: i >= 2
            && lexicon::SETTLEMENT_NOUNS.contains(toks[i - 2].text)
            && between(doc, &toks[i - 2], &toks[i]).trim() == "of",
    }
}

/// The words right before and after a run (with only spaces between), which may govern it
/// ("airline AirAsia", "the Bouches-du-Rhone department").
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Around<'a> {
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    /// "the town of" stands before the run.
    pub settlement_of: bool,
}

/// A short lower-case part after a hyphen that is no common word: a syllable of a name
/// ("Lee Cheuk-yan", "Yau Wai-ching"), not a compound's second word ("Obama-era", "Paris-based").
fn name_syllable(doc: &Document, prev: &Tok, part: &Tok) -> bool {
    between(doc, prev, part) == "-"
        && is_capitalised(prev.text)
        && part.text.chars().count() <= 6
        && part.text.chars().all(char::is_lowercase)
        && GAZETTEER.common_tier(part.text).is_none_or(|t| t > 35)
}

/// The second syllable of a romanised Chinese or Korean given name after a hyphen, when it is
/// also an English word ("Chan Wing-kin", "Lau Siu-man", "Park Ji-so"): an onset and a rime of
/// those spellings, after a capitalised word that is itself after another word of the name (the
/// caller checks that). "Hong Kong-born" and "Obama-era" are spelt otherwise.
fn romanised_syllable(doc: &Document, prev: &Tok, part: &Tok) -> bool {
    const ONSETS: [&str; 26] = [
        "", "b", "c", "ch", "d", "f", "g", "gw", "h", "j", "k", "kw", "l", "m", "n", "ng", "p",
        "q", "s", "sh", "t", "ts", "w", "x", "y", "z",
    ];
    const RIMES: [&str; 39] = [
        "a", "ah", "ai", "am", "an", "ang", "ao", "ap", "at", "au", "e", "ee", "ei", "eng", "eon",
        "eun", "eung", "i", "in", "ing", "ip", "it", "iu", "o", "oh", "oi", "ok", "on", "ong",
        "oo", "ou", "u", "ui", "uk", "un", "ung", "ut", "ye", "yu",
    ];
    let word = part.text;
    between(doc, prev, part) == "-"
        && is_capitalised(prev.text)
        && word.len() <= 6
        && word.chars().all(|c| c.is_ascii_lowercase())
        && ONSETS.iter().any(|o| {
            word.strip_prefix(o)
                .is_some_and(|rime| RIMES.contains(&rime))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_romanised_given_name_keeps_its_second_syllable() {
        let text = "Voters backed Chan Wing-kin and Lau Siu-man, in a Hong Kong-born \
                    crowd, over Obama-era rules.";
        let doc = Document::new(text);
        let found: Vec<&str> = candidates(&doc).iter().map(|m| doc.slice(m.span)).collect();
        assert!(found.contains(&"Chan Wing-kin"), "{found:?}");
        assert!(found.contains(&"Lau Siu-man"), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|m| m.contains("born") || m.contains("era")),
            "{found:?}"
        );
    }

    #[test]
    fn acronym_stops_never_overlap_the_next_word() {
        // an acronym takes its final stop only when no word follows it directly
        for text in [
            "U.S.A won",
            "the U.S.Army base",
            "U.S..A",
            "A.B.C.D.",
            "U.S. officials",
        ] {
            let doc = Document::new(text);
            for m in candidates(&doc) {
                assert!(
                    m.span.start < m.span.end && m.span.end <= text.len(),
                    "{text:?}"
                );
            }
        }
        let doc = Document::new("U.S. officials met.");
        let m = candidates(&doc);
        assert_eq!(doc.slice(m[0].span), "U.S.");
    }

    #[test]
    fn a_sentence_opening_surname_is_kept_when_the_document_names_it() {
        let text = "Donald Trump spoke in Ohio.\n\nTrump also attacked the plan.\n\n\
                    Why We Wrote This\n\nThis is a test.";
        let doc = Document::new(text);
        let found: Vec<&str> = candidates(&doc).iter().map(|m| doc.slice(m.span)).collect();
        assert_eq!(
            found.iter().filter(|&&m| m == "Trump").count(),
            1,
            "{found:?}"
        );
        // a title-case line does not make its words names
        assert!(!found.contains(&"This"), "{found:?}");
    }

    #[test]
    fn abbreviated_titles_and_party_tags_are_no_people() {
        let text = "The vote was close, said Sen. Lindsey Graham, R-S.C., and Gov. Scott Walker \
                    (R-Wis.) agreed with Rep. Zoe Lofgren (D-Calif.).";
        let doc = Document::new(text);
        let found: Vec<&str> = candidates(&doc).iter().map(|m| doc.slice(m.span)).collect();
        assert_eq!(
            found,
            ["Lindsey Graham", "Scott Walker", "Zoe Lofgren"],
            "{found:?}"
        );
    }

    #[test]
    fn a_state_abbreviation_is_a_place() {
        let text = "The rally in Burlington, Vt., was big.";
        let doc = Document::new(text);
        let vt = candidates(&doc)
            .into_iter()
            .find(|m| doc.slice(m.span) == "Vt")
            .map(|m| m.ty);
        assert_eq!(vt, Some(Some(EntityKind::Gpe)));
    }

    #[test]
    fn titles_inside_a_run_saints_and_schools() {
        let text = "Senate Majority Leader Mitch McConnell spoke in St. Clairsville at the \
                    Maurer School of Law.";
        let doc = Document::new(text);
        let found: Vec<(&str, Option<EntityKind>)> = candidates(&doc)
            .iter()
            .map(|m| (doc.slice(m.span), m.ty))
            .collect();
        assert!(
            found.contains(&("Mitch McConnell", Some(EntityKind::Person))),
            "{found:?}"
        );
        assert!(
            found.contains(&("St. Clairsville", Some(EntityKind::Gpe))),
            "{found:?}"
        );
        assert!(
            found.contains(&("Maurer School of Law", Some(EntityKind::Org))),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(t, _)| t.contains("Majority")),
            "{found:?}"
        );
    }
}
