//! `--format html`: the article as one self-contained page (no scripts, fonts or styles from
//! elsewhere; no scripts at all): its sections shaded and labelled, later copies of duplicated
//! passages marked and linked to their first copy, quotes highlighted with their speaker, entity
//! mentions coloured by type, and a side panel of the outline, speakers, entities and duplicates that
//! links to each place.
//!
//! Every piece of article text is escaped, so an article holding `<script>` shows it as text.
//! Annotations may overlap (a mention inside a quote inside a duplicated passage), so the text is cut
//! at every annotation boundary and each piece is wrapped in the annotations covering it, which keeps
//! the markup well nested whatever the overlaps.

use std::fmt::Write as _;

use super::{
    NO_SPEAKER, byte_offsets, count, id_text, quotes_by_speaker, reported_speech, snippet,
};
use crate::report::{Report, SectionKind};

/// The page's start: the document head with its style sheet.
pub const HEAD: &str = concat!(
    r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="analyze">
<title>analyze</title>
<style>
"#,
    include_str!("html.css"),
    r#"</style>
</head>
<body>
"#
);

/// The page's end.
pub const TAIL: &str = "</body>\n</html>\n";

/// A whole page for one report, titled with the article's headline (or its id).
pub fn page(text: &str, report: &Report) -> String {
    let title = report
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Headline)
        .map_or_else(|| id_text(report), |s| s.text.clone());
    format!("{}{}{TAIL}", head(&title), article(0, text, report))
}

/// [`HEAD`] with the page titled `title`.
pub fn head(title: &str) -> String {
    HEAD.replacen(
        "<title>analyze</title>",
        &format!("<title>{}</title>", escape(title.trim())),
        1,
    )
}

/// What a piece of inline markup is.
#[derive(Clone, Copy)]
enum Layer {
    /// Copy `copy` of duplicate group `group`.
    Dup {
        group: usize,
        copy: usize,
    },
    Quote(usize),
    /// Mention `mention` of the entity at index `entity`.
    Mention {
        entity: usize,
        mention: usize,
    },
}

struct Mark {
    start: usize,
    end: usize,
    layer: Layer,
}

/// A block of the page: a section's paragraph, or a sidebar's title.
struct Block {
    start: usize,
    end: usize,
    section: usize,
    title: bool,
}

/// One report's `<article>`: the annotated text and its side panel. `n` numbers the article on the
/// page, so that its anchors are unique.
pub fn article(n: usize, text: &str, report: &Report) -> String {
    let id = |s: String| format!("a{n}-{s}");
    let marks = marks(report);
    let blocks = blocks(report);
    let mut cuts: Vec<usize> = blocks.iter().flat_map(|b| [b.start, b.end]).collect();
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let page = Annotated {
        report,
        text,
        bytes: byte_offsets(text, &cuts),
        cuts,
        marks,
        id: &id,
    };
    let body = page.body(&blocks);
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"report\" id=\"{}\">\n<div class=\"text\">\n{body}</div>\n",
        id("top".into())
    );
    out.push_str(&panel(report, &id));
    out.push_str("</article>\n");
    out
}

/// Every annotation of the report: duplicated passages, quotes and mentions, sorted by start
/// (longest first).
fn marks(report: &Report) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for (group, d) in report.duplicates.iter().enumerate() {
        for (copy, p) in d.passages.iter().enumerate() {
            marks.push(Mark {
                start: p.start,
                end: p.end,
                layer: Layer::Dup { group, copy },
            });
        }
    }
    for (i, q) in report.quotes.iter().enumerate() {
        marks.push(Mark {
            start: q.start,
            end: q.end,
            layer: Layer::Quote(i),
        });
    }
    for (entity, e) in report.entities.iter().enumerate() {
        for (mention, m) in e.mentions.iter().enumerate() {
            marks.push(Mark {
                start: m.start,
                end: m.end,
                layer: Layer::Mention { entity, mention },
            });
        }
    }
    marks.retain(|m| m.start < m.end);
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    marks
}

/// The blocks: each section's paragraphs, a sidebar's title as one more.
fn blocks(report: &Report) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for (section, s) in report.sections.iter().enumerate() {
        if let Some(t) = &s.title {
            let end = s.start + t.chars().count();
            blocks.push(Block {
                start: s.start,
                end,
                section,
                title: true,
            });
        }
        for p in &s.paragraphs {
            blocks.push(Block {
                start: p.start,
                end: p.end,
                section,
                title: false,
            });
        }
    }
    blocks
}

