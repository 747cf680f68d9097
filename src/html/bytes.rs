//! A page's bytes to its source text: told from plain text by its start, decoded as browsers decode
//! it. A byte-order mark decides; else bytes that are valid UTF-8 are UTF-8 whatever the page
//! declares (a saved page is re-encoded more often than its declaration is fixed); else the charset
//! its `<meta>` declares in the first kilobytes (labels as the WHATWG Encoding standard reads them:
//! "iso-8859-1" is Windows-1252); else Windows-1252.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::decode::{DecodeError, Decoded, binary_past_nul};
use crate::kinds::{SourceFormat, Warning, WarningKind};

/// How far into the page a charset declaration is looked for (browsers look at 1024 bytes; saved
/// pages often carry more before it).
const PRESCAN: usize = 4096;

/// Whether bytes start like an HTML page (a doctype, `<html>`, `<head>` or `<body>` first, after
/// white space, a byte-order mark, an XML declaration or a comment).
pub fn sniff(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    crate::shape::of(&head) == Some(crate::shape::Shape::HtmlPage)
}

/// Decodes a page's bytes, or says why they are no page: the signature of another format, or
/// mostly control characters. A stray NUL byte is no reason (browsers read past it).
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some(what) = binary_past_nul(&bytes) {
        return Err(DecodeError::NotText(what));
    }
    let zeros = memchr::memchr_iter(0, &bytes).count();
    if zeros > 8 && zeros * 100 > bytes.len() {
        return Err(DecodeError::NotText(format!(
            "binary data named as a page ({zeros} NUL bytes)"
        )));
    }
    // bytes that are UTF-8 without a mark are taken as they are (no second pass, no copy)
    let bom = Encoding::for_bom(&bytes).map(|(encoding, _)| encoding);
    let bytes = match bom {
        Some(_) => bytes,
        None => match String::from_utf8(bytes) {
            Ok(text) => return Ok(page(text, Vec::new())),
            Err(e) => e.into_bytes(),
        },
    };
    let (encoding, how) = match bom {
        Some(encoding) => (encoding, "its byte-order mark"),
        None => match declared(&bytes) {
            Some(encoding) => (encoding, "the charset the page declares"),
            None => (WINDOWS_1252, "not UTF-8 and no charset declared"),
        },
    };
    let (text, _, malformed) = encoding.decode(&bytes);
    let mut warnings = Vec::new();
    if encoding != UTF_8 {
        warnings.push(Warning::new(
            WarningKind::Encoding,
            format!("the page was decoded as {} ({how})", encoding.name()),
            None,
        ));
    }
    if malformed {
        warnings.push(Warning::new(
            WarningKind::InvalidUtf8,
            format!(
                "the page had bytes that are not {}: replaced with U+FFFD",
                encoding.name()
            ),
            None,
        ));
    }
    // text that looks double-decoded is looked for in the text the page renders to
    Ok(page(text.into_owned(), warnings))
}

/// A page's source text, as decoded.
fn page(text: String, warnings: Vec<Warning>) -> Decoded {
    Decoded {
        text,
        warnings,
        format: SourceFormat::Html,
    }
}

/// The charset a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` in the
/// page's first bytes declares, as the Encoding standard names it (UTF-16 labels, which cannot be
/// true of bytes that were read as ASCII, give UTF-8).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = (i..lower.len())
            .find(|&j| {
                !(lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b':' | b'.'))
            })
            .unwrap_or(lower.len());
        if let Some(encoding) = Encoding::for_label(&lower[i..end]) {
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_told_by_its_start() {
        assert!(sniff(b"\xEF\xBB\xBF<!DOCTYPE html><p>x"));
        assert!(sniff(b"  <html lang=en>"));
        assert!(!sniff(b"Headline\n\n<p> is a tag."));
    }

    #[test]
    fn utf8_is_utf8_whatever_the_page_declares() {
        let page = "<html><meta charset=iso-8859-1><p>caf\u{e9}</p>"
            .as_bytes()
            .to_vec();
        let d = decode(page).map_err(|e| e.to_string());
        assert_eq!(d.map(|d| d.text.contains("caf\u{e9}")), Ok(true));
    }

    #[test]
    fn other_bytes_are_read_in_the_declared_charset() {
        let page = b"<html><meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'><p>caf\xE9 \x93x\x94</p>".to_vec();
        let d = decode(page).map_err(|e| e.to_string());
        assert_eq!(
            d.map(|d| d.text.contains("caf\u{e9} \u{201c}x\u{201d}")),
            Ok(true)
        );
        let koi = b"<html><meta charset=koi8-r><p>\xF0\xD2\xC9</p>".to_vec();
        let d = decode(koi).map_err(|e| e.to_string());
        assert_eq!(
            d.map(|d| d.text.contains("\u{41f}\u{440}\u{438}")),
            Ok(true)
        );
    }

    #[test]
    fn binary_data_named_as_a_page_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()).is_err());
        assert!(decode(vec![0u8; 4096]).is_err());
        // one stray NUL byte is read past
        assert!(decode(b"<html><p>a\0b</p>".to_vec()).is_ok());
    }
}
