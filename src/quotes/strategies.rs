//! How a quotation's speaker is found: a named list of strategies, tried in order, each reading the
//! text around the quotation in its own way. The first to find an attribution wins; when none does,
//! [`uncued`] decides whether the quoted words are speech at all and whose.

use super::attribute::{
    Found, attribute, attribute_after, colon_subject, credit_line, sentence_subject, signature,
};
use super::resolve::{People, nearest_subject, next_subject, resolve};
use super::{Quotation, Quote, Speaker, frames};
use crate::entities::Entity;
use crate::kinds::{EntityKind, QuoteKind};
use crate::text::{Document, Span, tokens};

/// Quoted fragments without an attribution are kept only from this many words (shorter ones are
/// scare quotes, titles, nicknames).
const MIN_UNATTRIBUTED_WORDS: usize = 5;

/// Fragments with no cue of their own are given their sentence's subject from this many words.
const MIN_SUBJECT_WORDS: usize = 4;

/// What every strategy reads: the document, its entities and people, and every quoted stretch.
pub struct Context<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub entities: &'d [Entity],
    /// Every quoted stretch with its marks, in text order (cut out of the writer's frames).
    pub cuts: Vec<Span>,
    pub people: People<'d>,
}

/// A way of finding a quotation's attribution.
pub type Strategy = fn(&Context, &Quotation) -> Option<Found>;

/// The strategies, in the order they are tried.
pub const STRATEGIES: &[(&str, Strategy)] = &[
    ("a cue in the frame", in_frame),
    ("a colon after the sentence's subject", after_colon),
    ("a paragraph ending with a colon before it", colon_paragraph),
    (
        "a sentence ending with its cue before it",
        cue_sentence_before,
    ),
    ("a signature under it", signed),
    ("a cue in a later paragraph of it", later_piece),
];

/// The cue in the writer's frame and its speaker ("…,” says Andrey Kortunov", "Graham said, “…”").
/// The frame after the quotation comes first, unless the quotation is a fragment or closes its
/// sentence, whose cue is the one before; after a quotation that closes its sentence, the next
/// sentence attributes it only when it is nothing but the attribution ("… the better.” Smith
/// said."), never when it goes on ("“This is …” Ohio Gov. John Kasich said he would have …").
fn in_frame(cx: &Context, q: &Quotation) -> Option<Found> {
    let text = cx.doc.text;
    let found_after = q
        .after_tokens(text)
        .and_then(|(ws, more)| attribute_after(text, ws, more))
        .filter(|f| {
            !q.closes_sentence || {
                let end = f
                    .cue
                    .end
                    .max(f.speaker.end)
                    .max(f.role.map_or(0, |r| r.end));
                let rest = q.after.map_or("", |a| &text[end.min(a.end)..a.end]);
                rest.split(['.', '!', '?'])
                    .next()
                    .is_none_or(|r| r.trim().is_empty())
            }
        });
    let in_before = || attribute(text, q.before_tokens(text), false);
    if q.closes_sentence || q.kind == QuoteKind::Partial {
        in_before().or(found_after)
    } else {
        found_after.or_else(in_before)
    }
}

/// A colon and no cue ("Kaine has adopted the stance common among some Catholics: “…”"): the
/// sentence's subject.
fn after_colon(cx: &Context, q: &Quotation) -> Option<Found> {
    colon_subject(cx.doc.text, q.before_tokens(cx.doc.text))
}

/// A quotation opening its paragraph after one that ends with a colon ("released the following
/// statement:"): that sentence's cue, or with no cue ("17-year-old Jared Potts echoed:") its subject.
fn colon_paragraph(cx: &Context, q: &Quotation) -> Option<Found> {
    let doc = cx.doc;
    let prev = q.first.paragraph.checked_sub(1)?;
    let p = doc.paragraphs[prev].span;
    (q.opens_paragraph(doc) && doc.slice(p).ends_with(':')).then_some(())?;
    let frame = frames::before(doc, &cx.cuts, p.end, prev);
    let ws = tokens(doc.text, frame);
    attribute(doc.text, &ws, false).or_else(|| colon_subject(doc.text, &ws))
}

/// A quotation opening a sentence right after one that ends with its cue ("Or maybe Jeb Bush,
/// consultant Phil Musser says. “Several surveys …”").
fn cue_sentence_before(cx: &Context, q: &Quotation) -> Option<Found> {
    let doc = cx.doc;
    if !doc.text[q.before.start..q.before.end].trim().is_empty() {
        return None;
    }
    let s = doc.sentences_ended_by(q.before.start);
    let prev = *doc.sentences.get(s.checked_sub(1)?)?;
    (doc.paragraphs[q.first.paragraph].span.start <= prev.start).then_some(())?;
    let f = attribute(doc.text, &tokens(doc.text, prev), false)?;
    let tail = doc.text[f.cue.end.max(f.speaker.end)..prev.end].trim_end_matches(['.', ':']);
    tail.trim().is_empty().then_some(f)
}

