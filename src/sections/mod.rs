//! Section segmentation: which paragraphs are the headline, the body, a sidebar, page furniture, ...
//!
//! Text-only, from general cues (see [`cues`]), in three steps:
//! 1. the *body* is the main run of prose: the contiguous run of paragraphs with the highest total weight,
//!    where prose paragraphs weigh their length and short lines, menus and furniture phrases weigh
//!    against it (a maximum-sum subarray, linear in the number of paragraphs), above any thread of
//!    reader comments and without a closing note about the writer;
//! 2. the *header* is read backwards from the body's start: the best headline candidate within a
//!    window above it or among its first lines, a kicker just above it, and between it and the body
//!    the dek, bylines, datelines and captions;
//! 3. inside the body, furniture lines, captions and titled sidebars are carved out; everything outside
//!    the body and header is boilerplate.

mod captions;
mod credits;
mod cues;
mod glued;
mod header;
mod lead;
mod metadata;
mod page;
mod phrase_set;
mod ranker;

use credits::{byline_names, caption_credit};
use cues::{Cues, furniture_phrase};

use std::ops::Range;

use crate::kinds::SectionKind;
use crate::text::{Document, Repeats, Span};
use page::Evidence;
pub use page::{boilerplate, segment_marked};

/// A section as paragraph indices into the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SectionKind,
    /// Paragraph indices, title included for a sidebar.
    pub paragraphs: Range<usize>,
    /// A sidebar's title paragraph (the first of `paragraphs`).
    pub title: Option<usize>,
    /// A byline's names, as written ("By Maria Lopez and Daniel Okafor": both).
    pub names: Option<Vec<String>>,
    /// A caption's picture credit, when one is written.
    pub credit: Option<String>,
    /// A section covering part of one paragraph (a metadata value, a dateline opening the first
    /// paragraph): its bytes.
    pub piece: Option<Span>,
    /// A line of a metadata header: furniture, whatever its kind.
    pub metadata: bool,
}

/// Furniture lines shorter than this many words are labels and menu items ("Sign In", "Terms of
/// Use"), never copy; longer ones (a promo, another story's teaser) may be text that pages share.
const LABEL_WORDS: usize = 4;

/// Which words of the document are copy that other articles may share (`true`): everything but the
/// metadata lines of one page (bylines, datelines) and the labels and menu items of its furniture.
/// What is compared across articles.
pub fn story_words(doc: &Document, segments: &[Segment]) -> Vec<bool> {
    let mut story = vec![true; doc.words.len()];
    for s in segments {
        let metadata = s.metadata || matches!(s.kind, SectionKind::Byline | SectionKind::Dateline);
        if !metadata && s.kind != SectionKind::Boilerplate {
            continue;
        }
        for span in s.spans(doc) {
            let first = doc.words.partition_point(|w| w.start < span.start);
            let end = doc.words.partition_point(|w| w.end <= span.end);
            if (metadata || end.saturating_sub(first) < LABEL_WORDS)
                && let Some(words) = story.get_mut(first..end.max(first))
            {
                words.fill(false);
            }
        }
    }
    story
}

/// Makes every segment boilerplate (a text that is page markup, not an article).
pub fn all_boilerplate(segments: &mut [Segment]) {
    for s in segments {
        s.kind = SectionKind::Boilerplate;
        s.title = None;
        s.names = None;
        s.credit = None;
    }
}

impl Segment {
    /// A segment of paragraphs `paragraphs`, of `kind`.
    fn new(kind: SectionKind, paragraphs: Range<usize>) -> Segment {
        Segment {
            kind,
            paragraphs,
            title: None,
            names: None,
            credit: None,
            piece: None,
            metadata: false,
        }
    }

    /// A segment over part of paragraph `p`.
    fn piece(kind: SectionKind, p: usize, span: Span) -> Segment {
        Segment {
            piece: Some(span),
            ..Segment::new(kind, p..p + 1)
        }
    }

