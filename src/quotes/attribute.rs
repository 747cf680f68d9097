//! Attributions found in a frame: the cue nearest the quotation, and the speaker the grammar finds
//! for it ("says Andrey Kortunov", "Mr. Kortunov adds", "the senator said", "Trump …, calling it"),
//! or, with no cue, the subject of a sentence that introduces the quotation with a colon, and a
//! signature line under it.

use super::cues::{cue_at, ends_sentence, inverts, is_pronoun, is_punct, speaker_after};
use super::grammar::{Phrase, phrase_after, phrase_before, subject};
use crate::lexicon;
use crate::text::{Span, Token, tokens};

/// An attribution found in a frame.
#[derive(Debug, Clone)]
pub struct Found {
    /// The cue: a verb or phrase of saying, a colon, a signature's dash, or the speaker itself when
    /// nothing else attributes the quotation.
    pub cue: Span,
    /// The words naming the speaker (a name, a pronoun, "the spokesman").
    pub speaker: Span,
    pub pronoun: bool,
    /// An appositive describing the speaker.
    pub role: Option<Span>,
}

impl Found {
    fn of(cue: Span, phrase: Phrase) -> Found {
        Found {
            cue,
            speaker: phrase.speaker,
            pronoun: phrase.pronoun,
            role: phrase.role,
        }
    }
}

/// Looks for a cue and its speaker in the frame tokens `ws`. `after` says the frame follows the
/// quotation (so an inverted "said X" is likely), else it precedes it. The nearest cue to the
/// quotation that names a speaker wins: the first after it, the last before it.
pub fn attribute(text: &str, ws: &[Token], after: bool) -> Option<Found> {
    attribute_cut(text, ws, after, false)
}

/// [`attribute`] of the frame after a quotation, given as its tokens to the first sentence end
/// (`ws`) and whether more of the frame follows (`more`): the same answer as for the whole frame.
pub fn attribute_after(text: &str, ws: &[Token], more: bool) -> Option<Found> {
    attribute_cut(text, ws, true, more)
}

/// [`attribute`], with `cut` saying that `ws` ends at a sentence end before the frame does.
fn attribute_cut(text: &str, ws: &[Token], after: bool, cut: bool) -> Option<Found> {
    let order: Vec<usize> = if after {
        (0..ws.len()).collect()
    } else {
        (0..ws.len()).rev().collect()
    };
    for i in order {
        // a sentence end between the quotation and the cue: the cue is another sentence's
        if after && ws[..i].iter().any(ends_sentence) {
            return None;
        }
        let Some(n) = cue_at(ws, i) else { continue };
        // "said in an interview": looking back, the verb before the phrase is the cue
        if !after && i > 0 && cue_at(ws, i - 1).is_some() {
            continue;
        }
        if let Some(found) = speaker_of_cue(text, ws, i, n, after) {
            return Some(found);
        }
    }
    // (the whole frame would have met the sentence end in the loop above)
    if after && !cut { manner_tag(ws) } else { None }
}

/// A verb of manner tagging the quotation right after it, with its speaker: "“…,” laughs Smith",
/// "“…,” Smith smiles", "“…,” he shrugs." (`data/lang/manner-cues.txt`). Nothing else may stand
/// between: elsewhere such a verb reports no speech ("shrugged off the claims").
fn manner_tag(ws: &[Token]) -> Option<Found> {
    let manner = |k: usize| {
        ws.get(k)
            .is_some_and(|w| !w.capitalised && lexicon::MANNER_CUES.contains(&w.lower))
    };
    let cue_span = |k: usize| ws[k].span;
    if manner(0) {
        return phrase_after(ws, 1).map(|p| Found::of(cue_span(0), p));
    }
    // a pronoun or a name of up to four words, then the verb, then the sentence's end or a comma
    let k = (1..ws.len().min(6)).find(|&k| manner(k))?;
    let closes = ws
        .get(k + 1)
        .is_none_or(|w| ends_sentence(w) || w.lower == ",");
    let named = ws[..k]
        .iter()
        .all(|w| w.capitalised && !is_punct(w) || is_pronoun(&w.lower));
    (closes && named)
        .then(|| phrase_before(ws, k))
        .flatten()
        .map(|p| Found::of(cue_span(k), p))
}

