//! From the words naming a speaker to the speaker: a name is its entity ("Mr. Kortunov" → Andrey
//! Kortunov); a title ("the senator") is the person the text gives that title; a description the
//! text writes beside a name ("the chief inspector of schools, Grace Nolan") is that person, with the
//! description kept as the role; one of a people ("the New Zealander") and a pronoun are the speaker
//! of the quotation before, the subject of a sentence since, or the last person named, skipping
//! people of the other gender; a description that brings in someone new ("a spokesman") stays as
//! written.

use super::Speaker;
use super::attribute::Found;
use super::cues::{cue_follows, is_person_word};
use crate::entities::gender::{self, NameEvidence};
use crate::entities::{Entity, without_honorific};
use crate::kinds::{EntityKind, Gender};
use crate::lexicon;
use crate::lexicon::gazetteer::GAZETTEER;
use crate::text::{Document, Span};

/// Person mentions looked back through to resolve "he" or "she".
const PRONOUN_LOOKBACK: usize = 30;

/// How many sentences back a pronoun looks for a sentence's subject.
const SUBJECT_LOOKBACK: usize = 4;

/// A mention and the index of its entity.
pub type Mentioned = (Span, usize);

/// A family of titles however it is written: "Sen.", "Senator" and "senator" are one
/// (`data/lang/title-families.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleFamily(&'static str);

impl TitleFamily {
    /// The family of a title word, if it is one.
    pub fn of(word: &str) -> Option<TitleFamily> {
        lexicon::TITLE_FAMILIES
            .get(&word.trim_end_matches('.').to_lowercase())
            .map(TitleFamily)
    }
}

/// What names a speaker: people's mentions outside quotations and every entity's mentions, in text
/// order, and the titles the text gives each entity.
pub struct People<'e> {
    entities: &'e [Entity],
    persons: Vec<Mentioned>,
    mentions: Vec<Mentioned>,
    /// The titles of each entity, read when a bare title first asks ("the senator").
    titles: std::cell::OnceCell<Vec<Vec<TitleFamily>>>,
    /// Each entity's gender by honorific or given name, worked out when a pronoun first asks for
    /// it (of every person it passes), once.
    genders: Vec<std::cell::OnceCell<Option<Gender>>>,
}

impl<'e> People<'e> {
    /// The people of `entities`; mentions inside a quotation (`cuts`) are spoken of, not speaking,
    /// so no pronoun or title means them.
    pub fn new(entities: &'e [Entity], cuts: &[Span]) -> People<'e> {
        let persons: Vec<Mentioned> = mentions_of(entities, |e| e.ty == EntityKind::Person)
            .into_iter()
            .filter(|(m, _)| {
                let i = cuts.partition_point(|c| c.end <= m.start);
                cuts.get(i).is_none_or(|c| m.end <= c.start)
            })
            .collect();
        People {
            entities,
            persons,
            mentions: mentions_of(entities, |_| true),
            titles: std::cell::OnceCell::new(),
            genders: vec![std::cell::OnceCell::new(); entities.len()],
        }
    }

    /// Entity `i`'s gender by honorific or given name.
    fn gender(&self, doc: &Document, i: usize) -> Option<Gender> {
        let (e, cell) = (self.entities.get(i)?, self.genders.get(i)?);
        *cell.get_or_init(|| gender::by_names(doc, e, NameEvidence::Any))
    }

    /// The titles the text gives each entity.
    fn titles(&self, doc: &Document) -> &[Vec<TitleFamily>] {
        self.titles.get_or_init(|| titles_given(doc, self.entities))
    }

    /// The people mentioned outside quotations, in text order.
    pub fn persons(&self) -> &[Mentioned] {
        &self.persons
    }

    /// Entity `i` as the speaker, named by the words `f` found.
    fn entity(&self, i: usize, f: &Found) -> Speaker {
        Speaker {
            name: self.entities[i].name.clone(),
            entity: Some(i),
            mention: f.speaker,
            role: f.role,
        }
    }

    /// The entity of the mention overlapping `span`, if any (mentions do not overlap: the one
    /// starting last before the span's end is the only candidate).
    fn entity_at(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|(m, _)| m.start < span.end);
        i.checked_sub(1)
            .map(|i| self.mentions[i])
            .filter(|(m, _)| span.start < m.end)
            .map(|(_, e)| e)
    }
}

