//! One run of the command: expand the inputs, analyse each record, print each report in input order.
//!
//! Records are analysed in chunks of [`CHUNK`] on a thread pool (`--threads`) and printed in input
//! order, so the output is the same byte for byte at any thread count and no more than one chunk of
//! work is held at a time. With `--cross-article` each article depends on the ones before it, so the
//! records are analysed one after another.
//!
//! Per-input failures are reported (an error line on stdout, a message on stderr) and the run goes on;
//! they only change the exit status. A closed stdout ends the run quietly.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use rayon::prelude::*;

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

/// Records analysed together on the thread pool.
const CHUNK: usize = 64;

/// What is printed for one record.
enum Outcome {
    Report(Box<report::Report>),
    Plain(String),
    Deduped(DedupedText),
    Failed(ErrorRecord),
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
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("analyze: cannot start {} threads: {e}", config.threads);
            return Ok(EXIT_USAGE);
        }
    };
    let format = config.input_format;
    let mut records = input::sources(&config.paths, &glob).flat_map(move |source| match source {
        Ok(source) => input::records(source, format),
        Err(record) => Box::new(std::iter::once(record)),
    });
    let mut failed = false;
    loop {
        let chunk: Vec<Record> = records.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = if config.options.cross_article {
            chunk
                .into_iter()
                .map(|r| outcome(&mut analyzer, product, r))
                .collect()
        } else {
            let options = config.options;
            pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|r| outcome(&mut Analyzer::new(options), product, r))
                    .collect()
            })
        };
        for o in outcomes {
            failed |= !print(&mut printer, o)?;
        }
        if terminal {
            printer.flush()?;
        }
    }
    printer.flush()?;
    Ok(if failed { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// Analyses one record.
fn outcome(analyzer: &mut Analyzer, product: Product, record: Record) -> Outcome {
    match record.text {
        Ok(text) => match product {
            Product::Report => Outcome::Report(Box::new(analyzer.analyze(&text, record.id))),
            Product::Deduped { plain: true } => Outcome::Plain(analyzer.dedupe(&text, record.id)),
            Product::Deduped { plain: false } => {
                let text = analyzer.dedupe(&text, record.id.clone());
                Outcome::Deduped(DedupedText {
                    id: record.id,
                    text,
                })
            }
        },
        Err(error) => Outcome::Failed(ErrorRecord {
            id: record.id,
            error,
        }),
    }
}

/// Prints one outcome (a failure also on stderr); returns whether the record succeeded.
fn print<W: Write>(printer: &mut Printer<W>, outcome: Outcome) -> io::Result<bool> {
    match outcome {
        Outcome::Report(r) => printer.report(&r)?,
        Outcome::Plain(text) => printer.text(&text)?,
        Outcome::Deduped(d) => printer.deduped(&d)?,
        Outcome::Failed(e) => {
            let id = match &e.id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            eprintln!("analyze: {id}: {}", e.error);
            printer.error(&e)?;
            return Ok(false);
        }
    }
    Ok(true)
}
