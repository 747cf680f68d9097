//! Direct quotations and who said them.
//!
//! The stage runs in four steps, one module each:
//! 1. [`marks`] pairs the quotation marks into quotations (double or, in an article that quotes so,
//!    single marks: [`single`]; one over several paragraphs when the
//!    paragraphs say so); the title of a show or book in marks is dropped ([`frames`]);
//! 2. [`frames`] cuts the writer's text around each quotation, and says whether the quotation is a
//!    whole sentence or a fragment of the writer's;
//! 3. [`strategies`] tries, in order, the ways a text attributes a quotation (a cue in the frame, a
//!    colon, the paragraph before, a signature, ...), reading the frame's tokens with the cue lexicon
//!    ([`cues`]) and the grammar of noun phrases ([`grammar`]) through [`attribute`]; quoted words
//!    no strategy attributes are kept only when they read as speech;
//! 4. [`resolve`] names the speaker: a name is its entity's canonical name ("Mr. Kortunov" →
//!    "Andrey Kortunov"), a pronoun or a bare title the person it stands for.

mod attribute;
mod cues;
mod frames;
mod grammar;
mod marks;
mod reported;
mod resolve;
mod single;
mod strategies;
mod turns;

use crate::entities::Entity;
use crate::kinds::QuoteKind;
use crate::text::{Document, Span, Token, tokens, tokens_to_sentence_end};
use marks::{Piece, Quoted};
pub use reported::Attribution;
use resolve::People;
use strategies::{Context, STRATEGIES, Uncued};

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

/// A quotation as the strategies see it: its pieces and the writer's frame around it.
pub struct Quotation<'q> {
    pub quoted: &'q Quoted,
    pub first: &'q Piece,
    pub last: &'q Piece,
    /// The writer's text before the opening mark, in its sentence.
    pub before: Span,
    /// The writer's text after the closing mark, in its paragraph (none for a quotation left open).
    pub after: Option<Span>,
    pub kind: QuoteKind,
    /// It ends its sentence with a full stop and a capital follows: the next sentence is another.
    pub closes_sentence: bool,
    /// Its words, over all pieces.
    pub words: usize,
    /// The tokens of `before` and `after`, cut once for every strategy that reads them.
    before_tokens: std::cell::OnceCell<Vec<Token>>,
    after_tokens: std::cell::OnceCell<(Vec<Token>, bool)>,
}

impl Quotation<'_> {
    /// The tokens of the writer's text before it in its sentence.
    pub fn before_tokens(&self, text: &str) -> &[Token] {
        self.before_tokens.get_or_init(|| tokens(text, self.before))
    }

    /// The tokens of the writer's text after it in its paragraph, if it closes, up to the first
    /// sentence end (an attribution after a quotation never lies past it), and whether more follow.
    pub fn after_tokens(&self, text: &str) -> Option<(&[Token], bool)> {
        let after = self.after?;
        let (ws, more) = self
            .after_tokens
            .get_or_init(|| tokens_to_sentence_end(text, after));
        Some((ws, *more))
    }

    /// Nothing but whitespace stands before it in its paragraph.
    pub fn opens_paragraph(&self, doc: &Document) -> bool {
        doc.text[doc.paragraphs[self.first.paragraph].span.start..self.first.open.start]
            .trim()
            .is_empty()
    }
}

/// What the stage finds: the direct quotations and every attributed statement.
#[derive(Default)]
pub struct Speech {
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
}

/// The quotations of `doc`, in order, with speakers named after `entities`, and the statements it
/// attributes (the quotations among them). Quoted words inside `skip` (page furniture: a related
/// story's link, a share prompt) are not speech.
pub fn speech(doc: &Document, entities: &[Entity], skip: &[Span]) -> Speech {
    let (quotes, people) = quotes_and_people(doc, entities, skip);
    let attributions = reported::attributions(doc, &people, &quotes);
    with_turns(quotes, attributions, turns::turns(doc, entities, skip))
}

