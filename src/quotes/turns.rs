//! Transcripts and interviews: a paragraph opening with a speaker's label ("BREAM: ...", "THE
//! PRESIDENT: ...", "REP. JANE DOE (D-OHIO), CHAIR: ...", "Q: ...", "Marlon: ...") is that
//! speaker's words with no quote marks, a turn. In a text that is a transcript, a paragraph without a
//! label goes on with the last speaker's turn, and a question standing alone before a labelled
//! answer is the interviewer's. A label names its speaker in capitals, by a generic word
//! (`data/lang/turn-labels.tsv`: "Q" is the interviewer), or by a name that the article gives a
//! person or that labels several turns; "Update:", "Source:" and a metadata header's keys label no
//! one.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Quote, Speaker};
use crate::entities::Entity;
use crate::kinds::{EntityKind, QuoteKind};
use crate::lexicon;
use crate::text::{Document, Span};

/// The most characters a label runs to before its colon.
const MAX_LABEL_CHARS: usize = 80;
/// The most words of a label's name in capitals (a name, a party, a role: "REP. JANE DOE (D-OHIO),
/// CHAIR OF THE COMMITTEE").
const MAX_CAPS_LABEL_WORDS: usize = 12;
/// The most words of a label written as a name ("Marlon", "Jane Doe", "Dr. Jane Doe").
const MAX_NAME_LABEL_WORDS: usize = 3;
/// A speech's single label in capitals opens its text: only lines shorter than this (a header's)
/// stand above it.
const HEADER_LINE_WORDS: usize = 25;

/// The fewest words of letters a turn holds ("Clinton: 547." is a tally, not a turn).
const MIN_TURN_WORDS: usize = 2;
/// A turn of this many words or more is a title when most of them are capitalised ("Jane Doe: Why
/// The Vote Matters").
const TITLE_CHECK_WORDS: usize = 4;

/// Whether the words after a label read as speech: words of letters, not a title in capitals.
fn speech_like(after: &str) -> bool {
    let words: Vec<&str> = after
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .count();
    words.len() >= MIN_TURN_WORDS
        && (words.len() < TITLE_CHECK_WORDS || capitalised * 5 < words.len() * 3)
}

/// How a label names its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// In capitals: "BREAM", "THE PRESIDENT".
    Capitals,
    /// A generic word: "Q", "Host".
    Generic,
    /// Written as a name: "Marlon", "Jane Doe".
    Name,
}

/// A speaker's label opening a paragraph.
#[derive(Debug, Clone, Copy)]
struct Label {
    form: Form,
    /// The words naming the speaker ("SHANNON BREAM" of "SHANNON BREAM, FOX NEWS ANCHOR:").
    name: Span,
    /// What the label adds after the name ("FOX NEWS ANCHOR"), if anything.
    role: Option<Span>,
    /// The whole label with its colon: the turn's cue.
    cue: Span,
    /// The turn's words after the colon.
    words: Span,
    /// Its name is a place's ("NEW DELHI: …" opens a dateline), unless a person of the article
    /// bears it ("Preston:" after "Piet Preston").
    place: bool,
}

/// The turns of `doc`'s transcript or interview, if it is one, in order; paragraphs inside `skip`
/// (furniture) hold none.
pub fn turns(doc: &Document, entities: &[Entity], skip: &[Span]) -> Vec<Quote> {
    let paragraphs: Vec<usize> = (0..doc.paragraphs.len())
        .filter(|&p| !doc.paragraphs[p].span.inside_any(skip))
        .collect();
    let people = People::new(entities);
    let labels = labels_of(doc, &people, &paragraphs);
    if labels.iter().flatten().count() >= 2 || opens_speech(doc, &people, &paragraphs, &labels) {
        return labelled_turns(doc, &people, &paragraphs, &labels);
    }
    bold_interview(doc, &people, &paragraphs)
}

/// The article's people as labels name them, read once per text: each person by the words of
/// their name (the first person, in the entities' order, with that word), and the person the
/// article names most (an interview's guest).
struct People<'e> {
    entities: &'e [Entity],
    by_word: FxHashMap<String, usize>,
    main: Option<usize>,
}