/// A quotation standing alone, signed in the paragraph after it ("- Jane Doe."), or a pull quote
/// left open whose credit line under it closes it ("Tom Hale, market trader.”").
fn signed(cx: &Context, q: &Quotation) -> Option<Found> {
    let next = cx.doc.paragraphs.get(q.last.paragraph + 1)?;
    q.opens_paragraph(cx.doc).then_some(())?;
    let text = cx.doc.text;
    let single = matches!(&text[q.first.open.start..q.first.open.end], "‘" | "'");
    signature(text, next.span).or_else(|| {
        (q.last.close.is_none())
            .then(|| credit_line(text, next.span, single))
            .flatten()
    })
}

/// A quotation over several paragraphs attributed in a middle one.
fn later_piece(cx: &Context, q: &Quotation) -> Option<Found> {
    q.quoted.pieces.iter().skip(1).find_map(|p| {
        let b = frames::before(cx.doc, &cx.cuts, p.open.start, p.paragraph);
        attribute(cx.doc.text, &tokens(cx.doc.text, b), false)
    })
}

/// What quoted words that no strategy attributes are.
pub enum Uncued {
    /// Not speech: scare quotes, a title, a nickname.
    NotAQuotation,
    /// A quotation, and its speaker if the text gives one.
    Speaker(Option<Speaker>),
}

/// Quoted words with no attribution of their own. A sentence quoted right after another in its
/// paragraph goes on with it, and a fragment after another in the same sentence ("a “loser,” a
/// “liar” and a “whiner”") too: the quotation before's speaker, when it is near. A fragment of some
/// length is its sentence's subject's when that is a person or organisation the text names; a
/// paragraph of quotation only, after a paragraph about someone, is the person's who opens it. Short
/// fragments and fragments with no named subject are not quotations.
pub fn uncued(cx: &Context, q: &Quotation, previous: Option<&Quote>) -> Uncued {
    let doc = cx.doc;
    let same_sentence = |p: &Quote| {
        p.paragraph == q.first.paragraph
            && !doc.text[p.span.end.min(q.first.open.start)..q.first.open.start]
                .contains(['.', '!', '?'])
    };
    let goes_on = previous.is_some_and(|p| {
        (q.kind == QuoteKind::Full && p.paragraph == q.first.paragraph && p.kind == QuoteKind::Full)
            || (q.kind == QuoteKind::Partial && same_sentence(p))
    });
    if !goes_on && q.kind == QuoteKind::Partial && q.words >= MIN_SUBJECT_WORDS {
        return match fragment_subject(cx, q, previous) {
            Some(s) => Uncued::Speaker(Some(s)),
            None => Uncued::NotAQuotation,
        };
    }
    if !goes_on && (q.words < MIN_UNATTRIBUTED_WORDS || q.kind == QuoteKind::Partial) {
        return Uncued::NotAQuotation;
    }
    // a quotation standing after another speaker's, with no cue of its own: theirs, also past a
    // line of page furniture between ("Media playback is unsupported")
    let theirs = previous
        .filter(|p| {
            p.paragraph + 1 >= q.first.paragraph
                || (p.paragraph + 2 == q.first.paragraph && furniture_line(doc, p.paragraph + 1))
        })
        .and_then(|p| p.speaker.clone());
    // inside a paragraph the previous quotation is not in, the writer's sentence before speaks of
    // whose words follow
    let same_paragraph = previous.is_some_and(|p| p.paragraph == q.first.paragraph);
    let speaker = if q.opens_paragraph(doc) || same_paragraph {
        theirs.or_else(|| paragraph_before(cx, q))
    } else {
        paragraph_before(cx, q).or(theirs)
    };
    Uncued::Speaker(speaker.or_else(|| sentence_after(cx, q)))
}

/// Words a line of page furniture has at most.
const FURNITURE_LINE_WORDS: usize = 12;

/// A short line that is no sentence of prose: no closing stop or quote mark, no more than a dozen
/// words.
fn furniture_line(doc: &Document, paragraph: usize) -> bool {
    doc.paragraphs.get(paragraph).is_some_and(|p| {
        let line = doc.slice(p.span).trim_end();
        !line.ends_with(['.', '!', '?', '”', '"', '’', '\'', ':'])
            && line.split_whitespace().nth(FURNITURE_LINE_WORDS).is_none()
    })
}

/// A paragraph opening with a whole quotation that no cue attributes, going on about someone ("“Keep
/// your belief.” Robert Otiato has been training his players …"): the person opening the next
/// sentence.
fn sentence_after(cx: &Context, q: &Quotation) -> Option<Speaker> {
    let doc = cx.doc;
    (q.opens_paragraph(doc) && q.kind == QuoteKind::Full && q.closes_sentence).then_some(())?;
    let close = q.last.close?;
    let (m, i) = next_subject(doc, cx.people.persons(), close.end)?;
    Some(Speaker {
        name: cx.entities[i].name.clone(),
        entity: Some(i),
        mention: m,
        role: None,
    })
}

