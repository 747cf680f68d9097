//! Cutting one run of capitalised words into mentions and typing them.
//!
//! First the words that lead the run without being part of a name are cut off (sentence-opening
//! ordinary words, titles, which mark what follows as a person; an honorific stays in the span and
//! marks it too). Then a named list of steps is tried in order, the first that applies deciding:
//! split at "and", trust a listed name, read a head word ("Council", "River"), split two places at a
//! hyphen or a title inside the run, split a nationality off, and at last guess.
//!
//! A step that splits the run hands its parts back as tasks on a work list rather than calling
//! itself, so that a run of any length ("Mr. Mr. Mr. …", "John and John and …") costs no stack; and
//! a run longer than [`MAX_RUN`] words, which no name is, is cut into windows of that length first,
//! so that the work per run stays bounded.

use super::{Mention, Sentence, Tok, between, is_all_caps, is_capitalised, is_honorific};
use crate::entities::gazetteer::{GAZETTEER, Known, key};
use crate::lang;
use crate::report::EntityKind;
use crate::text::{Document, Span};

/// A run being typed: its words (leading ones cut off), what the lists say of it, and whether a
/// title led it.
struct Run<'r, 'a> {
    doc: &'r Document<'a>,
    toks: &'r [Tok<'a>],
    /// Where `toks` starts in the whole run.
    offset: usize,
    cx: &'r Sentence<'r>,
    at_start: bool,
    titled: bool,
    /// What the lists say of the whole run ("Burlington, Vt.": an abbreviation listed with its
    /// full stop counts).
    whole: Option<Known>,
}

/// Runs longer than this many words are cut into windows of this length (the longest run in the
/// development sets is 33 words).
const MAX_RUN: usize = 64;

/// Work left to do on a run, in the order the tasks come off the work list.
enum Task {
    /// Cut and type the words `from..to` of the run.
    Cut {
        from: usize,
        to: usize,
        at_start: bool,
    },
    /// Add a mention.
    Push(Mention),
    /// The first mention added since there were `before` is a person named with the honorific
    /// starting at byte `start`.
    Honorific { before: usize, start: usize },
}

/// One way of typing a run: true when it decided, with what it found (mentions, and parts of the
/// run to cut again) added to `emit` in order.
type Step = fn(&Run, &mut Vec<Task>) -> bool;

/// The steps, in the order they are tried; the last always decides.
const STEPS: &[(&str, Step)] = &[
    ("two names joined by 'and'", split_at_and),
    ("a city that is also a given name", open_city_name),
    ("a listed name", listed),
    ("an organisation's head word", organisation_head),
    ("a place's head word", place_head),
    ("two places joined by a hyphen", hyphenated_places),
    ("a title inside the run", title_inside),
    ("a nationality or place before more", nationality_first),
    ("capitals: listed names only", shouted),
    ("a titled person", titled_person),
    ("a given name and more", given_name),
    ("a guess", guessed),
];

/// Cuts a run into mentions and types them.
pub(super) fn cut_run(
    doc: &Document,
    run: &[Tok],
    at_start: bool,
    cx: &Sentence,
    out: &mut Vec<Mention>,
) {
    for (w, window) in run.chunks(MAX_RUN).enumerate() {
        cut_window(doc, window, at_start && w == 0, cx, out);
    }
}

/// Works through the tasks a run of at most [`MAX_RUN`] words gives, depth first and in order.
fn cut_window(doc: &Document, run: &[Tok], at_start: bool, cx: &Sentence, out: &mut Vec<Mention>) {
    let mut tasks = vec![Task::Cut {
        from: 0,
        to: run.len(),
        at_start,
    }];
    let mut emit: Vec<Task> = Vec::new();
    while let Some(task) = tasks.pop() {
        match task {
            Task::Push(m) => out.push(m),
            Task::Honorific { before, start } => {
                if let Some(m) = out.get_mut(before) {
                    m.span.start = start;
                    m.ty = Some(EntityKind::Person);
                    m.sure = true;
                }
            }
            Task::Cut { from, to, at_start } => {
                cut(
                    doc,
                    &run[from..to],
                    from,
                    at_start,
                    cx,
                    out.len(),
                    &mut emit,
                );
                tasks.extend(emit.drain(..).rev());
            }
        }
    }
}

