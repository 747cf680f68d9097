//! Inputs: which files a run reads, and how bytes become article texts.
//!
//! Paths expand lazily (a directory is walked in sorted order; links to files are read, links to
//! directories followed only when asked; FIFOs, sockets and devices in a walk are refused rather than
//! opened), and each source yields records: one per file in text mode, one per line in JSON Lines
//! mode, read as a stream so that memory is bounded by the largest record, itself bounded by
//! `--max-bytes`. Failures are records too, carrying an error in place of a text, so that one bad
//! input never stops the others. How bytes become text is `decode`.

pub mod decode;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use decode::Decoded;

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
    pub text: Result<Decoded, String>,
    /// The file it came from, when it is one file (the run never writes a report over it).
    pub path: Option<PathBuf>,
}

/// What a run reads, beyond the paths.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub format: InputFormat,
    /// The largest input (a file, or a JSON Lines record's line) analysed, in bytes.
    pub max_bytes: u64,
    /// Follow links to directories while walking one.
    pub follow: bool,
}

/// Compiles a file-name pattern such as `*.txt`.
pub fn matcher(pattern: &str) -> Result<GlobMatcher, String> {
    Glob::new(pattern)
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("bad --glob pattern {pattern:?}: {e}"))
}

/// Expands paths into sources: `-` is standard input, a directory yields its matching files (sorted,
/// recursively), anything else is read as a file. What cannot be walked or read as a file yields an
/// error record.
pub fn sources<'a>(
    paths: &'a [PathBuf],
    glob: &'a GlobMatcher,
    follow: bool,
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
                    .follow_links(follow)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| match entry {
                        Ok(e) if e.file_type().is_dir() => None,
                        Ok(e) if !glob.is_match(Path::new(e.file_name())) => None,
                        Ok(e) => walked(e.into_path(), follow),
                        Err(e) => {
                            let id = e.path().unwrap_or(path).display().to_string();
                            let message = if e.loop_ancestor().is_some() {
                                "symbolic link loop".to_string()
                            } else {
                                e.to_string()
                            };
                            Some(Err(error_record(Value::String(id), message)))
                        }
                    }),
            )
        },
    )
}

/// A file met in a walk: a regular file or a link to one is read; a link to a directory is left
/// alone (walked when following links); anything else is an error record, never opened (opening a
/// FIFO would wait for a writer forever).
fn walked(path: PathBuf, follow: bool) -> Option<Result<Source, Record>> {
    let id = || Value::String(path.display().to_string());
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            let message = if is_link_loop(&e) {
                "symbolic link loop".to_string()
            } else if e.kind() == io::ErrorKind::NotFound {
                "broken symbolic link".to_string()
            } else {
                describe(&e)
            };
            return Some(Err(error_record(id(), message)));
        }
    };
    if meta.is_file() {
        return Some(Ok(Source::File(path)));
    }
    if meta.is_dir() && !follow {
        return None;
    }
    Some(Err(error_record(
        id(),
        format!("not a regular file ({})", kind_of(&meta.file_type())),
    )))
}

/// ELOOP: too many levels of symbolic links.
fn is_link_loop(e: &io::Error) -> bool {
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    e.raw_os_error() == Some(ELOOP)
}

#[cfg(unix)]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Whether a path names a directory (so that its reports are JSON Lines).
pub fn is_dir(path: &Path) -> bool {
    path.as_os_str() != "-" && path.is_dir()
}

fn error_record(id: Value, error: String) -> Record {
    Record {
        id,
        text: Err(error),
        path: None,
    }
}

/// The records of one source.
pub fn records(source: Source, reading: Reading) -> Box<dyn Iterator<Item = Record>> {
    let id = source.id();
    let path = match &source {
        Source::File(p) => Some(p.clone()),
        Source::Stdin => None,
    };
    let reader = match source.open() {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(error_record(
                Value::String(id),
                describe(&e),
            )));
        }
    };
    match reading.format {
        InputFormat::Text => Box::new(std::iter::once(Record {
            path,
            ..read_text(id, reader, reading.max_bytes)
        })),
        InputFormat::Jsonl => Box::new(JsonlRecords {
            source: id,
            reader: BufReader::new(reader),
            line: 0,
            done: false,
            max_bytes: reading.max_bytes,
        }),
    }
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ if is_link_loop(e) => "symbolic link loop".to_string(),
        _ => e.to_string(),
    }
}

fn too_large(max_bytes: u64) -> String {
    format!("larger than --max-bytes ({max_bytes} bytes); raise the limit to analyse it")
}

fn read_text(id: String, reader: Box<dyn Read>, max_bytes: u64) -> Record {
    let mut bytes = Vec::new();
    let text = match reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(n) if n as u64 > max_bytes => Err(too_large(max_bytes)),
        Ok(_) => decode::decode(bytes),
        Err(e) => Err(describe(&e)),
    };
    Record {
        id: Value::String(id),
        text,
        path: None,
    }
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
    max_bytes: u64,
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            self.line += 1;
            let limit = self.max_bytes.saturating_add(1);
            match (&mut self.reader).take(limit).read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(n) if n as u64 > self.max_bytes => {
                    // the rest of the line is skipped unread
                    if !buf.ends_with(b"\n") && self.reader.skip_until(b'\n').is_err() {
                        self.done = true;
                    }
                    let id = self.line_id();
                    return Some(error_record(
                        id,
                        format!("line {}: {}", self.line, too_large(self.max_bytes)),
                    ));
                }
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
            Some(text) => {
                let warnings = decode::mojibake(&text).into_iter().collect();
                Record {
                    id,
                    text: Ok(Decoded { text, warnings }),
                    path: None,
                }
            }
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
    fn jsonl_records_stream_with_errors_in_place() {
        let data = "{\"id\": \"a\", \"text\": \"x\"}\n\n{bad\n{\"id\": 7}\n{\"text\": \"y\", \"other\": 1}\n";
        let recs: Vec<Record> = JsonlRecords {
            source: "-".into(),
            reader: data.as_bytes(),
            line: 0,
            done: false,
            max_bytes: 1000,
        }
        .collect();
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].id, Value::from("a"));
        assert!(recs[1].text.as_ref().unwrap_err().contains("line 3"));
        assert_eq!(recs[2].id, Value::from(7));
        assert!(recs[2].text.is_err());
        assert_eq!(recs[3].id, Value::from("-:5"));
        assert_eq!(recs[3].text.as_ref().map(|d| d.text.as_str()), Ok("y"));
    }

    #[test]
    fn jsonl_lines_over_the_limit_are_skipped_whole() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(100));
        let data = format!("{long}{{\"text\": \"ok\"}}\n{long}");
        let recs: Vec<Record> = JsonlRecords {
            source: "s".into(),
            reader: io::BufReader::with_capacity(16, data.as_bytes()),
            line: 0,
            done: false,
            max_bytes: 50,
        }
        .collect();
        assert_eq!(recs.len(), 3);
        assert!(recs[0].text.as_ref().unwrap_err().contains("--max-bytes"));
        assert_eq!(recs[1].id, Value::from("s:2"));
        assert_eq!(recs[1].text.as_ref().map(|d| d.text.as_str()), Ok("ok"));
        assert!(recs[2].text.as_ref().unwrap_err().contains("line 3"));
    }
}
