//! The grammar of speakers: the noun phrases of the writer's frame that can name who speaks, read
//! over its tokens ([`crate::text::tokens`]).
//!
//! - [`phrase_after`]: the name or described person right after a cue ("says Andrey Kortunov, head
//!   of …", "said the spokesman");
//! - [`phrase_before`]: the noun phrase ending right before a cue ("Mr. Kortunov adds", "the
//!   senator said", "Graham, a Republican senator, said"), past adverbs, times and party tags;
//! - [`subject`]: the subject opening the clause, past datelines and opening phrases ("Hours later,
//!   Trump …");
//! - [`appositive`]: the description after a comma ("…, head of the Council, which …").

use super::cues::{ends_sentence, is_person_word, is_pronoun, is_punct, pronoun_of};
use crate::lexicon;
use crate::text::{Span, Token};

/// A noun phrase naming a speaker: its words, the description the text gives it, and whether it is
/// a pronoun.
#[derive(Debug, Clone, Copy)]
pub struct Phrase {
    pub speaker: Span,
    pub role: Option<Span>,
    pub pronoun: bool,
}

/// Capitalised words that start sentences without naming anyone ("But", "Meanwhile", "Our").
fn is_function_word(lower: &str) -> bool {
    lexicon::FUNCTION_WORDS.contains(lower)
}

/// A token that a cue's speaker noun phrase may hold: not punctuation, not a time ("said Friday").
fn usable(w: &Token) -> bool {
    !is_punct(w) && !lexicon::is_time_word(&w.lower)
}

/// A name (capitalised words, possibly after "the") or a described person right after token `from`,
/// with an appositive after a comma.
pub fn phrase_after(ws: &[Token], from: usize) -> Option<Phrase> {
    let first = ws.get(from)?;
    if is_pronoun(&first.lower) {
        // "called it", "told them": an object, not the speaker
        return None;
    }
    let phrase = |start: usize, end: usize| Phrase {
        speaker: Span::new(ws[start].span.start, ws[end - 1].span.end),
        role: appositive(ws, end),
        pronoun: false,
    };
    if lexicon::SPEAKER_DETERMINERS.contains(&first.lower) {
        // "said the spokesman", "said one Democrat familiar with …", "said another": the noun
        // phrase up to a comma or a word that starts what is said of it
        let mut j = from + 1;
        while j < ws.len()
            && j < from + 5
            && usable(&ws[j])
            && !lexicon::PHRASE_ENDS.contains(&ws[j].lower)
        {
            j += 1;
        }
        // "according to the chief inspector of schools, Noelle Buick": the name set after the
        // description speaks, the description is its role
        if let Some(name) = name_after_comma(ws, j) {
            return Some(Phrase {
                speaker: name,
                role: Some(Span::new(ws[from].span.start, ws[j - 1].span.end)),
                pronoun: false,
            });
        }
        return Some(phrase(from, j));
    }
    // "said former Sen. Evan Bayh", "said spokesman Josh Schwerin": a few lower-case words, then
    // the name
    let start = (from..ws.len().min(from + 4))
        .take_while(|&k| usable(&ws[k]) && !lexicon::PHRASE_ENDS.contains(&ws[k].lower))
        .find(|&k| ws[k].capitalised)?;
    let mut j = start;
    while j < ws.len()
        && j < start + 6
        && usable(&ws[j])
        && (ws[j].capitalised || j > start && lexicon::NAME_JOINERS.contains(&ws[j].lower))
    {
        j += 1;
    }
    if j == start {
        return None;
    }
    // "said Hibs chief executive Jane Doe": an organisation or a place, a role, then the person
    if let Some((name, end)) = name_after_role(ws, j) {
        return Some(Phrase {
            speaker: Span::new(ws[name].span.start, ws[end - 1].span.end),
            role: Some(Span::new(ws[start].span.start, ws[name - 1].span.end)),
            pronoun: false,
        });
    }
    Some(phrase(start, j))
}

/// A person's name of two to four capitalised words standing alone between a comma at `j` and the
/// clause's end (", Noelle Buick." / ", Jane Doe, said").
fn name_after_comma(ws: &[Token], j: usize) -> Option<Span> {
    (j > 0 && ws.get(j)?.lower == ",").then_some(())?;
    let from = j + 1;
    let end = (from..ws.len().min(from + 5))
        .take_while(|&k| ws[k].capitalised && !is_punct(&ws[k]))
        .count()
        + from;
    let closes = ws
        .get(end)
        .is_none_or(|w| matches!(w.lower.as_str(), "," | "." | ";" | "!" | "?"));
    let determiner = ws
        .get(from)
        .is_some_and(|w| lexicon::SPEAKER_DETERMINERS.contains(&w.lower));
    ((2..=4).contains(&(end - from)) && closes && !determiner)
        .then(|| Span::new(ws[from].span.start, ws[end - 1].span.end))
}

