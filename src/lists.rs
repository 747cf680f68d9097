//! Reading the word and phrase lists compiled into the binary (`data/`): one entry a line, blank lines
//! and `#` comments skipped.

/// The entries of a list, trimmed.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
