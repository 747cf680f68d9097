//! Where rendered records go, in input order: standard output, written through as each chunk (or,
//! one record at a time, each record) is finished, so that nothing finished is lost if the process
//! dies later; or report files, handed a chunk at a time to the file writer's thread. Failures are
//! said on stderr and remembered for the exit status.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::Value;

use super::progress::Messages;
use super::report_files::{FileWriter, Job, Tally};

/// One record's output, ready to write.
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// For a failed record, the message for stderr (`ID: what went wrong`).
    pub failure: Option<String>,
    /// The record's id, and the report file it goes to (with `--output-dir`).
    pub id: Value,
    pub report: Option<PathBuf>,
}

/// The writing end of a batch.
pub struct Sink<'a> {
    out: &'a mut dyn Write,
    messages: Messages,
    files: Option<FileWriter>,
    /// Reports waiting to be handed to the file writer.
    pending: Vec<Job>,
    /// Records per hand-over to the file writer.
    chunk: usize,
    failed: bool,
}

impl<'a> Sink<'a> {
    /// A sink writing to `out`, or with `files`, to report files `chunk` records at a time.
    pub fn new(
        out: &'a mut dyn Write,
        messages: Messages,
        files: Option<FileWriter>,
        chunk: usize,
    ) -> Sink<'a> {
        Sink {
            out,
            messages,
            files,
            pending: Vec::new(),
            chunk,
            failed: false,
        }
    }

    /// Writes the bytes that open the output (an HTML page's head).
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.files.is_none() {
            self.out.write_all(bytes)?;
        }
        Ok(())
    }

    /// Writes one record's output.
    pub fn write(&mut self, r: Rendered) -> io::Result<()> {
        self.messages.tick();
        if let Some(message) = &r.failure {
            self.messages.say(message);
            self.failed = true;
        }
        match (&self.files, r.report) {
            (None, _) => self.out.write_all(&r.bytes)?,
            (Some(_), Some(path)) if r.failure.is_none() => self.pending.push(Job {
                path,
                id: r.id,
                bytes: r.bytes,
            }),
            (Some(_), _) => {}
        }
        Ok(())
    }

    /// The records written since the last call are done: standard output is flushed, and a full
    /// chunk of reports goes to the file writer (`all`: whatever is pending goes).
    pub fn done(&mut self, all: bool) -> io::Result<()> {
        self.out.flush()?;
        if let Some(files) = &self.files
            && (all || self.pending.len() >= self.chunk)
        {
            files.send(std::mem::take(&mut self.pending));
        }
        Ok(())
    }

    /// Flushes everything and waits for the report files: whether any record failed, and how many
    /// reports were written.
    pub fn finish(mut self) -> io::Result<(bool, usize)> {
        self.done(true)?;
        let tally = self
            .files
            .take()
            .map_or(Tally::default(), FileWriter::finish);
        Ok((self.failed || tally.failed, tally.written))
    }
}
