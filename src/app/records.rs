//! How a source becomes records: one per file in text mode, one per line in JSON Lines mode, read as a
//! stream so that memory is bounded by the largest record, itself bounded by `--max-bytes`. Failures
//! are records too, carrying an error in place of a text, so that one bad input never stops the
//! others. How bytes become text is the library's `decode`.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use analyze::Decoded;
use anyhow::anyhow;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::flags::InputFormat;
use super::sources::{Source, describe};

/// One article to analyse, or the reason it could not be read.
#[derive(Debug)]
pub struct Record {
    pub id: Value,
    pub text: anyhow::Result<Decoded>,
    /// With `--output-dir`, the file its report goes to.
    pub report: Option<PathBuf>,
}

/// What a run reads, beyond the paths.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    /// `--input-format`, or `None` to go by each file's name (`.jsonl` is JSON Lines).
    pub format: Option<InputFormat>,
    /// The largest input (a file, or a JSON Lines record's line) analysed, in bytes.
    pub max_bytes: u64,
    /// Follow links to directories while walking one.
    pub follow: bool,
}

impl Reading {
    /// How `source` is read: as `--input-format` says, else a file named `*.jsonl` (in any case) as
    /// JSON Lines and anything else, standard input included, as one text.
    pub fn format_of(&self, source: &Source) -> InputFormat {
        match (self.format, source) {
            (Some(format), _) => format,
            (None, Source::File(path)) if is_jsonl_name(path) => InputFormat::Jsonl,
            (None, Source::File(path)) if is_html_name(path) => InputFormat::Html,
            (None, _) => InputFormat::Text,
        }
    }
}

/// Whether a file's name says it holds JSON Lines (`.jsonl`, in any case).
pub fn is_jsonl_name(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// Whether a file's name says it holds an HTML page (`.html`, `.htm`, `.xhtml`, in any case).
pub fn is_html_name(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// A record that failed before it could be analysed.
pub fn error_record(id: Value, message: String) -> Record {
    Record {
        id,
        text: Err(anyhow::Error::msg(message)),
        report: None,
    }
}

/// The records of one source.
pub fn records(source: Source, reading: Reading) -> Box<dyn Iterator<Item = Record>> {
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
    match reading.format_of(&source) {
        InputFormat::Text => Box::new(std::iter::once(read_text(
            id,
            reader,
            reading.max_bytes,
            analyze::decode,
        ))),
        InputFormat::Html => Box::new(std::iter::once(read_text(
            id,
            reader,
            reading.max_bytes,
            analyze::decode_html,
        ))),
        InputFormat::Jsonl => Box::new(JsonlRecords {
            source: id,
            reader: BufReader::new(reader),
            line: 0,
            done: false,
            max_bytes: reading.max_bytes,
        }),
    }
}

fn too_large(max_bytes: u64) -> String {
    format!("larger than --max-bytes ({max_bytes} bytes); raise the limit to analyse it")
}

/// Reads one whole input and decodes it with `decode` (text, or a page).
fn read_text(
    id: String,
    reader: Box<dyn Read>,
    max_bytes: u64,
    decode: fn(Vec<u8>) -> Result<Decoded, analyze::DecodeError>,
) -> Record {
    let mut bytes = Vec::new();
    let text = match reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(n) if n as u64 > max_bytes => Err(anyhow!(too_large(max_bytes))),
        Ok(_) => decode(bytes).map_err(anyhow::Error::from),
        Err(e) => Err(anyhow!(describe(&e))),
    };
    Record {
        id: Value::String(id),
        text,
        report: None,
    }
}

/// A record line: other keys are ignored, a key given twice is an error. The id is kept as the
/// JSON text the line gave, so that it comes back exactly (`18446744073709551617`, `1.50`: numbers
/// keep their digits) and can be checked for keys given twice inside it.
#[derive(Deserialize)]
struct JsonlRecord<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    text: Option<String>,
    html: Option<String>,
}

/// Reads a JSON value only to refuse an object that gives a key twice, at any depth (serde_json's
/// `Value` would keep the last one silently).
struct UniqueKeys;

impl<'de> Deserialize<'de> for UniqueKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeys)
    }
}

impl<'de> Visitor<'de> for UniqueKeys {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut seen = rustc_hash::FxHashSet::default();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<UniqueKeys>()?;
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "the id gives the key {key:?} twice (a key may appear once)"
                )));
            }
        }
        Ok(UniqueKeys)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }

    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
}

/// The id a record's line gave, as a value, or why it cannot be one.
fn exact_id(raw: &RawValue) -> Result<Value, String> {
    let checked = serde_json::from_str::<UniqueKeys>(raw.get())
        .and_then(|_| serde_json::from_str::<Value>(raw.get()));
    checked.map_err(|e| {
        let what = e.to_string();
        let what = what.split(" at line ").next().unwrap_or(&what);
        format!("not a JSON record: {what}")
    })
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
            // room for the record and its line break ("\n" or "\r\n"), which the limit does not count
            let limit = self.max_bytes.saturating_add(2);
            match (&mut self.reader).take(limit).read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    let ended = buf.ends_with(b"\n");
                    if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                        buf.drain(..3);
                    }
                    let record = without_line_break(&buf);
                    if record.len() as u64 > self.max_bytes {
                        // the rest of the line is skipped unread
                        if !ended && self.reader.skip_until(b'\n').is_err() {
                            self.done = true;
                        }
                        return Some(self.failed(self.line_id(), too_large(self.max_bytes)));
                    }
                    if record.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse(record));
                }
                Err(e) => {
                    self.done = true;
                    return Some(error_record(self.line_id(), describe(&e)));
                }
            }
        }
        None
    }
}