/// Every mention of the entities `keep` accepts, with its entity, in text order.
fn mentions_of(entities: &[Entity], keep: impl Fn(&Entity) -> bool) -> Vec<Mentioned> {
    let mut v: Vec<Mentioned> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| keep(e))
        .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
        .collect();
    v.sort_by_key(|(m, _)| m.start);
    v
}

/// For each entity, the titles written right before its mentions ("Florida Sen. Marco Rubio",
/// "former President Bill Clinton", "spokesman Josh Schwerin").
fn titles_given(doc: &Document, entities: &[Entity]) -> Vec<Vec<TitleFamily>> {
    entities
        .iter()
        .map(|e| {
            let mut found: Vec<TitleFamily> = Vec::new();
            if e.ty != EntityKind::Person {
                return found;
            }
            for m in &e.mentions {
                let mut from = m.start.saturating_sub(40);
                while !doc.text.is_char_boundary(from) {
                    from -= 1;
                }
                let lead = &doc.text[from..m.start];
                let mut words = lead.split([' ', '\u{a0}']).rev().filter(|w| !w.is_empty());
                for _ in 0..3 {
                    let Some(w) = words.next() else { break };
                    if let Some(f) = TitleFamily::of(w) {
                        // "Vice President Joe Biden" is no president
                        let deputy = words
                            .clone()
                            .next()
                            .and_then(|v| lexicon::TITLE_DEPUTIES.get(&v.to_ascii_lowercase()));
                        if deputy.is_some_and(|d| TitleFamily(d) == f) {
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

/// Whether a speaker's words are only a date's: days and months in full, and numbers ("February
/// 2005", "Tuesday"); a month alone that is also a given name ("May", "June") may be a surname.
fn is_date(text: &str) -> bool {
    let words: Vec<String> = text
        .split([' ', '\u{a0}'])
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &String| w.chars().all(|c| c.is_ascii_digit());
    let dated = words
        .iter()
        .all(|w| lexicon::DAYS.contains(w) || lexicon::MONTHS.contains(w) || number(w));
    let a_name = words.len() == 1 && GAZETTEER.given_name(&words[0]) > 0;
    !words.is_empty() && dated && !a_name
}

/// Names the speaker of an attribution found before byte `at` (the quotation's start); `previous`
/// is the quotation before it, if any.
pub fn resolve(
    doc: &Document,
    people: &People,
    f: &Found,
    at: usize,
    previous: Option<&super::Quote>,
) -> Option<Speaker> {
    let text = doc.slice(f.speaker);
    // "The chief inspector" opening a sentence is no name
    let determined = text
        .split([' ', '\u{a0}'])
        .next()
        .is_some_and(|w| lexicon::SPEAKER_DETERMINERS.contains_lower(w));
    if text.chars().next().is_some_and(char::is_uppercase) && !f.pronoun && !determined {
        let speaker = by_name(doc, people, f);
        // "An extract from February 2005 reads": a date is nobody, unless it is the name of someone
        // the text names ("May said")
        if speaker.entity.is_none() && is_date(text) {
            return None;
        }
        let demonym = one_of_a_people(doc, people, f, &speaker);
        if !demonym {
            return Some(speaker);
        }
        let recent = previous.filter(|p| p.paragraph + 2 >= doc.paragraph_at(at));
        let recent = recent.and_then(|p| p.speaker.as_ref());
        return referent(doc, people, f, recent, f.speaker.start.min(at)).or(Some(speaker));
    }
    let head = text.rsplit([' ', '\u{a0}']).next().unwrap_or(text);
    let first = text
        .split([' ', '\u{a0}'])
        .next()
        .unwrap_or(text)
        .to_lowercase();
    let new_one = lexicon::NEW_REFERENT_DETERMINERS.contains(&first);
    // "the chief inspector", where the text describes someone so beside their name
    if !f.pronoun
        && first == "the"
        && let Some(i) = described(doc, people, text, f.speaker)
    {
        return Some(Speaker {
            role: f.role.or(Some(f.speaker)),
            ..people.entity(i, f)
        });
    }
    // a phrase that is not a person's title ("the report", "the ministry") is its own speaker, and
    // so is one that brings in someone new ("a spokesman", "one aide"); so is a bare title opening
    // its sentence ("The senator said"): resolving it as the lower-case one is costs more on the
    // development sets, whose gold keeps such titles as written, than it gains
    let capital = text.starts_with(char::is_uppercase);
    if !f.pronoun && (new_one || capital || !GAZETTEER.is_title(head)) {
        return Some(own(text, f));
    }
    // "they said": several people, never one named before
    if f.pronoun && lexicon::PLURAL_PRONOUNS.contains_lower(text) {
        return Some(own(text, f));
    }
    // the speaker of a quotation in this paragraph or the two before; further back, the last
    // person named is the better guess
    let paragraph = doc.paragraph_at(at);
    let recent = previous
        .filter(|p| p.paragraph + 2 >= paragraph)
        .and_then(|p| p.speaker.as_ref());
    let before = f.speaker.start.min(at);
    // "the former president": the text may give no one that past title; the current holder it
    // never means
    let past = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| lexicon::PAST_MODIFIERS.contains_lower(w));
    if !f.pronoun && past {
        return Some(own(text, f));
    }
    if !f.pronoun
        && let Some(family) = TitleFamily::of(head)
        && let Some(i) = titled(people.titles(doc), people, family, recent, before)
    {
        return Some(people.entity(i, f));
    }
    referent(doc, people, f, recent, before)
}

/// "the New Zealander": one of a people (the speaker's entity a people's name, after "the"), said
/// of the person spoken of before as a pronoun is; not "the Republican nominee" or "the French
/// minister", where the people's word qualifies a noun of a person after it.
fn one_of_a_people(doc: &Document, people: &People, f: &Found, speaker: &Speaker) -> bool {
    let people_named = speaker
        .entity
        .is_some_and(|i| people.entities[i].ty == EntityKind::Norp);
    let after_the = doc.text[..f.speaker.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let qualifies = doc.text[f.speaker.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            let w = w.to_lowercase();
            is_person_word(&w)
        });
    people_named && after_the && !qualifies
}

/// A speaker named: the entity of the name's last word ("Gov. Kasich" is Kasich; of "Sen. Jane Doe
/// of Ohio" the person's, not the place's), else the name as written.
fn by_name(doc: &Document, people: &People, f: &Found) -> Speaker {
    let text = doc.slice(f.speaker);
    let name = person_of_place(text).map_or(f.speaker, |n| {
        Span::new(f.speaker.start, f.speaker.start + n.len())
    });
    let text_of_name = doc.slice(name);
    let last_word = text_of_name
        .rfind([' ', '\u{a0}'])
        .map_or(name, |i| Span::new(name.start + i + 1, name.end));
    match people.entity_at(last_word) {
        Some(i) => people.entity(i, f),
        None => own(without_honorific(text_of_name), f),
    }
}

/// The name before " of " or " from " and a place ("Jane Doe" of "Sen. Jane Doe of Ohio", "Tom
/// Roe from Leeds"): two capitalised words at least, then the joining word, then capitalised words
/// only.
fn person_of_place(text: &str) -> Option<&str> {
    let at = [" of ", " from "]
        .iter()
        .filter_map(|j| text.find(j).map(|i| (i, j.len())))
        .min()?;
    let (name, place) = (&text[..at.0], &text[at.0 + at.1..]);
    let capitalised = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        !words.is_empty() && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    // "Former Secretary of State Madeleine Albright" is a title's "of", not a place's
    let titled_end = name
        .split_whitespace()
        .next_back()
        .is_some_and(|w| GAZETTEER.is_title(w));
    (name.split_whitespace().count() >= 2 && capitalised(name) && capitalised(place) && !titled_end)
        .then_some(name)
}

/// Words that may stand between a name and its description after it ("Jane Doe, who is also its
/// head teacher"), at most this many.
const DESCRIBED_GAP: usize = 4;

/// The person a definite description (`text`: "the chief inspector", "the P7 teacher") stands for:
/// the nearest person named before `before` (and not in `speaker`, the description's own words)
/// whom the text describes in those words right beside their name: before it ("the chief inspector
/// of schools, Noelle Buick", "retired neurosurgeon Ben Carson") or after it, past a copula, a
/// relative or a determiner ("Helen Hamilton, is also its P7 teacher").
fn described(doc: &Document, people: &People, text: &str, speaker: Span) -> Option<usize> {
    let wanted: Vec<String> = text
        .split([' ', '\u{a0}'])
        .skip(1)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // a person's title or noun heads it ("the report" describes no one), and another word makes it
    // a description rather than a bare title ("the president" is the title rules')
    let head = wanted.last()?;
    if wanted.len() < 2 {
        return None;
    }
    if !is_person_word(head) {
        return None;
    }
    let word = |i: usize| doc.slice(doc.words[i]).to_lowercase();
    let is_run = |from: usize| {
        from + wanted.len() <= doc.words.len()
            && doc.words[from].end <= speaker.start
            && wanted.iter().enumerate().all(|(k, w)| word(from + k) == *w)
    };
    let persons = &people.persons;
    let upto = persons.partition_point(|(m, _)| m.end <= speaker.start);
    persons[..upto]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK)
        .find(|&&(m, _)| {
            let first = doc.words.partition_point(|w| w.start < m.start);
            let after = doc.words.partition_point(|w| w.start < m.end);
            let sentence = doc.sentence_words(doc.sentence_of_word(first.min(doc.words.len() - 1)));
            // before: right before the name, or before "of …" and the name
            let before = (0..=2).any(|gap| {
                first >= wanted.len() + gap
                    && first - wanted.len() - gap >= sentence.start
                    && is_run(first - wanted.len() - gap)
                    && (gap == 0 || word(first - gap) == "of")
            });
            // after: past a few linking words
            let linking = |w: &str| {
                lexicon::COPULAS.contains(w)
                    || lexicon::ROLE_DETERMINERS.contains(w)
                    || lexicon::RELATIVE_WORDS.contains(w)
                    || matches!(w, "its" | "also" | "now" | "as")
            };
            let after_it = (0..=DESCRIBED_GAP).any(|gap| {
                let from = after + gap;
                from + wanted.len() <= sentence.end
                    && (after..from).all(|k| linking(&word(k)))
                    && is_run(from)
            });
            before || after_it
        })
        .map(|&(_, i)| i)
}

/// A speaker named by the words themselves, not an entity.
fn own(name: &str, f: &Found) -> Speaker {
    Speaker {
        name: name.to_string(),
        entity: None,
        mention: f.speaker,
        role: f.role,
    }
}

/// "The Florida senator", "the former president": the speaker of the quotation before, when the
/// text gives them that title, else the nearest person named before `before` who has it.
fn titled(
    titles: &[Vec<TitleFamily>],
    people: &People,
    family: TitleFamily,
    recent: Option<&Speaker>,
    before: usize,
) -> Option<usize> {
    let has = |i: usize| titles[i].contains(&family);
    let upto = people.persons.partition_point(|(m, _)| m.end <= before);
    recent
        .and_then(|s| s.entity)
        .filter(|&i| has(i))
        .or_else(|| {
            people.persons[..upto]
                .iter()
                .rev()
                .take(PRONOUN_LOOKBACK)
                .find(|&&(_, i)| has(i))
                .map(|&(_, i)| i)
        })
}

/// Whom a pronoun or a bare title means: a person who is the subject of a sentence since the
/// quotation before ("Leahy … expressed frustration. “…,” he said"), else that quotation's speaker,
/// else the nearest person named, looking back a bounded way for one of the right gender.
fn referent(
    doc: &Document,
    people: &People,
    f: &Found,
    recent: Option<&Speaker>,
    before: usize,
) -> Option<Speaker> {
    let text = doc.slice(f.speaker);
    // "he" and "she" skip people of the other gender (by honorific or given name)
    let wanted = lexicon::PRONOUN_GENDERS
        .get(&text.to_lowercase())
        .and_then(lexicon::gender);
    let fits = |i: usize| wanted.is_none_or(|w| people.gender(doc, i).is_none_or(|g| g == w));
    let upto = people.persons.partition_point(|(m, _)| m.end <= before);
    let last_person = people.persons[..upto]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK)
        .find(|&&(_, i)| fits(i))
        .map(|&(_, i)| i);
    // "he" goes on from "a spokesman", never from "they" or "the report"
    let inherited = recent
        .filter(|s| match s.entity {
            Some(i) => fits(i),
            None => wanted.is_none() || names_one_person(&s.name),
        })
        .cloned();
    let inherited = match (
        inherited,
        nearest_subject(doc, people.persons(), before, &fits),
    ) {
        (Some(s), Some((at, _))) if s.mention.start >= at.start => Some(s),
        (_, Some((_, i))) => return Some(people.entity(i, f)),
        (inherited, _) => inherited,
    };
    Some(match (inherited, last_person) {
        (Some(s), _) => Speaker {
            mention: f.speaker,
            role: f.role.or(s.role),
            ..s
        },
        (None, Some(i)) => people.entity(i, f),
        // a pronoun nobody named before stands for no one the report can name
        (None, None) if f.pronoun => return None,
        (None, None) => own(text, f),
    })
}

/// Whether a speaker named by its own words is one person: a name the entities missed ("Burman"),
/// or a phrase whose last word is a title or a noun of a person ("a spokesman"), not a plural or a
/// thing ("they", "the report").
fn names_one_person(name: &str) -> bool {
    let mut words = name.split([' ', '\u{a0}']);
    let first = words.next().unwrap_or(name);
    let head = words.next_back().unwrap_or(first).to_lowercase();
    let determined = lexicon::SPEAKER_DETERMINERS.contains_lower(first);
    (first.starts_with(char::is_uppercase) && !determined) || is_person_word(&head)
}

/// People of one sentence looked at for its subject.
const SUBJECT_MAX_PERSONS: usize = 32;

/// The nearest person before `before` who opens a sentence as its subject (among its first words),
/// looking back a few sentences: where they are mentioned, and which entity.
pub fn nearest_subject(
    doc: &Document,
    persons: &[Mentioned],
    before: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<Mentioned> {
    let last = doc.sentences_started_before(before);
    let first = last.saturating_sub(SUBJECT_LOOKBACK + 1);
    doc.sentences[first..last]
        .iter()
        .rev()
        .find_map(|&sentence| subject_of(doc, persons, sentence, before, fits))
}

/// The person opening the writer's sentence that follows byte `at` in its paragraph ("“…”
/// Robert Otiato has been training his players …"), if one does.
pub fn next_subject(doc: &Document, persons: &[Mentioned], at: usize) -> Option<Mentioned> {
    let paragraph = doc.paragraphs.get(doc.paragraph_at(at))?.span;
    let k = doc.sentences_started_before(at + 1).checked_sub(1)?;
    let holding = *doc.sentences.get(k)?;
    // the sentence holding the closing mark, from the mark on, unless nothing of it follows
    let sentence = if doc.text[at.min(holding.end)..holding.end].trim().len() > 1 {
        Span::new(at.max(holding.start), holding.end)
    } else {
        *doc.sentences.get(k + 1)?
    };
    (sentence.end <= paragraph.end).then_some(())?;
    subject_of(doc, persons, sentence, sentence.end, &|_| true)
}

/// The person subject of `sentence` (up to `before`): the one opening it, or the latest person
/// right before a cue ("The good news, Woolson said, is …"), or the first right after an opening
/// phrase ("Filling in for Sanders at the event, West landed …", "Asked about fraud, Michael
/// Briggs, Sanders's spokesman, suggested …"), whoever the phrase named.
fn subject_of(
    doc: &Document,
    persons: &[Mentioned],
    sentence: Span,
    before: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<Mentioned> {
    let from = persons.partition_point(|(m, _)| m.start < sentence.start);
    let mut found = None;
    let mut cued_found = false;
    let mut opener_found = false;
    // a written sentence names a handful of people; a "sentence" naming more is a list or a run of
    // text without stops, read no further (which keeps the work per quotation bounded)
    for &(m, i) in persons[from..]
        .iter()
        .take_while(|(m, _)| m.end <= sentence.end.min(before))
        .take(SUBJECT_MAX_PERSONS)
    {
        // among the first words, and not after a pronoun that is the subject ("He said on
        // Thursday that Trump needs …")
        let lead = &doc.text[sentence.start..m.start];
        let opening = lead.split_whitespace().nth(6).is_none()
            && !lead
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| lexicon::SUBJECT_PRONOUNS.contains(w));
        // a pronoun inside the opening phrase is no subject ("Asked whether he was concerned that
        // …, Ban demurred"); one opening the sentence is
        let pronoun_first = lead.split_whitespace().next().is_some_and(|w| {
            lexicon::SUBJECT_PRONOUNS.contains(w) && w.starts_with(char::is_uppercase)
        });
        // (the first such only: "Michael Briggs, Sanders's spokesman," is one subject)
        let after_opener =
            !pronoun_first && lead.trim_end().ends_with(',') && !cued_found && !opener_found;
        let cued = cue_follows(&doc.text[m.end..sentence.end]);
        if fits(i) && (opening && found.is_none() || cued || after_opener) {
            found = Some((m, i));
            cued_found |= cued;
            opener_found |= after_opener;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::person_of_place;
    use crate::quotes::find;
    use crate::text::Document;

    #[test]
    fn a_person_of_a_place_is_named_by_the_persons_words() {
        assert_eq!(
            person_of_place("Sen. Jane Doe of Ohio"),
            Some("Sen. Jane Doe")
        );
        assert_eq!(
            person_of_place("Tom Roe from North Dakota"),
            Some("Tom Roe")
        );
        assert_eq!(person_of_place("Bank of America"), None);
        assert_eq!(person_of_place("Secretary of State John Kerry"), None);
        assert_eq!(person_of_place("Former Secretary of State Jane Roe"), None);
        assert_eq!(person_of_place("Jane Doe of the council"), None);
    }

    /// The speaker's name of each quotation of `text`.
    fn speakers(text: &str) -> Vec<Option<String>> {
        let doc = Document::new(text);
        let entities = crate::entities::recognise(&doc, &[]);
        find(&doc, &entities)
            .into_iter()
            .map(|q| q.speaker.map(|s| s.name))
            .collect()
    }

    #[test]
    fn a_title_and_surname_are_the_person_named_in_full_before() {
        let s = speakers(
            "Ohio Gov. John Kasich spoke on Monday.\n\n\
             “We will balance the budget this year,” said Gov. Kasich.",
        );
        assert_eq!(s, [Some("John Kasich".to_string())]);
    }

    #[test]
    fn a_pronoun_passes_over_people_of_the_other_gender() {
        let s = speakers(
            "Mary Jones met Tom Smith at the council on Monday.\n\n\
             “We did not agree on anything at all,” he said.",
        );
        assert_eq!(s, [Some("Tom Smith".to_string())]);
    }

    #[test]
    fn plural_pronouns_and_new_people_stay_as_written() {
        let s = speakers(
            "The council met on Monday.\n\n“We will not vote on the plan this year,” they said.\n\n\
             “The vote will come next spring at the earliest,” a spokesman said.",
        );
        assert_eq!(
            s,
            [Some("they".to_string()), Some("a spokesman".to_string())]
        );
    }

    #[test]
    fn a_bare_title_is_the_person_given_it() {
        let s = speakers(
            "Senator Jane Doe visited the plant on Monday.\n\n\
             “The jobs will stay here for good,” the senator said.",
        );
        assert_eq!(s, [Some("Jane Doe".to_string())]);
    }

    #[test]
    fn a_pronoun_with_no_one_named_before_names_no_one() {
        let s = speakers("“We did not agree on anything at all today,” she said.");
        assert_eq!(s, [None]);
    }

    #[test]
    fn he_goes_on_from_a_person_never_from_they_or_a_thing() {
        let s = speakers(
            "The players posted a message on Sunday.\n\n\
             “We cannot remain silent about what happened,” they said. In a separate message, \
             coach Tom Brennan “welcomed” the initiative. “My staff and I are with them,” he said.\n\n\
             Martin Hale reiterates the firm's plan to build a machine called Atlas “to process vast \
             amounts of data at once.” He also says the first one is “about a year away from us.”",
        );
        assert_eq!(
            s,
            [
                Some("they".to_string()),
                Some("Tom Brennan".to_string()),
                Some("Martin Hale".to_string()),
                Some("Martin Hale".to_string()),
            ]
        );
    }
}