    /// The spans of its paragraphs, or its piece.
    pub fn spans<'d>(&'d self, doc: &'d Document) -> impl Iterator<Item = Span> + 'd {
        let whole = doc.paragraphs[self.paragraphs.clone()]
            .iter()
            .map(|p| p.span)
            .filter(move |_| self.piece.is_none());
        self.piece.into_iter().chain(whole)
    }

    /// From its first paragraph's start to its last paragraph's end (empty for no paragraphs), or
    /// its piece.
    pub fn span(&self, doc: &Document) -> Span {
        if let Some(piece) = self.piece {
            return piece;
        }
        let paras = &doc.paragraphs[self.paragraphs.clone()];
        match (paras.first(), paras.last()) {
            (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
            _ => Span::new(0, 0),
        }
    }
}

/// The paragraphs of boilerplate segments that are page furniture by their words ("Previous
/// ArticleNext Article", share prompts), and the lines of a metadata header but its title, in text
/// order: text that names no entity and attributes no quotation.
pub fn furniture(doc: &Document, segments: &[Segment]) -> Vec<Span> {
    segments
        .iter()
        .filter(|s| s.kind == SectionKind::Boilerplate || s.metadata)
        .flat_map(|s| {
            s.spans(doc)
                .filter(|&p| s.metadata || furniture_phrase(doc.slice(p)))
        })
        .collect()
}

/// The headline candidates of `doc` with their cues, for fitting the ranker's weights.
#[cfg(feature = "train")]
pub fn headline_candidates(doc: &Document) -> Vec<(Span, ranker::Features)> {
    let repeats = Repeats::of(doc);
    let cues = cues::analyse(doc, &repeats);
    let body = body_run(doc, &cues);
    header::candidates(doc, &cues, &repeats, &body)
        .into_iter()
        .map(|(i, f)| (doc.paragraphs[i].span, f))
        .collect()
}

/// Fitting the headline ranker: its cues' names, and its weights file.
#[cfg(feature = "train")]
pub mod headline_model {
    pub use super::ranker::{FEATURES, Features, NAMES, dot, format, parse};
}

/// Splits the document into sections covering every paragraph, in order.
pub fn segment(doc: &Document) -> Vec<Segment> {
    segment_with(doc, None)
}

/// The sections of a text, with its page's evidence when it was rendered from one.
fn segment_with(doc: &Document, evidence: Option<&Evidence>) -> Vec<Segment> {
    let n = doc.paragraphs.len();
    if n == 0 {
        return Vec::new();
    }
    let repeats = Repeats::of(doc);
    let cues = evidence.map_or_else(|| cues::analyse(doc, &repeats), |e| e.cues(doc, &repeats));
    let mut kinds = vec![SectionKind::Boilerplate; n];
    let mut titles = vec![false; n];

    let first = body_run(doc, &cues);
    let marked = evidence.and_then(|e| e.headline(first.start));
    let body = page::body_below(doc, &cues, first, marked);
    let headline = marked.or_else(|| header::find_headline(doc, &cues, &repeats, &body));
    let body_start = match headline {
        Some(h) if h >= body.start => h + 1,
        _ => body.start,
    };
    for i in body_start..body.end {
        kinds[i] = body_kind(&cues[i]);
        // a byline among the body's first lines ("By Jane Doe" under a caption or a dateline)
        if i < body_start + BYLINE_REACH && byline_line(doc.slice(doc.paragraphs[i].span), &cues[i])
        {
            kinds[i] = SectionKind::Byline;
        }
    }
    if let Some(h) = headline {
        mark_header(doc, &cues, &mut kinds, h, body.start..body_start);
    }
    captions::mark(&cues, &repeats, &mut kinds, body_start..body.end);
    if let Some(e) = evidence {
        e.mark_sections(&mut kinds, body_start..body.end, headline);
    }
    if headline.is_none() {
        keep_stranded_lede(&cues, &mut kinds, body.start);
    }
    mark_sidebars(&cues, &mut kinds, &mut titles, body_start..body.end);
    // a credit line closing the story ("— with files from Jane Doe", "-Jane Doe") is a byline
    let closing = body.end.saturating_sub(CLOSING_REACH)..(body.end + CLOSING_REACH).min(n);
    for i in closing.filter(|&i| i >= body_start) {
        if credits::closing_credit(doc.slice(doc.paragraphs[i].span)) {
            kinds[i] = SectionKind::Byline;
        }
    }
    // no run of prose and no headline (a text of short lines): its sentence-length lines are the body
    if headline.is_none() && body.is_empty() {
        for (i, c) in cues.iter().enumerate() {
            if !c.boilerplate_phrase && (c.prose() || c.words >= 5) {
                kinds[i] = SectionKind::Body;
            }
        }
    }
    let mut segments = group(&kinds, &titles);
    if let Some(h) = metadata::header(doc.text) {
        segments = metadata::with_header(doc, segments, &h);
    }
    segments = glued::split(doc, segments);
    lead::split_first_body(doc, &mut segments);
    for s in &mut segments {
        let text = || doc.slice(s.span(doc));
        match s.kind {
            SectionKind::Byline => s.names = Some(byline_names(text())),
            SectionKind::Caption => s.credit = caption_credit(text()),
            _ => {}
        }
    }
    segments
}

/// Marks the headline `h`, its kicker and the lines between it and the body (`body` runs from the
/// main run's start to where the body's kinds begin).
fn mark_header(
    doc: &Document,
    cues: &[Cues],
    kinds: &mut [SectionKind],
    h: usize,
    body: Range<usize>,
) {
    // prose above a headline found inside the run stays the story's: choosing a headline never
    // makes a lede boilerplate
    for i in body.start..h.min(body.end) {
        if cues[i].prose() {
            kinds[i] = body_kind(&cues[i]);
        }
    }
    kinds[h] = SectionKind::Headline;
    if let Some(k) = header::kicker(cues, h) {
        kinds[k] = if header::place_dateline(doc, cues, k) {
            SectionKind::Dateline
        } else if byline_line(doc.slice(doc.paragraphs[k].span), &cues[k]) {
            // "By Jane Doe" above the headline is its byline, never a rubric
            SectionKind::Byline
        } else {
            SectionKind::Kicker
        };
    }
    for i in h + 1..body.end {
        kinds[i] = header::header_kind(&cues[i], i == h + 1);
    }
}

/// How far above the main run of prose a stranded lede is looked for, in paragraphs.
const STRANDED_LEDE_REACH: usize = 15;

/// With no headline above it, prose standing above the main run across a strip of furniture (a
/// share menu, a marker line) is the story's opening, not boilerplate: nothing says it is a dek.
fn keep_stranded_lede(cues: &[Cues], kinds: &mut [SectionKind], body_start: usize) {
    for i in (body_start.saturating_sub(STRANDED_LEDE_REACH)..body_start).rev() {
        let c = &cues[i];
        let furniture = c.boilerplate_phrase || c.echo || c.comment_mark || c.end_marker;
        if c.prose() && !furniture && !c.author_note {
            kinds[i] = SectionKind::Body;
        } else if c.prose() || c.end_marker || c.comment_mark {
            break;
        }
    }
}

/// How many paragraphs before and after the body's end a closing credit line is looked for.
const CLOSING_REACH: usize = 3;

/// A prose paragraph at least this long counts fully even alone: teasers and comments are shorter.
const ISOLATED_PROSE_WORDS: usize = 60;

/// How much paragraph `i` argues for being inside the main run of prose.
///
/// Prose counts by its length, discounted where it does not look like an article's paragraphs: an
/// article sets its paragraphs apart with blank lines and runs them together, while a teaser under a
/// link or a comment between a user name and a date stands alone among short lines, tightly packed.
fn weight(cues: &[Cues], i: usize) -> f32 {
    let c = &cues[i];
    if c.end_marker {
        return -40.0;
    }
    if c.boilerplate_phrase {
        return -12.0;
    }
    if c.echo {
        return -2.0;
    }
    if c.prose() {
        let mut w = c.words.min(120) as f32;
        // neighbours, looking past a furniture line ("Advertisement") that interrupts the text
        let prev = cues[..i]
            .iter()
            .rev()
            .find(|n| !n.boilerplate_phrase)
            .is_some_and(Cues::prose);
        let next = cues[i + 1..]
            .iter()
            .find(|n| !n.boilerplate_phrase)
            .is_some_and(Cues::prose);
        if !prev && !next && c.words < ISOLATED_PROSE_WORDS {
            w *= 0.3;
        }
        let tight_after = cues.get(i + 1).is_some_and(|n| n.tight_before);
        match (c.tight_before, tight_after) {
            (true, true) => w *= 0.4,
            (true, false) | (false, true) => w *= 0.7,
            (false, false) => {}
        }
        return w;
    }
    if c.words >= 5 && c.ends_sentence {
        return 1.0;
    }
    if c.tight_before { -3.0 } else { -2.0 }
}

/// The contiguous paragraph range with the greatest total weight (Kadane), if any weighs above zero,
/// with its weight.
fn main_run(cues: &[Cues]) -> Option<(f32, Range<usize>)> {
    let mut scan = Kadane::default();
    for i in 0..cues.len() {
        scan.step(i, weight(cues, i));
    }
    scan.best
}

/// A run of prose and its weight.
type Run = Option<(f32, Range<usize>)>;

/// Kadane's scan for the heaviest run, one paragraph at a time.
#[derive(Debug, Clone, Default)]
struct Kadane {
    best: Run,
    sum: f32,
    start: usize,
}

impl Kadane {
    fn step(&mut self, i: usize, w: f32) {
        if self.sum <= 0.0 {
            self.sum = 0.0;
            self.start = i;
        }
        self.sum += w;
        if self.sum > 0.0 && self.best.as_ref().is_none_or(|(b, _)| self.sum > *b) {
            self.best = Some((self.sum, self.start..i + 1));
        }
    }
}

/// `main_run(&cues[..end])` for each of `ends`, in one pass over the page rather than one per end.
/// A paragraph's weight looks at its neighbours, so cutting the page at `end` changes the weight
/// of its last paragraph that is not a furniture phrase and of none before it: the scan over whole
/// weights is shared up to that paragraph and finished, for each end, from there.
fn main_runs_of_prefixes(cues: &[Cues], ends: &[usize]) -> Vec<Run> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    order.sort_by_key(|&q| ends[q]);
    let mut out: Vec<Run> = vec![None; ends.len()];
    let mut shared = Kadane::default();
    let mut done = 0;
    for q in order {
        let end = ends[q].min(cues.len());
        let last = (done..end)
            .rev()
            .find(|&i| !cues[i].boilerplate_phrase)
            .unwrap_or(done);
        while done < last {
            shared.step(done, weight(cues, done));
            done += 1;
        }
        let mut scan = shared.clone();
        for i in done..end {
            scan.step(i, weight(&cues[..end], i));
        }
        out[q] = scan.best;
    }
    out
}

