//! Bytes to text: which encoding a file is in, whether it is text at all, and what was wrong with it.
//!
//! UTF-8 (a byte-order mark dropped) is taken as it is. UTF-16 with a byte-order mark is decoded.
//! Bytes that are not UTF-8 are Windows-1252 when they look like it (no valid multi-byte UTF-8 at
//! all, and no byte that Windows-1252 leaves undefined), and otherwise UTF-8 with each bad sequence
//! replaced by U+FFFD. Binary data (NUL bytes, control characters, the signatures of common image,
//! archive and document formats) is refused. Every decision other than plain UTF-8 leaves a warning
//! in the report, and so does text that looks double-decoded ("â€œ", "Ã©").
//!
//! Offsets in the report count the decoded text's Unicode scalars.

use std::sync::LazyLock;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::kinds::{SourceFormat, Warning, WarningKind};

/// An article's text and what decoding it had to say.
#[derive(Debug, Default)]
pub struct Decoded {
    /// The text, without a leading byte-order mark: what the report's offsets index (for an HTML
    /// page, its source: the report's offsets index the text it renders to).
    pub text: String,
    /// What the report's `warnings` should say about the input.
    pub warnings: Vec<Warning>,
    /// Plain text, or an HTML page to be rendered first.
    pub format: SourceFormat,
}

impl Decoded {
    /// A text that is already a string (a JSON Lines record's): only checked for mojibake.
    pub fn from_text(text: String) -> Decoded {
        let warnings = mojibake(&text).into_iter().collect();
        Decoded {
            text,
            warnings,
            format: SourceFormat::Text,
        }
    }

    /// The article's text: the text itself, or the text an HTML page renders to (what `--dedupe`
    /// prints and a report's offsets index).
    pub fn article_text(&self) -> std::borrow::Cow<'_, str> {
        match self.format {
            #[cfg(feature = "html")]
            SourceFormat::Html => std::borrow::Cow::Owned(crate::html::render(&self.text).text),
            _ => std::borrow::Cow::Borrowed(&self.text),
        }
    }

    /// An HTML page that is already a string (a JSON Lines record's `html`); its text is checked
    /// for mojibake once rendered.
    pub fn from_html(html: String) -> Decoded {
        Decoded {
            text: html,
            warnings: Vec::new(),
            format: SourceFormat::Html,
        }
    }
}

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Binary data: an image, an archive, NUL bytes or control characters (what it looks like).
    #[error("not text: {0}")]
    NotText(String),
}

/// File signatures of formats that are not text.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x28\xB5\x2F\xFD", "a Zstandard archive"),
    (b"\x7FELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
];

/// How much of the start is looked at to tell text from binary data.
const SNIFF: usize = 64 * 1024;

/// Decodes a file's bytes, or says why they are not text.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    // UTF-32's marks begin like UTF-16's: they are looked for first
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(DecodeError::NotText(
            "UTF-32 text, which is not read (convert it to UTF-8)".into(),
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Some(what) = binary(rest) {
            return Err(DecodeError::NotText(format!(
                "{what} after a UTF-8 byte-order mark"
            )));
        }
        return from_utf8(rest.to_vec());
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return utf16(rest, encoding, "byte-order mark");
        }
    }
    if let Some(encoding) = utf16_without_mark(&bytes) {
        return utf16(
            &bytes,
            encoding,
            "no byte-order mark: told by its zero bytes",
        );
    }
    #[cfg(feature = "html")]
    if crate::html::sniff(&bytes) {
        return crate::html::decode(bytes);
    }
    if let Some(what) = binary(&bytes) {
        return Err(DecodeError::NotText(what));
    }
    from_utf8(bytes)
}

/// UTF-16 text, decoded with a warning that says how it was recognised (`how`); binary data after
/// the mark is refused.
fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    how: &str,
) -> Result<Decoded, DecodeError> {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if let Some(what) = binary(text.as_bytes()) {
        return Err(DecodeError::NotText(format!(
            "{what} in what {} would decode",
            encoding.name()
        )));
    }
    let mut warning = format!("decoded as {} ({how})", encoding.name());
    if malformed {
        warning.push_str("; malformed code units were replaced with U+FFFD");
    }
    let text = text.into_owned();
    let mut warnings = vec![Warning::new(WarningKind::Encoding, warning, None)];
    warnings.extend(mojibake(&text));
    Ok(Decoded {
        text,
        warnings,
        format: SourceFormat::Text,
    })
}

/// UTF-16 without a byte-order mark: text in Latin script written as UTF-16 has a zero byte in
/// nearly every code unit, on the same side (the high byte), and never a zero code unit.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    if head.len() < 4 {
        return None;
    }
    let units = head.len() / 2;
    let (mut zero_first, mut zero_second) = (0, 0);
    for pair in head.chunks_exact(2) {
        if pair == [0, 0] {
            return None;
        }
        zero_first += usize::from(pair[0] == 0);
        zero_second += usize::from(pair[1] == 0);
    }
    let most = |n: usize| 5 * n >= 3 * units;
    let few = |n: usize| 20 * n <= units;
    if most(zero_second) && few(zero_first) {
        Some(UTF_16LE)
    } else if most(zero_first) && few(zero_second) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// What kind of binary data `bytes` starts with, if it is not text.