/// The subject of the writer's sentence holding a fragment ("Fowler rails against the bill's “great
/// wall of new federal rules”"), when it is a person or organisation the text names (not
/// "Audiences" or "Reporting").
fn fragment_subject(cx: &Context, q: &Quotation, previous: Option<&Quote>) -> Option<Speaker> {
    sentence_subject(cx.doc.text, q.before_tokens(cx.doc.text))
        .and_then(|f| resolve(cx.doc, &cx.people, &f, q.first.open.start, previous))
        .filter(|s| {
            s.entity
                .is_some_and(|e| matches!(cx.entities[e].ty, EntityKind::Person | EntityKind::Org))
        })
}

/// A paragraph of quotation only, after a paragraph about someone ("Valastro praised Christie's
/// leadership …" / "“We need someone who …”"): the person opening that paragraph.
fn paragraph_before(cx: &Context, q: &Quotation) -> Option<Speaker> {
    let doc = cx.doc;
    let prev = doc.paragraphs.get(q.first.paragraph.checked_sub(1)?)?.span;
    let opens_sentence = doc.slice(q.before).trim().is_empty();
    (opens_sentence && q.kind == QuoteKind::Full).then_some(())?;
    let (m, i) = nearest_subject(doc, cx.people.persons(), q.first.open.start, &|_| true)?;
    (m.start >= prev.start).then(|| Speaker {
        name: cx.entities[i].name.clone(),
        entity: Some(i),
        mention: m,
        role: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{quotation, quotations};

    /// For each quotation of `text`: the name of the first strategy that attributes it and the
    /// speaker's words, or none.
    fn strategies_of(text: &str) -> Vec<Option<(&'static str, String)>> {
        let doc = Document::new(text);
        let entities = crate::entities::recognise(&doc, &[]);
        let quoted = quotations(&doc);
        let cuts = frames::cuts(&quoted);
        let cx = Context {
            doc: &doc,
            entities: &entities,
            people: People::new(&entities, &cuts),
            cuts,
        };
        quoted
            .iter()
            .filter_map(|q| quotation(&doc, &cx.cuts, q))
            .map(|at| {
                STRATEGIES.iter().find_map(|(name, strategy)| {
                    strategy(&cx, &at).map(|f| (*name, doc.slice(f.speaker).to_string()))
                })
            })
            .collect()
    }

    fn first(text: &str) -> (&'static str, String) {
        strategies_of(text)
            .into_iter()
            .next()
            .flatten()
            .unwrap_or_else(|| panic!("no strategy attributes the quotation in {text:?}"))
    }

    #[test]
    fn a_cue_in_the_frame_after_or_before() {
        // the speaker's words as written: the title is taken off when the name is resolved
        let after = first("“We will rebuild the bridge,” said Mayor Jane Doe on Tuesday.");
        assert_eq!(after, ("a cue in the frame", "Mayor Jane Doe".to_string()));
        let before = first("Jane Doe said, “We will rebuild the bridge next year.”");
        assert_eq!(before, ("a cue in the frame", "Jane Doe".to_string()));
    }

    #[test]
    fn a_colon_after_the_sentences_subject() {
        let (name, speaker) = first(
            "Jane Doe has taken the stance of many mayors: “We will rebuild the bridge, whatever \
             it costs.”",
        );
        assert_eq!(name, "a colon after the sentence's subject");
        assert_eq!(speaker, "Jane Doe");
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_before_it() {
        let (name, speaker) = first(
            "Jane Doe, the mayor, told the council on Tuesday:\n\n\
             “We will rebuild the bridge, whatever it costs, and we will start in May.”",
        );
        assert_eq!(name, "a paragraph ending with a colon before it");
        assert_eq!(speaker, "Jane Doe");
    }

    #[test]
    fn a_signature_under_a_quoted_letter() {
        let found = strategies_of(
            "“We will rebuild the bridge, whatever it costs, and we will start in May.”\n\n\
             — Jane Doe, Mayor",
        );
        assert_eq!(found.len(), 1);
        if let Some((name, _)) = &found[0] {
            assert!(
                ["a signature under it", "a cue in the frame"].contains(name),
                "{name}"
            );
        }
    }

    #[test]
    fn a_fragment_without_a_cue_is_attributed_by_no_strategy() {
        let found = strategies_of("The plan was “a disaster” for the town's shops and its people.");
        assert_eq!(found, [None]);
    }

    #[test]
    fn the_list_is_in_the_documented_order() {
        let names: Vec<&str> = STRATEGIES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names[0], "a cue in the frame");
        assert_eq!(names.last(), Some(&"a cue in a later paragraph of it"));
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }
}
