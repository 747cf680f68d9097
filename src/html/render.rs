//! The page's tree to text, as a text browser lays it out: inline text flows on one line with its
//! white space collapsed, a block element starts a new line, a paragraph-like block is set apart by a
//! blank line, `<br>` breaks the line and `<pre>` keeps its lines. What is never shown (scripts,
//! styles, the head, forms' controls, elements marked hidden) gives no text. The walk is over the
//! parser's arena in one pass with explicit stacks, so a page nested ten thousand deep costs what
//! a flat one does.

use ego_tree::iter::Edge;
use scraper::Html;
use scraper::node::{Element, Node};

use super::meta::Meta;
use super::{Marks, Page};
use crate::lexicon;
use crate::text::Span;

/// Elements whose content is never shown as text.
const HIDDEN: &[&str] = &[
    "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "input", "map", "math",
    "noscript", "object", "script", "select", "style", "svg", "template", "textarea", "title",
    "video",
];

/// Blocks a text browser sets apart with a blank line.
const PARAGRAPHS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Blocks that start a new line.
const LINES: &[&str] = &[
    "body", "caption", "dd", "div", "dt", "hgroup", "legend", "li", "menu", "option", "summary",
    "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Containers of page furniture by their element name.
const FURNITURE: &[&str] = &["aside", "footer", "form", "header", "nav"];

/// Landmark roles of page furniture (`role="navigation"`).
const FURNITURE_ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "navigation",
    "search",
];

/// The rendered page and its marks.
pub fn render(html: &str) -> Page {
    let (html, too_deep) = super::prepass::prepare(html);
    let mut page = walk(&html);
    page.marks.too_deep = too_deep;
    page
}

/// The page parsed and its tree walked.
fn walk(html: &str) -> Page {
    let tree = Html::parse_document(html);
    let mut out = Text::default();
    let mut meta = Meta::default();
    let mut marks = Marks::default();
    // elements that mark a region, open: (node, what it marks, where its text starts, h1s before
    // it, bytes written outside links before it)
    let mut open: Vec<(ego_tree::NodeId, Region, usize, usize, usize)> = Vec::new();
    // links open, and bytes of text written outside any
    let (mut links, mut unlinked) = (0usize, 0usize);
    let mut hidden = 0usize;
    let mut pre = 0usize;
    for edge in tree.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    meta.open(e);
                    if hidden > 0 {
                        hidden += 1;
                        continue;
                    }
                    let attrs = Attrs::of(e);
                    if is_hidden(e, &attrs) {
                        hidden += 1;
                        continue;
                    }
                    let name = e.name();
                    out.block(breaks(name));
                    pre += usize::from(name == "pre");
                    links += usize::from(name == "a");
                    if let Some(region) = region(e, &attrs) {
                        open.push((node.id(), region, out.len(), marks.h1.len(), unlinked));
                    }
                }
                Node::Text(t) => {
                    meta.text(t);
                    if hidden == 0 {
                        let before = out.len();
                        out.push(t, pre > 0);
                        if links == 0 {
                            unlinked += out.len() - before;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                meta.close(e);
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                let name = e.name();
                pre -= usize::from(name == "pre" && pre > 0);
                links -= usize::from(name == "a" && links > 0);
                out.block(breaks(name));
                if open.last().is_some_and(|o| o.0 == node.id())
                    && let Some((_, region, start, h1s, plain)) = open.pop()
                {
                    let span = out.span(start);
                    if region == Region::Headline && unlinked == plain {
                        marks.linked_h1.extend(span);
                    }
                    close(&mut marks, region, span, h1s);
                }
            }
        }
    }
    marks.titles = meta.titles();
    marks.authors = meta.authors;
    marks.published = meta.published;
    Page {
        text: out.text,
        marks,
    }
}

/// What an element's region is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Headline,
    Caption,
    Furniture,
    Comments,
    Time,
}

/// The attributes the walk reads, found in one pass over an element's (`Element::attr` would
/// intern the name asked for at each call).
#[derive(Debug, Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a Element) -> Self {
        let mut attrs = Attrs::default();
        for (name, value) in e.attrs.iter().filter(|(name, _)| name.ns.is_empty()) {
            let value: &str = value;
            match &*name.local {
                "class" => attrs.class = Some(value),
                "id" => attrs.id = Some(value),
                "role" => attrs.role = Some(value),
                "style" => attrs.style = Some(value),
                "hidden" => attrs.hidden = true,
                _ => {}
            }
        }
        attrs
    }
}

