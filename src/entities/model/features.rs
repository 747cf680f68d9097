//! The evidence a candidate name is judged on, as hashed features: its words and their shape, the
//! words around it and the words that govern it ("said", "in", "Inc.", "CEO of"), what every list
//! says of it (as evidence, not verdicts: the list's type, its source, whether the name is also a
//! common word), what the rules made of it, and what the rest of the document says of the same name
//! (written elsewhere with an honorific, as the subject of "said", after "in").

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::super::mentions::Mention;
use crate::kinds::EntityKind;
use crate::lexicon;
use crate::lexicon::gazetteer::{GAZETTEER, key};
use crate::text::{Document, Span};

/// Features are hashed into this many buckets (a power of two).
pub const BUCKETS: usize = 1 << 18;

/// What the rest of the document says of a name, by its key.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    /// Mentions with this key.
    count: u32,
    /// Written with an honorific or a title before it ("Mr. Smith", "President Smith").
    titled: bool,
    /// Followed by a verb of saying ("Smith said").
    said: bool,
    /// After a preposition of place ("in Smith").
    placed: bool,
    /// The last word of a longer name the rules took for a person ("John Smith").
    surname: bool,
    /// The initials of a longer name the rules took for an organisation.
    acronym: bool,
    /// Followed by a possessive.
    possessive: bool,
}

/// What the document says of every name in it.
#[derive(Debug, Default)]
pub struct Evidence {
    by_key: FxHashMap<String, Seen>,
}

impl Evidence {
    /// Gathers the evidence of the candidates `ms` of `doc`.
    pub fn of(doc: &Document, ms: &[Mention]) -> Evidence {
        let mut by_key: FxHashMap<String, Seen> = FxHashMap::default();
        for m in ms {
            let text = doc.slice(m.span);
            let ctx = Context::of(doc, m.span);
            let titled =
                starts_with_honorific(text) || ctx.prev.is_some_and(|w| GAZETTEER.is_title(w));
            let said = ctx.next.is_some_and(is_cue);
            let placed = ctx.placed();
            let possessive = ctx.possessive;
            let bare = without_honorific(text);
            let words: Vec<&str> = bare.split_whitespace().collect();
            // (a key joins the words with single spaces itself)
            let k = key(bare);
            let e = by_key.entry(k).or_default();
            e.count += 1;
            e.titled |= titled;
            e.said |= said;
            e.placed |= placed;
            e.possessive |= possessive;
            if words.len() >= 2 {
                if m.ty == Some(EntityKind::Person)
                    && let Some(last) = words.last()
                {
                    let s = by_key.entry(key(last)).or_default();
                    s.surname = true;
                    s.titled |= titled;
                    s.said |= said;
                }
                if m.ty == Some(EntityKind::Org) {
                    let initials: String = words
                        .iter()
                        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                        .collect();
                    if initials.chars().count() >= 2 {
                        by_key.entry(key(&initials)).or_default().acronym = true;
                    }
                }
            }
        }
        Evidence { by_key }
    }

    fn seen(&self, text: &str) -> Seen {
        self.by_key.get(&key(text)).copied().unwrap_or_default()
    }

    /// Whether the document gives evidence that `text` names a person: written with an honorific or
    /// a title, the surname of someone named in full, or a given name.
    pub fn person_like(&self, text: &str) -> bool {
        let seen = self.seen(text);
        seen.titled
            || seen.surname
            || GAZETTEER.given_name(text) >= 200
            || GAZETTEER.is_known_surname(text)
    }
}

/// Whether a preposition of place governs the name at `span` ("in Bell").
pub fn placed(doc: &Document, span: Span) -> bool {
    Context::of(doc, span).placed()
}

/// Whether a name can stand at `span` as a person's: not after a preposition of place ("in Bell"),
/// and opening its sentence, where any word has a capital, only before a speech verb ("Bell said").
pub fn stands_as_a_name(doc: &Document, span: Span) -> bool {
    let ctx = Context::of(doc, span);
    !ctx.placed() && (!ctx.starts_sentence || ctx.next.is_some_and(is_cue))
}

/// The words around a span.
struct Context<'a> {
    prev: Option<&'a str>,
    prev2: Option<&'a str>,
    next: Option<&'a str>,
    next2: Option<&'a str>,
    /// The span opens its sentence.
    starts_sentence: bool,
    /// A possessive ending follows the span.
    possessive: bool,
    /// An opening bracket before it, or a closing one after it.
    bracketed: bool,
}

