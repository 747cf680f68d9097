//! The batch loop: every record of the inputs analysed and rendered, and written in input order.
//!
//! Records are analysed and rendered in chunks of [`CHUNK`] on a thread pool (`--threads`) while this
//! thread reads the next chunk and writes the finished one, in input order: the output is the same
//! byte for byte at any thread count, and at most [`IN_FLIGHT`] chunks are held at a time, so memory
//! stays flat however long the stream (and more threads than [`MAX_THREADS`] would have nothing to
//! do). With `--threads 1` everything runs on this one thread. With `--cross-article` each article
//! depends on the ones before it, so the records are analysed one after another. With
//! `--output-dir` each record's report file is claimed as the record is read, in input order.
//!
//! Per-input failures are reported (an error line on stdout, a message on stderr) and the run goes on;
//! they only change the exit status.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::mpsc;

use analyze::Analyzer;
use analyze::output::{Format, Look};
use analyze::report::{DedupedText, ErrorRecord, Report, id_text};
use anyhow::anyhow;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::progress::{self, Messages};
use super::records::{self, Record};
use super::report_dir::{Claim, FileId, ReportDir, file_id, stdin_file_id};
use super::report_files::FileWriter;
use super::settings::{Batch, Product};
use super::sink::{Rendered, Sink};
use super::sources::{self, Source};
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};

/// Records analysed together on the thread pool.
pub const CHUNK: usize = 64;

/// Chunks handed to the pool and not yet written: one being written or read while the pool works
/// on the other.
const IN_FLIGHT: usize = 2;

/// The most threads a run can keep busy: one per record in flight.
pub const MAX_THREADS: usize = CHUNK * IN_FLIGHT;

/// What is printed for one record.
enum Outcome {
    /// The report and the text it describes (for the views).
    Report(Box<Report>, String),
    Plain(String),
    Deduped(DedupedText),
    Failed(ErrorRecord),
}

/// How each record is analysed and rendered: the same on every worker.
#[derive(Debug, Clone, Copy)]
struct Recipe {
    product: Product,
    format: Format,
    look: Look,
}

