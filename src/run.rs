//! One run of the command: expand the inputs, analyse each record, print each report in input order.
//!
//! Records are analysed and rendered in chunks of [`CHUNK`] on a thread pool (`--threads`) while this
//! thread reads the next chunk and writes the finished one, in input order: the output is the same
//! byte for byte at any thread count, and at most [`IN_FLIGHT`] chunks are held at a time, so memory
//! stays flat however long the stream. With `--threads 1` everything runs on this one thread. With
//! `--cross-article` each article depends on the ones before it, so the records are analysed one
//! after another.
//!
//! Per-input failures are reported (an error line on stdout, a message on stderr) and the run goes on;
//! they only change the exit status. A closed stdout ends the run quietly.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc;

use rayon::prelude::*;

use crate::cli::{ColorChoice, Config, Format, InputFormat, Layout};
use crate::input::{self, Reading, Record};
use crate::output::dir::ReportDir;
use crate::output::{self, Rendered};
use crate::report::{self, DedupedText, ErrorRecord, id_text};
use crate::{Analyzer, views};

/// What is printed for each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Product {
    Report,
    /// `--dedupe`: the text, plain (one text input) or as JSON Lines records.
    Deduped {
        plain: bool,
    },
}

/// How each record's output looks.
#[derive(Debug, Clone, Copy)]
struct Look {
    format: Format,
    /// Indented JSON.
    pretty: bool,
    /// ANSI colour in the text view.
    colour: bool,
    /// Each HTML report a page of its own (one input, or one file each); else articles of one page.
    page_each: bool,
}

/// Records analysed together on the thread pool.
const CHUNK: usize = 64;

/// Chunks handed to the pool and not yet written: one being written or read while the pool works
/// on the other.
const IN_FLIGHT: usize = 2;

/// What is printed for one record.
enum Outcome {
    /// The report and the text it describes (for the views).
    Report(Box<report::Report>, String),
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
    if let Some(shell) = config.completions {
        crate::cli::completions(shell, &mut out);
        out.flush()?;
        return Ok(EXIT_OK);
    }
    if config.man {
        crate::cli::man_page(&mut out)?;
        out.flush()?;
        return Ok(EXIT_OK);
    }
    if config.dedupe && config.format != Format::Json {
        eprintln!("analyze: --dedupe prints the text itself; --format applies to reports");
        return Ok(EXIT_USAGE);
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
    let look = Look {
        format: config.format,
        pretty,
        colour: config.output_dir.is_none()
            && match config.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            },
        page_each: single || config.output_dir.is_some(),
    };
    let mut analyzer = Analyzer::new(config.options);
    let product = if config.dedupe {
        Product::Deduped { plain: single }
    } else {
        Product::Report
    };
    let reading = Reading {
        format: config.input_format,
        max_bytes: config.max_bytes,
        follow: config.follow,
    };
    let report_dir = match &config.output_dir {
        Some(dir) => match ReportDir::open(dir, config.redo, extension(config.format)) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("analyze: --output-dir {}: {e}", dir.display());
                return Ok(EXIT_USAGE);
            }
        },
        None => None,
    };
    let mut skipped = 0;
    let records =
        input::sources(&config.paths, &glob, reading.follow).flat_map(move |source| match source {
            Ok(source) => input::records(source, reading),
            Err(record) => Box::new(std::iter::once(record)),
        });
    // with --output-dir, inputs whose report is already written are not analysed again
    let records = records.filter(|r| {
        let skip = r.text.is_ok() && report_dir.as_ref().is_some_and(|d| d.done(&r.id));
        skipped += usize::from(skip);
        !skip
    });
    let mut records = records.enumerate();
    let bar = crate::progress::bar(&config.paths, &glob, reading, single);
    let say = |message: &str| match &bar {
        Some(bar) => bar.suspend(|| eprintln!("analyze: {message}")),
        None => eprintln!("analyze: {message}"),
    };
    let mut failed = false;
    let mut written = 0;
    // one HTML page holding every article when they all go to standard output
    let shared_page = look.format == Format::Html && !look.page_each;
    if shared_page {
        out.write_all(views::html::HEAD.as_bytes())?;
    }
    let mut write = |out: &mut io::BufWriter<_>, r: Rendered| -> io::Result<()> {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        if let Some(message) = &r.failure {
            say(message);
            failed = true;
        }
        match &report_dir {
            None => {
                out.write_all(&r.bytes)?;
                if terminal {
                    out.flush()?;
                }
            }
            Some(_) if r.failure.is_some() => {}
            Some(dir) => match dir.write(&r.id, r.source.as_deref(), &r.bytes) {
                Ok(()) => written += 1,
                Err(e) => {
                    say(&format!("{}: {e}", id_text(&r.id)));
                    failed = true;
                }
            },
        }
        Ok(())
    };
    if config.options.cross_article || config.threads == 1 {
        for (n, record) in records.by_ref() {
            write(&mut out, analyse(&mut analyzer, product, look, n, record)?)?;
        }
    } else {
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
        let options = config.options;
        let mut pending: VecDeque<mpsc::Receiver<io::Result<Vec<Rendered>>>> = VecDeque::new();
        loop {
            let chunk: Vec<(usize, Record)> = records.by_ref().take(CHUNK).collect();
            let done = chunk.is_empty();
            if !done {
                let (tx, rx) = mpsc::sync_channel(1);
                pool.spawn(move || {
                    let rendered = chunk
                        .into_par_iter()
                        .map(|(n, r)| analyse(&mut Analyzer::new(options), product, look, n, r))
                        .collect();
                    // the receiver is gone only when the run has already ended on an error
                    let _ = tx.send(rendered);
                });
                pending.push_back(rx);
            }
            if pending.len() >= IN_FLIGHT || done {
                let Some(rx) = pending.pop_front() else { break };
                let rendered = rx
                    .recv()
                    .map_err(|_| io::Error::other("an analysis thread stopped"))??;
                for r in rendered {
                    write(&mut out, r)?;
                }
            }
        }
    }
    if shared_page {
        out.write_all(views::html::TAIL.as_bytes())?;
    }
    out.flush()?;
    drop(records);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if let Some(dir) = &config.output_dir {
        let mut summary = format!("analyze: {written} report(s) written to {}", dir.display());
        if skipped > 0 {
            summary.push_str(&format!(
                ", {skipped} skipped (already there; --redo to analyse them again)"
            ));
        }
        eprintln!("{summary}");
    }
    Ok(if failed { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// Analyses one record and renders what is printed for it.
fn analyse(
    analyzer: &mut Analyzer,
    product: Product,
    look: Look,
    n: usize,
    record: Record,
) -> io::Result<Rendered> {
    let id = record.id.clone();
    let source = record.path.clone();
    // a bug in a stage must cost one record, not the run: the panic is reported (the default hook
    // prints it) and the record gets an error line
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outcome(analyzer, product, record)
    }))
    .unwrap_or_else(|_| {
        Outcome::Failed(ErrorRecord {
            id: id.clone(),
            error: "internal error: the analysis panicked (please report it with this input)"
                .to_string(),
        })
    });
    let (bytes, failure) = render(analysed, look, n)?;
    Ok(Rendered {
        bytes,
        failure,
        id,
        source,
    })
}