impl<'a> Context<'a> {
    /// A preposition of place governs the span ("in Bell", "to Leeds").
    fn placed(&self) -> bool {
        self.prev
            .is_some_and(|w| lexicon::PLACING_PREPOSITIONS.contains_lower(w))
    }

    fn of(doc: &Document<'a>, span: Span) -> Context<'a> {
        let words = &doc.words;
        let first = words.partition_point(|w| w.end <= span.start);
        let after = words.partition_point(|w| w.start < span.end);
        let word = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| doc.slice(*w));
        let sentence_start = doc
            .sentences
            .get(
                doc.sentences_started_before(span.start + 1)
                    .saturating_sub(1),
            )
            .is_some_and(|s| {
                doc.text[s.start..span.start]
                    .chars()
                    .all(|c| !c.is_alphanumeric())
            });
        let rest = &doc.text[span.end..];
        Context {
            prev: word(first.checked_sub(1)),
            prev2: word(first.checked_sub(2)),
            next: word(Some(after)).map(|w| w.trim_end_matches(['\'', '’'])),
            next2: word(Some(after + 1)),
            starts_sentence: sentence_start,
            possessive: rest.starts_with("'s") || rest.starts_with("’s"),
            bracketed: doc.text[..span.start].ends_with('(') || rest.starts_with(')'),
        }
    }
}

fn starts_with_honorific(text: &str) -> bool {
    text.split([' ', '\u{a0}', '.'])
        .next()
        .is_some_and(|w| lexicon::HONORIFICS.contains(w))
}

fn without_honorific(text: &str) -> &str {
    super::super::without_honorific(text)
}

/// A verb of saying, written as the word after a name ("said", "says", "told").
fn is_cue(word: &str) -> bool {
    let lower = if word.chars().next().is_some_and(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    };
    lexicon::INVERTING_CUES.contains(&lower) || lexicon::OBJECT_CUES.contains(&lower)
}

/// Collects hashed features. A feature is its tag and its value's bytes hashed together; values
/// built from parts are assembled in one reused buffer, so a candidate's features cost one
/// allocation, not one per feature.
struct Sink<'o> {
    out: &'o mut Vec<u32>,
    scratch: String,
}

impl Sink<'_> {
    fn add(&mut self, tag: &str, value: &str) {
        let mut h = FxHasher::default();
        h.write(tag.as_bytes());
        h.write_u8(0xff);
        h.write(value.as_bytes());
        self.out.push((h.finish() as usize & (BUCKETS - 1)) as u32);
    }

    /// The feature whose value is `parts` written one after the other.
    fn add_cat(&mut self, tag: &str, parts: &[&str]) {
        let mut value = std::mem::take(&mut self.scratch);
        value.clear();
        parts.iter().for_each(|p| value.push_str(p));
        self.add(tag, &value);
        self.scratch = value;
    }

    /// The feature whose value is `word` lower-cased (only its last `keep` characters, if given).
    fn add_lower(&mut self, tag: &str, word: &str, keep: Option<usize>) {
        let mut value = std::mem::take(&mut self.scratch);
        value.clear();
        push_lower(&mut value, word);
        let from = keep.map_or(0, |n| {
            value
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i)
        });
        self.add(tag, &value[from..]);
        self.scratch = value;
    }

    /// The feature whose value is the words `a` and `b`, lower-cased, joined by `|` (a missing word
    /// written `<none>`).
    fn add_lower_pair(&mut self, tag: &str, a: Option<&str>, b: Option<&str>) {
        let mut value = std::mem::take(&mut self.scratch);
        value.clear();
        push_lower(&mut value, a.unwrap_or(NONE));
        value.push('|');
        push_lower(&mut value, b.unwrap_or(NONE));
        self.add(tag, &value);
        self.scratch = value;
    }

    /// The shape of `word` (see [`push_shape`]).
    fn add_shape(&mut self, tag: &str, word: &str) {
        let mut value = std::mem::take(&mut self.scratch);
        value.clear();
        push_shape(&mut value, word);
        self.add(tag, &value);
        self.scratch = value;
    }

    fn flag(&mut self, tag: &str, on: bool) {
        if on {
            self.add(tag, "");
        }
    }
}

/// What stands for a missing word before or after a name.
const NONE: &str = "<none>";