/// Runs the batch, writing to `out`; returns the exit status.
pub fn run(batch: &Batch, out: &mut dyn Write) -> io::Result<u8> {
    let messages = Messages::new(progress::bar(
        &batch.paths,
        &batch.glob,
        batch.reading,
        batch.single || batch.quiet,
        batch.output_dir.is_none(),
    ));
    let mut report_dir = match &batch.output_dir {
        Some(dir) => {
            match ReportDir::open(dir, batch.redo, batch.format.extension(), inputs(batch)) {
                Ok(d) => Some(d),
                Err(e) => {
                    messages.say(&format!("--output-dir {}: {e:#}", dir.display()));
                    return Ok(EXIT_USAGE);
                }
            }
        }
        None => None,
    };
    let files = report_dir.as_ref().map(|d| {
        FileWriter::spawn(
            d.root().to_path_buf(),
            d.run().to_string(),
            messages.clone(),
        )
    });
    let reading = batch.reading;
    let mut skipped = 0;
    let records = sources::sources(&batch.paths, &batch.glob, reading.follow)
        .flat_map(move |source| match source {
            Ok(source) => records::records(source, reading),
            Err(record) => Box::new(std::iter::once(record)),
        })
        .filter_map(|r| claim(report_dir.as_mut(), r, &mut skipped));
    let mut sink = Sink::new(out, messages.clone(), files, CHUNK);
    // one HTML page holding every article when they all go to standard output
    let shared_page = !batch.look.page_each;
    if shared_page {
        sink.write_raw(batch.format.stream_head().as_bytes())?;
    }
    let recipe = Recipe {
        product: batch.product,
        format: batch.format,
        look: batch.look,
    };
    let mut records = records.enumerate();
    if batch.options.cross_article || batch.threads == 1 {
        let mut analyzer = Analyzer::new(batch.options);
        for (n, record) in records.by_ref() {
            sink.write(analyse(&mut analyzer, recipe, n, record)?)?;
            sink.done(false)?;
        }
    } else if !in_pool(batch, recipe, &mut records, &mut sink)? {
        return Ok(EXIT_USAGE);
    }
    if shared_page {
        sink.write_raw(batch.format.stream_tail().as_bytes())?;
    }
    drop(records);
    let (failed, written) = sink.finish()?;
    messages.finish();
    if let Some(dir) = batch.output_dir.as_ref().filter(|_| !batch.quiet) {
        let reports = if written == 1 { "report" } else { "reports" };
        let mut summary = format!("{written} {reports} written to {}", dir.display());
        if skipped > 0 {
            summary.push_str(&format!(
                ", {skipped} skipped (already there; --redo to analyse them again)"
            ));
        }
        messages.say(&summary);
    }
    Ok(if failed { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// Every input file of the run by its identity, standard input's file too (with `--output-dir`, no
/// report may land on one: `analyze -o . - < feed.json` must not replace `feed.json`).
fn inputs(batch: &Batch) -> FxHashSet<FileId> {
    sources::sources(&batch.paths, &batch.glob, batch.reading.follow)
        .filter_map(|s| match s {
            Ok(Source::File(p)) => std::fs::metadata(p).ok().and_then(|m| file_id(&m)),
            Ok(Source::Stdin) => stdin_file_id(),
            Err(_) => None,
        })
        .collect()
}

/// With `--output-dir`, the record's report file claimed: the record goes on with its file, is
/// skipped (its report is there; counted in `skipped`), or becomes an error (its report cannot be
/// written).
fn claim(dir: Option<&mut ReportDir>, mut r: Record, skipped: &mut usize) -> Option<Record> {
    let Some(dir) = dir else { return Some(r) };
    if r.text.is_err() {
        return Some(r);
    }
    match dir.claim(&r.id) {
        Claim::Write(path) => r.report = Some(path),
        Claim::Skip => {
            *skipped += 1;
            return None;
        }
        Claim::Refuse(why) => r.text = Err(anyhow!(why)),
    }
    Some(r)
}

/// Analyses the records in chunks on a thread pool, writing each chunk in order as it completes.
/// Returns false when the pool cannot start.
fn in_pool(
    batch: &Batch,
    recipe: Recipe,
    records: &mut dyn Iterator<Item = (usize, Record)>,
    sink: &mut Sink,
) -> io::Result<bool> {
    let threads = batch.threads.min(MAX_THREADS);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("analyze: cannot start {threads} threads: {e}");
            return Ok(false);
        }
    };
    let options = batch.options;
    let mut pending: VecDeque<mpsc::Receiver<io::Result<Vec<Rendered>>>> = VecDeque::new();
    loop {
        let chunk: Vec<(usize, Record)> = records.take(CHUNK).collect();
        let done = chunk.is_empty();
        if !done {
            let (tx, rx) = mpsc::sync_channel(1);
            pool.spawn(move || {
                let rendered = chunk
                    .into_par_iter()
                    .map(|(n, r)| analyse(&mut Analyzer::new(options), recipe, n, r))
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
                sink.write(r)?;
            }
            sink.done(false)?;
        }
    }
    Ok(true)
}

/// Analyses one record (the `n`th of the run) and renders what is printed for it.
fn analyse(
    analyzer: &mut Analyzer,
    recipe: Recipe,
    n: usize,
    record: Record,
) -> io::Result<Rendered> {
    let id = record.id.clone();
    let report = record.report.clone();
    // a crash no panic handler can catch, for the test that finished output survives one
    #[cfg(debug_assertions)]
    if std::env::var("ANALYZE_TEST_ABORT_ON").is_ok_and(|v| v == id_text(&id)) {
        std::process::abort();
    }
    // a bug in a stage must cost one record, not the run: the panic is reported (the default hook
    // prints it) and the record gets an error line
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outcome(analyzer, recipe.product, record)
    }))
    .unwrap_or_else(|_| {
        Outcome::Failed(ErrorRecord {
            id: id.clone(),
            error: "internal error: the analysis panicked (please report it with this input)"
                .to_string(),
        })
    });
    let (bytes, failure) = render(analysed, recipe.format, recipe.look, n)?;
    Ok(Rendered {
        bytes,
        failure,
        id,
        report,
    })
}

/// Analyses one record.
fn outcome(analyzer: &mut Analyzer, product: Product, record: Record) -> Outcome {
    let decoded = match record.text {
        Ok(decoded) => decoded,
        Err(error) => {
            return Outcome::Failed(ErrorRecord {
                id: record.id,
                error: format!("{error:#}"),
            });
        }
    };
    match product {
        Product::Report => {
            let report = analyzer.analyze_decoded(&decoded, record.id);
            // the views slice the text the offsets index: a page's rendered text, not its markup
            let text = report.text.clone().unwrap_or(decoded.text);
            Outcome::Report(Box::new(report), text)
        }
        Product::Deduped { plain: true } => {
            Outcome::Plain(analyzer.dedupe(&decoded.article_text(), record.id))
        }
        Product::Deduped { plain: false } => {
            let text = analyzer.dedupe(&decoded.article_text(), record.id.clone());
            Outcome::Deduped(DedupedText {
                id: record.id,
                text,
            })
        }
    }
}

/// Renders one outcome (record `n` of the run) as the bytes to print and, for a failure, its stderr
/// message.
fn render(
    outcome: Outcome,
    format: Format,
    look: Look,
    n: usize,
) -> io::Result<(Vec<u8>, Option<String>)> {
    Ok(match outcome {
        Outcome::Report(r, text) => (format.report(&r, &text, look, n)?, None),
        Outcome::Plain(text) => (text.into_bytes(), None),
        Outcome::Deduped(d) => (analyze::output::json::to_bytes(&d, look.pretty)?, None),
        Outcome::Failed(e) => {
            let message = format!("{}: {}", id_text(&e.id), e.error);
            (format.failure(&e, &message, look, n)?, Some(message))
        }
    })
}