impl<'e> People<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let mut by_word: FxHashMap<String, usize> = FxHashMap::default();
        let persons = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.ty == EntityKind::Person);
        for (i, e) in persons.clone() {
            for w in e.name.split_whitespace() {
                by_word.entry(w.to_lowercase()).or_insert(i);
            }
        }
        let main = persons
            .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        People {
            entities,
            by_word,
            main,
        }
    }

    /// The article's person whose name holds the label's last name.
    fn named_by(&self, doc: &Document, l: &Label) -> Option<usize> {
        let last = last_name(doc.slice(l.name));
        self.by_word
            .get(&last)
            .copied()
            .filter(|_| !last.is_empty())
    }

    /// Person `e` as the speaker a label (or no words, for an empty `mention`) names.
    fn speaker(&self, e: usize, mention: Span, role: Option<Span>) -> Speaker {
        Speaker {
            name: written_as_name(&self.entities[e].name),
            entity: Some(e),
            mention,
            role,
        }
    }
}

/// The label opening each paragraph, where one does. A label written as a name needs evidence
/// that it is one: a person of the article, or a label of several turns; one naming a place needs
/// a person of the article of that name.
fn labels_of(doc: &Document, people: &People, paragraphs: &[usize]) -> Vec<Option<Label>> {
    let labels: Vec<Option<Label>> = paragraphs.iter().map(|&p| label(doc, p)).collect();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for l in labels.iter().flatten() {
        *counts.entry(doc.slice(l.name).to_lowercase()).or_default() += 1;
    }
    let repeated = |l: &Label| counts.get(&doc.slice(l.name).to_lowercase()).copied() >= Some(2);
    labels
        .iter()
        .map(|l| {
            l.filter(|l| {
                let person = people.named_by(doc, l).is_some();
                (!l.place || person) && (l.form != Form::Name || repeated(l) || person)
            })
        })
        .collect()
}

/// A speech's one label opens it, under header lines only, and names a person or a title ("THE
/// PRESIDENT:").
fn opens_speech(
    doc: &Document,
    people: &People,
    paragraphs: &[usize],
    labels: &[Option<Label>],
) -> bool {
    let Some(k) = labels.iter().position(Option::is_some) else {
        return false;
    };
    let header_only = paragraphs[..k]
        .iter()
        .all(|&p| words_of(doc, p) < HEADER_LINE_WORDS);
    labels[k].is_some_and(|l| {
        l.form == Form::Capitals
            && header_only
            && (doc.slice(l.name).split_whitespace().any(title)
                || people.named_by(doc, &l).is_some())
    })
}

fn words_of(doc: &Document, p: usize) -> usize {
    doc.slice(doc.paragraphs[p].span).split_whitespace().count()
}

/// A transcript's turns: each labelled paragraph, the paragraphs going on with it, and the
/// questions standing alone before a labelled answer (the interviewer's).
fn labelled_turns(
    doc: &Document,
    people: &People,
    paragraphs: &[usize],
    labels: &[Option<Label>],
) -> Vec<Quote> {
    let fullest = fullest_labels(doc, labels);
    let speakers: Vec<Option<Speaker>> = labels
        .iter()
        .map(|l| l.map(|l| speaker(doc, people, &l, &fullest)))
        .collect();
    // who asks in a labelled turn of their own (a host): their questions run on without a label
    let asks: FxHashSet<&str> = labels
        .iter()
        .zip(&speakers)
        .filter_map(|(l, s)| Some((l.as_ref()?, s.as_ref()?)))
        .filter(|(l, _)| doc.slice(l.words).ends_with('?'))
        .map(|(_, s)| s.name.as_str())
        .collect();
    // the paragraphs after the last turn go on with it, unless the turns are an excerpt that the
    // writer's prose stands around: prose before the first turn, and more paragraphs after the
    // last than there are turns
    let first_turn = labels.iter().position(Option::is_some).unwrap_or(0);
    let last_turn = labels.iter().rposition(Option::is_some).unwrap_or(0);
    let turns = labels.iter().flatten().count();
    let prose_before = paragraphs[..first_turn]
        .iter()
        .filter(|&&p| is_prose(doc, p))
        .count();
    let after = paragraphs.len() - last_turn - 1;
    let ends_excerpt = prose_before >= 2
        && after > turns
        && after > 2 * longest_unlabelled(&labels[first_turn..last_turn]) + 1;
    let mut out = Vec::new();
    let mut current: Option<&Speaker> = None;
    for (k, &p) in paragraphs.iter().enumerate() {
        if k > last_turn && ends_excerpt {
            break;
        }
        let span = crate::text::trim_span(doc.text, doc.paragraphs[p].span);
        if let (Some(l), Some(s)) = (labels[k], &speakers[k]) {
            out.push(turn(p, l.words, Some(l.cue), Some(s.clone())));
            current = Some(s);
            continue;
        }
        let text = doc.slice(span);
        if !goes_on(text) {
            continue;
        }
        // a question standing alone before a labelled answer: the host's going on, else the
        // (unnamed) interviewer's
        let answered = labels.get(k + 1).is_some_and(|l| l.is_some());
        let host = current.filter(|s| asks.contains(&s.name.as_str()));
        if text.ends_with('?') && answered && host.is_none() {
            out.push(turn(p, span, None, Some(unnamed(INTERVIEWER, span))));
        } else if let Some(s) = current {
            out.push(turn(p, span, None, Some(s.clone())));
        }
    }
    out
}