/// Small numbers as the text of a feature's value.
const NUMBERS: [&str; 16] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
];

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// Appends `w` lower-cased to `out`.
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Appends the shape of a word to `out`: capitals as X, lower case as x, digits as d, runs collapsed
/// ("Xx", "XX.X", "d").
fn push_shape(out: &mut String, w: &str) {
    let start = out.len();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out[start..].ends_with(s) {
            out.push(s);
        }
    }
}

/// Which of the ranges `edges` cut `n` falls in, as a feature's value.
fn bucket(n: u32, edges: &[u32]) -> &'static str {
    let i = edges.iter().position(|&e| n < e).unwrap_or(edges.len());
    NUMBERS[i.min(NUMBERS.len() - 1)]
}

/// The features of candidate `m` of `doc`, given the document's `evidence`, added to `out`.
pub fn features(doc: &Document, m: &Mention, evidence: &Evidence, out: &mut Vec<u32>) {
    let mut f = Sink {
        out,
        scratch: String::with_capacity(64),
    };
    let text = doc.slice(m.span);
    let bare = without_honorific(text);
    let words: Vec<&str> = bare.split_whitespace().collect();
    f.add("bias", "");
    let rule = m.ty.map_or("open", EntityKind::as_str);
    f.add("rule", rule);
    f.add_cat("rule+sure", &[rule, bool_str(m.sure)]);
    f.add("rank", NUMBERS[usize::from(m.rank).min(NUMBERS.len() - 1)]);
    lists(&mut f, text, &words);
    shapes(&mut f, text, &words);
    let ctx = Context::of(doc, m.span);
    context(&mut f, &ctx, rule);
    document(&mut f, evidence, bare, &words, rule);
}

/// What the lists say of the name and of its words.
fn lists(f: &mut Sink, text: &str, words: &[&str]) {
    let g = &GAZETTEER;
    match g.lookup(text).or_else(|| g.lookup(&words.join(" "))) {
        Some(k) => {
            f.add("list", k.ty.as_str());
            f.add_cat("list+caution", &[k.ty.as_str(), bool_str(k.caution)]);
            let rank = NUMBERS[usize::from(k.rank).min(NUMBERS.len() - 1)];
            f.add_cat("list+rank", &[k.ty.as_str(), rank]);
        }
        None => f.add("list", "none"),
    }
    f.flag("honorific", starts_with_honorific(text));
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let given = g.given_name(first);
    f.add("given", bucket(given, &[1, 200, 1000, 10000]));
    if let Some(gender) = g.given_gender(first).filter(|_| given >= 200) {
        f.add("given-gender", gender.as_str());
    }
    for (common, list, w) in [
        ("first-common", "first-list", first),
        ("last-common", "last-list", last),
    ] {
        let tier = g.common_tier(w).map_or(99, u32::from);
        f.add(common, bucket(tier, &[10, 20, 35, 50, 99]));
        if let Some(k) = g.lookup(w) {
            f.add(list, k.ty.as_str());
        }
    }
    let last_unknown = words.len() > 1
        && g.lookup(last).is_none()
        && g.common_tier(last).is_none()
        && g.given_name(last) == 0
        && !g.is_title(last);
    f.flag("last-unknown", last_unknown);
    if last_unknown {
        let first_kind = g.lookup(first).map_or("none", |k| k.ty.as_str());
        f.add("first-list+last-unknown", first_kind);
    }
    f.flag("last-org-head", g.is_org_head(last));
    f.flag("last-known-surname", g.is_known_surname(last));
    f.flag("last-org-suffix", g.is_org_suffix(last));
    if let Some(ty) = g.place_head(last) {
        f.add("last-place-head", ty.as_str());
    }
    f.flag("first-title", g.is_title(first));
    f.flag("calendar", lexicon::is_calendar_word(&first.to_lowercase()));
}

/// The words of the name and their shapes.
fn shapes(f: &mut Sink, text: &str, words: &[&str]) {
    f.add("len", NUMBERS[words.len().min(5)]);
    for w in words {
        f.add_lower("w", w, None);
    }
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        f.add_lower("first", first, None);
        f.add_lower("last", last, None);
        f.add_lower("suffix", last, Some(3));
        f.add_shape("first-shape", first);
        f.add_shape("last-shape", last);
    }
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    let any = letters.peek().is_some();
    f.flag("all-caps", any && letters.all(char::is_uppercase));
    f.flag("digit", text.chars().any(|c| c.is_numeric()));
    f.flag("hyphen", text.contains('-'));
    f.flag("dot", text.contains('.'));
    for w in words.iter().filter(|w| w.chars().all(char::is_lowercase)) {
        f.add("inner", w);
    }
}

