//! Inputs: which files a run reads, and how bytes become article texts.
//!
//! Paths expand lazily (a directory is walked in sorted order, without following links), and each
//! source yields records: one per file in text mode, one per line in JSON Lines mode, read as a stream
//! so that memory is bounded by the largest record. Failures are records too, carrying an error in
//! place of a text, so that one bad input never stops the others.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use serde_json::Value;
use walkdir::WalkDir;

use crate::cli::InputFormat;

/// Where one stream of input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The id a file's report carries: its path as given, or `-`.
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(p) => Box::new(File::open(p)?),
        })
    }
}

/// One article to analyse, or the reason it could not be read.
#[derive(Debug)]
pub struct Record {
    pub id: Value,
    pub text: Result<String, String>,
}

/// Compiles a file-name pattern such as `*.txt`.
pub fn matcher(pattern: &str) -> Result<GlobMatcher, String> {
    Glob::new(pattern)
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("bad --glob pattern {pattern:?}: {e}"))
}

/// Expands paths into sources: `-` is standard input, a directory yields its matching files (sorted,
/// recursively), anything else is read as a file. Paths that cannot be walked yield an error record.
pub fn sources<'a>(
    paths: &'a [PathBuf],
    glob: &'a GlobMatcher,
) -> impl Iterator<Item = Result<Source, Record>> + 'a {
    paths.iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<Source, Record>>> {
            if path.as_os_str() == "-" {
                return Box::new(std::iter::once(Ok(Source::Stdin)));
            }
            if !path.is_dir() {
                return Box::new(std::iter::once(Ok(Source::File(path.clone()))));
            }
            Box::new(
                WalkDir::new(path)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| match entry {
                        Ok(e) if e.file_type().is_dir() => None,
                        Ok(e) => glob
                            .is_match(Path::new(e.file_name()))
                            .then(|| Ok(Source::File(e.into_path()))),
                        Err(e) => {
                            let id = e.path().unwrap_or(path).display().to_string();
                            Some(Err(error_record(Value::String(id), e.to_string())))
                        }
                    }),
            )
        },
    )
}

/// Whether a path names a directory (so that its reports are JSON Lines).
pub fn is_dir(path: &Path) -> bool {
    path.as_os_str() != "-" && path.is_dir()
}

fn error_record(id: Value, error: String) -> Record {
    Record {
        id,
        text: Err(error),
    }
}

/// The records of one source.
pub fn records(source: Source, format: InputFormat) -> Box<dyn Iterator<Item = Record>> {
    let id = source.id();
    let reader = match source.open() {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(error_record(
                Value::String(id),
                describe(&e),
            )));
        }
    };
    match format {
        InputFormat::Text => Box::new(std::iter::once(read_text(id, reader))),
        InputFormat::Jsonl => Box::new(JsonlRecords {
            source: id,
            reader: BufReader::new(reader),
            line: 0,
            done: false,
        }),
    }
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn read_text(id: String, mut reader: Box<dyn Read>) -> Record {
    let mut bytes = Vec::new();
    let text = match reader.read_to_end(&mut bytes) {
        Ok(_) => decode(bytes),
        Err(e) => Err(describe(&e)),
    };
    Record {
        id: Value::String(id),
        text,
    }
}

/// Turns a file's bytes into text: UTF-8, with a leading byte-order mark dropped (offsets in the
/// report then count from the character after it).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<Value>,
    text: Option<String>,
}

/// Streams `{"id", "text"}` records, one per non-blank line.
struct JsonlRecords<R> {
    source: String,
    reader: R,
    line: usize,
    done: bool,
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => return Some(self.parse(&buf)),
                Err(e) => {
                    self.done = true;
                    return Some(error_record(self.line_id(), describe(&e)));
                }
            }
        }
        None
    }
}

impl<R> JsonlRecords<R> {
    fn line_id(&self) -> Value {
        Value::String(format!("{}:{}", self.source, self.line))
    }

    fn parse(&self, line: &[u8]) -> Record {
        let rec: JsonlRecord = match serde_json::from_slice(line) {
            Ok(r) => r,
            Err(e) => {
                return error_record(
                    self.line_id(),
                    format!("line {}: not a JSON record: {e}", self.line),
                );
            }
        };
        let id = rec.id.unwrap_or_else(|| self.line_id());
        match rec.text {
            Some(text) => Record { id, text: Ok(text) },
            None => error_record(
                id,
                format!("line {}: record has no \"text\" string", self.line),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_and_rejects_bad_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
        assert!(
            decode(b"ok \xff".to_vec())
                .unwrap_err()
                .contains("offset 3")
        );
    }

    #[test]
    fn jsonl_records_stream_with_errors_in_place() {
        let data = "{\"id\": \"a\", \"text\": \"x\"}\n\n{bad\n{\"id\": 7}\n{\"text\": \"y\", \"other\": 1}\n";
        let recs: Vec<Record> = JsonlRecords {
            source: "-".into(),
            reader: data.as_bytes(),
            line: 0,
            done: false,
        }
        .collect();
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].id, Value::from("a"));
        assert!(recs[1].text.as_ref().unwrap_err().contains("line 3"));
        assert_eq!(recs[2].id, Value::from(7));
        assert!(recs[2].text.is_err());
        assert_eq!(recs[3].id, Value::from("-:5"));
        assert_eq!(recs[3].text.as_deref(), Ok("y"));
    }
}