/// The speaker of the cue of `n` tokens at token `i`.
///
/// The speaker follows the cue when nothing else stands between the quotation and the cue (",”
/// says Andrey Kortunov") or the cue is "according to", and after a comma when a name or an article
/// follows an inverting cue ("“…” that Sanders can catch Clinton, said Steve Elmendorf"); else it
/// precedes the cue (",” Mr. Kortunov adds", "Graham said, “", "Ryan said Obama's words “...”").
/// A participle's speaker is the clause's subject ("Trump defended it, calling the protester “…”")
/// unless a name stands right before it ("with Sen. John McCain calling it …"), and the speaker of
/// a cue before it ("Spicer said, adding, “…”").
pub fn speaker_of_cue(text: &str, ws: &[Token], i: usize, n: usize, after: bool) -> Option<Found> {
    let cue = Span::new(ws[i].span.start, ws[i + n - 1].span.end);
    let comma_inverted = after
        && i > 0
        && ws[i - 1].lower == ","
        && inverts(&ws[i])
        && ws
            .get(i + n)
            .is_some_and(|w| w.capitalised && !is_punct(w) || lexicon::ARTICLES.contains(&w.lower));
    // "wrote in a note to clients": what follows a cue ending in a preposition is where it was
    // said, not who said it
    let open_ended = n > 1 && lexicon::PREPOSITIONS.contains(&ws[i + n - 1].lower);
    let inverted = ((after && ws[..i].iter().all(is_punct)) || comma_inverted) && !open_ended
        || speaker_after(&ws[i])
        || parenthetical(ws, i, n, after);
    let after_phrase = || phrase_after(ws, i + n).map(|p| Found::of(cue, p));
    let before_phrase = || {
        phrase_before(ws, i)
            .filter(|p| !object_of_verb(ws, p))
            .map(|p| Found::of(cue, p))
    };
    // the clause's subject: an -ing cue's speaker, and any cue's with no noun phrase right before
    // it ("Scott beamed and asked the crowd …", "O'Malley, who …, interjected to say"), never the
    // cue's object
    let clause_subject = || subject(ws, i).map(|speaker| subject_found(text, cue, speaker));
    let sentence_initial = i == 0 || ends_sentence(&ws[i - 1]);
    let participle = ws[i].lower.ends_with("ing");
    if inverted {
        after_phrase().or_else(before_phrase)
    } else if participle
        && i >= 2
        && ws[i - 1].lower == ","
        && cue_at(ws, i - 2) == Some(1)
        && let Some(p) = phrase_before(ws, i - 2)
    {
        Some(Found::of(cue, p))
    } else if participle {
        // "Carson privately saying": an adverb may stand between the name and the participle
        let mut k = i;
        while k > 0 && !ws[k - 1].capitalised && ws[k - 1].lower.ends_with("ly") {
            k -= 1;
        }
        // (a day or a month is no name: "issued a statement Tuesday saying")
        let calendar = |w: &Token| {
            let w = w.lower.trim_end_matches('.');
            lexicon::DAYS.contains(w) || lexicon::MONTHS.contains(w)
        };
        if k > 0 && ws[k - 1].capitalised && !is_punct(&ws[k - 1]) && !calendar(&ws[k - 1]) {
            before_phrase().or_else(clause_subject)
        } else {
            clause_subject().or_else(before_phrase)
        }
    } else if sentence_initial {
        after_phrase()
    } else {
        before_phrase().or_else(clause_subject)
    }
}

/// A cue set between commas before the quotation with its speaker after it ("The paradox of it,
/// says Carl Anthony, historian at …, is that “…”"): a name follows the cue, and a comma the name.
fn parenthetical(ws: &[Token], i: usize, n: usize, after: bool) -> bool {
    !after
        && i > 0
        && ws[i - 1].lower == ","
        && inverts(&ws[i])
        && ws.get(i + n).is_some_and(|w| w.capitalised && !is_punct(w))
        && phrase_after(ws, i + n).is_some_and(|p| {
            let end = p.role.map_or(p.speaker.end, |r| r.end.max(p.speaker.end));
            ws.get(ws.partition_point(|w| w.span.start < end))
                .is_some_and(|w| w.lower == ",")
        })
}

/// A noun phrase opening with a determiner right after a verb ("Mackie clarified his comments in a
/// statement", "issued the report saying"): the verb's object, not who speaks. A verb is read as a
/// lower-case word that is no function word, preposition or adverb before the phrase.
fn object_of_verb(ws: &[Token], p: &Phrase) -> bool {
    // (tokens are in text order: found by halving, not by a scan per cue)
    let k = ws.partition_point(|w| w.span.start < p.speaker.start);
    if ws.get(k).is_none_or(|w| w.span.start != p.speaker.start) {
        return false;
    }
    let determined = lexicon::SPEAKER_DETERMINERS.contains(&ws[k].lower);
    let verb = k.checked_sub(1).map(|v| &ws[v]).is_some_and(|w| {
        !w.capitalised
            && w.lower.chars().all(char::is_alphabetic)
            && !w.lower.ends_with("ly")
            && !lexicon::FUNCTION_WORDS.contains(&w.lower)
            && !lexicon::PREPOSITIONS.contains(&w.lower)
            && !lexicon::RELATIVE_WORDS.contains(&w.lower)
            && !is_pronoun(&w.lower)
    });
    determined && verb
}