/// Cuts the words `run` (starting at `offset` in the whole run), adding what it finds to `emit`;
/// `done` mentions have been added so far.
fn cut(
    doc: &Document,
    run: &[Tok],
    offset: usize,
    at_start: bool,
    cx: &Sentence,
    done: usize,
    emit: &mut Vec<Task>,
) {
    // "(R-Ill.)", "D-Calif.": a politician's party and state, no name
    if run.len() <= 3 && is_party_tag(span_text(doc, run)) {
        return;
    }
    let (from, to, at_start, titled) = match without_leading(doc, run, at_start, cx) {
        Leading::Rest {
            from,
            to,
            at_start,
            titled,
        } => (from, to, at_start, titled),
        Leading::Honorific { at, start } => {
            emit.push(Task::Cut {
                from: offset + at + 1,
                to: offset + run.len(),
                at_start: false,
            });
            emit.push(Task::Honorific {
                before: done,
                start,
            });
            return;
        }
        Leading::Nothing => return,
    };
    let toks = &run[from..to];
    let text = span_text(doc, toks);
    if toks.len() == 1 {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let k = key(text);
        if letters < 2 || lang::NOT_NAMES.contains(&k) || lang::is_calendar_word(&k) {
            return;
        }
    }
    let g = &GAZETTEER;
    let whole = g.lookup(text).or_else(|| {
        let stop = doc.text[toks[toks.len() - 1].span.end..].starts_with('.');
        stop.then(|| g.lookup(&format!("{text}."))).flatten()
    });
    let r = Run {
        doc,
        toks,
        offset: offset + from,
        cx,
        at_start,
        titled,
        whole,
    };
    for (_, step) in STEPS {
        if step(&r, emit) {
            return;
        }
    }
}

impl Run<'_, '_> {
    /// Cut the words `range` of this run again.
    fn cut_again(&self, emit: &mut Vec<Task>, range: std::ops::Range<usize>, at_start: bool) {
        emit.push(Task::Cut {
            from: self.offset + range.start,
            to: self.offset + range.end,
            at_start,
        });
    }
}

/// What leads a run.
enum Leading {
    /// Its words `from..to` are left, still opening the sentence or not, led by a title or not.
    Rest {
        from: usize,
        to: usize,
        at_start: bool,
        titled: bool,
    },
    /// An honorific (word `at`, byte `start`) leads it: what follows is a person, the honorific in
    /// its span.
    Honorific { at: usize, start: usize },
    /// Nothing is left.
    Nothing,
}

/// The run without its leading ordinary words and titles, unless they begin a listed name ("New
/// York", "South Korea"), and without trailing particles.
fn without_leading(doc: &Document, run: &[Tok], mut at_start: bool, cx: &Sentence) -> Leading {
    let g = &GAZETTEER;
    let (mut from, mut to) = (0, run.len());
    let mut titled = false;
    // an organisation's name keeps its ordinary words ("National Rifle Association")
    let org_named = run
        .last()
        .is_some_and(|t| g.is_org_head(t.text) || g.is_org_suffix(t.text));
    loop {
        let rest = &run[from..];
        let Some(first) = rest.first() else {
            return Leading::Nothing;
        };
        let listed_prefix = (2..=rest.len().min(5)).rev().any(|n| {
            g.lookup(span_text(doc, &rest[..n]))
                .is_some_and(|k| !k.caution)
        });
        if listed_prefix {
            break;
        }
        let multiword_title = rest.len() > 2
            && g.is_title(&format!("{} {}", first.text, rest[1].text))
            && g.lookup(span_text(doc, &rest[..2]))
                .is_none_or(|k| k.caution);
        if multiword_title {
            titled = true;
            from += 2;
            continue;
        }
        if is_honorific(first.text) && rest.len() > 1 {
            return Leading::Honorific {
                at: from,
                start: first.span.start,
            };
        }
        if g.is_title(first.text) && rest.len() > 1 {
            titled = true;
            from += 1;
            continue;
        }
        if !ordinary_lead(rest, at_start, org_named, cx)
            && !lang::NAME_PARTICLES.contains(first.text)
            && !lang::NAME_LEADING_WORDS.contains(first.text)
        {
            break;
        }
        from += 1;
        at_start = false;
    }
    while to > from && lang::NAME_PARTICLES.contains(run[to - 1].text) {
        to -= 1;
    }
    if to == from {
        return Leading::Nothing;
    }
    Leading::Rest {
        from,
        to,
        at_start,
        titled,
    }
}