/// The paragraphs of the body before the header is read: the story's run of prose, with the list
/// its last paragraph introduces and without a closing note about its writer (empty for none).
fn body_run(doc: &Document, cues: &[Cues]) -> Range<usize> {
    story_run(cues).map_or(0..0, |run| {
        without_author_note(cues, with_closing_list(doc, cues, run))
    })
}

/// The main run of prose above the reader comments, if the page has a comment thread under a story;
/// else the main run of the whole page.
fn story_run(cues: &[Cues]) -> Option<Range<usize>> {
    let threads = threads(cues);
    let starts: Vec<usize> = threads.iter().map(|t| t.start).collect();
    // the main run above each thread, all found in one pass
    let above_each = main_runs_of_prefixes(cues, &starts);
    let above = |t: usize| above_each[t].clone();
    if let Some((_, run)) = (0..threads.len())
        .filter_map(above)
        .find(|(weight, _)| *weight >= STORY_WEIGHT_ABOVE_COMMENTS)
    {
        return Some(run);
    }
    let (_, run) = main_run(cues)?;
    // a page's best run of prose that sits among the comments of a thread is a comment: the story is
    // the (short) prose above the thread
    let inside = threads
        .iter()
        .position(|t| t.second < run.start && run.start < t.end);
    match inside.and_then(above) {
        Some((_, story)) => Some(story),
        None => Some(run),
    }
}

