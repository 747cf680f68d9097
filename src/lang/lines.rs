//! How a list file of `data/` is read: one entry a line, blank lines and `#` comments skipped. Shared
//! with the build script, so the lists compiled at build time and those read at run time agree.

/// The entries of a list, trimmed.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
