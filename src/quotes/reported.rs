//! Reported speech: every statement the article attributes to a source, quoted or not.
//!
//! A writer's sentence reports speech when a cue of saying or writing stands in it outside the
//! quotations (the cue lexicon of [`cues`](super::cues); beliefs and perceptions are not in it) and
//! the speaker grammar finds its speaker. What is reported is, in order of the sentence's shape:
//! - after "according to X," at its start, the rest of the sentence; before ", according to X" at its
//!   end, the sentence up to the comma;
//! - before a comma and a cue that ends the sentence with its speaker ("…, Smith said.", "…, said
//!   Smith."), the sentence up to the comma;
//! - else what follows the cue to the sentence's end ("Smith said (that) …"), past the object of a
//!   verb like "told" when a "that" follows it ("told reporters that …").
//!
//! A statement whose sentence ends with a cue and a colon, set as the next paragraph without quote
//! marks ("… said in a statement:"), is reported directly. Every direct quotation not inside a
//! reported statement is one as well. A statement is `direct` when nine tenths of its letters are
//! quoted, `indirect` when under a tenth, else `mixed`.

use super::Quote;
use super::Speaker;
use super::attribute::{Found, speaker_of_cue};
use super::cues::{cue_at, cue_test, ends_sentence, is_punct};
use super::resolve::{People, resolve};
use crate::kinds::{AttributionKind, QuoteKind};
use crate::lexicon;
use crate::text::{Document, Span, Token, tokens};

/// Reported statements shorter than this many words are not kept (a cue's stray object).
const MIN_WORDS: usize = 3;

/// How far after a cue a "that" still opens what is reported ("told reporters on Tuesday that").
const THAT_REACH: usize = 6;

/// Sentences of more tokens than this are not read for reported speech.
const MAX_SENTENCE_TOKENS: usize = 300;

/// The longest phrase taken for a speaker when the grammar finds none.
const MAX_SPEAKER_WORDS: usize = 10;

/// The most words of attribution between two quotations that are one statement ("“…,” said Jane
/// Smith, a spokeswoman for the group. “…”").
const MAX_INTERRUPTION: usize = 30;

/// One statement attributed to a source.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// From the first to the last character of what is reported.
    pub span: Span,
    pub kind: AttributionKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    /// Indices of the quotations inside it.
    pub quotes: Vec<usize>,
}

/// The reported statements of `doc`, in text order, given its direct `quotes`.
pub fn attributions(doc: &Document, people: &People, quotes: &[Quote]) -> Vec<Attribution> {
    let quoted: Vec<Span> = quotes
        .iter()
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    // a whole quotation's cue attributes the quotation; a fragment's cue reports the clause around it
    let mut cues: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Full)
        .filter_map(|q| q.cue)
        .collect();
    cues.sort_unstable_by_key(|c| c.start);
    let mut out = Vec::new();
    let may_be_cue = cue_test();
    for (si, s) in doc.sentences.iter().enumerate() {
        // most sentences hold no cue at all, and no colon: they are not read further
        let words = doc.sentence_words(si);
        let cued = doc.words[words]
            .iter()
            .enumerate()
            .any(|(k, w)| may_be_cue(doc.slice(*w), k == 0));
        if !cued && !doc.slice(*s).trim_end().ends_with(':') {
            continue;
        }
        let ws = tokens(doc.text, *s);
        // the grammar reads back and forth over a sentence once per cue: a "sentence" longer than
        // any written one (a list, a page's furniture run together) is passed over, which keeps the
        // work linear
        if ws.len() > MAX_SENTENCE_TOKENS {
            continue;
        }
        let found = out.len();
        statements(doc, people, &ws, &quoted, &cues, *s, &mut out);
        if out.len() == found
            && let Some(a) = colon_paragraph(doc, people, &ws, &quoted)
        {
            out.push(a);
        }
    }
    // every quotation not inside a statement is one; a quotation interrupted by its attribution
    // ("“…,” she said. “…”") is one statement
    out.sort_by_key(|a| a.span.start);
    let statements_end = out.len();
    let mut last_direct: Option<usize> = None;
    for (qi, q) in quotes.iter().enumerate() {
        if let Some(k) = overlapping(&out[..statements_end], q.span) {
            out[k].quotes.push(qi);
            continue;
        }
        // a fragment no cue attributes is a word in quote marks, not a statement
        if q.kind == QuoteKind::Partial && q.cue.is_none() {
            continue;
        }
        if let Some(k) = last_direct
            && continues(doc, &out[k], &quotes[qi - 1], q)
        {
            out[k].span.end = q.span.end;
            out[k].quotes.push(qi);
            continue;
        }
        last_direct = Some(out.len());
        out.push(Attribution {
            span: q.span,
            kind: AttributionKind::Direct,
            speaker: q.speaker.clone(),
            cue: q.cue,
            quotes: vec![qi],
        });
    }
    out.sort_by_key(|a| a.span.start);
    for a in &mut out {
        a.kind = kind_of(doc, a.span, &quoted);
        a.quotes.sort_unstable();
    }
    out
}