pub(crate) fn binary(bytes: &[u8]) -> Option<String> {
    if let Some(what) = signature(bytes) {
        return Some(what.to_string());
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!("binary data (a NUL byte at offset {at})"));
    }
    mostly_controls(head, 0)
}

/// [`binary`] of `bytes` with their NUL bytes left out, without copying them: the verdict on a page,
/// which browsers read past a stray NUL in.
#[cfg(feature = "html")]
pub(crate) fn binary_past_nul(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let longest = SIGNATURES
        .iter()
        .map(|(sig, _)| sig.len())
        .max()
        .unwrap_or(0);
    let start: Vec<u8> = head
        .iter()
        .copied()
        .filter(|&b| b != 0)
        .take(longest)
        .collect();
    if let Some(what) = signature(&start) {
        return Some(what.to_string());
    }
    let nuls = head.iter().map(|&b| usize::from(b == 0)).sum();
    mostly_controls(head, nuls)
}

/// The format whose signature `bytes` start with.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

/// Whether more than one byte in ten of `head`, its `nuls` NUL bytes left out, is a control
/// character: text has few other than tab, line feed, form feed and carriage return. (A plain sum
/// over the slice, which the compiler vectorises: a page's first 64 KB are read for every page.)
fn mostly_controls(head: &[u8], nuls: usize) -> Option<String> {
    let controls: usize = (head.iter())
        .map(|&b| usize::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')))
        .sum();
    let (controls, len) = (
        controls.saturating_sub(nuls),
        head.len().saturating_sub(nuls),
    );
    (controls * 10 > len.max(1)).then(|| "binary data (mostly control characters)".to_string())
}

fn from_utf8(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded::from_text(text)),
        Err(e) => Ok(not_utf8(e.into_bytes())),
    }
}

/// Bytes that are not valid UTF-8: Windows-1252 when they look like it, else UTF-8 with replacements.
fn not_utf8(bytes: Vec<u8>) -> Decoded {
    let (valid_multibyte, invalid) = utf8_census(&bytes);
    // bytes Windows-1252 leaves undefined
    let undefined = bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
    if valid_multibyte == 0 && !undefined {
        let (text, _, _) = WINDOWS_1252.decode(&bytes);
        let text = text.into_owned();
        let mut warnings = vec![Warning::new(
            WarningKind::Encoding,
            "not UTF-8: decoded as Windows-1252".to_string(),
            None,
        )];
        warnings.extend(mojibake(&text));
        return Decoded {
            text,
            warnings,
            format: SourceFormat::Text,
        };
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let first = text.chars().position(|c| c == '\u{FFFD}');
    let warnings = vec![Warning::new(
        WarningKind::InvalidUtf8,
        format!(
            "{invalid} invalid UTF-8 byte sequence{} replaced with U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ),
        first,
    )];
    Decoded {
        text,
        warnings,
        format: SourceFormat::Text,
    }
}

/// How many valid multi-byte UTF-8 sequences and how many invalid sequences `bytes` holds.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                return (
                    valid + s.chars().filter(|c| c.len_utf8() > 1).count(),
                    invalid,
                );
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // the prefix is valid UTF-8 by the error's own account
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| c.len_utf8() > 1).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
            }
        }
    }
}

/// The characters Windows-1252 gives the bytes 0x80 to 0xBF: what the continuation bytes of UTF-8
/// look like after a wrong decoding.
static CONTINUATIONS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let bytes: Vec<u8> = (0x80..=0xBF).collect();
    WINDOWS_1252
        .decode_without_bom_handling(&bytes)
        .0
        .chars()
        .collect()
});