/// A line without its line break.
fn without_line_break(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

impl<R> JsonlRecords<R> {
    fn line_id(&self) -> Value {
        Value::String(format!("{}:{}", self.source, self.line))
    }

    /// An error record for the current line: the message says the line number unless the id
    /// already does (`-:3`), so that stderr never reads `-:3: line 3: ...`.
    fn failed(&self, id: Value, message: String) -> Record {
        if id == self.line_id() {
            error_record(id, message)
        } else {
            error_record(id, format!("line {}: {message}", self.line))
        }
    }

    fn parse(&self, line: &[u8]) -> Record {
        if let Err(e) = std::str::from_utf8(line) {
            return self.failed(
                self.line_id(),
                format!(
                    "not UTF-8 (a byte that is not text at column {})",
                    e.valid_up_to() + 1
                ),
            );
        }
        let rec: JsonlRecord = match serde_json::from_slice(line) {
            Ok(r) => r,
            Err(e) => {
                // the id, when the line is an object that has one, still names the record
                let id = lenient_id(line).unwrap_or_else(|| self.line_id());
                return self.failed(id, json_error(&e));
            }
        };
        let id = match rec.id.map(exact_id) {
            Some(Ok(id)) if !id.is_null() => id,
            Some(Err(message)) => return self.failed(self.line_id(), message),
            _ => self.line_id(),
        };
        // a record that gives both is read by its text
        let decoded = match (rec.text, rec.html) {
            (Some(text), _) => Decoded::from_text(text),
            (None, Some(html)) => Decoded::from_html(html),
            (None, None) => {
                return self.failed(
                    id,
                    "record has no \"text\" (or \"html\") string".to_string(),
                );
            }
        };
        Record {
            id,
            text: Ok(decoded),
            report: None,
        }
    }
}

/// The `id` of a line that is no record: read as any JSON object, with lone surrogate escapes
/// (`\ud800`) read as U+FFFD so that they do not hide it.
fn lenient_id(line: &[u8]) -> Option<Value> {
    let id = |bytes: &[u8]| {
        serde_json::from_slice::<Value>(bytes)
            .ok()
            .and_then(|v| v.get("id").cloned())
    };
    id(line).or_else(|| {
        let text = std::str::from_utf8(line).ok()?;
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find("\\u") {
            out.push_str(&rest[..i]);
            let hex = rest.get(i + 2..i + 6).unwrap_or("");
            let surrogate =
                u16::from_str_radix(hex, 16).is_ok_and(|u| (0xD800..0xE000).contains(&u));
            out.push_str(if surrogate {
                "\\ufffd"
            } else {
                &rest[i..i + 2]
            });
            rest = &rest[i + if surrogate { 6 } else { 2 }..];
        }
        out.push_str(rest);
        id(out.as_bytes())
    })
}

/// What is wrong with a line that is not a record, in words.
fn json_error(e: &serde_json::Error) -> String {
    let what = e.to_string();
    if what.contains("surrogate") || what.contains("hex escape") {
        format!(
            "not a JSON record: a \\u escape of half a UTF-16 surrogate pair (\\uD800 to \\uDFFF) \
             that is no character (column {})",
            e.column()
        )
    } else if what.starts_with("duplicate field") {
        format!("not a JSON record: {what} (a key may appear once)")
    } else {
        format!("not a JSON record: {what}")
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
        // the id names the line: the message does not say it again
        assert_eq!(recs[1].id, Value::from("-:3"));
        let bad = recs[1].text.as_ref().unwrap_err().to_string();
        assert!(!bad.contains("line 3"), "{bad}");
        // a record with an id of its own: the message says where it is
        assert_eq!(recs[2].id, Value::from(7));
        let no_text = recs[2].text.as_ref().unwrap_err().to_string();
        assert!(no_text.starts_with("line 4: "), "{no_text}");
        assert_eq!(recs[3].id, Value::from("-:5"));
        assert_eq!(
            recs[3].text.as_ref().ok().map(|d| d.text.as_str()),
            Some("y")
        );
    }

    #[test]
    fn jsonl_lines_over_the_limit_are_skipped_whole() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(100));
        let data = format!("{long}{{\"text\": \"ok\"}}\n{long}");
        let recs: Vec<Record> = JsonlRecords {
            source: "s".into(),
            reader: std::io::BufReader::with_capacity(16, data.as_bytes()),
            line: 0,
            done: false,
            max_bytes: 50,
        }
        .collect();
        assert_eq!(recs.len(), 3);
        assert!(
            recs[0]
                .text
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("--max-bytes")
        );
        assert_eq!(recs[1].id, Value::from("s:2"));
        assert_eq!(
            recs[1].text.as_ref().ok().map(|d| d.text.as_str()),
            Some("ok")
        );
        assert_eq!(recs[2].id, Value::from("s:3"));
        assert!(recs[2].text.is_err());
    }
}