/// The text cut at every block and mark boundary, ready to be written out with its markup.
struct Annotated<'r> {
    report: &'r Report,
    text: &'r str,
    /// Every boundary (Unicode scalar offsets), sorted, and each one's byte offset.
    cuts: Vec<usize>,
    bytes: Vec<usize>,
    marks: Vec<Mark>,
    id: &'r dyn Fn(String) -> String,
}

impl Annotated<'_> {
    fn byte_at(&self, offset: usize) -> usize {
        self.cuts
            .binary_search(&offset)
            .map_or(self.text.len(), |i| self.bytes[i])
    }

    /// The text of every block, in its section, with the marks covering each piece.
    fn body(&self, blocks: &[Block]) -> String {
        let mut body = String::new();
        let mut open_section: Option<usize> = None;
        let mut opened = vec![false; self.marks.len()];
        let mut next_mark = 0;
        let mut active: Vec<usize> = Vec::new();
        for block in blocks {
            if open_section != Some(block.section) {
                if open_section.is_some() {
                    body.push_str("</section>\n");
                }
                let kind = self.report.sections[block.section].kind.as_str();
                let _ = writeln!(
                    body,
                    "<section class=\"sec sec-{kind}\" id=\"{}\"><span class=\"label\">{kind}</span>",
                    (self.id)(format!("s{}", block.section))
                );
                open_section = Some(block.section);
            }
            body.push_str(if block.title {
                "<p class=\"title\">"
            } else {
                "<p>"
            });
            // the cuts inside this block
            let from = self.cuts.partition_point(|&c| c < block.start);
            let to = self.cuts.partition_point(|&c| c <= block.end);
            for w in self.cuts[from..to].windows(2) {
                let (a, b) = (w[0], w[1]);
                active.retain(|&i| self.marks[i].end > a);
                while next_mark < self.marks.len() && self.marks[next_mark].start <= a {
                    if self.marks[next_mark].end > a {
                        active.push(next_mark);
                    }
                    next_mark += 1;
                }
                self.piece(&mut body, (a, b), &active, &mut opened);
            }
            body.push_str("</p>\n");
        }
        if open_section.is_some() {
            body.push_str("</section>\n");
        }
        body
    }

    /// The text from `a` to `b` wrapped in the marks covering all of it.
    fn piece(
        &self,
        body: &mut String,
        (a, b): (usize, usize),
        active: &[usize],
        opened: &mut [bool],
    ) {
        let marks = &self.marks;
        let mut here: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| marks[i].start <= a && marks[i].end >= b)
            .collect();
        here.sort_by_key(|&i| (layer_rank(marks[i].layer), marks[i].start));
        for &i in &here {
            body.push_str(&open_tag(self.report, &marks[i], !opened[i], self.id));
            opened[i] = true;
        }
        escape_into(
            body,
            self.text
                .get(self.byte_at(a)..self.byte_at(b))
                .unwrap_or(""),
        );
        for &i in here.iter().rev() {
            body.push_str("</span>");
            if marks[i].end == b {
                body.push_str(&after_tag(self.report, &marks[i], self.id));
            }
        }
    }
}

/// In place of an article that could not be analysed.
pub fn failure(n: usize, message: &str) -> String {
    let mut out = format!(
        "<article class=\"report\" id=\"a{n}-top\"><div class=\"text\"><p class=\"warning\">"
    );
    escape_into(&mut out, message);
    out.push_str(" (not analysed)</p></div></article>\n");
    out
}

fn layer_rank(layer: Layer) -> u8 {
    match layer {
        Layer::Dup { .. } => 0,
        Layer::Quote(_) => 1,
        Layer::Mention { .. } => 2,
    }
}

/// The opening tag of a mark's piece; the first piece carries the mark's anchor.
fn open_tag(report: &Report, mark: &Mark, first: bool, id: &dyn Fn(String) -> String) -> String {
    let (class, anchor, title) = match mark.layer {
        Layer::Dup { group, copy } => {
            let d = &report.duplicates[group];
            let class = if copy == 0 { "dup-first" } else { "dup" };
            let title = format!(
                "copy {} of {} ({} duplicate, similarity {:.3})",
                copy + 1,
                d.passages.len(),
                d.kind.as_str(),
                d.similarity
            );
            (class.to_string(), format!("d{group}-{copy}"), title)
        }
        Layer::Quote(i) => {
            let q = &report.quotes[i];
            let who = q
                .speaker
                .as_ref()
                .map_or(NO_SPEAKER.to_string(), |s| match &s.role {
                    Some(r) => format!("{}, {r}", s.name),
                    None => s.name.clone(),
                });
            (
                format!("quote quote-{}", q.kind.as_str()),
                format!("q{i}"),
                format!("{} quote: {who}", q.kind.as_str()),
            )
        }
        Layer::Mention { entity, mention } => {
            let e = &report.entities[entity];
            let ty = e.kind.as_str();
            (
                format!("ent t-{ty}"),
                format!("e{}-{mention}", e.id),
                format!("{ty}: {}", e.name),
            )
        }
    };
    let mut tag = format!("<span class=\"{class}\" title=\"");
    escape_into(&mut tag, &title);
    tag.push('"');
    if first {
        let _ = write!(tag, " id=\"{}\"", id(anchor));
    }
    tag.push('>');
    tag
}