/// Whether the run's first word is an ordinary word leading it ("But", "Amid", "Rather"): a common
/// word no list knows as a name and no common given name; at a sentence's start, in capitals, or
/// among the commonest words, and not a word the document uses as a surname opening a sentence
/// alone ("Trump also attacked"). An organisation's name keeps its ordinary words.
fn ordinary_lead(run: &[Tok], at_start: bool, org_named: bool, cx: &Sentence) -> bool {
    let g = &GAZETTEER;
    let first = &run[0];
    let lower = first.text.to_lowercase();
    let known = g.lookup(first.text).filter(|k| !k.caution);
    let ordinary = g.common_tier(&lower).is_some()
        && known.is_none()
        && g.given_name(first.text) < 2000
        && !(at_start && run.len() == 1 && cx.names.contains(&key(first.text)))
        && (at_start
            || cx.shouting
            || !org_named && g.common_tier(&lower).is_some_and(|t| t <= 20));
    ordinary && !(org_named && !at_start && run.len() > 1)
}

/// "India and Turkey": two names, unless the whole is one ("Procter and Gamble", "Trade and
/// Industry Ministry").
fn split_at_and(r: &Run, emit: &mut Vec<Task>) -> bool {
    let g = &GAZETTEER;
    let last = r.toks[r.toks.len() - 1].text;
    if r.whole.is_some() || g.is_org_suffix(last) || g.is_org_head(last) {
        return false;
    }
    let Some(at) = r
        .toks
        .iter()
        .position(|t| lang::NAME_CONJUNCTIONS.contains(t.text))
    else {
        return false;
    };
    r.cut_again(emit, 0..at, r.at_start);
    r.cut_again(emit, at + 1..r.toks.len(), false);
    true
}

/// A one-word city that is also a common given name ("David", "Douglas"): left open, for the
/// document to settle (whether it is part of a person's name there).
fn open_city_name(r: &Run, emit: &mut Vec<Task>) -> bool {
    let decides = r.toks.len() == 1
        && !r.titled
        && r.whole
            .is_some_and(|k| k.ty == EntityKind::Gpe && k.rank <= 3)
        && GAZETTEER.given_name(r.toks[0].text) >= 1000;
    if decides {
        push(emit, r.toks, None, false, 0);
    }
    decides
}

/// A name a list knows, trusted unless it is also a common word opening the sentence alone.
fn listed(r: &Run, emit: &mut Vec<Task>) -> bool {
    match r
        .whole
        .filter(|k| !k.caution || r.toks.len() > 1 || !r.at_start)
    {
        Some(k) => {
            push(emit, r.toks, Some(k.ty), true, k.rank);
            true
        }
        None => false,
    }
}

/// An organisation by its head word or suffix ("… Council", "… Inc."), or a head word before "of"
/// ("Maurer School of Law", "University of Iowa").
fn organisation_head(r: &Run, emit: &mut Vec<Task>) -> bool {
    let g = &GAZETTEER;
    let last = r.toks[r.toks.len() - 1].text;
    let org_cue = g.is_org_suffix(last)
        || g.is_org_head(last)
        || r.toks
            .windows(2)
            .any(|w| g.is_org_head(w[0].text) && lang::NAME_JOINERS.contains(w[1].text));
    let decides = org_cue && r.toks.len() > 1;
    if decides {
        push(emit, r.toks, Some(EntityKind::Org), true, 0);
    }
    decides
}

/// A place by its head word ("… River", "… Airport").
fn place_head(r: &Run, emit: &mut Vec<Task>) -> bool {
    if r.toks.len() < 2 {
        return false;
    }
    match GAZETTEER.place_head(r.toks[r.toks.len() - 1].text) {
        Some(ty) => {
            push(emit, r.toks, Some(ty), true, 0);
            true
        }
        None => false,
    }
}

/// Two places joined by a hyphen: "Russia-Ukraine".
fn hyphenated_places(r: &Run, emit: &mut Vec<Task>) -> bool {
    if r.toks.len() != 2 || between(r.doc, &r.toks[0], &r.toks[1]) != "-" {
        return false;
    }
    let g = &GAZETTEER;
    let (Some(a), Some(b)) = (g.lookup(r.toks[0].text), g.lookup(r.toks[1].text)) else {
        return false;
    };
    push(emit, &r.toks[..1], Some(a.ty), true, a.rank);
    push(emit, &r.toks[1..], Some(b.ty), true, b.rank);
    true
}

/// A title inside the run before a given name ("Senate Majority Leader Mitch McConnell"): what
/// precedes it is a separate mention, if any, and what follows a person; a two-word title
/// ("Majority Leader") goes whole.
fn title_inside(r: &Run, emit: &mut Vec<Task>) -> bool {
    let (g, toks) = (&GAZETTEER, r.toks);
    if toks.len() <= 2 || r.whole.is_some() {
        return false;
    }
    let Some(k) = (1..toks.len() - 1)
        .rev()
        .find(|&k| g.is_title(toks[k].text) && g.given_name(toks[k + 1].text) >= 200)
    else {
        return false;
    };
    let two = k >= 2 && g.is_title(span_text(r.doc, &toks[k - 1..=k]));
    r.cut_again(emit, 0..k - usize::from(two), r.at_start);
    push(emit, &toks[k + 1..], Some(EntityKind::Person), true, 0);
    true
}

