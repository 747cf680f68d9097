//! Rendering results: indented JSON for one report on a terminal, JSON Lines otherwise, and plain
//! text for `--dedupe` on one article.
//!
//! Knows nothing about flags beyond the layout it is given. Rendering happens on the worker threads;
//! the run writes the rendered bytes in input order, to standard output or (`dir`) one file each.

pub mod dir;

use std::io;
use std::path::PathBuf;

use serde::Serialize;

/// One record's output, ready to write.
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// For a failed record, the message for stderr (`ID: what went wrong`).
    pub failure: Option<String>,
    /// The record's id and the file it came from, for naming its report file.
    pub id: serde_json::Value,
    pub source: Option<PathBuf>,
}

/// A value as one JSON document (indented when `pretty`) and a newline.
pub fn json<T: Serialize>(value: &T, pretty: bool) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    if pretty {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    out.push(b'\n');
    Ok(out)
}
