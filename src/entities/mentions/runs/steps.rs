//! The steps that type a run once its leading words are cut off, tried in order, the first that
//! applies deciding (see the parent module): each reads the run and what the lists say of it, and
//! adds mentions, or parts of the run to cut again, to the work list.

use super::super::{Tok, between, is_all_caps, is_capitalised};
use super::{Run, Task, push, span_text};
use crate::kinds::EntityKind;
use crate::lexicon;
use crate::lexicon::gazetteer::{GAZETTEER, Known, key};

/// One way of typing a run: true when it decided, with what it found (mentions, and parts of the
/// run to cut again) added to `emit` in order.
type Step = fn(&Run, &mut Vec<Task>) -> bool;

/// The steps, in the order they are tried; the last always decides.
pub(super) const STEPS: &[(&str, Step)] = &[
    ("two names joined by 'and'", split_at_and),
    ("a city that is also a given name", open_city_name),
    ("a person of a place", person_of_place),
    ("a name of a place", name_of_place),
    ("a name run on into a person's", name_before_person),
    ("a word governing the name", governed),
    ("the surname of someone known", known_surname),
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
        .position(|t| lexicon::NAME_CONJUNCTIONS.contains(t.text))
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

/// "Sen. Mitch McConnell of Kentucky", "Alvin Yeung of the Civic Party": a person named in full,
/// then "of" (or "for") and a place or an organisation, are two names (an organisation's or place's head word
/// before "of" makes one: "Bank of England", "Gulf of Mexico"). The person shows by a title, a
/// given name, or, before an organisation, by names no dictionary has; after a given name or a
/// title the second name is cut again on its own, whatever it is.
fn person_of_place(r: &Run, emit: &mut Vec<Task>) -> bool {
    let g = &GAZETTEER;
    let Some((k, left, right)) = split_at(r, 2, |w| lexicon::AFFILIATION_WORDS.contains(w)) else {
        return false;
    };
    let toks = r.toks;
    let headless = left.iter().all(|t| {
        !g.is_org_head(t.text)
            && !g.is_org_suffix(t.text)
            && g.place_head(t.text).is_none()
            && !lexicon::FACILITY_HEADS.contains_lower(t.text)
    });
    if !headless {
        return false;
    }
    let listed = g.lookup(span_text(r.doc, right)).filter(|p| !p.caution);
    let place = listed.filter(|p| matches!(p.ty, EntityKind::Gpe | EntityKind::Loc));
    let org = listed.is_some_and(|p| p.ty == EntityKind::Org)
        || right.len() == 1 && is_all_caps(right[0].text)
        || right.last().is_some_and(|t| g.is_org_head(t.text));
    let named = r.titled || g.given_name(toks[0].text) >= 200;
    // (a lower-case syllable after a hyphen, "Wing-kin", is no dictionary word of the name)
    let unlisted_names = left
        .iter()
        .filter(|t| is_capitalised(t.text))
        .all(|t| g.common_tier(t.text).is_none());
    if let Some(p) = place.filter(|_| named) {
        push(emit, left, Some(EntityKind::Person), true, 0);
        push(emit, right, Some(p.ty), true, p.rank);
        return true;
    }
    if named || org && unlisted_names {
        push(emit, left, Some(EntityKind::Person), true, 0);
        r.cut_again(emit, k + 1..toks.len(), false);
        return true;
    }
    false
}

/// "Halvard Strenbek of Norway", "Ostmark Holdings Ltd of Austria", "Vostok of Russia": words no
/// dictionary has (or a company's name, by its legal suffix), "of", and a listed place are a name
/// and a place, two mentions; an ordinary word before "of" makes one name ("Duke of Norfolk",
/// "Bank of England", "Republic of Ireland").
fn name_of_place(r: &Run, emit: &mut Vec<Task>) -> bool {
    let g = &GAZETTEER;
    let Some((k, left, right)) = split_at(r, 1, |w| w == "of") else {
        return false;
    };
    let Some(place) = g
        .lookup(span_text(r.doc, right))
        .filter(|p| !p.caution && matches!(p.ty, EntityKind::Gpe | EntityKind::Loc))
    else {
        return false;
    };
    let company = left.len() >= 2 && left.last().is_some_and(|t| g.is_org_suffix(t.text));
    let unlisted = left.iter().all(|t| {
        g.common_tier(t.text).is_none()
            && !g.is_org_head(t.text)
            && g.place_head(t.text).is_none()
            && !lexicon::NAME_PARTICLES.contains(t.text)
    });
    if !(company || unlisted) {
        return false;
    }
    r.cut_again(emit, 0..k, r.at_start);
    push(emit, right, Some(place.ty), true, place.rank);
    true
}

/// "the Governor of Ohio Jane Doe", "the Harbour Trust Alan Smith", "Image: Space Agency Ann Lee": a
/// listed place or organisation, or words ending in an organisation's head word, run on into a
/// person named by a common given name (or a title and a given name) and one or two more words:
/// two mentions, the person's cut again for its title. The person's words are no head word or
/// title ("Christian University", "Georgia Line" stay whole).
fn name_before_person(r: &Run, emit: &mut Vec<Task>) -> bool {
    let (g, toks) = (&GAZETTEER, r.toks);
    if toks.len() < 3 || r.whole.is_some() || r.cx.shouting {
        return false;
    }
    let person = |right: &[Tok]| {
        let titled = g.is_title(right[0].text);
        let names = &right[usize::from(titled)..];
        (2..=3).contains(&names.len())
            && g.given_name(names[0].text) >= if titled { 200 } else { 1000 }
            && names[1..].iter().all(|t| {
                is_capitalised(t.text)
                    && !g.is_org_head(t.text)
                    && !g.is_org_suffix(t.text)
                    && g.place_head(t.text).is_none()
                    && !g.is_title(t.text)
            })
            && names
                .last()
                .is_some_and(|t| g.common_tier(t.text).is_none())
    };
    let named = |left: &[Tok]| {
        // "Mary Jo Smith": a given name before a given name is one person's
        if left.len() == 1 && g.given_name(left[0].text) >= 1000 {
            return None;
        }
        let listed = g.lookup(span_text(r.doc, left)).filter(|k| {
            !k.caution && matches!(k.ty, EntityKind::Org | EntityKind::Gpe | EntityKind::Loc)
        });
        let headed = left.len() >= 2
            && left
                .last()
                .is_some_and(|t| g.is_org_head(t.text) || g.is_org_suffix(t.text));
        match listed {
            Some(k) => Some((k.ty, k.rank)),
            None => headed.then_some((EntityKind::Org, 0)),
        }
    };
    let split = (toks.len().saturating_sub(4).max(1)..toks.len() - 1).find_map(|k| {
        let (left, right) = toks.split_at(k);
        let spaced = between(r.doc, &left[left.len() - 1], &right[0]) == " ";
        (spaced && person(right)).then_some(())?;
        named(left).map(|n| (k, n))
    });
    let Some((k, (ty, rank))) = split else {
        return false;
    };
    push(emit, &toks[..k], Some(ty), true, rank);
    r.cut_again(emit, k..toks.len(), false);
    true
}

/// The run, not listed as a whole, cut at its first word that `joins` (with at least `min_left`
/// words before it and one after): where, and the words either side.
fn split_at<'r, 'a>(
    r: &Run<'r, 'a>,
    min_left: usize,
    joins: impl Fn(&str) -> bool,
) -> Option<(usize, &'r [Tok<'a>], &'r [Tok<'a>])> {
    let toks = r.toks;
    if r.whole.is_some() {
        return None;
    }
    let k = toks
        .iter()
        .position(|t| joins(t.text))
        .filter(|&k| k >= min_left && k + 1 < toks.len())?;
    Some((k, &toks[..k], &toks[k + 1..]))
}