/// A nationality, then more ("Kazakh President Kassym-Jomart Tokayev"), or a place before a title
/// ("Moscow Mayor Sergei Sobyanin"): two mentions.
fn nationality_first(r: &Run, emit: &mut Vec<Task>) -> bool {
    let (g, toks) = (&GAZETTEER, r.toks);
    if toks.len() < 2 || between(r.doc, &toks[0], &toks[1]) == "-" {
        return false;
    }
    let Some(k) = g.lookup(toks[0].text).filter(|k| !k.caution) else {
        return false;
    };
    if !(k.ty == EntityKind::Norp || (k.ty == EntityKind::Gpe && g.is_title(toks[1].text))) {
        return false;
    }
    push(emit, &toks[..1], Some(k.ty), true, k.rank);
    r.cut_again(emit, 1..toks.len(), false);
    true
}

/// In a sentence written in capitals only a listed name is trusted.
fn shouted(r: &Run, emit: &mut Vec<Task>) -> bool {
    if !r.cx.shouting {
        return false;
    }
    if let Some(k) = r.whole {
        push(emit, r.toks, Some(k.ty), true, k.rank);
    }
    true
}

/// What a title led is a person.
fn titled_person(r: &Run, emit: &mut Vec<Task>) -> bool {
    if r.titled {
        push(emit, r.toks, Some(EntityKind::Person), true, 0);
    }
    r.titled
}

/// Two to four words opening with a given name: a person.
fn given_name(r: &Run, emit: &mut Vec<Task>) -> bool {
    let decides = (2..=4).contains(&r.toks.len()) && GAZETTEER.given_name(r.toks[0].text) >= 200;
    if decides {
        push(emit, r.toks, Some(EntityKind::Person), false, 0);
    }
    decides
}

/// What no list or cue settled.
fn guessed(r: &Run, emit: &mut Vec<Task>) -> bool {
    let ty = guess(r.toks, r.whole);
    push(emit, r.toks, ty, false, r.whole.map_or(0, |k| k.rank));
    true
}

/// A type for a run no list or cue settled: left open for the document-level pass when it is one word.
fn guess(run: &[Tok], whole: Option<Known>) -> Option<EntityKind> {
    if let Some(k) = whole {
        return Some(k.ty);
    }
    if run.len() == 1 {
        return None;
    }
    if run.iter().all(|t| is_all_caps(t.text)) {
        return Some(EntityKind::Org);
    }
    // "St. Clairsville", "Ft. Myers", "Mt. Vernon"
    if lang::PLACE_ABBREVIATIONS.contains(run[0].text) {
        return Some(EntityKind::Gpe);
    }
    // two or three capitalised words (particles aside): a person's name
    let capitalised = run.iter().filter(|t| is_capitalised(t.text)).count();
    let particles = run
        .iter()
        .filter(|t| lang::NAME_PARTICLES.contains(t.text))
        .count();
    if capitalised + particles == run.len() && (2..=3).contains(&capitalised)
        || run.len() == 3 && capitalised == 2
    {
        return Some(EntityKind::Person);
    }
    Some(EntityKind::Org)
}

/// "R-Ill", "D-Calif", "I-Vt": a party letter, a hyphen and a state.
fn is_party_tag(w: &str) -> bool {
    let mut parts = w.splitn(2, '-');
    parts
        .next()
        .is_some_and(|p| lang::PARTY_LETTERS.contains(p))
        && parts
            .next()
            .is_some_and(|state| state.chars().next().is_some_and(char::is_uppercase))
}

fn span_text<'a>(doc: &Document<'a>, run: &[Tok]) -> &'a str {
    match (run.first(), run.last()) {
        (Some(a), Some(b)) => doc.text.get(a.span.start..b.span.end).unwrap_or(""),
        _ => "",
    }
}

fn push(emit: &mut Vec<Task>, run: &[Tok], ty: Option<EntityKind>, sure: bool, rank: u8) {
    if let (Some(a), Some(b)) = (run.first(), run.last()) {
        emit.push(Task::Push(Mention {
            span: Span::new(a.span.start, b.span.end),
            ty,
            sure,
            rank,
        }));
    }
}