/// The weight of prose (about its words) a story needs above a comment thread for the thread to be
/// cut off at once: less may be a teaser or a page's introduction above a post and its comments.
const STORY_WEIGHT_ABOVE_COMMENTS: f32 = 40.0;
/// The most paragraphs between two marks of one comment thread ("Jane says:", "Reply",
/// "Posted by: ... 4:49 PM"): one comment's length.
const THREAD_GAP: usize = 12;
/// How far above its first comment mark a thread's heading ("Comments", "Leave a reply") is looked for.
const THREAD_HEADING_REACH: usize = 15;

/// A run of reader comments: marks no more than [`THREAD_GAP`] paragraphs apart.
struct Thread {
    /// Its first mark, or a closing line just above it ("12 Comments").
    start: usize,
    /// Its second mark.
    second: usize,
    /// Just past its last mark.
    end: usize,
}

/// The comment threads of a page, in order. A mark repeated word for word is a page's dateline
/// printed twice, not a second comment.
fn threads(cues: &[Cues]) -> Vec<Thread> {
    let marks: Vec<usize> = (0..cues.len()).filter(|&i| cues[i].comment_mark).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let mut j = i + 1;
        while j < marks.len() && marks[j] - marks[j - 1] <= THREAD_GAP {
            j += 1;
        }
        let fresh = marks[i + 1..j].iter().find(|&&m| !cues[m].echo);
        if let Some(&second) = fresh {
            let first = marks[i];
            let reach = first.saturating_sub(THREAD_HEADING_REACH);
            out.push(Thread {
                start: (reach..first)
                    .find(|&k| cues[k].end_marker)
                    .unwrap_or(first),
                second,
                end: marks[j - 1] + 1,
            });
        }
        i = j;
    }
    out
}

