//! The writer's frame around a quotation: the text of its sentence before the opening mark and after
//! the closing one, with every quotation cut out. Also what the frame says of the quotation itself:
//! whether it is a whole sentence or a fragment of the writer's, and whether it is a work's title.

use super::marks::{Piece, Quoted};
use crate::kinds::QuoteKind;
use crate::lexicon;
use crate::text::{Document, Span, abbreviations};

/// Every quoted stretch with its marks, in text order: what frames cut out.
pub fn cuts(quoted: &[Quoted]) -> Vec<Span> {
    quoted
        .iter()
        .flat_map(|q| q.pieces.iter())
        .map(|p| Span::new(p.open.start, p.close.map_or(p.span.end, |c| c.end)))
        .collect()
}

/// The writer's text before `at` in its sentence: back to the last sentence end or quotation before
/// it in paragraph `paragraph`.
pub fn before(doc: &Document, cuts: &[Span], at: usize, paragraph: usize) -> Span {
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
    // the last stop followed by a space (or by closing marks and a space): a stop inside a web
    // address ("x.com/search?q=dojo") ends nothing
    let ends = |i: usize| {
        let rest = head[i + 1..].trim_start_matches(['"', '\'', '”', '’', ')', ']']);
        rest.is_empty() || rest.starts_with(char::is_whitespace)
    };
    if let Some(i) = head
        .rmatch_indices(['.', '!', '?'])
        .map(|(i, _)| i)
        .find(|&i| ends(i))
    {
        // a sentence end, not an abbreviation's stop ("Mr.", "U.S.", "F.B.I."); "(D-Calif.)," ends
        // no sentence either
        let word = head[..i]
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        let abbreviation = abbreviations::by_shape(word) || head[i + 1..].starts_with([')', ',']);
        if !abbreviation {
            start += i + 1;
        }
    }
    Span::new(start, at)
}

/// The writer's text after `at` in paragraph `paragraph`, up to the next quotation.
pub fn after(doc: &Document, cuts: &[Span], at: usize, paragraph: usize) -> Span {
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
pub fn kind_of(doc: &Document, first: &Piece, before: Span) -> QuoteKind {
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

/// Whether a quoted fragment is the title of a work or a label: every longer word capitalised
/// ("Meet the Press", "Sean Hannity Show", "No Kings"), right after a possessive or a preposition
/// ("on NBC's “Meet the Press”", "in “13th”"), or between an article and the noun it labels ("the
/// “No Kings” protests").
pub fn is_work_title(doc: &Document, piece: &Piece, before: Span) -> bool {
    let lead = doc.text[before.start..before.end].trim_end();
    let after_possessive = lead.ends_with("'s") || lead.ends_with("’s");
    let after_preposition = lead
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| lexicon::WORK_TITLE_PREPOSITIONS.contains(w));
    let words: Vec<&str> = doc.slice(piece.span).split_whitespace().collect();
    let title_case = !words.is_empty()
        && words.iter().all(|w| {
            let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
            letters.chars().count() <= 3
                || letters.chars().next().is_some_and(|c| !c.is_lowercase())
        });
    title_case && (after_possessive || after_preposition || is_label(doc, piece, lead))
}

/// Whether a quoted fragment (in title case, see [`is_work_title`]) labels the noun after it: an
/// article or possessive before it and a lower-case word right after its closing mark, with at most
/// [`MAX_LABEL_WORDS`] words inside ("a “Vote Yes!” sign", "the “No Kings” protests", "his “America
/// First” slogan").
fn is_label(doc: &Document, piece: &Piece, lead: &str) -> bool {
    let Some(close) = piece.close else {
        return false;
    };
    let before = lead
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let determined = lexicon::NOUN_DETERMINERS.contains_lower(before)
        || before.ends_with("'s")
        || before.ends_with("’s");
    let rest = &doc.text[close.end..];
    let noun_after = rest.starts_with(' ')
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    let words = doc.slice(piece.span).split_whitespace().count();
    determined && noun_after && words <= MAX_LABEL_WORDS
}

/// The longest quoted label of a noun ("a “Vote Yes!” sign").
const MAX_LABEL_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    /// For each quoted stretch of `text`: the writer's frame before it, after it, its kind, and
    /// whether it is a work's title.
    fn frames_of(text: &str) -> Vec<(String, String, QuoteKind, bool)> {
        let doc = Document::new(text);
        let quoted = marks::quoted_stretches(&doc);
        let cuts = cuts(&quoted);
        quoted
            .iter()
            .map(|q| {
                let first = &q.pieces[0];
                let b = before(&doc, &cuts, first.open.start, first.paragraph);
                let a = first.close.map_or(Span::new(0, 0), |c| {
                    after(&doc, &cuts, c.end, first.paragraph)
                });
                (
                    doc.slice(b).to_string(),
                    doc.slice(a).to_string(),
                    kind_of(&doc, first, b),
                    is_work_title(&doc, first, b),
                )
            })
            .collect()
    }

    #[test]
    fn a_frame_is_the_writers_sentence_with_quotations_cut_out() {
        let f = frames_of("It rained. Jane Doe said, “We will rebuild,” and left “at once” then.");
        assert_eq!(f[0].0.trim(), "Jane Doe said,");
        assert_eq!(f[0].2, QuoteKind::Full);
        // the second quotation's frame starts after the first one's closing mark
        assert!(!f[1].0.contains("rebuild"), "{:?}", f[1]);
        assert_eq!(f[1].2, QuoteKind::Partial);
    }

    #[test]
    fn a_stop_inside_a_web_address_or_a_number_ends_no_sentence() {
        let f = frames_of(
            "[Musk posts](https://x.com/search?q=dojo) that the 3.5 version will “ship next year.”",
        );
        assert!(f[0].0.starts_with("[Musk posts]"), "{:?}", f[0].0);
    }

    #[test]
    fn a_fragment_inside_the_writers_sentence_is_partial() {
        let f = frames_of("The mayor called the plan “a waste of money” on Tuesday.");
        assert_eq!(f[0].2, QuoteKind::Partial);
        assert!(f[0].1.starts_with(" on Tuesday"), "{:?}", f[0].1);
    }

    #[test]
    fn titles_of_works_and_labels_are_told_apart_from_speech() {
        let f = frames_of(
            "She appeared on NBC's “Meet the Press” and joined the “No Kings” protests, saying \
             the plan was “a waste of money” for all.",
        );
        assert_eq!(
            f.iter().map(|x| x.3).collect::<Vec<_>>(),
            [true, true, false]
        );
    }

    #[test]
    fn cuts_run_from_opening_to_closing_mark() {
        let text = "“One,” he said. “Two";
        let doc = Document::new(text);
        let c = cuts(&marks::quoted_stretches(&doc));
        assert_eq!(doc.slice(c[0]), "“One,”");
    }
}