/// Analyses one record.
fn outcome(analyzer: &mut Analyzer, product: Product, record: Record) -> Outcome {
    match record.text {
        Ok(decoded) => {
            let text = decoded.text;
            match product {
                Product::Report => {
                    let mut report = analyzer.analyze(&text, record.id);
                    report.warnings = decoded.warnings;
                    Outcome::Report(Box::new(report), text)
                }
                Product::Deduped { plain: true } => {
                    Outcome::Plain(analyzer.dedupe(&text, record.id))
                }
                Product::Deduped { plain: false } => {
                    let text = analyzer.dedupe(&text, record.id.clone());
                    Outcome::Deduped(DedupedText {
                        id: record.id,
                        text,
                    })
                }
            }
        }
        Err(error) => Outcome::Failed(ErrorRecord {
            id: record.id,
            error,
        }),
    }
}

/// Renders one outcome (record `n` of the run) as the bytes to print and, for a failure, its stderr
/// message.
fn render(outcome: Outcome, look: Look, n: usize) -> io::Result<(Vec<u8>, Option<String>)> {
    Ok(match outcome {
        Outcome::Report(r, text) => (
            match look.format {
                Format::Json => output::json(&r, look.pretty)?,
                Format::Text => {
                    let mut view = views::text::render(&r, look.colour);
                    if !look.page_each {
                        view.push('\n');
                    }
                    view.into_bytes()
                }
                Format::Html if look.page_each => views::html::page(&text, &r).into_bytes(),
                Format::Html => views::html::article(n, &text, &r).into_bytes(),
            },
            None,
        ),
        Outcome::Plain(text) => (text.into_bytes(), None),
        Outcome::Deduped(d) => (output::json(&d, look.pretty)?, None),
        Outcome::Failed(e) => {
            let message = format!("{}: {}", id_text(&e.id), e.error);
            let bytes = match look.format {
                Format::Json => output::json(&e, look.pretty)?,
                Format::Text => format!(
                    "{}\n\n",
                    views::text::clean(&format!("{message} (not analysed)"))
                )
                .into_bytes(),
                Format::Html if look.page_each => {
                    let fragment = views::html::failure(n, &message);
                    format!("{}{fragment}{}", views::html::HEAD, views::html::TAIL).into_bytes()
                }
                Format::Html => views::html::failure(n, &message).into_bytes(),
            };
            (bytes, Some(message))
        }
    })
}

/// The file extension of a report in `format`.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Text => "txt",
        Format::Html => "html",
    }
}
