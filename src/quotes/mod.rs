//! Direct quotations and who said them.
//!
//! [`marks`] pairs the quotation marks into quotations (one over several paragraphs when the
//! paragraphs say so); [`attribution`] finds the cue and the words naming the speaker in the writer's
//! text around each; this module decides what is a quotation (quoted words nobody is said to speak
//! and that are too short to be speech, such as scare quotes and titles, are not), whether it is a
//! whole sentence or a fragment of the writer's own, and names the speaker: a pronoun or a bare
//! title ("the senator") is the speaker of the quotation before, or the last person mentioned; a
//! name is the entity's canonical name ("Mr. Kortunov" → "Andrey Kortunov").

pub mod attribution;
pub mod marks;

use crate::entities::Entity;
use crate::report::{EntityKind, QuoteKind};
use crate::text::{Document, Span};
use attribution::Found;

/// Who a quotation is attributed to.
#[derive(Debug, Clone)]
pub struct Speaker {
    pub name: String,
    /// Index into the entities, when the speaker is one.
    pub entity: Option<usize>,
    /// The words that attribute it (a name, a pronoun, "the spokesman").
    pub mention: Span,
    pub role: Option<Span>,
}

/// One quotation.
#[derive(Debug, Clone)]
pub struct Quote {
    /// From the first piece's first quoted character to the last piece's last.
    pub span: Span,
    /// The pieces, one per paragraph (one piece for most quotations).
    pub parts: Vec<Span>,
    pub paragraph: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
}

/// Person mentions looked back through to resolve "he" or "she".
const PRONOUN_LOOKBACK: usize = 30;

/// Quoted fragments without an attribution are kept only from this many words (shorter ones are
/// scare quotes, titles, nicknames).
const MIN_UNATTRIBUTED_WORDS: usize = 5;

/// Fragments with no cue of their own are given their sentence's subject from this many words.
const MIN_SUBJECT_WORDS: usize = 4;