/// The quotations and statements with a transcript's turns among them, in text order: each turn a
/// quotation and a direct statement of its own.
fn with_turns(quotes: Vec<Quote>, mut attributions: Vec<Attribution>, turns: Vec<Quote>) -> Speech {
    if turns.is_empty() {
        return Speech {
            quotes,
            attributions,
        };
    }
    let mut all: Vec<(Quote, bool)> = quotes
        .into_iter()
        .map(|q| (q, false))
        .chain(turns.into_iter().map(|t| (t, true)))
        .collect();
    // stable: a turn goes after a quotation opening where it does
    all.sort_by_key(|(q, turn)| (q.span.start, *turn));
    let mut renumbered = Vec::with_capacity(all.len());
    for (i, (_, turn)) in all.iter().enumerate() {
        if !turn {
            renumbered.push(i);
        }
    }
    for a in &mut attributions {
        for qi in &mut a.quotes {
            *qi = renumbered.get(*qi).copied().unwrap_or(*qi);
        }
    }
    for (i, (q, turn)) in all.iter().enumerate() {
        if *turn {
            attributions.push(Attribution {
                span: q.span,
                kind: crate::kinds::AttributionKind::Direct,
                speaker: q.speaker.clone(),
                cue: q.cue,
                quotes: vec![i],
            });
        }
    }
    attributions.sort_by_key(|a| a.span.start);
    Speech {
        quotes: all.into_iter().map(|(q, _)| q).collect(),
        attributions,
    }
}

/// The quotations of `doc`, in order, with speakers named after `entities`.
#[cfg(test)]
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    quotes_and_people(doc, entities, &[]).0
}

fn quotes_and_people<'d>(
    doc: &'d Document<'_>,
    entities: &'d [Entity],
    skip: &[Span],
) -> (Vec<Quote>, People<'d>) {
    let mut quoted = quotations(doc);
    // `skip` holds paragraphs, in order: a binary search each
    quoted.retain(|q| !q.span().inside_any(skip));
    let cuts = frames::cuts(&quoted);
    let cx = Context {
        doc,
        entities,
        people: People::new(entities, &cuts),
        cuts,
    };
    let mut out: Vec<Quote> = Vec::new();
    for q in &quoted {
        if let Some(quote) = quote(&cx, q, out.last()) {
            out.push(quote);
        }
    }
    (out, cx.people)
}

/// The quoted stretches that can be quotations: the title of a show, book or film after a
/// possessive or a preposition ("on NBC's “Meet the Press”", "in “13th”") is none, whatever cue is
/// near, and stays in the writer's frame.
fn quotations(doc: &Document) -> Vec<Quoted> {
    let mut quoted = marks::quoted_stretches(doc);
    let cuts = frames::cuts(&quoted);
    quoted.retain(|q| {
        let Some(first) = q.pieces.first() else {
            return false;
        };
        let before = frames::before(doc, &cuts, first.open.start, first.paragraph);
        !(q.pieces.len() == 1
            && frames::kind_of(doc, first, before) == QuoteKind::Partial
            && frames::is_work_title(doc, first, before))
    });
    quoted
}

/// The quotation `q` with its speaker (`previous` is the quotation before it), or none when the
/// quoted words are not speech.
fn quote(cx: &Context, q: &Quoted, previous: Option<&Quote>) -> Option<Quote> {
    let doc = cx.doc;
    let at = quotation(doc, &cx.cuts, q)?;
    let first = at.first;
    let found = STRATEGIES
        .iter()
        .find_map(|(_, strategy)| strategy(cx, &at));
    let speaker = match &found {
        Some(f) => resolve::resolve(doc, &cx.people, f, first.open.start, previous),
        None => match strategies::uncued(cx, &at, previous) {
            Uncued::NotAQuotation => return None,
            Uncued::Speaker(s) => s,
        },
    };
    Some(Quote {
        span: q.span(),
        parts: q.pieces.iter().map(|p| p.span).collect(),
        paragraph: first.paragraph,
        kind: at.kind,
        speaker,
        cue: found.as_ref().map(|f| f.cue),
    })
}

