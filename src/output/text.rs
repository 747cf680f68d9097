//! `--format text`: a summary of one report for the terminal: headline and section outline,
//! duplicated passages, quotes grouped by speaker with their roles, reported speech, and an entity
//! table.
//!
//! Article text never reaches the terminal raw: control characters become visible symbols (ESC
//! shows as ␛), and C1 controls and bidirectional overrides become U+FFFD, so an article cannot
//! move the cursor, retitle the window or reorder what is shown. Colour (ANSI SGR only) is used when
//! asked; the run decides that from the terminal, `--color` and `NO_COLOR`.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::{NO_SPEAKER, count, id_text, quotes_by_speaker, reported_speech, snippet};
use crate::report::{EntityKind, Passage, Report, SectionKind};

/// How wide snippets of the article are, in characters.
const SNIPPET: usize = 90;

/// The summary of `report`.
pub fn render(report: &Report, colour: bool) -> String {
    let p = Painter { colour };
    let mut out = String::new();
    header(&mut out, report, p);
    if report.sections.is_empty() {
        let what = if report.chars == 0 {
            "The article is empty: nothing to analyse."
        } else {
            "The article holds only blank space: nothing to analyse."
        };
        let _ = writeln!(out, "\n{what}");
        return out;
    }
    sections(&mut out, report, p);
    duplicates(&mut out, report, p);
    quotes(&mut out, report, p);
    reported(&mut out, report, p);
    entities(&mut out, report, p);
    out
}

/// Wraps text in ANSI styles, or leaves it plain.
#[derive(Clone, Copy)]
struct Painter {
    colour: bool,
}

impl Painter {
    fn paint(self, style: Style, s: &str) -> String {
        if self.colour {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }

    fn bold(self, s: &str) -> String {
        self.paint(Style::new().bold(), s)
    }

    fn dim(self, s: &str) -> String {
        self.paint(Style::new().dimmed(), s)
    }

    fn heading(self, s: &str) -> String {
        self.paint(Style::new().bold().underline(), s)
    }

    fn fg(self, colour: AnsiColor, s: &str) -> String {
        self.paint(Style::new().fg_color(Some(colour.into())), s)
    }
}

/// The input's id and size, the headline and the warnings.
fn header(out: &mut String, report: &Report, p: Painter) {
    let _ = writeln!(
        out,
        "{} {}",
        p.bold(&clean(&id_text(report))),
        p.dim(&format!("({} characters)", report.chars))
    );
    if let Some(h) = report
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Headline)
    {
        let style = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
        let _ = writeln!(out, "{}", p.paint(style, &clean(&snippet(&h.text, 200))));
    }
    for w in &report.warnings {
        let at = w.at.map(|a| format!(" at {a}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {}{at}: {}",
            p.fg(AnsiColor::Yellow, "warning"),
            w.kind.as_str(),
            clean(&w.message)
        );
    }
}

/// The outline: one line per section.
fn sections(out: &mut String, report: &Report, p: Painter) {
    let _ = writeln!(out, "\n{}", p.heading("Sections"));
    for s in &report.sections {
        let what = match (&s.title, s.kind) {
            (Some(t), _) => format!(
                "“{}”, {}",
                snippet(t, 60),
                count(s.paragraphs.len(), "paragraph")
            ),
            (None, SectionKind::Body) => format!(
                "{}, {}",
                count(s.paragraphs.len(), "paragraph"),
                count(s.end - s.start, "character")
            ),
            _ => snippet(&s.text, SNIPPET - 20),
        };
        let _ = writeln!(
            out,
            "  {:<11} {} {}",
            s.kind.as_str(),
            p.dim(&format!("{:>6}–{:<6}", s.start, s.end)),
            clean(&what)
        );
    }
}

/// Each group of duplicated passages: kind, similarity, places and the first copy's start.
fn duplicates(out: &mut String, report: &Report, p: Painter) {
    if report.duplicates.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.heading("Duplicated passages"));
    for d in &report.duplicates {
        let places: Vec<String> = d
            .passages
            .iter()
            .map(|p| format!("{}–{}", p.start, p.end))
            .collect();
        let first = d
            .passages
            .first()
            .map_or(String::new(), |p| snippet(&p.text, SNIPPET - 30));
        let _ = writeln!(
            out,
            "  {:<5} {:.3}  {}",
            d.kind.as_str(),
            d.similarity,
            p.dim(&places.join(", "))
        );
        let _ = writeln!(out, "        {}", clean(&first));
    }
}

