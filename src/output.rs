//! Writing results: indented JSON for one report on a terminal, JSON Lines otherwise, and plain text
//! for `--dedupe` on one article.
//!
//! Knows nothing about flags beyond the layout it is given; a closed pipe surfaces as an
//! `io::ErrorKind::BrokenPipe` error that the caller turns into a quiet exit.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{DedupedText, ErrorRecord, Report};

pub struct Printer<W: Write> {
    out: W,
    pretty: bool,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, pretty: bool) -> Self {
        Printer { out, pretty }
    }

    pub fn report(&mut self, report: &Report) -> io::Result<()> {
        self.write(report)
    }

    pub fn error(&mut self, record: &ErrorRecord) -> io::Result<()> {
        self.write(record)
    }

    pub fn deduped(&mut self, record: &DedupedText) -> io::Result<()> {
        self.write(record)
    }

    /// Text as it is, with nothing added.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    fn write<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, value)?;
        } else {
            serde_json::to_writer(&mut self.out, value)?;
        }
        self.out.write_all(b"\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