/// An interview printed with its questions in bold ("**How did it start?**") and the answers
/// below each: the questions the interviewer's, the answers the article's main person's. Needs
/// two questions at least.
fn bold_interview(doc: &Document, people: &People, paragraphs: &[usize]) -> Vec<Quote> {
    let bold: Vec<Option<Span>> = paragraphs.iter().map(|&p| bold_line(doc, p)).collect();
    let questions = bold
        .iter()
        .flatten()
        .filter(|s| doc.slice(**s).contains('?'))
        .count();
    if questions < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut answering = false;
    for (k, &p) in paragraphs.iter().enumerate() {
        if let Some(q) = bold[k] {
            out.push(turn(p, q, None, Some(unnamed(INTERVIEWER, q))));
            answering = true;
            continue;
        }
        let span = crate::text::trim_span(doc.text, doc.paragraphs[p].span);
        if answering && goes_on(doc.slice(span)) {
            let at = Span::new(span.start, span.start);
            let speaker = people.main.map(|e| people.speaker(e, at, None));
            out.push(turn(p, span, None, speaker));
        }
    }
    out
}

/// What a question no label names is said by.
const INTERVIEWER: &str = "the interviewer";
/// What `turn-labels.tsv` calls the one who answers.
const INTERVIEWEE: &str = "the interviewee";

/// A speaker no words of the text name (an interview's unlabelled question): a description, and
/// an empty mention where the turn starts.
fn unnamed(name: &str, turn: Span) -> Speaker {
    Speaker {
        name: name.to_string(),
        entity: None,
        mention: Span::new(turn.start, turn.start),
        role: None,
    }
}

/// The words inside a paragraph set in bold and nothing else ("**How did it start?**").
fn bold_line(doc: &Document, p: usize) -> Option<Span> {
    let span = crate::text::trim_span(doc.text, doc.paragraphs[p].span);
    let text = doc.slice(span);
    let inner = text.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.contains("**") && inner.split_whitespace().count() >= MIN_QUESTION_WORDS)
        .then(|| crate::text::trim_span(doc.text, Span::new(span.start + 2, span.end - 2)))
}

/// The fewest words of a question set in bold (a shorter bold line is a subheading).
const MIN_QUESTION_WORDS: usize = 4;

/// Whether a paragraph without a label goes on with the turn before it: words of speech, not a
/// stage direction ("(BEGIN VIDEO CLIP)", "END"), a rule or a link.
fn goes_on(text: &str) -> bool {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= MIN_TURN_WORDS
        && !stage_direction(text)
        && !text.contains("](")
        && !text.contains("://")
}

/// The longest run of paragraphs without a label in `labels` (those from the first turn to the last:
/// a turn going on over several paragraphs).
fn longest_unlabelled(labels: &[Option<Label>]) -> usize {
    labels
        .split(Option::is_some)
        .map(<[_]>::len)
        .max()
        .unwrap_or(0)
}

/// Whether paragraph `p` is the writer's prose, not a header's line: a dozen words or more, ending
/// a sentence.
fn is_prose(doc: &Document, p: usize) -> bool {
    words_of(doc, p) >= PROSE_WORDS
        && doc
            .slice(doc.paragraphs[p].span)
            .trim_end()
            .ends_with(['.', '!', '?', '”', '"', '’', '\''])
}

/// The fewest words of a paragraph of prose.
const PROSE_WORDS: usize = 12;

/// A turn over `words` of paragraph `p`.
fn turn(p: usize, words: Span, cue: Option<Span>, speaker: Option<Speaker>) -> Quote {
    Quote {
        span: words,
        parts: vec![words],
        paragraph: p,
        kind: QuoteKind::Turn,
        speaker,
        cue,
    }
}