/// The quotations of `doc`, in order, with speakers named after `entities`.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let mut quoted = marks::find(doc);
    // every quoted stretch with its marks, to be cut out of the writer's frames
    let cuts_of = |quoted: &[marks::Quoted]| -> Vec<Span> {
        quoted
            .iter()
            .flat_map(|q| q.pieces.iter())
            .map(|p| Span::new(p.open.start, p.close.map_or(p.span.end, |c| c.end)))
            .collect()
    };
    // the title of a show, book or film after a possessive or a preposition ("on NBC's “Meet the
    // Press”", "in “13th”") is no quotation, whatever cue is near: it stays in the writer's frame
    let cuts = cuts_of(&quoted);
    quoted.retain(|q| {
        let Some(first) = q.pieces.first() else {
            return false;
        };
        let before = frame_before(doc, &cuts, first.open.start, first.paragraph);
        !(q.pieces.len() == 1
            && kind_of(doc, first, before) == QuoteKind::Partial
            && is_title(doc, first, before))
    });
    let cuts = cuts_of(&quoted);
    // people named inside a quotation are spoken of, not speaking: no pronoun or title means them
    let persons: Vec<Mentioned> = person_mentions(entities)
        .into_iter()
        .filter(|(m, _)| {
            let i = cuts.partition_point(|c| c.end <= m.start);
            cuts.get(i).is_none_or(|c| m.end <= c.start)
        })
        .collect();
    let people = People {
        titles: titles_given(doc, entities),
        persons,
        mentions: all_mentions(entities),
    };
    let mut out: Vec<Quote> = Vec::new();
    for q in &quoted {
        let (Some(first), Some(last)) = (q.pieces.first(), q.pieces.last()) else {
            continue;
        };
        let before = frame_before(doc, &cuts, first.open.start, first.paragraph);
        let after = last
            .close
            .map(|c| frame_after(doc, &cuts, c.end, last.paragraph));
        let text = doc.text;
        // a quotation closing its sentence with a full stop, followed by a capital, has the next
        // sentence after it: its own sentence's words before it come first ("…, saying, “The fewer
        // guns, the better.” The Buckeye State is one of 45 states …")
        let closes_sentence = doc.slice(last.span).trim_end().ends_with('.')
            && after.is_some_and(|a| {
                doc.text[a.start..a.end]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
            });
        let found_after =
            after.and_then(|a| attribution::attribute(text, &attribution::words(text, a), true));
        // after a quotation that closes its sentence, the next sentence attributes it only when it
        // is nothing but the attribution ("… the better.” Smith said."), never when it goes on
        // ("… in Milwaukee. “This is …” Ohio Gov. John Kasich said he would have …")
        let found_after = found_after.filter(|f| {
            !closes_sentence || {
                let end = f
                    .cue
                    .end
                    .max(f.speaker.end)
                    .max(f.role.map_or(0, |r| r.end));
                let rest = after.map_or("", |a| &doc.text[end.min(a.end)..a.end]);
                rest.split(['.', '!', '?'])
                    .next()
                    .is_none_or(|r| r.trim().is_empty())
            }
        });
        let in_before = || attribution::attribute(text, &attribution::words(text, before), false);
        // a fragment inside the writer's sentence ("Podesta said it was a “reasonable conclusion”
        // that …") is attributed by that sentence's cue before it
        let kind = kind_of(doc, first, before);
        let found = if closes_sentence || kind == QuoteKind::Partial {
            in_before().or(found_after)
        } else {
            found_after.or_else(in_before)
        };
        let found = found
            .or_else(|| attribution::colon_subject(text, &attribution::words(text, before)))
            .or_else(|| {
                // a quotation opening its paragraph after one that ends with a colon ("released the
                // following statement:"): that sentence attributes it
                let prev = first.paragraph.checked_sub(1)?;
                let p = doc.paragraphs[prev].span;
                let opens = doc.text[doc.paragraphs[first.paragraph].span.start..first.open.start]
                    .trim()
                    .is_empty();
                (opens && doc.slice(p).ends_with(':')).then_some(())?;
                let frame = frame_before(doc, &cuts, p.end, prev);
                let ws = attribution::words(text, frame);
                // with no cue ("17-year-old Jared Potts echoed:"), its subject
                attribution::attribute(text, &ws, false)
                    .or_else(|| attribution::colon_subject(text, &ws))
            })
            .or_else(|| {
                // a quotation opening a sentence right after one that ends with its cue ("Or maybe
                // Jeb Bush, consultant Phil Musser says. “Several surveys …”")
                if !doc.text[before.start..before.end].trim().is_empty() {
                    return None;
                }
                let s = doc.sentences.partition_point(|s| s.end <= before.start);
                let prev = *doc.sentences.get(s.checked_sub(1)?)?;
                let in_paragraph = doc.paragraphs[first.paragraph].span.start <= prev.start;
                in_paragraph.then_some(())?;
                let frame = Span::new(prev.start, prev.end);
                let f = attribution::attribute(text, &attribution::words(text, frame), false)?;
                let tail =
                    doc.text[f.cue.end.max(f.speaker.end)..prev.end].trim_end_matches(['.', ':']);
                tail.trim().is_empty().then_some(f)
            })
            .or_else(|| {
                // a quotation standing alone, signed in the paragraph after it ("- Bernie Sanders.")
                let next = doc.paragraphs.get(last.paragraph + 1)?;
                let alone = doc.text[doc.paragraphs[first.paragraph].span.start..first.open.start]
                    .trim()
                    .is_empty();
                alone.then_some(())?;
                attribution::signature(text, next.span)
            })
            .or_else(|| {
                // a quotation over several paragraphs may be attributed in a middle one
                q.pieces.iter().skip(1).find_map(|p| {
                    let b = frame_before(doc, &cuts, p.open.start, p.paragraph);
                    attribution::attribute(text, &attribution::words(text, b), false)
                })
            });
        let words = q
            .pieces
            .iter()
            .map(|p| doc.slice(p.span).split_whitespace().count())
            .sum::<usize>();
        let previous = out.last();
        let speaker = match &found {
            Some(f) => resolve(doc, entities, &people, f, first.open.start, previous),
            None => {
                // a sentence quoted right after another in its paragraph goes on with it; a fragment
                // after another in the same sentence ("a “loser,” a “liar” and a “whiner”") too
                let same_sentence = |p: &Quote| {
                    p.paragraph == first.paragraph
                        && !doc.text[p.span.end.min(first.open.start)..first.open.start]
                            .contains(['.', '!', '?'])
                };
                let goes_on = previous.is_some_and(|p| {
                    (kind == QuoteKind::Full
                        && p.paragraph == first.paragraph
                        && p.kind == QuoteKind::Full)
                        || (kind == QuoteKind::Partial && same_sentence(p))
                });
                if !goes_on && kind == QuoteKind::Partial && words >= MIN_SUBJECT_WORDS {
                    // a fragment of some length with no cue: the writer's sentence's subject, when
                    // it is a person or organisation the text names (not "Audiences" or "Reporting")
                    let ws = attribution::words(text, before);
                    let named = attribution::sentence_subject(text, &ws)
                        .and_then(|f| {
                            resolve(doc, entities, &people, &f, first.open.start, previous)
                        })
                        .filter(|s| {
                            s.entity.is_some_and(|e| {
                                matches!(entities[e].ty, EntityKind::Person | EntityKind::Org)
                            })
                        });
                    if named.is_none() {
                        continue;
                    }
                    named
                } else {
                    if !goes_on && (words < MIN_UNATTRIBUTED_WORDS || kind == QuoteKind::Partial) {
                        continue;
                    }
                    // a quotation standing after another speaker's, with no cue of its own: theirs
                    let theirs = previous
                        .filter(|p| p.paragraph + 1 >= first.paragraph)
                        .and_then(|p| p.speaker.clone());
                    // a paragraph of quotation only, after a paragraph about someone ("Valastro praised
                    // Christie's leadership …" / "“We need someone who …”"): the person opening it
                    theirs.or_else(|| {
                        let alone = doc.text
                            [doc.paragraphs[first.paragraph].span.start..first.open.start]
                            .trim()
                            .is_empty();
                        let prev = doc.paragraphs.get(first.paragraph.checked_sub(1)?)?.span;
                        (alone && kind == QuoteKind::Full).then_some(())?;
                        let (m, i) =
                            nearest_subject(doc, &people.persons, first.open.start, &|_| true)?;
                        (m.start >= prev.start).then(|| Speaker {
                            name: entities[i].name.clone(),
                            entity: Some(i),
                            mention: m,
                            role: None,
                        })
                    })
                }
            }
        };
        out.push(Quote {
            span: q.span(),
            parts: q.pieces.iter().map(|p| p.span).collect(),
            paragraph: first.paragraph,
            kind,
            speaker,
            cue: found.as_ref().map(|f| f.cue),
        });
    }
    out
}

