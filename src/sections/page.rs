//! What an HTML page's markup says about its sections, read over the rendered text's paragraphs:
//! which line is the headline (the line the page's metadata names as its title, an `<h1>` first),
//! which lines sit in navigation, footer, aside or comment containers (page furniture, never the
//! story), and which are figure captions. Text without markup has none of this and is segmented by
//! its cues alone.

use std::ops::Range;

use crate::kinds::SectionKind;

use super::cues::Cues;

/// The markup's evidence, a flag per paragraph.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// The paragraph the metadata and the `<h1>` agree is the headline.
    pub headline: Option<usize>,
    /// Paragraphs inside a furniture container.
    pub furniture: Vec<bool>,
    /// Paragraphs inside a figure caption.
    pub captions: Vec<bool>,
}

impl Evidence {
    /// Makes a page's furniture lines furniture phrases to every step that reads the cues, and
    /// gives the headline's paragraph if the markup names one.
    pub fn mark_furniture(&self, cues: &mut [Cues]) -> Option<usize> {
        for (c, &f) in cues.iter_mut().zip(&self.furniture) {
            c.boilerplate_phrase |= f;
        }
        self.headline
    }

    /// A page's figure captions inside the story (`body`) are captions, and its furniture lines
    /// are furniture whatever header part they looked like (a menu above the headline is no kicker).
    pub fn mark_sections(&self, kinds: &mut [SectionKind], body: Range<usize>) {
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
/// of plain text (no marks), as [`segment`].
#[cfg(feature = "html")]
pub fn segment_marked(
    doc: &crate::text::Document,
    marks: Option<&crate::html::Marks>,
) -> Vec<super::Segment> {
    let evidence = marks.map(|m| Evidence::of(doc, m));
    super::segment_with(doc, evidence.as_ref())
}

/// Without the `html` feature there are no marks.
#[cfg(not(feature = "html"))]
pub fn segment_marked(doc: &crate::text::Document, _marks: Option<&()>) -> Vec<super::Segment> {
    super::segment(doc)
}

/// Reading the evidence off a page's marks.
#[cfg(feature = "html")]
mod read;