/// The most lower-case role words between an organisation and a person's name ("chief executive").
const ROLE_WORDS: usize = 3;

/// A person's name after role words that follow a capitalised run ending at `from` ("Hibs chief
/// executive Jane Doe", "France captain Kylian Mbappe"): the name's first and end token.
fn name_after_role(ws: &[Token], from: usize) -> Option<(usize, usize)> {
    let role_word = |w: &Token| !w.capitalised && is_person_word(&w.lower);
    let roles = ws[from..]
        .iter()
        .take(ROLE_WORDS)
        .take_while(|w| role_word(w))
        .count();
    if roles == 0 {
        return None;
    }
    let name = from + roles;
    let end = (name..ws.len().min(name + 4))
        .take_while(|&k| ws[k].capitalised && !is_punct(&ws[k]))
        .count()
        + name;
    // a person's name: two capitalised words at least
    (end - name >= 2).then_some((name, end))
}

/// The first name or pronoun of the clause before token `cue`: its subject.
pub fn subject(ws: &[Token], cue: usize) -> Option<Span> {
    let (k, j) = subject_words(ws, cue)?;
    if k == j
        && let Some(pronoun) = pronoun_of(&ws[k])
    {
        return Some(pronoun);
    }
    Some(Span::new(ws[k].span.start, ws[j].span.end))
}

/// The clause subject's first and last token (the same token for a pronoun).
pub fn subject_words(ws: &[Token], cue: usize) -> Option<(usize, usize)> {
    let from = ws[..cue]
        .iter()
        .rposition(|w| ends_sentence(w) || w.lower == ";")
        .map_or(0, |p| p + 1);
    let from = past_openers(ws, past_dateline(ws, from, cue), cue);
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
    // "France captain Kylian Mbappe and ...": the person after the role
    let run = (k..cue)
        .take_while(|&i| ws[i].capitalised && !is_punct(&ws[i]))
        .count();
    if let Some((name, end)) = name_after_role(&ws[..cue], k + run) {
        return Some((name, end - 1));
    }
    // "Former Secretary of State Madeleine Albright": "of" joins capitalised words
    let mut j = k;
    loop {
        if j + 1 < cue && ws[j + 1].capitalised && !is_punct(&ws[j + 1]) {
            j += 1;
        } else if j + 2 < cue
            && lexicon::NAME_JOINERS.contains(&ws[j + 1].lower)
            && ws[j + 2].capitalised
        {
            j += 2;
        } else {
            break;
        }
    }
    Some((k, j))
}

/// Past a dateline opening the clause at `from` ("WASHINGTON —", "Washington (AFP) –",
/// "WASHINGTON, Aug. 24 (UPI) —"): capitalised words, brackets and numbers before a dash, with a
/// place in capitals or an agency in brackets among them ("Jason Sims — a teacher — says" is none).
fn past_dateline(ws: &[Token], from: usize, cue: usize) -> usize {
    let dash = ws[from..cue]
        .iter()
        .take(9)
        .position(|w| matches!(w.lower.as_str(), "—" | "–"));
    match dash {
        Some(d)
            if ws[from..from + d].iter().all(|w| {
                w.capitalised || is_punct(w) || w.lower.chars().all(|c| c.is_ascii_digit())
            }) && ws[from..from + d]
                .iter()
                .any(|w| w.shouting || w.lower == "(") =>
        {
            from + d + 1
        }
        _ => from,
    }
}