/// The writer's text before `at` in its sentence: back to the last sentence end or quotation before
/// it in the paragraph.
fn frame_before(doc: &Document, cuts: &[Span], at: usize, paragraph: usize) -> Span {
    let p = doc.paragraphs[paragraph].span;
    let mut start = p.start;
    // the cuts are in text order and never overlap: the last one ending by `at`
    let i = cuts.partition_point(|c| c.end <= at);
    if let Some(c) = i
        .checked_sub(1)
        .map(|i| cuts[i])
        .filter(|c| c.end >= p.start)
    {
        start = start.max(c.end);
    }
    let head = &doc.text[start..at];
    if let Some(i) = head.rfind(['.', '!', '?']) {
        // a sentence end, not an abbreviation's stop ("Mr.", "U.S.")
        let tail = &head[..i];
        let word = tail
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        // "Mr.", "U.S.", "F.B.I."; "(D-Calif.)," ends no sentence either
        let abbreviation = word.contains('.')
            || word.len() <= 3 && word.chars().next().is_some_and(char::is_uppercase)
            || head[i + 1..].starts_with([')', ',']);
        if !abbreviation {
            start += i + 1;
        }
    }
    Span::new(start, at)
}

/// The writer's text after `at` in its paragraph, up to the next quotation.
fn frame_after(doc: &Document, cuts: &[Span], at: usize, paragraph: usize) -> Span {
    let p = doc.paragraphs[paragraph].span;
    let i = cuts.partition_point(|c| c.start < at);
    let end = cuts
        .get(i)
        .filter(|c| c.start <= p.end)
        .map_or(p.end, |c| c.start);
    Span::new(at, end.max(at))
}