/// A body whose last paragraph introduces a list ("The tour dates:") goes on over that list: the
/// packed lines after it, up to a blank line or a furniture line.
fn with_closing_list(doc: &Document, cues: &[Cues], run: Range<usize>) -> Range<usize> {
    let Some(last) = run.end.checked_sub(1) else {
        return run;
    };
    if !doc.slice(doc.paragraphs[last].span).ends_with(':') {
        return run;
    }
    let mut end = run.end;
    // a list of one-line items set apart by single blank lines goes on as long as its items stay short
    let spaced = |i: usize| doc.paragraphs[i].blank_lines_before <= 1 && cues[i].words <= 20;
    while let Some(c) = cues.get(end) {
        let in_list = (c.tight_before || end == run.end || spaced(end))
            && !c.boilerplate_phrase
            && !c.end_marker
            && !c.comment_mark;
        if !in_list {
            break;
        }
        end += 1;
    }
    run.start..end
}

/// How many of a body's last paragraphs are looked at for a note about its writer.
const AUTHOR_NOTE_REACH: usize = 3;

/// A body that closes with a note about its writer ("Jane Doe is a staff writer at ...") ends
/// before it.
fn without_author_note(cues: &[Cues], run: Range<usize>) -> Range<usize> {
    let from = run.end.saturating_sub(AUTHOR_NOTE_REACH).max(run.start + 1);
    match (from..run.end).find(|&i| cues[i].author_note) {
        Some(note) => run.start..note,
        None => run,
    }
}

/// How many of the body's first paragraphs may be its byline.
const BYLINE_REACH: usize = 4;