/// The label opening paragraph `p`, if it opens with one and words follow it.
fn label(doc: &Document, p: usize) -> Option<Label> {
    let span = crate::text::trim_span(doc.text, doc.paragraphs[p].span);
    let text = doc.slice(span);
    let colon = text
        .char_indices()
        .take_while(|(i, _)| *i <= MAX_LABEL_CHARS)
        .find(|(_, c)| *c == ':')?
        .0;
    let after = &text[colon + 1..];
    if !after.starts_with(char::is_whitespace) || !speech_like(after) {
        return None;
    }
    let head = &text[..colon];
    let form = form(head)?;
    // the name runs to a comma or a bracket: "SHANNON BREAM, FOX NEWS ANCHOR", "REP. JANE DOE (D-OHIO)"
    let name_end = head.find([',', '(']).unwrap_or(head.len());
    let name = head[..name_end].trim_end();
    if name.is_empty() || not_a_speaker(name) {
        return None;
    }
    let role = head
        .rfind(',')
        .map(|c| head[c + 1..].trim())
        .filter(|r| !r.is_empty() && form == Form::Capitals)
        .map(|r| {
            let at = span.start + (r.as_ptr() as usize - text.as_ptr() as usize);
            Span::new(at, at + r.len())
        });
    let words = crate::text::trim_span(doc.text, Span::new(span.start + colon + 1, span.end));
    Some(Label {
        form,
        name: Span::new(span.start, span.start + name.len()),
        role,
        cue: Span::new(span.start, span.start + colon + 1),
        words,
        place: place(name),
    })
}

/// How `head` (the words before a paragraph's first colon) names a speaker, if it is a label.
fn form(head: &str) -> Option<Form> {
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || head.starts_with(|c: char| !c.is_alphabetic()) {
        return None;
    }
    let lower = head.to_lowercase();
    if lexicon::TURN_LABELS.get(&lower).is_some() {
        return Some(Form::Generic);
    }
    let letters = || head.chars().filter(|c| c.is_alphabetic());
    let capitals = letters().count() >= 2 && letters().all(char::is_uppercase);
    if capitals && words.len() <= MAX_CAPS_LABEL_WORDS {
        return Some(Form::Capitals);
    }
    let name_like = words.len() <= MAX_NAME_LABEL_WORDS
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        });
    name_like.then_some(Form::Name)
}

/// Labels that name no speaker: a metadata header's keys, a transcript header's ("SPEAKERS"), and
/// the furniture labels of `data/lang/non-speaker-labels.txt` ("Update", "Source").
fn not_a_speaker(name: &str) -> bool {
    let lower = name.to_lowercase();
    lexicon::METADATA_KEYS.get(&lower).is_some()
        || lexicon::NON_SPEAKER_LABELS.contains(&lower)
        || lexicon::TRANSCRIPT_LABELS.contains(&lower) && lexicon::TURN_LABELS.get(&lower).is_none()
}

/// A line of the transcript that is not speech: "(BEGIN VIDEO CLIP)", "(LAUGHTER)", "END".
fn stage_direction(text: &str) -> bool {
    let bracketed = text.starts_with(['(', '[']) && text.ends_with([')', ']']);
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    let capitals = letters().count() >= 2 && letters().all(char::is_uppercase);
    bracketed || (capitals && text.split_whitespace().count() <= 4)
}

/// The speaker a label names: the article's person of that name (its fullest name), else the
/// fullest label of that name in the transcript ("SHANNON BREAM" for a later "BREAM"), written in
/// capitals only where the text is ("Shannon Bream"); a generic label's description ("the
/// interviewer").
fn speaker(
    doc: &Document,
    people: &People,
    l: &Label,
    fullest: &FxHashMap<String, String>,
) -> Speaker {
    let role = l.role;
    if l.form == Form::Generic {
        let lower = doc.slice(l.name).to_lowercase();
        let name = lexicon::TURN_LABELS.get(&lower).unwrap_or("the speaker");
        // "A:" answers for the interview's guest: the person the article names most
        return match people.main.filter(|_| name == INTERVIEWEE) {
            Some(e) => people.speaker(e, l.name, role),
            None => Speaker {
                name: name.to_string(),
                entity: None,
                mention: l.name,
                role,
            },
        };
    }
    let own = without_titles(doc.slice(l.name));
    let name = fullest.get(&last_name(doc.slice(l.name))).unwrap_or(&own);
    if let Some(e) = people.named_by(doc, l) {
        let mut s = people.speaker(e, l.name, role);
        // a label may name the person more fully than the entities do ("PIET PRESTON:" where the
        // person's entity is only "Preston")
        if name.split_whitespace().count() > s.name.split_whitespace().count() {
            s.name = written_as_name(name);
        }
        return s;
    }
    Speaker {
        name: written_as_name(name),
        entity: None,
        mention: l.name,
        role,
    }
}

