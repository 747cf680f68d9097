//! What an HTML page's markup says about its sections, read over the rendered text's paragraphs:
//! which line is the headline (the line the page's metadata names as its title, an `<h1>` first),
//! which lines sit in navigation, footer, aside or comment containers (page furniture, never the
//! story), and which are figure captions. Text without markup has none of this and is segmented by
//! its cues alone.

use std::ops::Range;

use crate::kinds::SectionKind;
use crate::text::{Document, Repeats};

use super::cues::Cues;

/// How much less than the best match a line nearer the story may score and still be the headline.
const NEARLY: f32 = 0.3;

/// The markup's evidence, a flag per paragraph.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// The paragraphs the metadata and the `<h1>`s name as the headline, each with how well.
    pub headlines: Vec<(usize, f32)>,
    /// Paragraphs inside a furniture container.
    pub furniture: Vec<bool>,
    /// Paragraphs inside a figure caption.
    pub captions: Vec<bool>,
    /// Short lines that name an author the metadata names.
    pub bylines: Vec<bool>,
    /// Short lines inside a `<time>`.
    pub dates: Vec<bool>,
}

/// How far into the story's first lines a byline or date line is looked for.
const HEADER_REACH: usize = 3;

impl Evidence {
    /// The cues of a page's paragraphs, its furniture lines being furniture phrases to every step
    /// that reads them (and their phrases not looked for).
    pub fn cues(&self, doc: &Document, repeats: &Repeats) -> Vec<Cues> {
        let mut cues = super::cues::analyse_known(doc, repeats, &self.furniture);
        for (c, &f) in cues.iter_mut().zip(&self.furniture) {
            c.boilerplate_phrase |= f;
        }
        cues
    }

    /// The headline the markup names, if it names one: of the lines that match the page's titles
    /// nearly as well as the best, the one nearest the story's start (`body_start`): a site's name
    /// in its title and logo sits at the top of the page, the story's headline right above it.
    pub fn headline(&self, body_start: usize) -> Option<usize> {
        let best = self.headlines.iter().map(|c| c.1).fold(0.0, f32::max);
        (self.headlines.iter())
            .filter(|c| c.1 >= best - NEARLY)
            .min_by_key(|c| c.0.abs_diff(body_start))
            .map(|c| c.0)
    }

    /// A page's figure captions inside the story (`body`) are captions, its furniture lines are
    /// furniture whatever header part they looked like (a menu above the headline is no kicker),
    /// and between the headline and the story's first lines, a short line naming an author the
    /// metadata names is a byline and a short `<time>` a dateline.
    pub fn mark_sections(
        &self,
        kinds: &mut [SectionKind],
        body: Range<usize>,
        headline: Option<usize>,
    ) {
        let from = headline.map_or(body.start.saturating_sub(HEADER_REACH), |h| h + 1);
        let to = (body.start + HEADER_REACH).min(kinds.len());
        for (i, kind) in kinds.iter_mut().enumerate().take(to).skip(from) {
            let flag = |v: &[bool]| v.get(i).copied().unwrap_or(false);
            if *kind == SectionKind::Headline {
                continue;
            }
            if flag(&self.bylines) {
                *kind = SectionKind::Byline;
            } else if flag(&self.dates) {
                *kind = SectionKind::Dateline;
            }
        }
        for i in body.filter(|&i| self.captions.get(i).copied().unwrap_or(false)) {
            if kinds[i] == SectionKind::Body {
                kinds[i] = SectionKind::Caption;
            }
        }
        for (kind, _) in kinds.iter_mut().zip(&self.furniture).filter(|(_, f)| **f) {
            *kind = SectionKind::Boilerplate;
        }
    }
}

/// The sections of a page rendered from HTML, its markup's evidence read beside the text's cues;
/// of plain text (no marks), as `segment`.
#[cfg(feature = "html")]
pub fn segment_marked(doc: &Document, marks: Option<&crate::html::Marks>) -> Vec<super::Segment> {
    let evidence = marks.map(|m| Evidence::of(doc, m));
    super::segment_with(doc, evidence.as_ref())
}

/// Without the `html` feature there are no marks.
#[cfg(not(feature = "html"))]
pub fn segment_marked(doc: &Document, _marks: Option<&()>) -> Vec<super::Segment> {
    super::segment(doc)
}

/// The story's run of prose below the headline `marked` the markup names, when the run found first
/// (`above`) lies wholly above it: a tag cloud or an archive list set before the article in the
/// page's source. The run below must hold at least half as many words as the one above, else the
/// one above stays (the headline named a line under the story).
pub fn body_below(
    doc: &Document,
    cues: &[Cues],
    above: Range<usize>,
    marked: Option<usize>,
) -> Range<usize> {
    let Some(h) = marked.filter(|&h| h >= above.end) else {
        return above;
    };
    let mut muted = cues.to_vec();
    for c in &mut muted[..=h] {
        c.boilerplate_phrase = true;
    }
    let below = super::body_run(doc, &muted);
    let words = |r: &Range<usize>| cues[r.clone()].iter().map(|c| c.words).sum::<usize>();
    if 2 * words(&below) >= words(&above) {
        below
    } else {
        above
    }
}

/// The paragraphs of every boilerplate segment, in text order: on a page, what is kept from the
/// entities and quotes.
pub fn boilerplate(doc: &Document, segments: &[super::Segment]) -> Vec<crate::text::Span> {
    (segments.iter())
        .filter(|s| s.kind == SectionKind::Boilerplate)
        .flat_map(|s| s.spans(doc))
        .collect()
}

/// Reading the evidence off a page's marks.
#[cfg(feature = "html")]
mod read;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_lines_matching_nearly_as_well_the_one_nearest_the_story_is_the_headline() {
        let e = Evidence {
            // a site's name in a linked <h1> at the top, the story's title right above the story
            headlines: vec![(1, 0.75), (6, 0.5), (9, 0.2)],
            ..Evidence::default()
        };
        assert_eq!(e.headline(7), Some(6));
        // a clearly better match wins wherever it is
        let e = Evidence {
            headlines: vec![(1, 1.0), (6, 0.5)],
            ..Evidence::default()
        };
        assert_eq!(e.headline(7), Some(1));
        assert_eq!(Evidence::default().headline(3), None);
    }

    #[test]
    fn an_authors_line_under_the_headline_is_a_byline() {
        let e = Evidence {
            bylines: vec![false, false, true, false, true],
            dates: vec![false, false, false, true, false],
            ..Evidence::default()
        };
        let mut kinds = vec![
            SectionKind::Headline,
            SectionKind::Body,
            SectionKind::Body,
            SectionKind::Body,
            SectionKind::Body,
        ];
        // the story's first lines are 1..; line 4 is past the reach of the header
        e.mark_sections(&mut kinds, 1..5, Some(0));
        assert_eq!(
            kinds,
            [
                SectionKind::Headline,
                SectionKind::Body,
                SectionKind::Byline,
                SectionKind::Dateline,
                SectionKind::Body
            ]
        );
    }
}
