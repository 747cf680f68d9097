//! Captions found by their neighbours rather than by their own words: the line a picture credit
//! is printed under ("A lifeboat crew at work" / "Photograph: Jane Roe/Reuters"), and a caption's
//! second printing (once in a gallery, once in the text).

use std::ops::Range;

use super::cues::Cues;
use crate::kinds::SectionKind;
use crate::text::Repeats;

/// The most words of a line a credit line makes a caption.
const CAPTION_WORDS: usize = 40;

/// Marks as captions, inside the body run `body`, the lines that a credit line closes and the other
/// printings of a caption.
pub fn mark(cues: &[Cues], repeats: &Repeats, kinds: &mut [SectionKind], body: Range<usize>) {
    for i in body.clone().skip(1) {
        if kinds[i] == SectionKind::Caption
            && cues[i].credit
            && kinds[i - 1] == SectionKind::Body
            && credited_above(&cues[i - 1], &cues[i])
        {
            kinds[i - 1] = SectionKind::Caption;
        }
    }
    let printed: rustc_hash::FxHashSet<u64> = body
        .clone()
        .filter(|&i| kinds[i] == SectionKind::Caption && repeats.count(i) > 1)
        .map(|i| repeats.key(i))
        .collect();
    if printed.is_empty() {
        return;
    }
    for i in body {
        if kinds[i] == SectionKind::Body
            && cues[i].words <= CAPTION_WORDS
            && printed.contains(&repeats.key(i))
        {
            kinds[i] = SectionKind::Caption;
        }
    }
}

/// Whether `line`, printed just above the credit line `credit`, is the caption it credits: a short
/// line without a full stop (a caption's style), or a caption sentence with the credit on the very
/// next line.
fn credited_above(line: &Cues, credit: &Cues) -> bool {
    line.words <= CAPTION_WORDS
        && !line.byline
        && !line.boilerplate_phrase
        && (!line.ends_sentence || credit.tight_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn kinds_after(text: &str, kinds: &[SectionKind]) -> Vec<SectionKind> {
        let doc = Document::new(text);
        let repeats = Repeats::of(&doc);
        let cues = super::super::cues::analyse(&doc, &repeats);
        let mut kinds = kinds.to_vec();
        let all = 0..kinds.len();
        mark(&cues, &repeats, &mut kinds, all);
        kinds
    }

    use SectionKind::{Body, Caption};

    #[test]
    fn the_line_a_credit_is_printed_under_is_its_caption() {
        let text = "The council met on Monday to vote on the plan for the harbour.\n\n\
                    A lifeboat crew at work during the storm\n\n\
                    Photograph: Jane Roe/Reuters\n\n\
                    The vote was close.";
        assert_eq!(
            kinds_after(text, &[Body, Body, Caption, Body]),
            [Body, Caption, Caption, Body]
        );
    }

    #[test]
    fn a_sentence_above_a_credit_after_a_blank_line_stays_prose() {
        let text = "The council met on Monday to vote on the plan for the harbour.\n\n\
                    Photograph: Jane Roe/Reuters\n\n\
                    The vote was close.";
        assert_eq!(
            kinds_after(text, &[Body, Caption, Body]),
            [Body, Caption, Body]
        );
        let tight = "A crew at work during the storm on the quay in March.\n\
                     Photograph: Jane Roe/Reuters\n\n\
                     The vote was close.";
        assert_eq!(
            kinds_after(tight, &[Body, Caption, Body]),
            [Caption, Caption, Body]
        );
    }

    #[test]
    fn a_caption_printed_twice_is_a_caption_both_times() {
        let text = "A lifeboat crew at work during the storm\n\n\
                    Photograph: Jane Roe/Reuters\n\n\
                    The vote was close, and the council said it would meet again in May.\n\n\
                    A lifeboat crew at work during the storm\n\n\
                    The harbour will reopen in June.";
        assert_eq!(
            kinds_after(text, &[Body, Caption, Body, Body, Body]),
            [Caption, Caption, Body, Caption, Body]
        );
    }
}