/// Past the opening phrases of the clause at `from`: a phrase opened by an introducer ("On the ties
/// with the Philippines, Trump …", "Weighing in, Huckabee …") ends at the first comma; so does a short
/// one before a name or pronoun ("Hours later, Trump …", "Already, Donald J. Trump …", "Reached by
/// POLITICO, Bennett …"), and a place's second part ("in Salem, New Hampshire, Trump").
fn past_openers(ws: &[Token], mut from: usize, cue: usize) -> usize {
    let introduces = |w: &Token| {
        lexicon::INTRODUCERS.contains(&w.lower) || (w.lower.len() > 4 && w.lower.ends_with("ing"))
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
    from
}

/// The noun phrase that ends right before token `cue`: a pronoun, a name, or "the senator";
/// skipping adverbs ("also"), times ("on Tuesday") and party tags ("(D)"), and an appositive between
/// commas or dashes.
pub fn phrase_before(ws: &[Token], cue: usize) -> Option<Phrase> {
    let mut end = past_modifiers(ws, cue);
    // "… lamented the “…” and criticized": a second verb of the clause, whose subject speaks
    if end > 0 && lexicon::COORDINATORS.contains(&ws[end - 1].lower) {
        return None;
    }
    let mut role = None;
    // "Graham, a Republican senator, said", "Jason Sims — a teacher from Mount Pleasant — says"
    if end > 0 && matches!(ws[end - 1].lower.as_str(), "," | "—" | "–") {
        match appositive_before(ws, cue, end - 1)? {
            Apposed::Subject(phrase) => return Some(phrase),
            Apposed::Role { open, role: r } => {
                role = Some(r);
                end = open;
            }
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
        && let Some(phrase) = name_in_role(ws, end, r)
    {
        return Some(phrase);
    }
    if let Some(pronoun) = pronoun_of(last) {
        return Some(Phrase {
            speaker: pronoun,
            role,
            pronoun: true,
        });
    }
    if !last.capitalised {
        let start = description_start(ws, end)?;
        return Some(Phrase {
            speaker: Span::new(ws[start].span.start, last.span.end),
            role,
            pronoun: false,
        });
    }
    let start = name_start(ws, end)?;
    // "Chief James Hall with the New York Police Department said": the person speaks, the
    // organisation is part of the role
    if let Some(phrase) = affiliated(ws, start, end) {
        return Some(phrase);
    }
    Some(titled_name(ws, start, end, role))
}

/// The speaker before "with", "of", "at" and an organisation ending at `end` (its name opening at
/// `org`): a name of a person right before the word, the rest its role.
fn affiliated(ws: &[Token], org: usize, end: usize) -> Option<Phrase> {
    let mut k = org;
    if k > 0 && lexicon::ARTICLES.contains(&ws[k - 1].lower) {
        k -= 1;
    }
    let tie = k.checked_sub(1)?;
    (lexicon::SPEAKER_AFFILIATIONS.contains(&ws[tie].lower) && tie > 0 && ws[tie - 1].capitalised)
        .then_some(())?;
    let name = name_start(ws, tie)?;
    // two capitalised words at least: a person's name, not "Commission of the …"
    (tie - name >= 2 && !is_punct(&ws[name])).then_some(())?;
    let phrase = titled_name(ws, name, tie, None);
    Some(Phrase {
        role: phrase
            .role
            .or(Some(Span::new(ws[tie].span.start, ws[end - 1].span.end))),
        ..phrase
    })
}

/// A name from `start` to `end`, its leading titles taken as the role when no other is given
/// ("Senate Majority Leader Chuck Schumer": "Chuck Schumer", role "Senate Majority Leader"), and
/// so a word before it that names a role ("Liverpool boss Jurgen Klopp"). An honorific stays with
/// the name ("Mr. Kortunov").
fn titled_name(ws: &[Token], start: usize, end: usize, role: Option<Span>) -> Phrase {
    let last_title = (start..end.saturating_sub(1)).rev().find(|&k| {
        let bare = ws[k].lower.trim_end_matches('.');
        let mut written = bare.chars();
        let capitalised: String = written
            .next()
            .map(|c| c.to_uppercase().chain(written).collect())
            .unwrap_or_default();
        let honorific = lexicon::HONORIFICS.contains(&capitalised);
        !honorific && is_person_word(&ws[k].lower)
    });
    let (name, title_from) = match last_title {
        Some(k) => (k + 1, Some(start)),
        None if start > 0 && lexicon::PERSON_NOUNS.contains(&ws[start - 1].lower) => {
            // the role word and the capitalised words before it ("Liverpool boss")
            let mut from = start - 1;
            while from > 0
                && from + 4 > start
                && ws[from - 1].capitalised
                && !is_punct(&ws[from - 1])
            {
                from -= 1;
            }
            (start, Some(from))
        }
        None => (start, None),
    };
    let title = title_from.map(|from| Span::new(ws[from].span.start, ws[name - 1].span.end));
    Phrase {
        speaker: Span::new(ws[name].span.start, ws[end - 1].span.end),
        role: role.or(title),
        pronoun: false,
    }
}

/// Where the noun phrase before a cue ends: past adverbs and auxiliaries ("also", "has",
/// "jokingly"), times ("Obama on Tuesday called", "Rubio said Saturday night") and a party tag
/// ("(D)", "(R-Texas)").
fn past_modifiers(ws: &[Token], cue: usize) -> usize {
    let mut end = cue;
    while let Some(prev) = end.checked_sub(1).map(|k| &ws[k]) {
        if lexicon::PRE_CUE_WORDS.contains(&prev.lower)
            || (!prev.capitalised && prev.lower.len() > 4 && prev.lower.ends_with("ly"))
        {
            end -= 1;
        } else if lexicon::is_time_word(&prev.lower) || lexicon::PARTS_OF_DAY.contains(&prev.lower)
        {
            end -= 1;
            if end > 0 && lexicon::TIME_OPENERS.contains(&ws[end - 1].lower) {
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
    end
}

/// What an appositive closed by the separator at `close` (a comma or dash right before the cue)
/// says.
enum Apposed {
    /// The name opening the clause is the speaker, all between it and the cue describes it.
    Subject(Phrase),
    /// The description runs from after the separator at `open` to `close`.
    Role { open: usize, role: Span },
}

/// "Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC, said",
/// "Rep. Zoe Lofgren (D-Calif.), who introduced …, said": a name opening the clause with the
/// separator after it (and perhaps a party tag) is the speaker and all between describes it; else
/// the description is the stretch since the separator before (none when too long).
fn appositive_before(ws: &[Token], cue: usize, close: usize) -> Option<Apposed> {
    let sep = ws[close].lower.as_str();
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
            return Some(Apposed::Subject(Phrase {
                speaker: Span::new(ws[k].span.start, ws[j].span.end),
                role,
                pronoun: false,
            }));
        }
    }
    let open = ws[..close].iter().rposition(|w| w.lower == sep)?;
    (close - open > 1 && close - open <= 14).then(|| Apposed::Role {
        open,
        role: Span::new(ws[open + 1].span.start, ws[close - 1].span.end),
    })
}

/// "The minister, Tom Harris, said": a short run of capitalised words between the commas (`role`)
/// after a description ending at `end` is the speaker, the description its role.
fn name_in_role(ws: &[Token], end: usize, role: Span) -> Option<Phrase> {
    let inner: Vec<&Token> = ws.iter().filter(|w| role.contains(w.span)).collect();
    if inner.len() > 5 || !inner.iter().all(|w| w.capitalised) {
        return None;
    }
    let np_start = (end.saturating_sub(4)..end)
        .find(|&k| lexicon::ROLE_DETERMINERS.contains(&ws[k].lower))
        .unwrap_or(end - 1);
    Some(Phrase {
        speaker: role,
        role: Some(Span::new(ws[np_start].span.start, ws[end - 1].span.end)),
        pronoun: false,
    })
}

/// The first token of a name ending at `end`: capitalised words back to a punctuation mark (up to
/// five, "of" joining them), without function words leading it.
fn name_start(ws: &[Token], end: usize) -> Option<usize> {
    if is_function_word(&ws[end - 1].lower) {
        return None;
    }
    let mut start = end - 1;
    while start > 0
        && end - start < 6
        && !is_punct(&ws[start - 1])
        && (ws[start - 1].capitalised
            || lexicon::NAME_JOINERS.contains(&ws[start - 1].lower)
                && start >= 2
                && ws[start - 2].capitalised)
    {
        start -= 1;
    }
    while start < end - 1 && is_function_word(&ws[start].lower) {
        start += 1;
    }
    Some(start)
}

/// The first token of a description ending at `end` ("the senator", "a spokesman for the
/// campaign", "one user"): an article up to five tokens back, with no punctuation or phrase end
/// between. Not a relative clause's cue ("a sign that read"), and not a preposition's object ("in a
/// later interview said") unless a noun phrase opening the clause holds the preposition ("a
/// voice-over in the ad states").
fn description_start(ws: &[Token], end: usize) -> Option<usize> {
    let last = &ws[end - 1];
    if lexicon::RELATIVE_WORDS.contains(&last.lower) {
        return None;
    }
    let start = end - 1;
    let Some(art) = (start.saturating_sub(5)..start)
        .rev()
        .find(|&k| lexicon::SPEAKER_ARTICLES.contains(&ws[k].lower))
    else {
        return bare_subject(ws, end);
    };
    // "the gamut from farmers to professors", "his dealings and said": no noun phrase with the
    // article, perhaps one without ("in the area that border agents described")
    if ws[art + 1..end]
        .iter()
        .any(|w| is_punct(w) || lexicon::PHRASE_ENDS.contains(&w.lower))
    {
        return bare_subject(ws, end);
    }
    if art == 0 || !lexicon::PREPOSITIONS.contains(&ws[art - 1].lower) {
        return Some(art);
    }
    let prep = art - 1;
    let start = (prep.saturating_sub(4)..prep)
        .rev()
        .take_while(|&k| {
            !is_punct(&ws[k])
                && !lexicon::PHRASE_ENDS.contains(&ws[k].lower)
                && !lexicon::CAUSAL_LINKS.contains(&ws[k].lower)
        })
        .find(|&k| lexicon::SPEAKER_ARTICLES.contains(&ws[k].lower))?;
    // and only as the clause's subject, not an object ("shared a syllabus for a class called …")
    let opens_clause = start == 0
        || is_punct(&ws[start - 1])
        || lexicon::CLAUSE_LINKS.contains(&ws[start - 1].lower);
    opens_clause.then_some(start)
}

/// A subject without an article, opening its clause right before the cue: two or three words,
/// capitalised ones only before lower-case ones, none a function word ("Local officials said", "…,”
/// harbour officials said", "that Border Patrol agents described"). Where capitals open the
/// phrase, only the capitalised words were taken before ("Local").
fn bare_subject(ws: &[Token], end: usize) -> Option<usize> {
    (2..=3).filter_map(|n| end.checked_sub(n)).find(|&start| {
        let opens = start == 0
            || is_punct(&ws[start - 1])
            || lexicon::CLAUSE_LINKS.contains(&ws[start - 1].lower);
        let words = &ws[start..end];
        let capitals = words.iter().take_while(|w| w.capitalised).count();
        opens
            && words[capitals..].iter().all(|w| !w.capitalised)
            && words.iter().all(|w| {
                !is_punct(w)
                    && !is_function_word(&w.lower)
                    && !lexicon::PHRASE_ENDS.contains(&w.lower)
                    && pronoun_of(w).is_none()
            })
    })
}

/// "…, head of the Russian International Affairs Council, which …": the tokens after a comma at `j`
/// up to the next comma or the sentence's end.
pub fn appositive(ws: &[Token], j: usize) -> Option<Span> {
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
    if lexicon::NON_ROLE_OPENERS.contains(&ws[from].lower) {
        return None;
    }
    Some(Span::new(ws[from].span.start, ws[to - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    /// The tokens of `text`, and the index of the first token `word`.
    fn at(text: &str, word: &str) -> (Vec<Token>, usize) {
        let ws = tokens(text, Span::new(0, text.len()));
        let i = ws
            .iter()
            .position(|w| w.lower == word)
            .unwrap_or_else(|| panic!("no {word:?} in {text:?}"));
        (ws, i)
    }

    fn slice(text: &str, span: Option<Span>) -> Option<&str> {
        span.map(|s| &text[s.start..s.end])
    }

    #[test]
    fn the_subject_before_a_cue_is_the_name_without_its_title() {
        let text = "Senate Majority Leader Chuck Schumer said the bill would pass.";
        let (ws, cue) = at(text, "said");
        let phrase = phrase_before(&ws, cue).expect("a speaker");
        assert_eq!(slice(text, Some(phrase.speaker)), Some("Chuck Schumer"));
        assert!(!phrase.pronoun);
    }

    #[test]
    fn a_pronoun_before_a_cue_is_a_pronoun_speaker() {
        let text = "“It is over,” she said.";
        let (ws, cue) = at(text, "said");
        let phrase = phrase_before(&ws, cue).expect("a speaker");
        assert_eq!(slice(text, Some(phrase.speaker)), Some("she"));
        assert!(phrase.pronoun);
    }

    #[test]
    fn a_name_after_an_inverted_cue_keeps_its_appositive_as_role() {
        let text = "“We will see,” said Andrey Kortunov, head of the council, on Friday.";
        let (ws, cue) = at(text, "said");
        let phrase = phrase_after(&ws, cue + 1).expect("a speaker");
        assert_eq!(slice(text, Some(phrase.speaker)), Some("Andrey Kortunov"));
        assert_eq!(slice(text, phrase.role), Some("head of the council"));
    }

    #[test]
    fn an_appositive_runs_to_the_next_comma_and_never_opens_with_who() {
        let text = "Jane Doe, a spokeswoman for the city, said so.";
        let (ws, comma) = at(text, ",");
        assert_eq!(
            slice(text, appositive(&ws, comma)),
            Some("a spokeswoman for the city")
        );
        let text = "Jane Doe, who runs the shop, said so.";
        let (ws, comma) = at(text, ",");
        assert_eq!(appositive(&ws, comma), None);
        // not at a comma: none
        assert_eq!(appositive(&ws, 0), None);
    }

    #[test]
    fn a_time_after_the_cue_is_no_speaker() {
        let text = "“Fine,” said Friday the spokesman.";
        let (ws, cue) = at(text, "said");
        assert!(!usable(&ws[cue + 1]));
    }
}