/// The quoted stretch `q` with the writer's frames around it and what they tell (full or partial,
/// closing its sentence): what every strategy reads. `cuts` are every quoted stretch's spans.
fn quotation<'q>(doc: &Document, cuts: &[Span], q: &'q Quoted) -> Option<Quotation<'q>> {
    let (first, last) = (q.pieces.first()?, q.pieces.last()?);
    let before = frames::before(doc, cuts, first.open.start, first.paragraph);
    let after = last
        .close
        .map(|c| frames::after(doc, cuts, c.end, last.paragraph));
    // a quotation closing its sentence with a full stop, followed by a capital, has the next
    // sentence after it: its own sentence's words before it come first ("…, saying, “The fewer
    // guns, the better.” The Buckeye State is one of 45 states …")
    let closes_sentence = doc.slice(last.span).trim_end().ends_with('.')
        && after.is_some_and(|a| {
            doc.text[a.start..a.end]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
        });
    Some(Quotation {
        quoted: q,
        first,
        last,
        before,
        after,
        kind: frames::kind_of(doc, first, before),
        closes_sentence,
        words: q
            .pieces
            .iter()
            .map(|p| doc.slice(p.span).split_whitespace().count())
            .sum(),
        before_tokens: std::cell::OnceCell::new(),
        after_tokens: std::cell::OnceCell::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let doc = Document::new(text);
        let entities = crate::entities::recognise(&doc, &[]);
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
    fn uncued_quotations_past_furniture_mid_paragraph_and_before_their_speaker() {
        let q = quotes(
            "Alan Marsh spoke after the game. “We want to be moving up the table,” he said.\n\n\
             Video playback is not supported here\n\n\
             “The plan has always been to be the best I can be.”\n\n\
             Rita Okoro described the result as a turning point for the club. “Nobody expected \
             us to get this far in the cup this season.”\n\n\
             The squad trains at night, after work.\n\n\
             “Keep your belief, keep your confidence, keep going.” Victor Lamb has been \
             training his players for two hours.",
        );
        let names: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Alan Marsh"),
                Some("Alan Marsh"),
                Some("Rita Okoro"),
                Some("Victor Lamb")
            ]
        );
    }

    #[test]
    fn a_description_is_the_person_the_text_describes_so_beside_their_name() {
        let q = quotes(
            "Resilience is the key challenge, according to the chief inspector of schools, \
             Grace Nolan.\n\n\
             The chief inspector said pupils were facing “complex challenges at home and online.”\n\n\
             The school's pastoral lead, Helen Marsh, is also its P5 teacher.\n\n\
             “We value the evidence that children who feel safe learn better,” the P5 teacher added.",
        );
        let names: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(names, [Some("Grace Nolan"), Some("Helen Marsh")]);
    }

    #[test]
    fn a_day_before_a_participle_is_no_speaker_and_a_cue_between_commas_names_one() {
        let q = quotes(
            "Senator Tom Ridge issued a lengthy statement Tuesday calling the report “faulty and \
             reliant on flawed data.”\n\n\
             The paradox of Nancy Reed, says Carl Anton, a historian at the library, is that she \
             was “one of the most popular first ladies of the whole decade.”",
        );
        let names: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(names, [Some("Tom Ridge"), Some("Carl Anton")]);
    }

    #[test]
    fn an_object_is_no_speaker_and_one_of_a_people_is_the_person_spoken_of() {
        let q = quotes(
            "Anthony Marsh clarified his comments in a statement made on social media:\n\n\
             “Let me be clear about this, I am proud to take on the role.”\n\n\
             Wales coach Warren Gatland said: “You can't look past the Irish this year.” The New \
             Zealander also said that England are “an unknown quantity in a really open race.”\n\n\
             James Turk runs a fund. Goldmoney's Turk said the crash “awakened investors around the \
             globe to the fragility of banks.”",
        );
        let names: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Anthony Marsh"),
                Some("Warren Gatland"),
                Some("Warren Gatland"),
                Some("James Turk")
            ]
        );
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
        let entities = crate::entities::recognise(&doc, &[]);
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