/// The statements a sentence reports ("The campaign asked FEMA to … and said the administration
/// should …" reports two), added to `out`.
fn statements(
    doc: &Document,
    people: &People,
    ws: &[Token],
    quoted: &[Span],
    cues: &[Span],
    sentence: Span,
    out: &mut Vec<Attribution>,
) {
    let text = doc.text;
    let outside = |w: &Token| inside(quoted, w.span) == 0;
    let mut done = 0;
    for i in 0..ws.len() {
        if ws[i].span.start < done {
            continue;
        }
        // the cue test first: it turns most words away by their shape
        let Some(n) = cue_at(ws, i) else { continue };
        if !outside(&ws[i]) {
            continue;
        }
        // a quotation's own cue attributes the quotation; an opening participle ("Boasting 108,000
        // residents, …") describes
        let opening = ws[..i].iter().all(is_punct);
        // "as recalled by", "was announced": no statement ("has not said when …" is one, and so
        // is "is calling for …")
        let passive = i > 0
            && lexicon::PASSIVE_MARKERS.contains(&ws[i - 1].lower)
            && !ws[i].lower.ends_with("ing");
        if is_quote_cue(cues, ws[i].span.start)
            || opening
                && ws[i].lower.ends_with("ing")
                && !lexicon::SPEAKER_AFTER_CUES.contains(&ws[i].lower)
            || passive
        {
            continue;
        }
        let Some((content, found)) = content_of(text, ws, i, n, sentence) else {
            continue;
        };
        let Some(words) = text
            .get(content.start..content.end)
            .filter(|_| content.start < content.end)
            .map(|t| t.split_whitespace().count())
        else {
            continue;
        };
        if words < MIN_WORDS {
            continue;
        }
        let speaker = resolve(doc, people, &found, content.start, None);
        // what one cue reports holds no other statement
        done = content.end.max(found.cue.end);
        out.push(Attribution {
            span: content,
            kind: AttributionKind::Indirect,
            speaker,
            cue: Some(found.cue),
            quotes: Vec::new(),
        });
    }
}