/// For each last name, the fullest label of it in the transcript, without its titles ("SHANNON
/// BREAM" for a later "BREAM"; the last of equally long ones).
fn fullest_labels(doc: &Document, labels: &[Option<Label>]) -> FxHashMap<String, String> {
    let mut out: FxHashMap<String, String> = FxHashMap::default();
    for l in labels.iter().flatten() {
        let name = without_titles(doc.slice(l.name));
        let words = name.split_whitespace().count();
        let slot = out.entry(last_name(doc.slice(l.name))).or_default();
        if words >= slot.split_whitespace().count() {
            *slot = name;
        }
    }
    out
}

/// The last word of a label's name, in lower case ("bream" of "SHANNON BREAM").
fn last_name(name: &str) -> String {
    name.split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase()
}

/// A label's name without the titles before it ("JANE DOE" of "REP. JANE DOE"), unless it is
/// nothing but titles ("THE PRESIDENT").
fn without_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.iter().position(|w| !title(w)).unwrap_or(0);
    words[first..].join(" ")
}

/// A title or an honorific ("REP.", "Sen.", "President", "Mr"), or "the" before one.
fn title(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    lexicon::gazetteer::GAZETTEER.is_title(bare)
        || lexicon::HONORIFICS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(bare))
        || bare.eq_ignore_ascii_case("the")
}

/// A place's name in capitals ("NEW DELHI: ..." opens a dateline, not a turn).
fn place(name: &str) -> bool {
    lexicon::gazetteer::GAZETTEER
        .lookup(name)
        .is_some_and(|k| matches!(k.ty, EntityKind::Gpe | EntityKind::Loc))
}

/// A name in capitals written as a name ("SHANNON BREAM" → "Shannon Bream", "THE PRESIDENT" → "The
/// President"); a name already in mixed case stays.
fn written_as_name(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            let first: String = chars.next().into_iter().collect();
            first + &chars.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label of a paragraph with no person named anywhere (a place's name is none then).
    fn labelled(p: &str) -> Option<(Form, String, Option<String>, String)> {
        let doc = Document::new(p);
        label(&doc, 0).filter(|l| !l.place).map(|l| {
            (
                l.form,
                doc.slice(l.name).to_string(),
                l.role.map(|r| doc.slice(r).to_string()),
                doc.slice(l.words).to_string(),
            )
        })
    }

    #[test]
    fn labels_in_capitals_generic_words_and_names() {
        assert_eq!(
            labelled("REP. JANE DOE (D-OHIO), CHAIR: We will vote today."),
            Some((
                Form::Capitals,
                "REP. JANE DOE".into(),
                Some("CHAIR".into()),
                "We will vote today.".into()
            ))
        );
        assert_eq!(
            labelled("Q: What comes next?").map(|l| l.0),
            Some(Form::Generic)
        );
        assert_eq!(
            labelled("Jane Doe: We start again in May.").map(|l| l.0),
            Some(Form::Name)
        );
    }

    #[test]
    fn what_is_no_label() {
        // a dateline, a notice, a tally, a title, a metadata key, a colon too far in
        for p in [
            "LONDON: Police said on Monday that the road would reopen.",
            "Update: The road has reopened.",
            "Doe: 547.",
            "Jane Doe: Why The Vote Matters To Us All",
            "Title: The vote and what it means",
            "The council said on Monday that it would meet again soon to decide: yes or no.",
            "SPEAKERS:",
        ] {
            assert!(labelled(p).is_none(), "{p}");
        }
    }

    #[test]
    fn names_written_as_names_without_titles() {
        assert_eq!(written_as_name("SHANNON BREAM"), "Shannon Bream");
        assert_eq!(written_as_name("Jane Doe"), "Jane Doe");
        assert_eq!(without_titles("REP. JANE DOE"), "JANE DOE");
        assert_eq!(without_titles("THE PRESIDENT"), "THE PRESIDENT");
    }

    #[test]
    fn stage_directions_are_no_speech() {
        assert!(stage_direction("(BEGIN VIDEO CLIP)"));
        assert!(stage_direction("END"));
        assert!(!stage_direction("We go back to the table."));
        assert!(!goes_on("---"));
        assert!(!goes_on("![Logo](https://example.org/logo.png)"));
        assert!(goes_on("We go back to the table."));
    }
}
