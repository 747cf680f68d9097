//! The evidence a candidate name is judged on, as hashed features: its words and their shape, the
//! words around it and the words that govern it ("said", "in", "Inc.", "CEO of"), what every list
//! says of it (as evidence, not verdicts: the list's type, its source, whether the name is also a
//! common word), what the rules made of it, and what the rest of the document says of the same name
//! (written elsewhere with an honorific, as the subject of "said", after "in").

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::super::gazetteer::{GAZETTEER, key};
use super::super::mentions::Mention;
use crate::lang;
use crate::report::EntityKind;
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
            let titled = starts_with_honorific(text)
                || ctx.prev.is_some_and(|w| GAZETTEER.is_title(w));
            let said = ctx.next.is_some_and(is_cue);
            let placed = ctx
                .prev
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "in" | "at" | "from" | "to"));
            let possessive = ctx.possessive;
            let words: Vec<&str> = without_honorific(text).split_whitespace().collect();
            let k = key(&words.join(" "));
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
    fn of(doc: &Document<'a>, span: Span) -> Context<'a> {
        let words = &doc.words;
        let first = words.partition_point(|w| w.end <= span.start);
        let after = words.partition_point(|w| w.start < span.end);
        let word = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| doc.slice(*w));
        let sentence_start = doc
            .sentences
            .get(doc.sentences_started_before(span.start + 1).saturating_sub(1))
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
        .is_some_and(|w| lang::HONORIFICS.contains(w))
}

fn without_honorific(text: &str) -> &str {
    super::super::without_honorific(text)
}

/// A verb of saying, written as the word after a name ("said", "says", "told").
fn is_cue(word: &str) -> bool {
    let lower = word.to_lowercase();
    lang::INVERTING_CUES.contains(&lower) || matches!(lower.as_str(), "told" | "tells" | "asked")
}

/// Collects hashed features.
struct Sink<'o> {
    out: &'o mut Vec<u32>,
}

impl Sink<'_> {
    fn add(&mut self, tag: &str, value: &str) {
        let mut h = FxHasher::default();
        h.write(tag.as_bytes());
        h.write_u8(0xff);
        h.write(value.as_bytes());
        self.out.push((h.finish() as usize & (BUCKETS - 1)) as u32);
    }

    fn flag(&mut self, tag: &str, on: bool) {
        if on {
            self.add(tag, "");
        }
    }
}

/// The shape of a word: capitals as X, lower case as x, digits as d, runs collapsed ("Xx", "XX.X",
/// "d").
fn shape(w: &str) -> String {
    let mut out = String::new();
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
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

fn bucket(n: u32, edges: &[u32]) -> String {
    let i = edges.iter().position(|&e| n < e).unwrap_or(edges.len());
    i.to_string()
}

/// The features of candidate `m` of `doc`, given the document's `evidence`, added to `out`.
pub fn features(doc: &Document, m: &Mention, evidence: &Evidence, out: &mut Vec<u32>) {
    let mut f = Sink { out };
    let text = doc.slice(m.span);
    let bare = without_honorific(text);
    let words: Vec<&str> = bare.split_whitespace().collect();
    f.add("bias", "");
    let rule = m.ty.map_or("open", EntityKind::as_str);
    f.add("rule", rule);
    f.add("rule+sure", &format!("{rule}{}", m.sure));
    f.add("rank", &m.rank.to_string());
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
            f.add("list+caution", &format!("{}{}", k.ty.as_str(), k.caution));
            f.add("list+rank", &format!("{}{}", k.ty.as_str(), k.rank));
        }
        None => f.add("list", "none"),
    }
    f.flag("honorific", starts_with_honorific(text));
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let given = g.given_name(first);
    f.add("given", &bucket(given, &[1, 200, 1000, 10000]));
    if let Some(gender) = g.given_gender(first).filter(|_| given >= 200) {
        f.add("given-gender", gender.as_str());
    }
    for (tag, w) in [("first", first), ("last", last)] {
        let lower = w.to_lowercase();
        let tier = g.common_tier(&lower).map_or(99, u32::from);
        f.add(&format!("{tag}-common"), &bucket(tier, &[10, 20, 35, 50, 99]));
        if let Some(k) = g.lookup(w) {
            f.add(&format!("{tag}-list"), k.ty.as_str());
        }
    }
    f.flag("last-org-head", g.is_org_head(last));
    f.flag("last-org-suffix", g.is_org_suffix(last));
    if let Some(ty) = g.place_head(last) {
        f.add("last-place-head", ty.as_str());
    }
    f.flag("first-title", g.is_title(first));
    f.flag("calendar", lang::is_calendar_word(&first.to_lowercase()));
}