/// The region an element opens, if any.
fn region(e: &Element, attrs: &Attrs<'_>) -> Option<Region> {
    match e.name() {
        "h1" => return Some(Region::Headline),
        "figcaption" => return Some(Region::Caption),
        "time" => return Some(Region::Time),
        name if FURNITURE.contains(&name) => return Some(Region::Furniture),
        _ => {}
    }
    let role = attrs.role.unwrap_or("");
    if FURNITURE_ROLES.contains(&role) {
        return Some(Region::Furniture);
    }
    let named = || {
        attrs
            .class
            .into_iter()
            .chain(attrs.id)
            .flat_map(class_words)
    };
    let named_as = |list: lexicon::Words| named().any(|w| list.contains(&w.to_ascii_lowercase()));
    if named_as(lexicon::PAGE_COMMENT_CLASSES) {
        Some(Region::Comments)
    } else if named_as(lexicon::PAGE_FURNITURE_CLASSES) {
        Some(Region::Furniture)
    } else {
        None
    }
}

/// The words of a class or id attribute ("article-comments main" → "article", "comments", "main").
fn class_words(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Records a closed region's span. A furniture container that holds an `<h1>` holds the story's
/// header (a page `<header>` with the headline in it): it is no furniture.
fn close(marks: &mut Marks, region: Region, span: Option<Span>, h1s_before: usize) {
    let Some(span) = span else { return };
    match region {
        Region::Headline => marks.h1.push(span),
        Region::Caption => marks.captions.push(span),
        Region::Furniture if marks.h1.len() == h1s_before => marks.furniture.push(span),
        Region::Comments if marks.h1.len() == h1s_before => marks.comments.push(span),
        Region::Furniture | Region::Comments => {}
        Region::Time => marks.times.push(span),
    }
}

/// Whether an element and all it holds is never shown: by its name, its `hidden` attribute, its
/// inline style, or a class that templates give hidden elements (the whole class: "hidden", never
/// "overflow-hidden").
fn is_hidden(e: &Element, attrs: &Attrs<'_>) -> bool {
    if HIDDEN.contains(&e.name()) || attrs.hidden {
        return true;
    }
    let hidden_class = (attrs.class.into_iter())
        .flat_map(str::split_ascii_whitespace)
        .any(|c| lexicon::PAGE_HIDDEN_CLASSES.contains(&c.to_ascii_lowercase()));
    if hidden_class {
        return true;
    }
    attrs.style.is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// The line breaks an element's start and end make: 2 a blank line, 1 a new line, 0 none.
fn breaks(name: &str) -> u8 {
    if PARAGRAPHS.contains(&name) {
        2
    } else if LINES.contains(&name) || name == "br" {
        1
    } else {
        0
    }
}

/// The text being written: line breaks asked for are held until text follows them, so blocks
/// without text leave no blank lines and the text neither starts nor ends with one.
#[derive(Debug, Default)]
struct Text {
    text: String,
    /// Line breaks asked for since the last character: 0, 1 (a new line) or 2 (a blank line).
    pending: u8,
    /// White space seen since the last character, inside a line.
    space: bool,
}

impl Text {
    fn len(&self) -> usize {
        self.text.len()
    }

    fn block(&mut self, breaks: u8) {
        self.pending = self.pending.max(breaks);
    }

    /// Appends a text node's characters, white space collapsed (kept as line breaks in `<pre>`).
    fn push(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if c == '\n' && pre {
                self.pending = self.pending.max(1);
            } else if c.is_whitespace() || c.is_control() {
                self.space = true;
            } else {
                if self.pending > 0 {
                    if !self.text.is_empty() {
                        self.text.push('\n');
                        if self.pending > 1 {
                            self.text.push('\n');
                        }
                    }
                    self.pending = 0;
                    self.space = false;
                } else if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
            }
        }
    }

    /// The text written since `start`, without the line breaks that open it; `None` if none was.
    fn span(&self, start: usize) -> Option<Span> {
        let rest = &self.text[start..];
        let lead = rest.len() - rest.trim_start().len();
        let span = Span::new(start + lead, self.text.len());
        (!span.is_empty()).then_some(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        render(html).text
    }

    /// The texts of `spans` in `page`.
    fn texts(page: &Page, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| page.text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn blocks_become_lines_and_paragraphs() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <div>Menu</div><div>Home</div><p>One  <b>bold</b>\n word.</p><p>Two<br>lines</p>\
                    <ul><li>a</li><li>b</li></ul></body></html>";
        assert_eq!(
            text(page),
            "Menu\nHome\n\nOne bold word.\n\nTwo\nlines\n\na\nb"
        );
    }

    #[test]
    fn scripts_styles_and_hidden_elements_give_no_text() {
        let page = "<body><script>var x = 'no';</script><p hidden>gone</p>\
                    <p style=\"display: none\">gone</p><noscript>gone</noscript><p>kept</p></body>";
        assert_eq!(text(page), "kept");
    }

    #[test]
    fn hidden_classes_are_whole_class_names() {
        let page = "<div class=\"msg hidden\">Wrong password</div><div class=\"overflow-hidden\">shown</div>\
                    <body><title>A title in the body</title></body>";
        assert_eq!(text(page), "shown");
    }

    #[test]
    fn an_h1_that_is_all_link_is_told_apart() {
        let page =
            render("<h1><a href=\"/\">The Paper</a></h1><h1>Storm <a href=\"#\">hits</a></h1>");
        assert_eq!(texts(&page, &page.marks.h1), ["The Paper", "Storm hits"]);
        assert_eq!(texts(&page, &page.marks.linked_h1), ["The Paper"]);
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(text("<pre>a  b\nc</pre>"), "a b\nc");
    }

    #[test]
    fn regions_are_spans_of_the_text() {
        let page = render(
            "<nav><a>Home</a> <a>World</a></nav><header><h1>The headline</h1></header>\
             <figure><img src=x><figcaption>A caption</figcaption></figure>\
             <p>Story.</p><div class=\"article-comments\">Say something</div>",
        );
        assert_eq!(texts(&page, &page.marks.h1), ["The headline"]);
        assert_eq!(texts(&page, &page.marks.captions), ["A caption"]);
        // the header holds the headline: not furniture
        assert_eq!(texts(&page, &page.marks.furniture), ["Home World"]);
        assert_eq!(texts(&page, &page.marks.comments), ["Say something"]);
    }

    /// Tag soup of the pieces pages are made of: attributes quoted every way (a `>` in a value),
    /// valueless and unread ones, scripts and styles, comments, formatting elements left open.
    fn soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            "[a-zA-Z .,]{0,12}",
            Just("<p data-x=\"a > b\" class=lead>".to_string()),
            Just("</p>".to_string()),
            Just("<div id='main' onclick=go()>".to_string()),
            Just("</div>".to_string()),
            Just("<a href=/x/ title=\"t\">".to_string()),
            Just("</a>".to_string()),
            Just("<b data-n=1>".to_string()),
            Just("<b data-n=2>".to_string()),
            Just("<h1 class=\"title\" data-k>".to_string()),
            Just("</h1>".to_string()),
            Just("<nav aria-label=x>".to_string()),
            Just("</nav>".to_string()),
            Just("<img src=a.jpg alt=\"x\"/>".to_string()),
            Just("<br/>".to_string()),
            Just("<table><tr><td width=3>".to_string()),
            Just("<input type=hidden name=q value=1>".to_string()),
            Just("<script src=x>var a = '</p>';</script>".to_string()),
            Just("<style media=all>p { }</style>".to_string()),
            Just("<!-- <a href=y> -->".to_string()),
            Just("<svg viewBox='0 0 1 1'><path d=M0/></svg>".to_string()),
            Just("<figcaption lang=en>".to_string()),
            Just("<p hidden data-z>".to_string()),
            Just("<div data-c=1 class=\"comments\">".to_string()),
            Just("<span class=hidden style=\"x\">".to_string()),
            Just("<meta property=\"og:title\" content=\"A title\">".to_string()),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// The pre-pass changes nothing the walk sees: the page as written and as prepared render
        /// to the same text and marks.
        #[test]
        fn the_prepass_changes_nothing_the_walk_sees(page in soup()) {
            let prepared = super::super::prepass::prepare(&page).0;
            let (before, after) = (walk(&page), walk(&prepared));
            proptest::prop_assert_eq!(&before.text, &after.text);
            proptest::prop_assert_eq!(format!("{:?}", before.marks), format!("{:?}", after.marks));
        }
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let page = format!("{}deep{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(text(&page), "deep");
    }
}
