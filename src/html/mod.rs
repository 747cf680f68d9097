//! HTML in: a page is parsed by an HTML5 parser (html5ever, through `scraper`: the parser of a
//! browser engine, so unclosed and misnested tags are repaired the way a browser repairs them),
//! rendered to plain text the way a text browser lays it out (a line per block, a blank line between
//! paragraphs, scripts and styles dropped), and the text is analysed like any article. What the
//! markup says about the page is kept beside the text as [`Marks`]: the titles its metadata gives,
//! where its `<h1>`, figure captions and navigation, footer, aside and comment containers fall in
//! the text. The sections stage reads them as evidence; every offset indexes the rendered text.

mod bytes;
mod meta;
mod prepass;
mod render;

use crate::text::Span;

pub use bytes::{decode, sniff};
pub use prepass::MAX_DEPTH;
pub use render::render;

/// A page read: its rendered text and what the markup says about it.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The page as a text browser shows it: what the report's offsets index.
    pub text: String,
    /// What the markup says, as spans over `text`.
    pub marks: Marks,
}

/// The markup's evidence about the page, spans being byte ranges of the rendered text.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The headline the page's metadata gives, most trusted first: JSON-LD `headline`, `og:title`,
    /// `twitter:title`, `<title>`; whitespace collapsed.
    pub titles: Vec<String>,
    /// The text of each `<h1>`.
    pub h1: Vec<Span>,
    /// The `<h1>`s whose text is all a link: a site's logo as often as a post's permalink.
    pub linked_h1: Vec<Span>,
    /// The text of each figure caption (`<figcaption>`).
    pub captions: Vec<Span>,
    /// Navigation, page header and footer, asides, share bars: containers that hold no story text
    /// (unless a template wraps the story in one: see the sections stage).
    pub furniture: Vec<Span>,
    /// Threads of reader comments.
    pub comments: Vec<Span>,
    /// The text of each `<time>`.
    pub times: Vec<Span>,
    /// The article's authors the metadata names (`<meta name=author>`, JSON-LD `author`).
    pub authors: Vec<String>,
    /// When the metadata says the article was published, as it writes it (ISO 8601).
    pub published: Option<String>,
    /// The page nested its elements deeper than the reader keeps: the tags past that depth were
    /// dropped (their text kept).
    pub too_deep: bool,
}
