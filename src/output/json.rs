//! The JSON report as bytes: indented for a person, one line for JSON Lines.

use std::io;

use serde::Serialize;

/// A value as one JSON document (indented when `pretty`) and a newline.
pub fn to_bytes<T: Serialize>(value: &T, pretty: bool) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    if pretty {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    out.push(b'\n');
    Ok(out)
}