/// What the cue of `n` tokens at token `i` reports, and its speaker.
fn content_of(
    text: &str,
    ws: &[Token],
    i: usize,
    n: usize,
    sentence: Span,
) -> Option<(Span, Found)> {
    let end = ws.iter().rposition(|w| !is_punct(w) || w.lower == ")")?;
    let last = ws[end].span.end;
    let first = ws.iter().position(|w| !is_punct(w))?;
    // "Russia's successes, they said, could be solidified …": the attribution interrupts what is
    // reported, which is the whole sentence
    if let Some(found) = interrupting(text, ws, i, n, first, end) {
        let span = Span::new(ws[first].span.start, last);
        return Some((trimmed(text, span), found));
    }
    if lexicon::SPEAKER_AFTER_CUES.contains(&ws[i].lower) {
        return according(text, ws, i, n, (first, end));
    }
    // "…, according to X." / "…, Smith said." / "…, said Smith.": the speaker's frame closes the
    // sentence and a comma opens it
    if closes_frame(ws, i, n) {
        let comma = ws[..i].iter().rposition(|w| w.lower == ",")?;
        let frame = &ws[comma..];
        let found = speaker_of_cue(text, frame, i - comma, n, true)?;
        if found.speaker.start < ws[comma].span.end {
            return None;
        }
        (comma > first).then_some(())?;
        let span = Span::new(ws[first].span.start, ws[comma - 1].span.end);
        return Some((trimmed(text, span), found));
    }
    // "Smith said (that) …", "told reporters on Tuesday that …": a "that" after the cue's object
    // or a time opens what is reported, not one after a clause's subject ("said he was happy to
    // see that …"), nor one after a preposition, which points ("concluded in that case that …")
    let after = i + n;
    let opener = (after..ws.len().min(after + THAT_REACH))
        .take_while(|&k| !lexicon::PRONOUNS.contains(&ws[k].lower) && cue_at(ws, k).is_none())
        .find(|&k| {
            lexicon::CLAUSE_OPENERS.contains(&ws[k].lower)
                && !(k > after && lexicon::PREPOSITIONS.contains(&ws[k - 1].lower))
        });
    if opener.is_none() && lexicon::THAT_ONLY_CUES.contains(&ws[i].lower) {
        return None;
    }
    let from = opener.unwrap_or(after);
    let from = ws.get(from).filter(|_| from <= end)?;
    if is_punct(from) && from.lower != "(" {
        return None;
    }
    let found = speaker_of_cue(text, ws, i, n, false).or_else(|| words_before(ws, i, n))?;
    // the speaker after the cue ("said Smith, …") is not what is reported
    let start = if found.speaker.start >= from.span.start {
        let k = ws.iter().position(|w| w.span.start >= found.speaker.end)?;
        let k = if ws[k].lower == "," { k + 1 } else { k };
        ws.get(k)?.span.start
    } else {
        from.span.start
    };
    (start < last && start >= sentence.start).then_some(())?;
    let last = clause_end(ws, start, i + n, last);
    // "When Tokayev called for elections, it was …": a cue in a clause set before the main one
    // reports up to that clause's comma
    let last = if lexicon::SUBORDINATORS.contains(&ws[first].lower) {
        ws[i + n..]
            .iter()
            .position(|w| w.lower == ",")
            .map_or(last, |k| ws[i + n + k].span.start.min(last))
    } else {
        last
    };
    (start < last).then_some(())?;
    Some((trimmed(text, Span::new(start, last)), found))
}

/// Where what a cue reports ends when the sentence goes on with another clause: before a semicolon,
/// before "while" or "whereas", and before a second cue with the "and" or comma that joins it ("…
/// and noted that …", "…, and three-quarters said …").
fn clause_end(ws: &[Token], start: usize, after_cue: usize, last: usize) -> usize {
    let from = ws.partition_point(|w| w.span.start < start).max(after_cue);
    for k in from..ws.len() {
        let w = &ws[k];
        if w.span.start >= last {
            break;
        }
        // (", which …", ", although …": the writer's word on what was said)
        let aside = k > from
            && lexicon::COMMA_CLAUSE_BREAKS.contains(&w.lower)
            && matches!(ws[k - 1].lower.as_str(), "," | "—" | "–");
        let joint =
            w.lower == ";" || lexicon::CLAUSE_BREAKS.contains(&w.lower) && k > from || aside;
        // "… and noted that …", "…, and three-quarters said …": a second verb of saying, right
        // after "and" or after a comma and a short subject
        let second_cue = k > from + 1 && cue_at(ws, k).is_some() && !ws[k].capitalised && {
            let joint = ws[from..k]
                .iter()
                .rposition(|w| matches!(w.lower.as_str(), "," | "and"))
                .map(|j| from + j);
            let participle = ws[k].lower.ends_with("ing");
            joint.is_some_and(|j| k - j <= 4 && (ws[j].lower == "and" || k - j >= 2 || participle))
        };
        if joint || second_cue {
            let mut end = k;
            if second_cue {
                // back over the cue's subject to the joint before it
                while end > from && !matches!(ws[end - 1].lower.as_str(), "," | "and" | ";") {
                    end -= 1;
                }
                if end == from {
                    continue;
                }
            }
            while end > from && matches!(ws[end - 1].lower.as_str(), "," | "and" | ";") {
                end -= 1;
            }
            return ws[end.saturating_sub(1).max(from)].span.end.min(last);
        }
    }
    last
}