/// A warning when the text looks like UTF-8 that was decoded as Windows-1252 or Latin-1 somewhere
/// upstream ("â€œ" for “, "Ã©" for é): a lead character (Â to ï) followed by the one or two
/// continuation characters its byte calls for.
pub(crate) fn mojibake(text: &str) -> Option<Warning> {
    let continuation =
        |c: Option<(usize, char)>| c.is_some_and(|(_, c)| CONTINUATIONS.contains(&c));
    let mut found = 0;
    let mut first = None;
    let mut chars = text.chars().enumerate();
    while let Some((i, c)) = chars.next() {
        let needs = match c {
            '\u{C2}'..='\u{DF}' => 1,
            '\u{E0}'..='\u{EF}' => 2,
            _ => continue,
        };
        let mut ahead = chars.clone();
        if (0..needs).all(|_| continuation(ahead.next())) {
            found += 1;
            first.get_or_insert(i);
            chars = ahead;
        }
    }
    // one odd pair can be real text ("Â»" in a scraped menu); three or more is a pattern
    (found >= 3).then(|| {
        Warning::new(
            WarningKind::Mojibake,
            format!(
                "{found} places look like UTF-8 decoded as Windows-1252 (\"â€œ\" for \"“\"); the text is analysed as it is"
            ),
            first,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(d: &Decoded) -> Vec<&str> {
        d.warnings.iter().map(|w| w.kind.as_str()).collect()
    }

    #[test]
    fn utf8_with_or_without_bom_is_clean() {
        let d = decode(b"\xEF\xBB\xBFhi \xE2\x80\x9Cyou\xE2\x80\x9D".to_vec()).unwrap();
        assert_eq!(d.text, "hi “you”");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        // “Café” – in Windows-1252
        let d = decode(b"\x93Caf\xE9\x94 \x96 ok".to_vec()).unwrap();
        assert_eq!(d.text, "“Café” – ok");
        assert_eq!(kinds(&d), ["encoding"]);
        assert!(d.warnings[0].message.contains("Windows-1252"));
    }

    #[test]
    fn broken_utf8_is_replaced_and_located() {
        // valid multi-byte UTF-8 around one bad byte: UTF-8 with damage, not Windows-1252
        let d = decode("é ok ".bytes().chain([0xFF]).chain("é".bytes()).collect()).unwrap();
        assert_eq!(d.text, "é ok \u{FFFD}é");
        assert_eq!(kinds(&d), ["invalid_utf8"]);
        assert_eq!(d.warnings[0].at, Some(5));
        assert!(d.warnings[0].message.starts_with("1 invalid"));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé “x”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé “x”".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, "Hé “x”");
            assert_eq!(kinds(&d), ["encoding"]);
        }
    }

    #[test]
    fn utf16_without_a_mark_is_told_by_its_zero_bytes() {
        let text = "He said “it is over” – and left.\nNext line.";
        for (bytes, name) in [
            (
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
                "UTF-16LE",
            ),
            (
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                "UTF-16BE",
            ),
        ] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(kinds(&d), ["encoding"]);
            assert!(d.warnings[0].message.contains(name));
            assert!(d.warnings[0].message.contains("no byte-order mark"));
        }
        // a NUL byte here and there is still binary data
        assert!(decode(b"text\x00more text here".to_vec()).is_err());
    }

    #[test]
    fn utf32_and_binary_data_after_a_mark_are_not_text() {
        for bytes in [
            b"\xFF\xFE\x00\x00h\x00\x00\x00".to_vec(),
            b"\x00\x00\xFE\xFF\x00\x00\x00h".to_vec(),
            b"\xEF\xBB\xBF\x89PNG\r\n".to_vec(),
            b"\xEF\xBB\xBFab\x00\x00cd".to_vec(),
            [0xFF, 0xFE]
                .into_iter()
                .chain([1u8, 0, 2, 0, 3, 0, 4, 0])
                .collect(),
        ] {
            let e = decode(bytes).unwrap_err().to_string();
            assert!(e.starts_with("not text"), "{e}");
        }
    }

    #[cfg(feature = "html")]
    #[test]
    fn a_page_is_judged_as_its_bytes_without_their_nuls() {
        let without = |b: &[u8]| -> Vec<u8> {
            let mut head = b[..b.len().min(SNIFF)].to_vec();
            head.retain(|&x| x != 0);
            head
        };
        let pages: [&[u8]; 5] = [
            b"<html>a stray \x00 NUL</html>",
            b"\x00\x00\x89PNG\r\n\x1a\n",
            b"\x01\x02\x03\x04\x05 a",
            b"\x00\x00\x00",
            b"",
        ];
        for page in pages {
            assert_eq!(binary_past_nul(page), binary(&without(page)), "{page:?}");
        }
        assert!(binary_past_nul(b"<p>one\x00two</p>").is_none());
    }

    #[test]
    fn binary_data_is_refused() {
        assert!(
            decode(b"\x89PNG\r\n\x1a\n....".to_vec())
                .unwrap_err()
                .to_string()
                .contains("PNG")
        );
        assert!(
            decode(b"PK\x03\x04rest".to_vec())
                .unwrap_err()
                .to_string()
                .contains("ZIP")
        );
        assert!(
            decode(b"text\x00more".to_vec())
                .unwrap_err()
                .to_string()
                .contains("NUL byte at offset 4")
        );
        assert!(
            decode(vec![1, 2, 3, 4, 5, b'a'])
                .unwrap_err()
                .to_string()
                .contains("control")
        );
    }

    #[test]
    fn empty_input_is_text() {
        let d = decode(Vec::new()).unwrap();
        assert_eq!(d.text, "");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn double_decoded_text_is_reported() {
        let text = "â€œWe wonâ€™t go,â€\u{9d} said the cafÃ© owner.";
        let w = mojibake(text).expect("a warning");
        assert_eq!(w.kind, WarningKind::Mojibake);
        assert_eq!(w.at, Some(0));
        // real accents and quotes are not mojibake
        assert!(mojibake("“Café” in Zürich, naïve — ½ À la carte").is_none());
        // one odd pair is not enough
        assert!(mojibake("Menu Â» Home").is_none());
    }
}