/// What follows a mark's last piece: a quote's speaker, a later copy's link to the first.
fn after_tag(report: &Report, mark: &Mark, id: &dyn Fn(String) -> String) -> String {
    match mark.layer {
        Layer::Quote(i) => match &report.quotes[i].speaker {
            Some(s) => {
                let mut out = String::from("<sup class=\"who\">");
                escape_into(&mut out, &s.name);
                out.push_str("</sup>");
                out
            }
            None => String::new(),
        },
        Layer::Dup { group, copy } if copy > 0 => format!(
            "<a class=\"dupref\" href=\"#{}\" title=\"the first copy\">↩ repeat</a>",
            id(format!("d{group}-0"))
        ),
        _ => String::new(),
    }
}

/// A link to an anchor of this article.
fn link(id: &dyn Fn(String) -> String, anchor: String, text: &str) -> String {
    let mut a = format!("<a href=\"#{}\">", id(anchor));
    escape_into(&mut a, text);
    a.push_str("</a>");
    a
}

/// The side panel: warnings, outline, speakers, entities, duplicates.
fn panel(report: &Report, id: &dyn Fn(String) -> String) -> String {
    let mut out = String::from("<aside>\n<h2>");
    escape_into(&mut out, &id_text(report));
    let _ = writeln!(
        out,
        "</h2>\n<div class=\"n\">{} characters</div>",
        report.chars
    );
    for w in &report.warnings {
        out.push_str("<div class=\"warning\">");
        escape_into(&mut out, &format!("{}: {}", w.kind.as_str(), w.message));
        out.push_str("</div>\n");
    }
    outline(&mut out, report, id);
    speakers(&mut out, report, id);
    reported_list(&mut out, report);
    entity_list(&mut out, report, id);
    duplicate_list(&mut out, report, id);
    out.push_str("</aside>\n");
    out
}

fn outline(out: &mut String, report: &Report, id: &dyn Fn(String) -> String) {
    out.push_str("<h3>Outline</h3>\n<ul>\n");
    for (i, s) in report.sections.iter().enumerate() {
        let what = match s.kind {
            SectionKind::Body => count(s.paragraphs.len(), "paragraph"),
            _ => snippet(s.title.as_deref().unwrap_or(&s.text), 40),
        };
        let _ = writeln!(
            out,
            "<li>{} <span class=\"n\">{}</span></li>",
            link(id, format!("s{i}"), s.kind.as_str()),
            escape(&what)
        );
    }
    out.push_str("</ul>\n");
}