/// When the speaker grammar finds no phrase: the words before the cue back to a comma or the
/// sentence's start ("Even the organizer of a pro-Trump rally said"), leading function words and
/// trailing adverbs left out, at most [`MAX_SPEAKER_WORDS`].
fn words_before(ws: &[Token], i: usize, n: usize) -> Option<Found> {
    let from = ws[..i].iter().rposition(is_punct).map_or(0, |k| k + 1);
    let mut a = from;
    while a < i && lexicon::FUNCTION_WORDS.contains(&ws[a].lower) {
        a += 1;
    }
    // adverbs before the cue are no part of it ("officials have often said"; auxiliaries too, unless
    // nothing else stands there: "…, first reported by …" has its speaker after the cue)
    let past = |pre_cue: bool| {
        let mut b = i;
        while b > a
            && (ws[b - 1].lower.ends_with("ly")
                || pre_cue && lexicon::PRE_CUE_WORDS.contains(&ws[b - 1].lower))
        {
            b -= 1;
        }
        b
    };
    let b = Some(past(true))
        .filter(|&b| b > a)
        .unwrap_or_else(|| past(false));
    (b > a && b - a <= MAX_SPEAKER_WORDS).then_some(())?;
    Some(Found {
        cue: Span::new(ws[i].span.start, ws[i + n - 1].span.end),
        speaker: Span::new(ws[a].span.start, ws[b - 1].span.end),
        pronoun: b - a == 1 && lexicon::PRONOUNS.contains(&ws[a].lower),
        role: None,
    })
}

/// "According to X, …" (X is the words up to the comma when no phrase is found), or "…, according
/// to X.": what the cue of `n` tokens at `i` reports, the sentence's words running `bounds`.
fn according(
    text: &str,
    ws: &[Token],
    i: usize,
    n: usize,
    (first, end): (usize, usize),
) -> Option<(Span, Found)> {
    let last = ws[end].span.end;
    let cue = Span::new(ws[i].span.start, ws[i + n - 1].span.end);
    let comma = ws[i + n..]
        .iter()
        .position(|w| w.lower == ",")
        .map(|k| k + i + n)
        .filter(|&c| c > i + n && c + MIN_WORDS <= end);
    let speaker_end = comma.map_or(end, |c| c - 1);
    (speaker_end >= i + n).then_some(())?;
    let found = speaker_of_cue(text, ws, i, n, false).unwrap_or(Found {
        cue,
        speaker: Span::new(ws[i + n].span.start, ws[speaker_end].span.end),
        pronoun: false,
        role: None,
    });
    let span = match comma {
        Some(c) => Span::new(ws[c + 1].span.start, last),
        None => {
            let before = ws[..i].iter().rposition(|w| w.lower == ",")?;
            (before > first).then_some(())?;
            Span::new(ws[first].span.start, ws[before - 1].span.end)
        }
    };
    Some((trimmed(text, span), found))
}

/// The speaker of a cue set off by commas inside what it reports ("…, they said, could …",
/// "…, Smith says, …"): a subject of at most four words between the first comma and the cue, a
/// comma right after the cue, and more of the sentence after it.
fn interrupting(
    text: &str,
    ws: &[Token],
    i: usize,
    n: usize,
    first: usize,
    end: usize,
) -> Option<Found> {
    let open = ws[..i].iter().rposition(|w| w.lower == ",")?;
    let closing = ws.get(i + n).is_some_and(|w| w.lower == ",");
    (closing && open > first && i - open <= 5 && i - open >= 2 && i + n + 1 < end).then_some(())?;
    let found = speaker_of_cue(text, &ws[open..], i - open, n, true)?;
    (found.speaker.start > ws[open].span.start).then_some(found)
}