/// Full when the quotation starts a sentence (after a colon, a comma, the paragraph's start or a
/// sentence's end) with a capital; else a fragment of the writer's sentence.
fn kind_of(doc: &Document, first: &marks::Piece, before: Span) -> QuoteKind {
    let lead = doc.text[before.start..before.end].trim_end();
    let opens_sentence = lead.is_empty() || lead.ends_with([',', ':', ';', '—', '–', '-']);
    let capital = doc
        .slice(first.span)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    if opens_sentence && capital {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// How many sentences back a pronoun looks for a sentence's subject.
const SUBJECT_LOOKBACK: usize = 4;

/// The nearest person before `before` who opens a sentence as its subject (among its first words),
/// looking back a few sentences: where they are mentioned, and which entity.
fn nearest_subject(
    doc: &Document,
    persons: &[Mentioned],
    before: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<Mentioned> {
    let last = doc.sentences.partition_point(|s| s.start < before);
    let first = last.saturating_sub(SUBJECT_LOOKBACK + 1);
    for sentence in doc.sentences[first..last].iter().rev() {
        let from = persons.partition_point(|(m, _)| m.start < sentence.start);
        // the subject opening the sentence, or the latest person right before a cue ("The good
        // news, Woolson said, is …")
        let mut found = None;
        let mut cued_found = false;
        let mut opener_found = false;
        for &(m, i) in persons[from..]
            .iter()
            .take_while(|(m, _)| m.end <= sentence.end.min(before))
        {
            // among the first words, and not after a pronoun that is the subject ("He said on
            // Thursday that Trump needs …")
            let lead = &doc.text[sentence.start..m.start];
            let pronoun_before = lead
                .split(|c: char| !c.is_alphanumeric())
                .any(personal_pronoun);
            let opening = lead.split_whitespace().count() <= 6 && !pronoun_before;
            // right after an opening phrase ("Filling in for Sanders at the event, West landed …",
            // "Asked about fraud, Michael Briggs, Sanders's spokesman, suggested …"): the subject,
            // whoever the phrase named
            // (the first such only: "Michael Briggs, Sanders's spokesman," is one subject)
            // ("Asked whether he was concerned that …, Ban demurred": a pronoun inside the opening
            // phrase is no subject; one opening the sentence is)
            let pronoun_first = lead
                .split_whitespace()
                .next()
                .is_some_and(|w| personal_pronoun(w) && w.starts_with(char::is_uppercase));
            let after_opener =
                !pronoun_first && lead.trim_end().ends_with(',') && !cued_found && !opener_found;
            let cued = attribution::cue_follows(&doc.text[m.end..sentence.end]);
            if fits(i) && (opening && found.is_none() || cued || after_opener) {
                found = Some((m, i));
                cued_found |= cued;
                opener_found |= after_opener;
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A personal pronoun that can be a sentence's subject ("he", "She", "I", "we").
fn personal_pronoun(w: &str) -> bool {
    matches!(
        w,
        "He" | "he" | "She" | "she" | "They" | "they" | "I" | "We" | "we"
    )
}

/// Whether a quoted fragment is the title of a work: every longer word capitalised ("Meet the
/// Press", "Sean Hannity Show"), right after a possessive or a preposition.
fn is_title(doc: &Document, piece: &marks::Piece, before: Span) -> bool {
    let lead = doc.text[before.start..before.end].trim_end();
    let after_possessive = lead.ends_with("'s") || lead.ends_with("’s");
    let after_preposition = lead
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| {
            matches!(
                w,
                "on" | "in" | "at" | "from" | "of" | "titled" | "entitled"
            )
        });
    let words: Vec<&str> = doc.slice(piece.span).split_whitespace().collect();
    let title_case = !words.is_empty()
        && words.iter().all(|w| {
            let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
            letters.chars().count() <= 3
                || letters.chars().next().is_some_and(|c| !c.is_lowercase())
        });
    title_case && (after_possessive || after_preposition)
}

/// A person's sex as far as the text shows it: an honorific, else the given name.
fn sex_of(doc: &Document, e: &Entity) -> Option<char> {
    for m in &e.mentions {
        let first = doc.slice(*m).split([' ', '.']).next().unwrap_or("");
        match first {
            "Mr" => return Some('M'),
            "Mrs" | "Ms" | "Miss" => return Some('F'),
            _ => {}
        }
    }
    let given = e.name.split([' ', '-']).next()?;
    crate::entities::gazetteer::GAZETTEER.given_sex(given)
}

/// The index of the paragraph holding byte `at`.
fn paragraph_of(doc: &Document, at: usize) -> usize {
    doc.paragraphs
        .partition_point(|p| p.span.end <= at)
        .min(doc.paragraphs.len().saturating_sub(1))
}

/// What names a speaker: people's mentions outside quotations and every entity's mentions, in text
/// order, and the titles the text gives each entity.
struct People {
    persons: Vec<Mentioned>,
    mentions: Vec<Mentioned>,
    titles: Vec<Vec<&'static str>>,
}

/// One word for a title however it is written: "Sen.", "Senator" and "senator" are "senator".
fn title_family(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('.').to_lowercase();
    Some(match w.as_str() {
        "sen" | "senator" | "sens" => "senator",
        "gov" | "governor" => "governor",
        "rep" | "representative" | "congressman" | "congresswoman" | "reps" => "representative",
        "president" | "pres" => "president",
        "secretary" => "secretary",
        "mayor" => "mayor",
        "judge" | "justice" => "judge",
        "gen" | "general" => "general",
        "minister" | "premier" => "minister",
        "chairman" | "chairwoman" | "chair" => "chair",
        "ambassador" => "ambassador",
        "director" => "director",
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
        _ => return None,
    })
}

/// For each entity, the titles written right before its mentions ("Florida Sen. Marco Rubio",
/// "former President Bill Clinton", "spokesman Josh Schwerin").
fn titles_given(doc: &Document, entities: &[Entity]) -> Vec<Vec<&'static str>> {
    entities
        .iter()
        .map(|e| {
            let mut found: Vec<&'static str> = Vec::new();
            if e.ty != EntityKind::Person {
                return found;
            }
            for m in &e.mentions {
                let lead =
                    &doc.text[doc.text.floor_char_boundary(m.start.saturating_sub(40))..m.start];
                let mut words = lead.split([' ', '\u{a0}']).rev().filter(|w| !w.is_empty());
                for _ in 0..3 {
                    let Some(w) = words.next() else { break };
                    if let Some(f) = title_family(w) {
                        // "Vice President Joe Biden" is no president
                        if f == "president"
                            && words
                                .clone()
                                .next()
                                .is_some_and(|v| v.eq_ignore_ascii_case("vice"))
                        {
                            break;
                        }
                        if !found.contains(&f) {
                            found.push(f);
                        }
                    } else if w.ends_with([',', ';', ':', '”', '"']) {
                        break;
                    }
                }
            }
            found
        })
        .collect()
}

/// A mention and the index of its entity.
type Mentioned = (Span, usize);

/// Every mention of every entity, with its entity, in text order.
fn all_mentions(entities: &[Entity]) -> Vec<Mentioned> {
    let mut v: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
        .collect();
    v.sort_by_key(|(m, _)| m.start);
    v
}

/// Every mention of a person, with its entity, in text order.
fn person_mentions(entities: &[Entity]) -> Vec<(Span, usize)> {
    let mut v: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.ty == EntityKind::Person)
        .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
        .collect();
    v.sort_by_key(|(m, _)| m.start);
    v
}

/// Names the speaker of an attribution: the entity whose mention it is; for a pronoun or a bare
/// title, the speaker of the quotation before or the last person mentioned before `at`.
fn resolve(
    doc: &Document,
    entities: &[Entity],
    people: &People,
    f: &Found,
    at: usize,
    previous: Option<&Quote>,
) -> Option<Speaker> {
    let (persons, mentions) = (&people.persons[..], &people.mentions[..]);
    // mentions do not overlap: the one starting last before the span's end is the only candidate
    let entity_at = |span: Span| {
        let i = mentions.partition_point(|(m, _)| m.start < span.end);
        i.checked_sub(1)
            .map(|i| mentions[i])
            .filter(|(m, _)| span.start < m.end)
            .map(|(_, e)| e)
    };
    let text = doc.slice(f.speaker);
    let named = text.chars().next().is_some_and(char::is_uppercase) && !f.pronoun;
    // the name's last word decides the entity ("Gov. Kasich" is Kasich)
    let last_word = text.rfind([' ', '\u{a0}']).map_or(f.speaker, |i| {
        Span::new(f.speaker.start + i + 1, f.speaker.end)
    });
    if named && let Some(i) = entity_at(last_word) {
        return Some(Speaker {
            name: entities[i].name.clone(),
            entity: Some(i),
            mention: f.speaker,
            role: f.role,
        });
    }
    if named {
        return Some(Speaker {
            name: crate::entities::mentions::without_honorific(text).to_string(),
            entity: None,
            mention: f.speaker,
            role: f.role,
        });
    }
    // a phrase that is not a person's title ("the report", "the ministry") is its own speaker, and
    // so is one that brings in someone new ("a spokesman", "one aide")
    let head = text.rsplit([' ', '\u{a0}']).next().unwrap_or(text);
    let new_one = text
        .split([' ', '\u{a0}'])
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "another"));
    if !f.pronoun && (new_one || !crate::entities::gazetteer::GAZETTEER.is_title(head)) {
        return Some(Speaker {
            name: text.to_string(),
            entity: None,
            mention: f.speaker,
            role: f.role,
        });
    }
    // a pronoun or "the spokesman": whoever spoke last, else the last person named
    let before = f.speaker.start.min(at);
    // "he" and "she" skip people of the other sex (by given name or honorific)
    let wanted = match text.to_lowercase().as_str() {
        "he" => Some('M'),
        "she" => Some('F'),
        _ => None,
    };
    let fits = |i: usize| wanted.is_none_or(|w| sex_of(doc, &entities[i]).is_none_or(|s| s == w));
    // the speaker of a quotation in this paragraph or the two before; further back, the last
    // person named is the better guess
    let paragraph = paragraph_of(doc, at);
    let recent = previous
        .filter(|p| p.paragraph + 2 >= paragraph)
        .and_then(|p| p.speaker.as_ref());
    // the people named before
    let upto = persons.partition_point(|(m, _)| m.end <= before);
    // "the Florida senator", "the former president": the nearest speaker or person the text gives
    // that title ("Sen. Marco Rubio", "President Obama"), when there is one
    if !f.pronoun
        && let Some(family) = title_family(head)
    {
        let titled = |i: usize| people.titles[i].contains(&family);
        let spoke = recent.and_then(|s| s.entity).filter(|&i| titled(i));
        let named = || {
            persons[..upto]
                .iter()
                .rev()
                .take(PRONOUN_LOOKBACK)
                .find(|&&(_, i)| titled(i))
                .map(|&(_, i)| i)
        };
        if let Some(i) = spoke.or_else(named) {
            return Some(Speaker {
                name: entities[i].name.clone(),
                entity: Some(i),
                mention: f.speaker,
                role: f.role,
            });
        }
    }
    // the nearest person before, looking back a bounded way for one of the right sex
    let last_person = persons[..upto]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK)
        .find(|&&(_, i)| fits(i))
        .map(|&(_, i)| i);
    let inherited = recent.filter(|s| s.entity.is_none_or(fits)).cloned();
    // a person who is the subject of a sentence since ("Leahy … expressed frustration. “…,” he
    // said") is nearer than that quotation's speaker
    let subject = nearest_subject(doc, persons, before, &fits);
    let inherited = match (inherited, subject) {
        (Some(s), Some((at, _))) if s.mention.start >= at.start => Some(s),
        (_, Some((_, i))) => {
            return Some(Speaker {
                name: entities[i].name.clone(),
                entity: Some(i),
                mention: f.speaker,
                role: f.role,
            });
        }
        (inherited, _) => inherited,
    };
    let speaker = match (inherited, last_person) {
        (Some(s), _) => Speaker {
            mention: f.speaker,
            role: f.role.or(s.role),
            ..s
        },
        (None, Some(i)) => Speaker {
            name: entities[i].name.clone(),
            entity: Some(i),
            mention: f.speaker,
            role: f.role,
        },
        // a pronoun nobody named before stands for no one the report can name
        (None, None) if f.pronoun => return None,
        (None, None) => Speaker {
            name: text.to_string(),
            entity: None,
            mention: f.speaker,
            role: f.role,
        },
    };
    Some(speaker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let doc = Document::new(text);
        let entities = crate::entities::find(&doc, &[]);
        find(&doc, &entities)
            .into_iter()
            .map(|q| {
                (
                    doc.slice(q.span).to_string(),
                    q.kind,
                    q.speaker.map(|s| s.name),
                )
            })
            .collect()
    }

    #[test]
    fn an_uncued_fragment_is_its_sentence_subjects_if_a_named_one() {
        let q = quotes(
            "Senator Jane Fowler voted no on Monday.\n\n\
             Fowler rails against the bill's “great wall of new federal rules” in every speech.\n\n\
             Audiences can expect “maybe a little more recklessness than usual” this year.",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "great wall of new federal rules");
        assert_eq!(q[0].1, QuoteKind::Partial);
        assert_eq!(q[0].2.as_deref(), Some("Jane Fowler"));
    }

    #[test]
    fn a_person_after_the_sentences_pronoun_subject_is_not_its_subject() {
        let q = quotes(
            "Paul Ryan spoke to reporters in Janesville.\n\n\
             He said on Thursday that Donald Trump needs to do more work.\n\n\
             “I think what a lot of Republicans want is to see that,” he said.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Paul Ryan"));
    }

    #[test]
    fn a_title_takes_the_person_the_text_gives_it() {
        let q = quotes(
            "Sen. Bernie Sanders spoke in Iowa, and Hillary Clinton answered him.\n\n\
             “I apologize to nobody for that,” the senator said.\n\n\
             “We will keep going,” a spokesman said.\n\n\
             President Barack Obama met Vice President Joe Biden.\n\n\
             “I think somebody like Mr. Trump is taking advantage of that,” the president added.",
        );
        let names: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Bernie Sanders"),
                Some("a spokesman"),
                Some("Barack Obama")
            ]
        );
    }

    #[test]
    fn a_paragraph_of_quotation_after_one_about_someone_is_theirs() {
        let q = quotes(
            "Carlo Valastro praised the governor's leadership after the storm.\n\n\
             “We need someone who is going to cut through it and bring people together.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Carlo Valastro"));
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_and_no_cue_gives_its_subject() {
        let q = quotes(
            "Jared Potts, a student from Dover, echoed:\n\n\
             “He speaks his mind, and I think that might be what the country needs.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Jared Potts"));
    }

    #[test]
    fn a_person_before_a_preposition_is_no_cued_subject() {
        let q = quotes(
            "Wisconsin Gov. Scott Walker, one of the candidates beaten by Donald Trump in the \
             race, sounded equivocal. “It is just sad that we have such poor choices,” he told \
             a radio station.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Scott Walker"));
    }

    #[test]
    fn the_subject_after_an_opening_phrase_is_the_sentences() {
        let q = quotes(
            "Bernie Sanders spoke on Monday.\n\n\
             Asked if there had been any actual fraud in the primaries, Michael Briggs, Sanders's spokesman, suggested \
             it had been sabotaged.\n\n\
             “Most state parties tried to do a good job,” he said.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Michael Briggs"));
    }

    #[test]
    fn a_contraction_is_no_possessive_and_an_unresolved_pronoun_names_no_one() {
        let text = "And he’s predicting that it will become clear that Trump “has no chance” of \
                    winning.";
        let doc = Document::new(text);
        let entities = crate::entities::find(&doc, &[]);
        let q = find(&doc, &entities);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].cue.map(|c| doc.slice(c)), Some("predicting"));
        assert!(q[0].speaker.is_none());
    }

    #[test]
    fn a_name_closing_an_appositive_before_the_cue_is_not_cued() {
        let q = quotes(
            "Alixandria Lapp, executive director of the House Majority PAC, a former aide to \
             Taylor Quist, said she thinks Republicans \"are going to be dragged down.\"\n\n\
             \"Donors are getting excited about keeping the presidency,\" she said.",
        );
        assert_eq!(q[1].2.as_deref(), Some("Alixandria Lapp"));
    }

    #[test]
    fn a_pronoun_inside_an_opening_phrase_is_no_subject() {
        let q = quotes(
            "Donald Trump spoke on Monday.\n\n\
             Asked whether he was worried that Donald Trump could win, Carlo Valastro demurred.\n\n\
             “When it comes to the climate, we all have to act,” he said.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Carlo Valastro"));
    }

    #[test]
    fn a_party_tag_ends_no_sentence() {
        let q = quotes(
            "Rep. Zoe Lofgren (D-Calif.), who introduced a bill on Central America, said the \
             steps were “important preliminary steps to treating those escaping violence.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Zoe Lofgren"));
    }

    #[test]
    fn speakers_are_named_people_not_pronouns() {
        let q = quotes(
            "Senator Jane Fowler spoke on Monday.\n\n\
             “We will win this vote,” she said. “Nobody doubts it.”\n\n\
             “It is a mistake,” said Tom Harris, a spokesman for the union.",
        );
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].2.as_deref(), Some("Jane Fowler"));
        assert_eq!(q[1].2.as_deref(), Some("Jane Fowler"));
        assert_eq!(q[2].2.as_deref(), Some("Tom Harris"));
        assert_eq!(q[0].1, QuoteKind::Full);
    }

    #[test]
    fn fragments_are_partial_and_scare_quotes_are_not_quotations() {
        let q = quotes(
            "Fowler called the plan “a costly mistake” on Tuesday. The so-called “reform” bill \
             passed, and the film “Local Hero” won.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "a costly mistake");
        assert_eq!(q[0].1, QuoteKind::Partial);
        assert_eq!(q[0].2.as_deref(), Some("Fowler"));
    }

    #[test]
    fn according_to_and_colon_introduced_quotes() {
        let q = quotes(
            "According to Maria Lopez, “the bridge will open in May.”\n\n\
             The minister, Tom Harris, said: “We are ready.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Maria Lopez"));
        assert_eq!(q[1].2.as_deref(), Some("Tom Harris"));
        assert_eq!(q[1].1, QuoteKind::Full);
    }

    #[test]
    fn a_fragment_takes_the_cue_before_it_and_a_signed_quotation_its_signature() {
        let q = quotes(
            "Podesta said it was a “reasonable conclusion” that Roger Stone knew, warning others.\n\n\
             “We really can win on Tuesday, and we will.”\n\n\
             - Bernie Sanders, in Iowa.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Podesta"));
        assert_eq!(q[1].2.as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn a_sentence_ending_with_its_cue_attributes_the_quotation_after_it() {
        let q = quotes(
            "Or maybe it is Jeb Bush, consultant Phil Musser says. “Several surveys suggest a \
             second look is occurring in New Hampshire.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Phil Musser"));
        let q = quotes(
            "“He would be a great senator, one of the brightest members,” Rep. Elijah E. \
             Cummings (D-Md.) said.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Elijah E. Cummings"));
    }

    #[test]
    fn titles_of_shows_are_not_quotations_even_beside_a_cue() {
        let q = quotes(
            "Sanders said on NBC’s “Meet the Press” that Clinton’s “judgment” was “clearly lacking.”",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert!(!texts.contains(&"Meet the Press"), "{texts:?}");
        assert!(texts.contains(&"clearly lacking."), "{texts:?}");
    }

    #[test]
    fn the_next_sentence_attributes_a_closed_quotation_only_when_that_is_all_it_does() {
        let q = quotes(
            "“It is a very sad development,” Ted Cruz told reporters in Milwaukee. “This is the \
             consequence of the culture of that campaign.” Ohio Gov. John Kasich said he would \
             have fired the manager.",
        );
        assert_eq!(q[1].2.as_deref(), Some("Ted Cruz"));
        let q = quotes(
            "Tom Harris, a Trump ally, said in an interview that the mogul should “ignore” \
             the rush of critics.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Tom Harris"));
    }

    #[test]
    fn a_colon_without_a_cue_gives_the_quotation_to_the_subject() {
        let q = quotes(
            "Tim Kaine has adopted the stance common among some Catholics in office: “I am \
             pro-life in my personal life, but support abortion in my public life.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Tim Kaine"));
        let q = quotes("“We are still talking about that guy?” Tom Burton fumed on Friday.");
        assert_eq!(q[0].2.as_deref(), Some("Tom Burton"));
    }

    #[test]
    fn a_long_unclosed_quotation_costs_one_pass() {
        let text = format!("He said “{}", "word ".repeat(200_000));
        let q = quotes(&text);
        assert_eq!(q.len(), 1);
    }
}