/// A short line that is a byline by its pattern: "By Jane Doe", "By JANE DOE", not "By The Numbers".
fn byline_line(text: &str, c: &Cues) -> bool {
    let second = text.split_whitespace().nth(1).unwrap_or("").to_lowercase();
    c.byline && !c.prose() && c.words <= 12 && !crate::lexicon::ARTICLES.contains(&second)
}

/// A credit line this short is a caption whatever furniture word it holds.
const CREDIT_LINE_WORDS: usize = 8;

/// The kind of a paragraph inside the main run of prose.
fn body_kind(c: &Cues) -> SectionKind {
    // a credit line is a caption even when a furniture word is in it ("Image copyright ..."), and a
    // caption sentence that ends with its credit is one too
    let caption = (c.credit && !c.prose()) || (c.credit_tail && c.words <= 40);
    if caption && (c.words <= CREDIT_LINE_WORDS || !c.boilerplate_phrase) {
        SectionKind::Caption
    } else if c.boilerplate_phrase || c.link_line {
        SectionKind::Boilerplate
    } else {
        SectionKind::Body
    }
}

/// A known sidebar title inside the body, with the paragraph after it, is a sidebar.
fn mark_sidebars(
    cues: &[Cues],
    kinds: &mut [SectionKind],
    titles: &mut [bool],
    body: Range<usize>,
) {
    let mut i = body.start;
    while i < body.end {
        if cues[i].sidebar_title && i + 1 < kinds.len() {
            kinds[i] = SectionKind::Sidebar;
            kinds[i + 1] = SectionKind::Sidebar;
            titles[i] = true;
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Runs of one kind become one section; headlines, kickers and each sidebar stand alone.
fn group(kinds: &[SectionKind], titles: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (i, &kind) in kinds.iter().enumerate() {
        let joins = match out.last() {
            Some(last) => {
                last.kind == kind
                    && last.paragraphs.end == i
                    && !titles[i]
                    && matches!(
                        kind,
                        SectionKind::Body
                            | SectionKind::Boilerplate
                            | SectionKind::Caption
                            | SectionKind::Sidebar
                    )
            }
            None => false,
        };
        match out.last_mut() {
            Some(last) if joins => last.paragraphs.end = i + 1,
            _ => out.push(Segment {
                title: titles[i].then_some(i),
                ..Segment::new(kind, i..i + 1)
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SectionKind, usize)> {
        let doc = Document::new(text);
        segment(&doc)
            .iter()
            .map(|s| (s.kind, s.paragraphs.len()))
            .collect()
    }

    #[test]
    fn main_runs_of_prefixes_equal_the_main_run_of_each_prefix() {
        // prose, furniture phrases between it, comment marks, short lines, in a fixed mixed order
        let lines = [
            "The council voted on Tuesday to approve a new bridge over the river, ending years of debate.",
            "Advertisement",
            "Jane says:",
            "Construction is expected to start next spring and to take three years, officials said.",
            "Reply",
            "Short line",
            "Advertisement",
            "Advertisement",
            "The mayor said the bridge would cut the drive across town by half for most people living here.",
            "Posted by: Tom | May 2, 2012 4:49 PM",
        ];
        let mut text = String::new();
        for i in 0..60 {
            text.push_str(lines[(i * 7 + i / 3) % lines.len()]);
            text.push_str(if i % 4 == 0 { "\n\n" } else { "\n" });
        }
        let doc = Document::new(&text);
        let repeats = Repeats::of(&doc);
        let cues = cues::analyse(&doc, &repeats);
        let ends: Vec<usize> = (0..=cues.len()).rev().collect();
        let runs = main_runs_of_prefixes(&cues, &ends);
        for (end, run) in ends.iter().zip(&runs) {
            assert_eq!(run, &main_run(&cues[..*end]), "prefix of {end}");
        }
    }

    #[test]
    fn headline_body_and_furniture() {
        let text = "Home\nNews\nSport\n\nCouncil approves new bridge over the river\n\nBy Jane Doe\n\n\
            The city council voted on Tuesday to approve a new bridge, ending years of debate over the crossing.\n\n\
            Construction is expected to start next spring and to take about three years, officials said.\n\n\
            Share this:\nFacebook\nTwitter\n";
        assert_eq!(
            kinds(text),
            [
                (SectionKind::Boilerplate, 3),
                (SectionKind::Headline, 1),
                (SectionKind::Byline, 1),
                (SectionKind::Body, 2),
                (SectionKind::Boilerplate, 3),
            ]
        );
    }

    #[test]
    fn a_list_introduced_by_the_last_paragraph_belongs_to_the_body() {
        let text = "Band announces reunion tour for next summer\n\n\
            The band will play thirty dates across North America next summer, its first tour in a decade.\n\n\
            Tickets go on sale on Friday, and the band will play these cities first:\n\
            June 9 -- West Palm Beach, FL\nJune 10 -- Tampa, FL\nJune 14 -- Atlanta, GA\n\n\
            Share this:\nFacebook\n";
        assert_eq!(
            kinds(text),
            [
                (SectionKind::Headline, 1),
                (SectionKind::Body, 5),
                (SectionKind::Boilerplate, 2)
            ]
        );
    }

    #[test]
    fn reader_comments_longer_than_the_story_are_not_its_body() {
        let comment = "I could not agree more with every word of this post, and I would add that the same \
            thing happened in our town when the old mill closed and nobody knew what to do with the \
            building for years and years, until a group of neighbours bought it and turned it into a \
            market that now opens every weekend and draws people from all over the county.";
        let text = format!(
            "Why the old mill matters\n\n\
            The old mill on the river has stood empty for a decade, and the town has argued about it ever since. \
            This week the council finally agreed to sell it to a local trust for one dollar.\n\n\
            The trust plans to open a market there next spring, with stalls for farmers and craftspeople.\n\n\
            2 Comments\n\nAnna says:\nMay 2, 2012 at 4:49 pm\n{comment}\nReply\n\n\
            Tom says:\nMay 3, 2012 at 9:12 am\n{comment}\n{comment}\nReply\n"
        );
        let k = kinds(&text);
        assert_eq!(k[0], (SectionKind::Headline, 1));
        assert_eq!(k[1], (SectionKind::Body, 2));
        assert!(
            k[2..]
                .iter()
                .all(|(kind, _)| *kind == SectionKind::Boilerplate),
            "{k:?}"
        );
    }

    #[test]
    fn a_dateline_printed_twice_is_no_comment_thread() {
        let doc = Document::new(
            "Jane Doe | November 19, 2019 9:02 AM\nJane Doe | November 19, 2019 9:02 AM\n\nText.",
        );
        let cues = cues::analyse(&doc, &Repeats::of(&doc));
        assert!(cues[0].comment_mark && cues[1].comment_mark);
        assert!(threads(&cues).is_empty());
        let doc = Document::new("Anna says:\nFirst.\n\nTom says:\nSecond.");
        let cues = cues::analyse(&doc, &Repeats::of(&doc));
        assert_eq!(threads(&cues).len(), 1);
    }

    #[test]
    fn a_byline_among_the_body_s_first_lines_is_a_byline() {
        let text = "Council approves new bridge over the river\n\n\
            The city council voted on Tuesday to approve a new bridge, ending years of debate.\n\n\
            By Jane Doe\n\n\
            Construction is expected to start next spring and to take about three years, officials said.\n\n\
            By The Numbers\n\n\
            The bridge will be 300 metres long and carry four lanes of traffic and a cycle path.\n";
        let k = kinds(text);
        assert_eq!(k[2], (SectionKind::Byline, 1), "{k:?}");
        assert!(
            !k[3..].iter().any(|(kind, _)| *kind == SectionKind::Byline),
            "{k:?}"
        );
    }

    #[test]
    fn empty_document_has_no_sections() {
        assert!(kinds("").is_empty());
    }
}