/// A name governed by the word before or after it: "budget airline AirAsia", "the weather agency
/// Meteo-France" (an organisation), "coauthor Colette Heald", "Liverpool boss Jurgen Klopp" (a
/// person), "the Bouches-du-Rhone department", "the town of Kelby" (a place).
fn governed(r: &Run, emit: &mut Vec<Task>) -> bool {
    let before = r.around.before;
    let after = r.around.after;
    if before.is_some_and(|b| lexicon::ORG_NOUNS.contains(b)) {
        push(emit, r.toks, Some(EntityKind::Org), true, 0);
        return true;
    }
    if after.is_some_and(|a| lexicon::PLACE_NOUNS.contains(a)) || r.around.settlement_of {
        let ty = r
            .whole
            .map(|k| k.ty)
            .filter(|t| matches!(t, EntityKind::Gpe | EntityKind::Loc))
            .unwrap_or(EntityKind::Gpe);
        push(emit, r.toks, Some(ty), true, 0);
        return true;
    }
    let person_noun = before.is_some_and(|b| {
        lexicon::PERSON_NOUNS.contains(b)
            || b.chars().all(char::is_lowercase) && GAZETTEER.is_title(b)
    });
    let unlisted = r.whole.is_none_or(|k| k.ty == EntityKind::Person);
    if person_noun && unlisted && r.toks.len() <= 4 && !r.cx.shouting {
        push(emit, r.toks, Some(EntityKind::Person), true, 0);
        return true;
    }
    false
}