fn speakers(out: &mut String, report: &Report, id: &dyn Fn(String) -> String) {
    if report.quotes.is_empty() {
        return;
    }
    out.push_str("<h3>Speakers</h3>\n<ul>\n");
    for speaker in quotes_by_speaker(report) {
        let quotes = &speaker.quotes;
        let name = speaker.name.unwrap_or(NO_SPEAKER);
        let _ = write!(
            out,
            "<li>{} <span class=\"n\">",
            link(id, format!("q{}", quotes[0]), name)
        );
        for (k, &i) in quotes.iter().enumerate() {
            let _ = write!(out, " {}", link(id, format!("q{i}"), &(k + 1).to_string()));
        }
        out.push_str("</span>");
        if let Some(r) = speaker.role {
            let _ = write!(out, "<span class=\"role\">{}</span>", escape(r));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// Statements reported in the writer's words (indirect and mixed), with their speakers.
fn reported_list(out: &mut String, report: &Report) {
    let items = reported_speech(report);
    if items.is_empty() {
        return;
    }
    out.push_str("<h3>Reported speech</h3>\n<ul>\n");
    for a in items {
        let name = a.speaker.as_ref().map_or(NO_SPEAKER, |s| s.name.as_str());
        let _ = write!(out, "<li>{}: ", escape(name));
        escape_into(out, &snippet(&a.text, 120));
        let _ = writeln!(out, " <span class=\"n\">{}</span></li>", a.kind.as_str());
    }
    out.push_str("</ul>\n");
}

/// Links to the second to the thirtieth of `n` places: `anchor_and_text(k)` for place `k`.
fn later_links(
    out: &mut String,
    id: &dyn Fn(String) -> String,
    n: usize,
    anchor_and_text: impl Fn(usize) -> (String, String),
) {
    for k in 1..n.min(30) {
        let (anchor, text) = anchor_and_text(k);
        let _ = write!(out, " {}", link(id, anchor, &text));
    }
}

fn entity_list(out: &mut String, report: &Report, id: &dyn Fn(String) -> String) {
    if report.entities.is_empty() {
        return;
    }
    out.push_str("<h3>Entities</h3>\n<ul>\n");
    let mut entities: Vec<_> = report.entities.iter().collect();
    entities.sort_by(|a, b| {
        a.kind
            .as_str()
            .cmp(b.kind.as_str())
            .then(b.count.cmp(&a.count))
            .then(a.id.cmp(&b.id))
    });
    for e in entities {
        let ty = e.kind.as_str();
        let _ = write!(
            out,
            "<li><span class=\"chip t-{ty}\" title=\"{ty}\"></span>{} <span class=\"n\">{ty} ×{}",
            link(id, format!("e{}-0", e.id), &e.name),
            e.count
        );
        later_links(out, id, e.mentions.len(), |k| {
            (format!("e{}-{k}", e.id), (k + 1).to_string())
        });
        out.push_str("</span></li>\n");
    }
    out.push_str("</ul>\n");
}

fn duplicate_list(out: &mut String, report: &Report, id: &dyn Fn(String) -> String) {
    if report.duplicates.is_empty() {
        return;
    }
    out.push_str("<h3>Duplicated passages</h3>\n<ul>\n");
    for (g, d) in report.duplicates.iter().enumerate() {
        let first = d
            .passages
            .first()
            .map_or(String::new(), |p| snippet(&p.text, 50));
        let _ = write!(
            out,
            "<li>{} <span class=\"n\">{} {:.3}",
            link(id, format!("d{g}-0"), &first),
            d.kind.as_str(),
            d.similarity
        );
        later_links(out, id, d.passages.len(), |k| {
            (format!("d{g}-{k}"), format!("copy {}", k + 1))
        });
        out.push_str("</span></li>\n");
    }
    out.push_str("</ul>\n");
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped for HTML text and attribute values; control characters other than line
/// breaks and tabs become U+FFFD.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_escaped_everywhere() {
        let text = "<script>alert(1)</script>\n\nMr. \"><img src=x onerror=alert(1)> Smith said: “<b>bold</b> & more,” he added.\n";
        let report = crate::analyze(text, "<id onload=x>".into());
        let html = page(text, &report);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<id"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // (a quotation may open at the straight mark, so the view's own tag can stand between)
        assert!(html.contains("&quot;"));
        assert!(html.contains("&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn tags_stay_nested_when_marks_overlap() {
        let text = include_str!("../../fixtures/kazakh-gorbachev.txt");
        let report = crate::analyze(text, "seed".into());
        let html = article(0, text, &report);
        let mut depth: i64 = 0;
        let mut i = 0;
        while let Some(off) = html[i..].find('<') {
            i += off;
            if html[i..].starts_with("<span") {
                depth += 1;
            } else if html[i..].starts_with("</span>") {
                depth -= 1;
                assert!(depth >= 0, "a span closed before it opened");
            } else if html[i..].starts_with("</p>") {
                assert_eq!(depth, 0, "a span left open across a paragraph");
            }
            i += 1;
        }
        assert_eq!(depth, 0);
        // every quote and every mention has its anchor, and every link has its target
        for (k, _) in report.quotes.iter().enumerate() {
            assert!(html.contains(&format!("id=\"a0-q{k}\"")));
        }
        for e in &report.entities {
            for k in 0..e.mentions.len() {
                assert!(
                    html.contains(&format!("id=\"a0-e{}-{k}\"", e.id)),
                    "mention {k} of {}",
                    e.name
                );
            }
        }
        for href in html.split("href=\"#").skip(1) {
            let target = &href[..href.find('"').unwrap()];
            assert!(
                html.contains(&format!("id=\"{target}\"")),
                "no target for #{target}"
            );
        }
    }
}
