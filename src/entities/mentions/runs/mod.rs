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

use std::cell::LazyCell;

mod steps;

use steps::{STEPS, is_party_tag};

use super::{Around, Mention, Sentence, Tok, is_honorific};
use crate::kinds::EntityKind;
use crate::lexicon;
use crate::lexicon::gazetteer::{GAZETTEER, Known, key};
use crate::text::{Document, Span};

/// A run being typed: its words (leading ones cut off), what the lists say of it, and whether a
/// title led it.
struct Run<'r, 'a> {
    doc: &'r Document<'a>,
    toks: &'r [Tok<'a>],
    /// Where `toks` starts in the whole run.
    offset: usize,
    /// The words right before and after these words, when they stand right before or after the
    /// whole run.
    around: Around<'r>,
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

/// Cuts a run into mentions and types them.
pub(super) fn cut_run(
    doc: &Document,
    run: &[Tok],
    at_start: bool,
    around: Around,
    cx: &Sentence,
    out: &mut Vec<Mention>,
) {
    let windows = run.len().div_ceil(MAX_RUN);
    for (i, window) in run.chunks(MAX_RUN).enumerate() {
        let around = Around {
            before: around.before.filter(|_| i == 0),
            after: around.after.filter(|_| i + 1 == windows),
            settlement_of: around.settlement_of && i == 0,
        };
        let w = Window {
            doc,
            run: window,
            around,
            cx,
        };
        cut_window(&w, at_start && i == 0, out);
    }
}

/// A run of at most [`MAX_RUN`] words, and what stands around it.
struct Window<'r, 'a> {
    doc: &'r Document<'a>,
    run: &'r [Tok<'a>],
    around: Around<'r>,
    cx: &'r Sentence<'r>,
}

/// Works through the tasks a window gives, depth first and in order.
fn cut_window(w: &Window, at_start: bool, out: &mut Vec<Mention>) {
    let run = w.run;
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
                cut(w, from..to, at_start, out.len(), &mut emit);
                tasks.extend(emit.drain(..).rev());
            }
        }
    }
}