/// The words around the name.
fn context(f: &mut Sink, ctx: &Context, rule: &str) {
    f.add_lower("prev", ctx.prev.unwrap_or(NONE), None);
    f.add_lower("prev2", ctx.prev2.unwrap_or(NONE), None);
    f.add_lower("next", ctx.next.unwrap_or(NONE), None);
    f.add_lower("next2", ctx.next2.unwrap_or(NONE), None);
    f.add_lower_pair("prev+next", ctx.prev, ctx.next);
    if let Some(p) = ctx.prev {
        f.flag("prev-title", GAZETTEER.is_title(p));
        f.flag("prev-cap", p.chars().next().is_some_and(char::is_uppercase));
    }
    f.flag("next-cue", ctx.next.is_some_and(is_cue));
    f.flag("starts-sentence", ctx.starts_sentence);
    f.add_cat(
        "starts-sentence+rule",
        &[bool_str(ctx.starts_sentence), rule],
    );
    f.flag("possessive", ctx.possessive);
    f.flag("bracketed", ctx.bracketed);
}

/// What the rest of the document says of the name, and of its last word.
fn document(f: &mut Sink, evidence: &Evidence, bare: &str, words: &[&str], rule: &str) {
    let seen = evidence.seen(bare);
    f.add("doc-count", bucket(seen.count, &[2, 3, 5]));
    f.flag("doc-titled", seen.titled);
    f.flag("doc-said", seen.said);
    f.flag("doc-placed", seen.placed);
    f.flag("doc-surname", seen.surname);
    f.add_cat("doc-surname+rule", &[bool_str(seen.surname), rule]);
    f.flag("doc-acronym", seen.acronym);
    f.flag("doc-possessive", seen.possessive);
    if words.len() >= 2
        && let Some(last) = words.last()
    {
        let s = evidence.seen(last);
        f.flag("doc-last-titled", s.titled);
        f.flag("doc-last-said", s.said);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash `Sink::add` gives one feature.
    fn feature(tag: &str, value: &str) -> u32 {
        let mut out = Vec::new();
        Sink {
            out: &mut out,
            scratch: String::new(),
        }
        .add(tag, value);
        out[0]
    }

    /// The candidate at the words `name` of `text`, with the document's evidence over every
    /// candidate the rules find.
    fn features_of(text: &str, name: &str, ty: Option<EntityKind>) -> Vec<u32> {
        let doc = Document::new(text);
        let ms = crate::entities::mentions::candidates(&doc);
        let evidence = Evidence::of(&doc, &ms);
        let start = text.find(name).expect("the name is in the text");
        let m = Mention {
            span: Span::new(start, start + name.len()),
            ty,
            sure: false,
            rank: 0,
        };
        let mut out = Vec::new();
        features(&doc, &m, &evidence, &mut out);
        out
    }

    #[test]
    fn features_are_hashed_into_the_buckets_the_same_every_time() {
        let a = features_of("Jane Smith said the plan failed.", "Jane Smith", None);
        let b = features_of("Jane Smith said the plan failed.", "Jane Smith", None);
        assert_eq!(a, b);
        assert!(a.iter().all(|&f| (f as usize) < BUCKETS));
        assert!(a.contains(&feature("bias", "")));
        assert!(a.contains(&feature("rule", "open")));
    }

    #[test]
    fn the_rules_type_is_evidence_not_a_verdict() {
        let open = features_of("Jane Smith said so.", "Jane Smith", None);
        let person = features_of(
            "Jane Smith said so.",
            "Jane Smith",
            Some(EntityKind::Person),
        );
        assert!(person.contains(&feature("rule", "PERSON")));
        assert!(!open.contains(&feature("rule", "PERSON")));
    }

    #[test]
    fn the_document_tells_a_surname_written_with_an_honorific_elsewhere() {
        let doc = Document::new("Mr. Okafor spoke first. Later Okafor said no.");
        let ms = crate::entities::mentions::candidates(&doc);
        let evidence = Evidence::of(&doc, &ms);
        assert!(evidence.person_like("Okafor"));
        assert!(!evidence.person_like("Later"));
    }
}
