//! How a list file of `data/` is read: one entry a line, blank lines and `#` comments skipped. Every list
//! of `data/` is read this way by the build script.

/// The entries of a list, trimmed.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