/// Cuts the words `range` of the window, adding what it finds to `emit`; `done` mentions have
/// been added so far.
fn cut(
    w: &Window,
    range: std::ops::Range<usize>,
    at_start: bool,
    done: usize,
    emit: &mut Vec<Task>,
) {
    let (doc, cx, offset) = (w.doc, w.cx, range.start);
    let around = Around {
        before: w.around.before.filter(|_| range.start == 0),
        after: w.around.after.filter(|_| range.end == w.run.len()),
        settlement_of: w.around.settlement_of && range.start == 0,
    };
    let run = &w.run[range];
    // "(R-Ill.)", "D-Calif.": a politician's party and state, no name
    if run.len() <= 3 && is_party_tag(span_text(doc, run)) {
        return;
    }
    let org_governed = around
        .before
        .is_some_and(|b| lexicon::ORG_NOUNS.contains(b));
    let (from, to, at_start, titled) = match without_leading(doc, run, at_start, org_governed, cx) {
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
        if letters < 2
            || lexicon::NOT_NAMES.contains(&k)
            || lexicon::is_calendar_word(&k)
            || lexicon::TIME_ZONES.contains(&k)
        {
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
        around: Around {
            before: around.before.filter(|_| from == 0),
            after: around.after.filter(|_| to == run.len()),
            settlement_of: around.settlement_of && from == 0,
        },
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

/// Whether a run is an organisation's or a facility's name by its words, which keeps its ordinary
/// words ("National Rifle Association", "the Central Museum", "the Museum of Tides"): a head word
/// or suffix last, or a head word before "of" or before a person's given name ("the Northern Rail
/// Company Karen Blythe").
fn organisation_named(run: &[Tok]) -> bool {
    let g = &GAZETTEER;
    let facility = |w: &str| lexicon::FACILITY_HEADS.contains_lower(w);
    run.last()
        .is_some_and(|t| g.is_org_head(t.text) || g.is_org_suffix(t.text) || facility(t.text))
        || run.windows(2).any(|w| {
            lexicon::NAME_JOINERS.contains(w[1].text)
                && (g.is_org_head(w[0].text) || facility(w[0].text))
                || (g.is_org_head(w[0].text) || g.is_org_suffix(w[0].text))
                    && g.given_name(w[1].text) >= 1000
        })
}

/// The run without its leading ordinary words and titles, unless they begin a listed name ("New
/// York", "South Korea"), and without trailing particles.
fn without_leading(
    doc: &Document,
    run: &[Tok],
    mut at_start: bool,
    org_governed: bool,
    cx: &Sentence,
) -> Leading {
    let g = &GAZETTEER;
    let (mut from, mut to) = (0, run.len());
    let mut titled = false;
    // an organisation's name keeps its ordinary words ("the group Homes for All"; see
    // `organisation_named`), asked only of runs that open with an ordinary word
    let org_named = std::cell::LazyCell::new(|| org_governed || organisation_named(run));
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
        if !ordinary_lead(rest, at_start, &org_named, cx)
            && !lexicon::NAME_PARTICLES.contains(first.text)
            && !lexicon::NAME_LEADING_WORDS.contains(first.text)
        {
            break;
        }
        from += 1;
        at_start = false;
    }
    to = without_trailing(run, from, to);
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

/// Where the run's words `from..to` end without the particles trailing them.
fn without_trailing(run: &[Tok], from: usize, mut to: usize) -> usize {
    while to > from && lexicon::NAME_PARTICLES.contains(run[to - 1].text) {
        to -= 1;
    }
    to
}

/// Whether the run's first word is an ordinary word leading it ("But", "Amid", "Rather"): a common
/// word no list knows as a name and no common given name; at a sentence's start, in capitals, or
/// among the commonest words, and not a word the document uses as a surname standing alone
/// ("Trump also attacked", "with Bush"). An organisation's name keeps its ordinary words.
fn ordinary_lead(
    run: &[Tok],
    at_start: bool,
    org_named: &LazyCell<bool, impl FnOnce() -> bool>,
    cx: &Sentence,
) -> bool {
    let g = &GAZETTEER;
    let first = &run[0];
    // the cheap tests first: most words are no common word, or not one that could lead here
    let Some(tier) = g.common_tier(first.text) else {
        return false;
    };
    if !(at_start || cx.shouting || tier <= 20) {
        return false;
    }
    if run.len() == 1 && cx.names.contains(&key(first.text)) {
        return false;
    }
    if g.lookup(first.text).is_some_and(|k| !k.caution) || g.given_name(first.text) >= 2000 {
        return false;
    }
    // mid-sentence, a given name that is also a word before another capitalised word is the name
    // ("told by Nick Bos", "said Will Smith")
    let given_before_name = !at_start
        && run.len() > 1
        && g.given_name(first.text) >= 200
        && g.common_tier(run[1].text).is_none_or(|t| t > 20);
    // opening the sentence, a rare word before a name no list knows is the name's first part
    // ("Kestrel Varga spoke"), where a common one is not ("But Varga spoke")
    let rare_before_name = at_start
        && run.len() > 1
        && tier > 35
        && g.common_tier(run[1].text).is_none()
        && g.lookup(run[1].text).is_none();
    if given_before_name || rare_before_name {
        return false;
    }
    let lead = at_start || cx.shouting || !**org_named && tier <= 20;
    lead && !(**org_named && !at_start && run.len() > 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidate names the rules find in `text` (runs cut and typed), with their types.
    fn names(text: &str) -> Vec<(String, Option<&'static str>)> {
        let doc = Document::new(text);
        super::super::candidates(&doc)
            .into_iter()
            .map(|m| (doc.slice(m.span).to_string(), m.ty.map(EntityKind::as_str)))
            .collect()
    }

    fn has(found: &[(String, Option<&'static str>)], name: &str, ty: &str) -> bool {
        found.iter().any(|(n, t)| n == name && *t == Some(ty))
    }

    /// Whether `name` is among the candidates, whatever its type.
    fn named(found: &[(String, Option<&'static str>)], name: &str) -> bool {
        found.iter().any(|(n, _)| n == name)
    }

    #[test]
    fn two_names_joined_by_and_are_split_unless_the_whole_is_one() {
        let found = names("Officials from India and Turkey met on Monday.");
        assert!(
            has(&found, "India", "GPE") && has(&found, "Turkey", "GPE"),
            "{found:?}"
        );
        let found = names("Officials of the Trade and Industry Ministry met on Monday.");
        assert!(named(&found, "Trade and Industry Ministry"), "{found:?}");
    }

    #[test]
    fn unlisted_words_of_a_listed_place_are_a_name_and_the_place() {
        let found = names(
            "The title went to Halvard Strenbek of Norway and to Ostmark Holdings Ltd of Austria.",
        );
        assert!(has(&found, "Norway", "GPE"), "{found:?}");
        assert!(has(&found, "Austria", "GPE"), "{found:?}");
        assert!(named(&found, "Halvard Strenbek"), "{found:?}");
        assert!(named(&found, "Ostmark Holdings Ltd"), "{found:?}");
        // an ordinary word before "of" heads one name
        let found = names("Officials of the Republic of Ireland met the Duke of Norfolk.");
        assert!(named(&found, "Republic of Ireland"), "{found:?}");
        assert!(named(&found, "Duke of Norfolk"), "{found:?}");
    }

    #[test]
    fn a_name_run_on_into_a_person_is_two_names() {
        let found =
            names("The Governor of Ohio Lisa Kemperling spoke for the Harbour Trust Dan Okafor.");
        assert!(has(&found, "Ohio", "GPE"), "{found:?}");
        assert!(has(&found, "Lisa Kemperling", "PERSON"), "{found:?}");
        assert!(has(&found, "Harbour Trust", "ORG"), "{found:?}");
        assert!(has(&found, "Dan Okafor", "PERSON"), "{found:?}");
        // a title between them is no part of the person's name
        let found = names("On Monday, Supreme Court Justice Paul Renner spoke.");
        assert!(has(&found, "Paul Renner", "PERSON"), "{found:?}");
        // after a listed name, a title before a surname alone
        let found = names("The U.N. Ambassador Kestrelby arrived in Chile.");
        assert!(has(&found, "U.N.", "ORG"), "{found:?}");
        assert!(has(&found, "Kestrelby", "PERSON"), "{found:?}");
        // a given name before a given name is one person's; a head word after one is an organisation's
        let found = names("On Monday, Mary Jo Kemperling spoke at Texas Christian University.");
        assert!(named(&found, "Mary Jo Kemperling"), "{found:?}");
        assert!(named(&found, "Texas Christian University"), "{found:?}");
    }

    #[test]
    fn a_title_leading_the_run_is_cut_off_and_marks_a_person() {
        let found = names("On Monday, French President Emmanuel Macron spoke in Paris.");
        assert!(has(&found, "Emmanuel Macron", "PERSON"), "{found:?}");
        assert!(has(&found, "French", "NORP"), "{found:?}");
        assert!(
            !found.iter().any(|(n, _)| n.contains("President")),
            "{found:?}"
        );
    }

    #[test]
    fn head_words_type_organisations_and_places() {
        let found = names("Workers at the Ford Motor Company fished in the Mississippi River.");
        assert!(has(&found, "Ford Motor Company", "ORG"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(n, t)| n.ends_with("Mississippi River") && *t == Some("LOC")),
            "{found:?}"
        );
    }

    #[test]
    fn a_buildings_head_after_a_given_name_is_a_surname() {
        let found = names(
            "Forrest Tower of the fire service spoke at Victoria Station near the Charles River.",
        );
        assert!(has(&found, "Forrest Tower", "PERSON"), "{found:?}");
        assert!(has(&found, "Victoria Station", "FAC"), "{found:?}");
        assert!(has(&found, "Charles River", "LOC"), "{found:?}");
    }

    #[test]
    fn a_run_longer_than_any_name_is_cut_into_windows() {
        let text = "London Paris Berlin ".repeat(MAX_RUN * 3);
        let found = names(&text);
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|(n, _)| n.split_whitespace().count() <= MAX_RUN),
            "{:?}",
            &found[..3]
        );
    }

    #[test]
    fn the_steps_are_named_once_and_a_guess_comes_last() {
        let names: Vec<&str> = STEPS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.last(), Some(&"a guess"));
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }
}
