//! `--format text`: a summary of one report for the terminal: headline and section outline,
//! duplicated passages, quotes grouped by speaker with their roles, and an entity table.
//!
//! Article text never reaches the terminal raw: control characters become visible symbols (ESC
//! shows as ␛), and C1 controls and bidirectional overrides become U+FFFD, so an article cannot
//! move the cursor, retitle the window or reorder what is shown. Colour (ANSI SGR only) is used when
//! asked; the run decides that from the terminal, `--color` and `NO_COLOR`.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::{id_text, label, quotes_by_speaker, snippet};
use crate::report::{EntityKind, Report, SectionKind};

/// How wide snippets of the article are, in characters.
const SNIPPET: usize = 90;

/// The summary of `report`.
pub fn render(report: &Report, colour: bool) -> String {
    let paint = |style: Style, s: &str| -> String {
        if colour {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    };
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let heading = |s: &str| paint(bold.underline(), s);
    let mut out = String::new();

    let _ = writeln!(
        out,
        "{} {}",
        paint(bold, &clean(&id_text(report))),
        paint(dim, &format!("({} characters)", report.chars))
    );
    if let Some(h) = report
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Headline)
    {
        let _ = writeln!(
            out,
            "{}",
            paint(
                bold.fg_color(Some(AnsiColor::Cyan.into())),
                &clean(&snippet(&h.text, 200))
            )
        );
    }
    for w in &report.warnings {
        let at = w.at.map(|a| format!(" at {a}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {}{at}: {}",
            paint(
                Style::new().fg_color(Some(AnsiColor::Yellow.into())),
                "warning"
            ),
            w.kind,
            clean(&w.message)
        );
    }

    let _ = writeln!(out, "\n{}", heading("Sections"));
    for s in &report.sections {
        let what = match (&s.title, s.kind) {
            (Some(t), _) => format!("“{}”, {} paragraph(s)", snippet(t, 60), s.paragraphs.len()),
            (None, SectionKind::Body) => format!(
                "{} paragraphs, {} characters",
                s.paragraphs.len(),
                s.end - s.start
            ),
            _ => snippet(&s.text, SNIPPET - 20),
        };
        let _ = writeln!(
            out,
            "  {:<11} {} {}",
            label(&s.kind),
            paint(dim, &format!("{:>6}–{:<6}", s.start, s.end)),
            clean(&what)
        );
    }

    if !report.duplicates.is_empty() {
        let _ = writeln!(out, "\n{}", heading("Duplicated passages"));
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
                label(&d.kind),
                d.similarity,
                paint(dim, &places.join(", "))
            );
            let _ = writeln!(out, "        {}", clean(&first));
        }
    }

    if !report.quotes.is_empty() {
        let _ = writeln!(out, "\n{}", heading("Quotes by speaker"));
        for speaker in quotes_by_speaker(report) {
            let name = speaker
                .name
                .map_or_else(|| "(no speaker)".to_string(), |n| paint(bold, &clean(n)));
            let role = speaker
                .role
                .map(|r| format!(", {}", clean(r)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {name}{role} {}",
                paint(dim, &format!("({})", speaker.quotes.len()))
            );
            for q in speaker.quotes.iter().map(|&i| &report.quotes[i]) {
                let cue = q
                    .cue
                    .as_ref()
                    .map(|c| format!("{}, ", clean(&c.text)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    “{}” {}",
                    clean(&snippet(&q.text, SNIPPET)),
                    paint(dim, &format!("({cue}{}, ¶{})", label(&q.kind), q.paragraph))
                );
            }
        }
    }

    if !report.entities.is_empty() {
        let _ = writeln!(out, "\n{}", heading("Entities"));
        let _ = writeln!(
            out,
            "  {}",
            paint(dim, &format!("{:<7} {:>5}  name", "type", "count"))
        );
        let mut entities: Vec<_> = report.entities.iter().collect();
        entities.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
        for e in entities {
            let colour = match e.kind {
                EntityKind::Person => AnsiColor::Green,
                EntityKind::Org => AnsiColor::Blue,
                EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => AnsiColor::Magenta,
                EntityKind::Norp => AnsiColor::Yellow,
            };
            let ty = paint(
                Style::new().fg_color(Some(colour.into())),
                &format!("{:<7}", label(&e.kind)),
            );
            let headline = if e.in_headline {
                paint(dim, "  (in the headline)")
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {ty} {:>5}  {}{headline}", e.count, clean(&e.name));
        }
    }
    out
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
