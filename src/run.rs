//! One run of the command: expand the inputs, analyse each record, print each report in input order.
//!
//! Per-input failures are reported (an error line on stdout, a message on stderr) and the run goes on;
//! they only change the exit status. A closed stdout ends the run quietly.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::Analyzer;
use crate::cli::{Config, InputFormat, Layout};
use crate::input::{self, Record};
use crate::output::Printer;
use crate::report::{self, DedupedText, ErrorRecord};

/// What is printed for each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Product {
    Report,
    /// `--dedupe`: the text, plain (one text input) or as JSON Lines records.
    Deduped {
        plain: bool,
    },
}

/// Exit statuses.
pub const EXIT_OK: u8 = 0;
pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Runs the command described by `config` and returns the process's exit status.
pub fn run(config: &Config) -> ExitCode {
    match try_run(config) {
        Ok(status) => ExitCode::from(status),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("analyze: {e}");
            ExitCode::from(EXIT_SOME_FAILED)
        }
    }
}

fn try_run(config: &Config) -> io::Result<u8> {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    if config.notices {
        out.write_all(crate::entities::NOTICES.as_bytes())?;
        out.flush()?;
        return Ok(EXIT_OK);
    }
    if config.schema {
        serde_json::to_writer_pretty(&mut out, &report::schema())?;
        writeln!(out)?;
        out.flush()?;
        return Ok(EXIT_OK);
    }
    let glob = match input::matcher(&config.glob) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("analyze: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    let single = config.paths.len() == 1
        && config.input_format == InputFormat::Text
        && !input::is_dir(&config.paths[0]);
    let pretty = match config.layout {
        Layout::Pretty => true,
        Layout::Compact => false,
        Layout::Auto => single && terminal,
    };
    let mut printer = Printer::new(out, pretty);
    let mut analyzer = Analyzer::new(config.options);
    let product = if config.dedupe {
        Product::Deduped { plain: single }
    } else {
        Product::Report
    };
    let mut failed = false;
    for source in input::sources(&config.paths, &glob) {
        let records = match source {
            Ok(source) => input::records(source, config.input_format),
            Err(record) => Box::new(std::iter::once(record)),
        };
        for record in records {
            failed |= !emit(&mut printer, &mut analyzer, product, record)?;
        }
        if terminal {
            printer.flush()?;
        }
    }
    printer.flush()?;
    Ok(if failed { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// Analyses and prints one record; returns whether it succeeded.
fn emit<W: Write>(
    printer: &mut Printer<W>,
    analyzer: &mut Analyzer,
    product: Product,
    record: Record,
) -> io::Result<bool> {
    match record.text {
        Ok(text) => {
            match product {
                Product::Report => printer.report(&analyzer.analyze(&text, record.id))?,
                Product::Deduped { plain: true } => {
                    printer.text(&analyzer.dedupe(&text, record.id))?
                }
                Product::Deduped { plain: false } => {
                    let text = analyzer.dedupe(&text, record.id.clone());
                    printer.deduped(&DedupedText {
                        id: record.id,
                        text,
                    })?
                }
            }
            Ok(true)
        }
        Err(error) => {
            let id = match &record.id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            eprintln!("analyze: {id}: {error}");
            printer.error(&ErrorRecord {
                id: record.id,
                error,
            })?;
            Ok(false)
        }
    }
}
