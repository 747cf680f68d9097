//! Standard error during a batch run: the progress bar (inputs done, rate, time left), shown only
//! when stderr is a terminal, there is more than one input to wait for, and the reports do not go
//! to that terminal too (a bar redrawn between lines of output would be printed into them), and the
//! messages about
//! inputs that failed, printed above the bar with every control character made visible (an id or
//! a file name cannot move the cursor or retitle the window).
//!
//! The total comes from a quick count before the run: the files a walk will read, or the lines of
//! JSON Lines files. Standard input cannot be counted ahead, so it gets a counter without an end.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use globset::GlobMatcher;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::flags::InputFormat;
use super::records::Reading;
use super::sources::{self, Source};

/// Prints messages on stderr, above the progress bar if there is one. Cheap to clone: the file
/// writer thread says its failures through a clone.
#[derive(Clone, Default)]
pub struct Messages {
    bar: Option<ProgressBar>,
}

impl Messages {
    /// Messages above `bar`.
    pub fn new(bar: Option<ProgressBar>) -> Messages {
        Messages { bar }
    }

    /// `analyze: MESSAGE` on stderr, control characters neutralised.
    pub fn say(&self, message: &str) {
        let line = format!("analyze: {}", analyze::output::text::clean(message));
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// One more input done.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A bar for this run, or None when nobody would see it or it would share lines with the reports
/// (`reports_to_stdout` and standard output a terminal).
pub fn bar(
    paths: &[PathBuf],
    glob: &GlobMatcher,
    reading: Reading,
    single: bool,
    reports_to_stdout: bool,
) -> Option<ProgressBar> {
    if single || !io::stderr().is_terminal() || (reports_to_stdout && io::stdout().is_terminal()) {
        return None;
    }
    let mut total = Some(0u64);
    for source in sources::sources(paths, glob, reading.follow) {
        let n = match source {
            Ok(Source::Stdin) => None,
            Ok(source) => match (reading.format_of(&source), source) {
                (InputFormat::Jsonl, Source::File(path)) => count_lines(&path),
                _ => Some(1),
            },
            Err(_) => Some(1),
        };
        total = total.zip(n).map(|(a, b)| a + b);
    }
    let template = match total {
        Some(_) => "{bar:40.cyan/blue} {pos}/{len} inputs  {rate}  {eta} left",
        None => "{spinner} {pos} inputs  {rate}  {elapsed}",
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            },
        );
    Some(ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr()).with_style(style))
}

/// Lines of a file that could be records (a last line without a newline counts too).
fn count_lines(path: &PathBuf) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 16];
    let (mut lines, mut last) = (0u64, b'\n');
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        last = buf[n - 1];
    }
    Some(lines + u64::from(last != b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_with_or_without_a_final_newline() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, "x\ny\n").unwrap();
        assert_eq!(count_lines(&a), Some(2));
        std::fs::write(&a, "x\ny").unwrap();
        assert_eq!(count_lines(&a), Some(2));
        std::fs::write(&a, "").unwrap();
        assert_eq!(count_lines(&a), Some(0));
    }

    #[test]
    fn no_bar_when_stderr_is_not_a_terminal_or_for_one_input() {
        let glob = sources::matcher("*.txt", true).unwrap();
        let reading = Reading {
            format: Some(InputFormat::Text),
            max_bytes: 1,
            follow: false,
        };
        let paths = [PathBuf::from("a"), PathBuf::from("b")];
        assert!(bar(&paths, &glob, reading, true, false).is_none());
        // under cargo test stderr is captured, not a terminal
        if !io::stderr().is_terminal() {
            assert!(bar(&paths, &glob, reading, false, false).is_none());
        }
    }
}