/// One word that is the surname of someone the lists know ("Clinton", "Gorbachev", "Obama"), and
/// as a place at most a town or region, is that person, unless a preposition of place governs it
/// ("in Clinton").
fn known_surname(r: &Run, emit: &mut Vec<Task>) -> bool {
    let word = r.toks[0].text;
    let decides = r.toks.len() == 1
        && GAZETTEER.is_known_surname(word)
        && r.whole.is_none_or(|k| {
            matches!(k.ty, EntityKind::Gpe | EntityKind::Loc | EntityKind::Person) && k.rank <= 4
                || k.ty == EntityKind::Person
        })
        && r.around
            .before
            .is_none_or(|b| !lexicon::PLACE_PREPOSITIONS.contains_lower(b));
    if decides {
        push(emit, r.toks, Some(EntityKind::Person), true, 0);
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
            .any(|w| lexicon::NAME_JOINERS.contains(w[1].text) && g.is_org_head(w[0].text));
    let decides = org_cue && r.toks.len() > 1;
    if decides {
        push(emit, r.toks, Some(EntityKind::Org), true, 0);
    }
    decides
}

/// A place by its head word ("… River", "… Airport"), unless a building's head follows a common
/// given name that is no place ("Jane Tower" is a person's name; "Victoria Station" a place by the
/// list).
fn place_head(r: &Run, emit: &mut Vec<Task>) -> bool {
    if r.toks.len() < 2 {
        return false;
    }
    let g = &GAZETTEER;
    let first = r.toks[0].text;
    let head = g.place_head(r.toks[r.toks.len() - 1].text);
    if r.toks.len() == 2
        && head == Some(EntityKind::Fac)
        && r.whole.is_none()
        && g.given_name(first) >= 1000
        && g.lookup(first).is_none()
    {
        return false;
    }
    match head {
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

/// A title inside the run before a given name ("Senate Majority Leader Mitch McConnell"), or after a
/// listed name before a surname: what precedes it is a separate mention, if any, and what follows a
/// person; a two-word title ("Majority Leader") goes whole.
fn title_inside(r: &Run, emit: &mut Vec<Task>) -> bool {
    let (g, toks) = (&GAZETTEER, r.toks);
    if toks.len() <= 2 || r.whole.is_some() {
        return false;
    }
    // where the titles ending at word `k` begin: back over single titles ("Army Lt. Gen.") and a
    // two-word one ("Majority Leader"), never to the run's first word
    let titles_from = |k: usize| {
        let mut from = k;
        while from > 1 && g.is_title(toks[from - 1].text) {
            from -= 1;
        }
        if from >= 2 && g.is_title(span_text(r.doc, &toks[from - 1..=from])) {
            from -= 1;
        }
        from
    };
    // after a listed name ("U.N. Ambassador Kestrelby", "Kenyan Prime Minister Wekesa") the words
    // after the title are a person's even without a given name, if they are one or two no list knows
    let listed_before = |k: usize| {
        g.lookup(span_text(r.doc, &toks[..titles_from(k)]))
            .is_some_and(|known| !known.caution)
    };
    let surname_only = |k: usize| {
        let after = &toks[k + 1..];
        after.len() <= 2
            && after.iter().all(|t| {
                is_capitalised(t.text)
                    && g.lookup(t.text).is_none()
                    && g.common_tier(t.text).is_none()
                    && !g.is_title(t.text)
            })
    };
    let Some(k) = (1..toks.len() - 1).rev().find(|&k| {
        g.is_title(toks[k].text)
            && (g.given_name(toks[k + 1].text) >= 200 || surname_only(k) && listed_before(k))
    }) else {
        return false;
    };
    r.cut_again(emit, 0..titles_from(k), r.at_start);
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
    // "Christian Eriksen": a common given name before a name no list knows is a person's
    if k.ty == EntityKind::Norp
        && g.given_name(toks[0].text) >= 1000
        && !g.is_title(toks[1].text)
        && g.lookup(toks[1].text).is_none()
    {
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
        return true;
    }
    // "BELGIUM SCRAPE PAST TURKEY": the longest listed names inside, left to right; a word with a
    // common sense counts only where the document writes it as a name elsewhere
    let (g, toks) = (&GAZETTEER, r.toks);
    let mut i = 0;
    while i < toks.len() {
        let found = (1..=(toks.len() - i).min(5)).rev().find_map(|n| {
            let part = &toks[i..i + n];
            let k = g.lookup(span_text(r.doc, part))?;
            let named = n == 1 && r.cx.names.contains(&key(part[0].text));
            (!k.caution || named).then_some((n, k))
        });
        match found {
            Some((n, k)) => {
                push(emit, &toks[i..i + n], Some(k.ty), true, k.rank);
                i += n;
            }
            None => i += 1,
        }
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
    if lexicon::PLACE_ABBREVIATIONS.contains(run[0].text) {
        return Some(EntityKind::Gpe);
    }
    // two or three capitalised words (particles aside): a person's name
    let capitalised = run.iter().filter(|t| is_capitalised(t.text)).count();
    let particles = run
        .iter()
        .filter(|t| lexicon::NAME_PARTICLES.contains(t.text))
        .count();
    if capitalised + particles == run.len() && (2..=3).contains(&capitalised)
        || run.len() == 3 && capitalised == 2
    {
        return Some(EntityKind::Person);
    }
    Some(EntityKind::Org)
}

/// "R-Ill", "D-Calif", "I-Vt": a party letter, a hyphen and a state.
pub(super) fn is_party_tag(w: &str) -> bool {
    let mut parts = w.splitn(2, '-');
    parts
        .next()
        .is_some_and(|p| lexicon::PARTY_LETTERS.contains(p))
        && parts
            .next()
            .is_some_and(|state| state.chars().next().is_some_and(char::is_uppercase))
}