/// Whether the cue of `n` tokens at `i`, with its speaker, closes a sentence that a comma opened
/// ("…, Smith said.", "…, said Smith on Monday.", "…, said Jane Smith, a spokeswoman for the
/// group.").
/// Tokens an inverted speaker's phrase takes at most before the sentence's end or a comma ("said
/// former Sen. Evan Bayh of Indiana").
const INVERTED_SPEAKER_TOKENS: usize = 6;

fn closes_frame(ws: &[Token], i: usize, n: usize) -> bool {
    let rest = &ws[i + n..];
    let stop = rest.iter().position(ends_sentence).unwrap_or(rest.len());
    // ", said the spokesman." / ", said Jane Doe, a senator from …": a short phrase to the sentence's
    // end or a comma soon after ("…, said the president also has spoken with …" reports what
    // follows)
    let comma = rest
        .iter()
        .position(|w| w.lower == ",")
        .unwrap_or(rest.len());
    let inverted = i > 0
        && ws[i - 1].lower == ","
        && rest
            .first()
            .is_some_and(|w| w.capitalised && !is_punct(w) || lexicon::ARTICLES.contains(&w.lower))
        && (stop <= INVERTED_SPEAKER_TOKENS || comma <= INVERTED_SPEAKER_TOKENS);
    // after "Smith said" only when and where it was said: "on Tuesday", "in a statement"
    let circumstance = stop == 0
        || stop <= 4
            && rest.first().is_some_and(|w| {
                lexicon::PREPOSITIONS.contains(&w.lower) || lexicon::is_time_word(&w.lower)
            });
    (circumstance || inverted)
        && i > 0
        && ws[..i].iter().rposition(|w| w.lower == ",").is_some()
        && !rest[..stop].iter().any(|w| w.lower == "that")
}

/// Whether quotation `q` goes on the statement `a` whose last quotation is `prev`: the same
/// paragraph, no cue of its own or the same speaker, and nothing between them but the first one's
/// attribution.
fn continues(doc: &Document, a: &Attribution, prev: &Quote, q: &Quote) -> bool {
    let same_speaker = match (&prev.speaker, &q.speaker) {
        (Some(x), Some(y)) => x.name == y.name,
        (_, None) => true,
        (None, Some(_)) => false,
    };
    let between = &doc.text[prev.span.end.min(q.span.start)..q.span.start];
    a.span.end == prev.span.end
        && prev.paragraph == q.paragraph
        && prev.parts.len() == 1
        && same_speaker
        && (q.cue.is_none() || q.cue == prev.cue)
        && prev
            .cue
            .is_some_and(|c| prev.span.end <= c.start && c.end <= q.span.start)
        && between.split_whitespace().count() <= MAX_INTERRUPTION
}

/// A sentence ending with a cue and a colon before a paragraph with no quote marks ("… said in a
/// statement:"): that paragraph is the statement.
fn colon_paragraph(
    doc: &Document,
    people: &People,
    ws: &[Token],
    quoted: &[Span],
) -> Option<Attribution> {
    let colon = ws.len().checked_sub(1)?;
    (ws[colon].lower == ":").then_some(())?;
    let (i, n) = (0..colon)
        .rev()
        .take(5)
        .find_map(|i| cue_at(ws, i).map(|n| (i, n)))?;
    let found = speaker_of_cue(doc.text, ws, i, n, false)?;
    let p = doc.paragraph_at(ws[colon].span.start);
    let next = doc.paragraphs.get(p + 1)?;
    // the colon ends its paragraph, and the next one is its own statement
    let rest = &doc.text[ws[colon].span.end..doc.paragraphs[p].span.end];
    (rest.trim().is_empty() && inside(quoted, next.span) == 0).then_some(())?;
    let span = next.span;
    let speaker = resolve(doc, people, &found, span.start, None);
    Some(Attribution {
        span,
        kind: AttributionKind::Direct,
        speaker,
        cue: Some(found.cue),
        quotes: Vec::new(),
    })
}

/// `span` without trailing stops, commas and spaces (a closing quote mark stays).
fn trimmed(text: &str, span: Span) -> Span {
    let s = text.get(span.start..span.end).unwrap_or_default();
    let kept = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    Span::new(span.start, span.start + kept.len())
}