/// The quotations grouped by speaker.
fn quotes(out: &mut String, report: &Report, p: Painter) {
    if report.quotes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.heading("Quotes by speaker"));
    for speaker in quotes_by_speaker(report) {
        let name = speaker
            .name
            .map_or_else(|| NO_SPEAKER.to_string(), |n| p.bold(&clean(n)));
        let role = speaker
            .role
            .map(|r| format!(", {}", clean(r)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {name}{role} {}",
            p.dim(&format!("({})", speaker.quotes.len()))
        );
        for q in speaker.quotes.iter().map(|&i| &report.quotes[i]) {
            let cue = cue_label(q.cue.as_ref());
            let _ = writeln!(
                out,
                "    “{}” {}",
                clean(&snippet(&q.text, SNIPPET)),
                p.dim(&format!("({cue}{}, ¶{})", q.kind.as_str(), q.paragraph))
            );
        }
    }
}

/// A cue as the views label a statement with it: "says, " (or nothing).
fn cue_label(cue: Option<&Passage>) -> String {
    cue.map(|c| format!("{}, ", clean(&c.text)))
        .unwrap_or_default()
}

/// Statements reported in the writer's words (indirect and mixed), in text order; the direct ones
/// are the quotes above.
fn reported(out: &mut String, report: &Report, p: Painter) {
    let items = reported_speech(report);
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.heading("Reported speech"));
    for a in items {
        let name = a
            .speaker
            .as_ref()
            .map_or_else(|| NO_SPEAKER.to_string(), |s| p.bold(&clean(&s.name)));
        let cue = cue_label(a.cue.as_ref());
        let _ = writeln!(
            out,
            "  {name}: {} {}",
            clean(&snippet(&a.text, SNIPPET)),
            p.dim(&format!("({cue}{})", a.kind.as_str()))
        );
    }
}

/// The entity table, most mentioned first.
fn entities(out: &mut String, report: &Report, p: Painter) {
    if report.entities.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.heading("Entities"));
    let _ = writeln!(
        out,
        "  {}",
        p.dim(&format!("{:<7} {:>5}  name", "type", "count"))
    );
    let mut entities: Vec<_> = report.entities.iter().collect();
    entities.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    for e in entities {
        let colour = match e.kind {
            EntityKind::Person => AnsiColor::Green,
            EntityKind::Org => AnsiColor::Blue,
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => AnsiColor::Magenta,
            EntityKind::Norp | EntityKind::Misc => AnsiColor::Yellow,
        };
        let ty = p.fg(colour, &format!("{:<7}", e.kind.as_str()));
        let headline = if e.in_headline {
            p.dim("  (in the headline)")
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {ty} {:>5}  {}{headline}", e.count, clean(&e.name));
    }
}

/// Article text made safe for a terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7F}' => '\u{2421}',
            '\u{80}'..='\u{9F}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_shown_not_obeyed() {
        let evil = "a\u{1b}[31mred\u{1b}]0;title\u{7}\u{9b}2J\u{202e}b";
        let c = clean(evil);
        assert!(!c.chars().any(|c| c.is_control()));
        assert_eq!(c, "a␛[31mred␛]0;title␇\u{FFFD}2J\u{FFFD}b");
    }

    #[test]
    fn the_seed_summary_has_every_part_and_no_colour_unless_asked() {
        let text = include_str!("../../fixtures/kazakh-gorbachev.txt");
        let report = crate::analyze(text, "seed".into());
        let plain = render(&report, false);
        assert!(!plain.contains('\u{1b}'));
        for part in [
            "Sections",
            "Duplicated passages",
            "Quotes by speaker",
            "Reported speech",
            "Some analysts",
            "Entities",
            "Andrey Kortunov",
            "head of the Russian International Affairs Council",
            "PERSON",
        ] {
            assert!(plain.contains(part), "{part} missing:\n{plain}");
        }
        assert!(render(&report, true).contains("\u{1b}["));
    }
}
