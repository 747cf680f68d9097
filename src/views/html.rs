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

use super::{byte_offsets, id_text, label, quotes_by_speaker, snippet};
use crate::report::{Report, SectionKind};

/// The page's start: the document head with its style sheet.
pub const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="analyze">
<title>analyze</title>
<style>
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1d1d1f; background: #f4f3ef; }
article.report { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1.5rem; max-width: 78rem; margin: 0 auto; padding: 1.5rem; border-bottom: 3px double #bbb; }
.text { background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
aside { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto; }
aside h2 { font-size: 15px; margin: 0 0 .5rem; word-break: break-all; }
aside h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #666; margin: 1.1rem 0 .3rem; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside li { margin: .15rem 0; }
aside a { color: #0b57a4; text-decoration: none; }
aside a:hover { text-decoration: underline; }
aside .n { color: #888; font-size: 12px; }
aside .role { color: #555; font-size: 12px; display: block; }
.warning { background: #fff4d6; border-left: 3px solid #e0a800; padding: .3rem .5rem; margin: .3rem 0; }
section.sec { position: relative; margin: 0 0 1rem; padding: .4rem .8rem .1rem; border-left: 4px solid #ddd; border-radius: 3px; }
section.sec > .label { position: absolute; top: -.15rem; right: .4rem; font: 11px sans-serif; text-transform: uppercase; letter-spacing: .05em; color: #777; }
.sec-headline { background: #eef4fb; border-color: #5b8fd6 !important; font-size: 1.5em; font-weight: bold; line-height: 1.25; }
.sec-kicker, .sec-dek, .sec-byline, .sec-dateline { background: #f1f5f9; border-color: #94a3b8 !important; font-family: sans-serif; font-size: .9em; }
.sec-body { background: #fff; border-color: #16a34a !important; }
.sec-sidebar { background: #fdf6e3; border-color: #d4a72c !important; }
.sec-caption { background: #f5f0fa; border-color: #9b6bcc !important; font-style: italic; }
.sec-boilerplate { background: #f3f3f3; border-color: #bbb !important; color: #888; font-family: sans-serif; font-size: .85em; }
.sec-other { background: #fafafa; }
p { margin: .35rem 0 .6rem; }
p.title { font-weight: bold; }
.dup { background: #fbd9d9; }
.dup-first { background: #fdeeee; }
a.dupref { font: 11px sans-serif; color: #c02020; margin-left: .25rem; }
.quote { background: #fff6bf; border-radius: 2px; }
.quote-partial { background: #fffbe0; }
sup.who { font: 11px sans-serif; color: #6b5600; background: #ffe98a; border-radius: 3px; padding: 0 .25rem; margin-left: .2rem; }
.ent { border-bottom: 2px solid; }
.t-PERSON { border-color: #16a34a; } .t-ORG { border-color: #2563eb; } .t-GPE { border-color: #c026d3; }
.t-LOC { border-color: #9333ea; } .t-NORP { border-color: #d97706; } .t-FAC { border-color: #0891b2; }
.chip { display: inline-block; width: .65rem; height: .65rem; border-radius: 2px; margin-right: .3rem; vertical-align: baseline; }
.chip.t-PERSON { background: #16a34a; } .chip.t-ORG { background: #2563eb; } .chip.t-GPE { background: #c026d3; }
.chip.t-LOC { background: #9333ea; } .chip.t-NORP { background: #d97706; } .chip.t-FAC { background: #0891b2; }
:target { outline: 3px solid #ff8c00 !important; }
@media (max-width: 900px) { article.report { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
</style>
</head>
<body>
"#;

/// The page's end.
pub const TAIL: &str = "</body>\n</html>\n";

/// A whole page for one report.
pub fn page(text: &str, report: &Report) -> String {
    format!("{HEAD}{}{TAIL}", article(0, text, report))
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

/// One report's `<article>`: the annotated text and its side panel. `n` numbers the article on the
/// page, so that its anchors are unique.
pub fn article(n: usize, text: &str, report: &Report) -> String {
    let id = |s: String| format!("a{n}-{s}");
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

    // the blocks: each section's paragraphs, a sidebar's title as one more
    struct Block {
        start: usize,
        end: usize,
        section: usize,
        title: bool,
    }
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

    let mut cuts: Vec<usize> = blocks.iter().flat_map(|b| [b.start, b.end]).collect();
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let bytes = byte_offsets(text, &cuts);
    let byte_at =
        |offset: usize| -> usize { cuts.binary_search(&offset).map_or(text.len(), |i| bytes[i]) };

    let mut body = String::new();
    let mut open_section: Option<usize> = None;
    let mut opened = vec![false; marks.len()];
    let mut next_mark = 0;
    let mut active: Vec<usize> = Vec::new();
    for block in &blocks {
        if open_section != Some(block.section) {
            if open_section.is_some() {
                body.push_str("</section>\n");
            }
            let s = &report.sections[block.section];
            let kind = label(&s.kind);
            let _ = writeln!(
                body,
                "<section class=\"sec sec-{kind}\" id=\"{}\"><span class=\"label\">{kind}</span>",
                id(format!("s{}", block.section))
            );
            open_section = Some(block.section);
        }
        body.push_str(if block.title {
            "<p class=\"title\">"
        } else {
            "<p>"
        });
        // the cuts inside this block
        let from = cuts.partition_point(|&c| c < block.start);
        let to = cuts.partition_point(|&c| c <= block.end);
        let inner = &cuts[from..to];
        for w in inner.windows(2) {
            let (a, b) = (w[0], w[1]);
            active.retain(|&i| marks[i].end > a);
            while next_mark < marks.len() && marks[next_mark].start <= a {
                if marks[next_mark].end > a {
                    active.push(next_mark);
                }
                next_mark += 1;
            }
            let mut here: Vec<usize> = active
                .iter()
                .copied()
                .filter(|&i| marks[i].start <= a && marks[i].end >= b)
                .collect();
            here.sort_by_key(|&i| (layer_rank(marks[i].layer), marks[i].start));
            for &i in &here {
                body.push_str(&open_tag(report, &marks[i], !opened[i], &id));
                opened[i] = true;
            }
            escape_into(&mut body, text.get(byte_at(a)..byte_at(b)).unwrap_or(""));
            for &i in here.iter().rev() {
                body.push_str("</span>");
                if marks[i].end == b {
                    body.push_str(&after_tag(report, &marks[i], &id));
                }
            }
        }
        body.push_str("</p>\n");
    }
    if open_section.is_some() {
        body.push_str("</section>\n");
    }

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
                label(&d.kind),
                d.similarity
            );
            (class.to_string(), format!("d{group}-{copy}"), title)
        }
        Layer::Quote(i) => {
            let q = &report.quotes[i];
            let who = q
                .speaker
                .as_ref()
                .map_or("no speaker named".to_string(), |s| match &s.role {
                    Some(r) => format!("{}, {r}", s.name),
                    None => s.name.clone(),
                });
            (
                format!("quote quote-{}", label(&q.kind)),
                format!("q{i}"),
                format!("{} quote: {who}", label(&q.kind)),
            )
        }
        Layer::Mention { entity, mention } => {
            let e = &report.entities[entity];
            let ty = label(&e.kind);
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

/// The side panel: warnings, outline, speakers, entities, duplicates.
fn panel(report: &Report, id: &dyn Fn(String) -> String) -> String {
    let link = |anchor: String, text: &str| -> String {
        let mut a = format!("<a href=\"#{}\">", id(anchor));
        escape_into(&mut a, text);
        a.push_str("</a>");
        a
    };
    let mut out = String::from("<aside>\n<h2>");
    escape_into(&mut out, &id_text(report));
    let _ = writeln!(
        out,
        "</h2>\n<div class=\"n\">{} characters</div>",
        report.chars
    );
    for w in &report.warnings {
        out.push_str("<div class=\"warning\">");
        escape_into(&mut out, &format!("{}: {}", w.kind, w.message));
        out.push_str("</div>\n");
    }

    out.push_str("<h3>Outline</h3>\n<ul>\n");
    for (i, s) in report.sections.iter().enumerate() {
        let what = match s.kind {
            SectionKind::Body => format!("{} paragraphs", s.paragraphs.len()),
            _ => snippet(s.title.as_deref().unwrap_or(&s.text), 40),
        };
        let _ = writeln!(
            out,
            "<li>{} <span class=\"n\">{}</span></li>",
            link(format!("s{i}"), &label(&s.kind)),
            escape(&what)
        );
    }
    out.push_str("</ul>\n");

    if !report.quotes.is_empty() {
        out.push_str("<h3>Speakers</h3>\n<ul>\n");
        for speaker in quotes_by_speaker(report) {
            let quotes = &speaker.quotes;
            let name = speaker.name.unwrap_or("(no speaker named)");
            let _ = write!(
                out,
                "<li>{} <span class=\"n\">",
                link(format!("q{}", quotes[0]), name)
            );
            for (k, &i) in quotes.iter().enumerate() {
                let _ = write!(out, " {}", link(format!("q{i}"), &(k + 1).to_string()));
            }
            out.push_str("</span>");
            if let Some(r) = speaker.role {
                let _ = write!(out, "<span class=\"role\">{}</span>", escape(r));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    if !report.entities.is_empty() {
        out.push_str("<h3>Entities</h3>\n<ul>\n");
        let mut entities: Vec<_> = report.entities.iter().collect();
        entities.sort_by(|a, b| {
            label(&a.kind)
                .cmp(&label(&b.kind))
                .then(b.count.cmp(&a.count))
                .then(a.id.cmp(&b.id))
        });
        for e in entities {
            let ty = label(&e.kind);
            let _ = write!(
                out,
                "<li><span class=\"chip t-{ty}\" title=\"{ty}\"></span>{} <span class=\"n\">{ty} ×{}",
                link(format!("e{}-0", e.id), &e.name),
                e.count
            );
            if e.mentions.len() > 1 {
                for k in 1..e.mentions.len().min(30) {
                    let _ = write!(
                        out,
                        " {}",
                        link(format!("e{}-{k}", e.id), &(k + 1).to_string())
                    );
                }
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n");
    }

    if !report.duplicates.is_empty() {
        out.push_str("<h3>Duplicated passages</h3>\n<ul>\n");
        for (g, d) in report.duplicates.iter().enumerate() {
            let first = d
                .passages
                .first()
                .map_or(String::new(), |p| snippet(&p.text, 50));
            let _ = write!(
                out,
                "<li>{} <span class=\"n\">{} {:.3}",
                link(format!("d{g}-0"), &first),
                label(&d.kind),
                d.similarity
            );
            for k in 1..d.passages.len().min(30) {
                let _ = write!(
                    out,
                    " {}",
                    link(format!("d{g}-{k}"), &format!("copy {}", k + 1))
                );
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</aside>\n");
    out
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