/// A quotation introduced by a colon and no cue ("Kaine has adopted the stance common among some
/// Catholics: “…”"): the sentence's subject speaks, and the colon is the cue.
pub fn colon_subject(text: &str, ws: &[Token]) -> Option<Found> {
    let colon = ws.len().checked_sub(1)?;
    (ws[colon].lower == ":").then_some(())?;
    let speaker = subject(ws, colon)?;
    Some(subject_found(text, ws[colon].span, speaker))
}

/// The subject of the writer's sentence holding a quoted fragment that no cue attributes ("He rails
/// against its “Great Wall of Protectionism”"): the speaker found stands in for the cue too.
pub fn sentence_subject(text: &str, ws: &[Token]) -> Option<Found> {
    let speaker = subject(ws, ws.len())?;
    Some(subject_found(text, speaker, speaker))
}

/// A cue's speaker found as a clause's subject: no role, a pronoun when it is one.
fn subject_found(text: &str, cue: Span, speaker: Span) -> Found {
    Found {
        cue,
        speaker,
        pronoun: is_pronoun(&text[speaker.start..speaker.end].to_lowercase()),
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
    let (_, p) = name_line(text, rest)?;
    Some(Found::of(Span::new(paragraph.start, rest.start), p))
}

/// The tokens of a short line that names someone first (a signature, a credit line: not a paragraph
/// of prose), and the name and role it gives.
fn name_line(text: &str, line: Span) -> Option<(Vec<Token>, Phrase)> {
    let ws = tokens(text, line);
    if ws.len() > 16 || !ws.first().is_some_and(|w| w.capitalised) {
        return None;
    }
    let p = phrase_after(&ws, 0)?;
    Some((ws, p))
}

/// A pull quote's credit line: the paragraph under a quotation left open, a name first and the
/// quotation's closing mark last ("Tom Hale, market trader.”"), the mark its cue. `single` says the
/// quotation opened with a single mark, which a single mark closes. A short line only, with no mark
/// of its own before the closing one.
pub fn credit_line(text: &str, paragraph: Span, single: bool) -> Option<Found> {
    let marks: &[char] = if single {
        &['’', '\'']
    } else {
        &['”', '"']
    };
    let body = text[paragraph.start..paragraph.end].trim_end();
    let mark = body.chars().next_back().filter(|c| marks.contains(c))?;
    let close = Span::new(
        paragraph.start + body.len() - mark.len_utf8(),
        paragraph.start + body.len(),
    );
    if text[paragraph.start..close.start].contains(['“', '”', '"', '‘']) {
        return None;
    }
    let (ws, p) = name_line(text, Span::new(paragraph.start, close.start))?;
    // a name of two capitalised words or more, or a name and a role: not the last words of the
    // quotation itself ("Nobody expected it.”")
    let named = ws
        .iter()
        .take_while(|w| w.span.end <= p.speaker.end)
        .filter(|w| w.capitalised)
        .count()
        >= 2;
    (named || p.role.is_some()).then(|| Found::of(close, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, after: bool) -> Option<(String, String, Option<String>)> {
        let ws = tokens(text, Span::new(0, text.len()));
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
            Some("Lisa Madigan".into())
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
            Some("John McCain".into())
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
            Some("Paul Ryan".into())
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
    fn no_cue_no_speaker() {
        assert_eq!(run(" is the name of the plan. Later he said", true), None);
        assert_eq!(run("The plan, known as ", false), None);
    }

    #[test]
    fn a_credit_line_closes_a_pull_quote() {
        let speaker = |text: &str, single: bool| {
            credit_line(text, Span::new(0, text.len()), single)
                .map(|f| text[f.speaker.start..f.speaker.end].to_string())
        };
        assert_eq!(
            speaker("Tom Hale, market trader.\u{201d}", false).as_deref(),
            Some("Tom Hale")
        );
        assert_eq!(
            speaker("Tom Hale, market trader.'", true).as_deref(),
            Some("Tom Hale")
        );
        // no closing mark, a mark of its own, or prose: no credit line
        assert_eq!(speaker("Tom Hale, market trader.", false), None);
        assert_eq!(speaker("Tom Hale said \u{201c}yes\u{201d}", false), None);
        assert_eq!(speaker("Nobody expected it.\u{201d}", false), None);
        assert_eq!(
            speaker(
                "the market was busy on the day the ferry came.\u{201d}",
                false
            ),
            None
        );
    }
}