/// How many bytes of `span` lie inside the quoted stretches.
fn inside(quoted: &[Span], span: Span) -> usize {
    let from = quoted.partition_point(|q| q.end <= span.start);
    quoted[from..]
        .iter()
        .take_while(|q| q.start < span.end)
        .map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
        .sum()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The statement among `sorted` (by start, barely overlapping one another) that overlaps `span`:
/// one of the last two starting before its end.
fn overlapping(sorted: &[Attribution], span: Span) -> Option<usize> {
    let upto = sorted.partition_point(|a| a.span.start < span.end);
    (upto.saturating_sub(2)..upto)
        .rev()
        .find(|&k| overlaps(sorted[k].span, span))
}

/// Whether byte `at` lies in one of the quotations' cues (`cues` sorted by start).
fn is_quote_cue(cues: &[Span], at: usize) -> bool {
    let upto = cues.partition_point(|c| c.start <= at);
    upto > 0 && at < cues[upto - 1].end
}

/// Direct when nine tenths of the statement's letters are quoted, indirect when under a tenth.
fn kind_of(doc: &Document, span: Span, quoted: &[Span]) -> AttributionKind {
    let letters = |s: Span| doc.slice(s).chars().filter(|c| c.is_alphanumeric()).count();
    let all = letters(span).max(1);
    let from = quoted.partition_point(|q| q.end <= span.start);
    let inner: usize = quoted[from..]
        .iter()
        .take_while(|q| q.start < span.end)
        .map(|q| letters(Span::new(q.start.max(span.start), q.end.min(span.end))))
        .sum();
    if inner * 10 >= all * 9 {
        AttributionKind::Direct
    } else if inner * 10 < all {
        AttributionKind::Indirect
    } else {
        AttributionKind::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str) -> Vec<(String, AttributionKind, Option<String>)> {
        let doc = Document::new(text);
        let entities = crate::entities::recognise(&doc, &[]);
        crate::quotes::speech(&doc, &entities, &[])
            .attributions
            .into_iter()
            .map(|a| {
                (
                    doc.slice(a.span).to_string(),
                    a.kind,
                    a.speaker.map(|s| s.name),
                )
            })
            .collect()
    }

    #[test]
    fn a_colon_ending_the_text_introduces_nothing() {
        // the colon stands after the last word: it once asked for the paragraph of a word past the end
        assert!(reported("Smith said:").is_empty());
        assert!(reported("“Yes,” he said. Smith said:").len() <= 1);
    }

    #[test]
    fn said_reports_what_follows() {
        let r = reported(
            "Even the organizer of a pro-Trump rally said the city rules increased the chance of violence.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn a_progressive_and_a_phrase_cue_report_and_a_plural_noun_does_not() {
        let r = reported(
            "Senator Jane Roe is calling for the state to double its spending on new roads. \
             Tom Hale pointed out that the bridge had been closed for two years already. \
             Officials from 49 states met the governor in the capital for two days of talks.",
        );
        let texts: Vec<&str> = r.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the state to double its spending on new roads",
                "that the bridge had been closed for two years already"
            ],
            "{r:?}"
        );
    }

    #[test]
    fn a_cue_after_a_comma_reports_what_follows_unless_a_short_speaker_ends_the_sentence() {
        let r = reported(
            "Steven Cole, a campaign spokesman, said the larger office was needed for the new staff. \
             The office will open in May, said the spokesman.",
        );
        let texts: Vec<(&str, Option<&str>)> =
            r.iter().map(|a| (a.0.as_str(), a.2.as_deref())).collect();
        assert_eq!(
            texts,
            [
                (
                    "the larger office was needed for the new staff",
                    Some("Steven Cole")
                ),
                ("The office will open in May", Some("Steven Cole"))
            ],
            "{r:?}"
        );
    }

    #[test]
    fn the_writers_aside_after_a_comma_ends_what_is_reported() {
        let r = reported(
            "Jane Roe said the plan had helped the town keep its school, although the council \
             has not said what it will cost next year.",
        );
        assert_eq!(
            r[0].0, "the plan had helped the town keep its school",
            "{r:?}"
        );
    }
}