/// The words of the name and their shapes.
fn shapes(f: &mut Sink, text: &str, words: &[&str]) {
    f.add("len", &words.len().min(5).to_string());
    for w in words {
        let lower = w.to_lowercase();
        f.add("w", &lower);
        if std::env::var_os("NGRAMS").is_some() {
            let chars: Vec<char> = lower.chars().collect();
            for n in 2..=4 {
                if chars.len() > n {
                    f.add("pre", &chars[..n].iter().collect::<String>());
                    f.add("suf", &chars[chars.len() - n..].iter().collect::<String>());
                }
            }
        }
        if std::env::var_os("WLIST").is_some() {
            if let Some(k) = GAZETTEER.lookup(w) {
                f.add("w-list", k.ty.as_str());
            }
            f.add("w-shape", &shape(w));
        }
    }
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        f.add("first", &first.to_lowercase());
        f.add("last", &last.to_lowercase());
        let chars: Vec<char> = last.to_lowercase().chars().collect();
        let suffix: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        f.add("suffix", &suffix);
        f.add("first-shape", &shape(first));
        f.add("last-shape", &shape(last));
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    f.flag("all-caps", !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()));
    f.flag("digit", text.chars().any(|c| c.is_numeric()));
    f.flag("hyphen", text.contains('-'));
    f.flag("dot", text.contains('.'));
    for w in words.iter().filter(|w| w.chars().all(char::is_lowercase)) {
        f.add("inner", w);
    }
}

/// The words around the name.
fn context(f: &mut Sink, ctx: &Context, rule: &str) {
    let lower = |w: Option<&str>| w.map_or_else(|| "<none>".to_string(), str::to_lowercase);
    f.add("prev", &lower(ctx.prev));
    f.add("prev2", &lower(ctx.prev2));
    f.add("next", &lower(ctx.next));
    f.add("next2", &lower(ctx.next2));
    f.add("prev+next", &format!("{}|{}", lower(ctx.prev), lower(ctx.next)));
    if std::env::var_os("CONJ").is_some() {
        f.add("prev+rule", &format!("{}|{rule}", lower(ctx.prev)));
        f.add("next+rule", &format!("{}|{rule}", lower(ctx.next)));
        f.add("prev2+prev", &format!("{}|{}", lower(ctx.prev2), lower(ctx.prev)));
        f.add("next+next2", &format!("{}|{}", lower(ctx.next), lower(ctx.next2)));
    }
    if let Some(p) = ctx.prev {
        f.flag("prev-title", GAZETTEER.is_title(p));
        f.flag("prev-cap", p.chars().next().is_some_and(char::is_uppercase));
    }
    f.flag("next-cue", ctx.next.is_some_and(is_cue));
    f.flag("starts-sentence", ctx.starts_sentence);
    f.add("starts-sentence+rule", &format!("{}{rule}", ctx.starts_sentence));
    f.flag("possessive", ctx.possessive);
    f.flag("bracketed", ctx.bracketed);
}

/// What the rest of the document says of the name, and of its last word.
fn document(f: &mut Sink, evidence: &Evidence, bare: &str, words: &[&str], rule: &str) {
    let seen = evidence.seen(bare);
    f.add("doc-count", &bucket(seen.count, &[2, 3, 5]));
    f.flag("doc-titled", seen.titled);
    f.flag("doc-said", seen.said);
    f.flag("doc-placed", seen.placed);
    f.flag("doc-surname", seen.surname);
    f.add("doc-surname+rule", &format!("{}{rule}", seen.surname));
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
