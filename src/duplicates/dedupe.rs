//! An article's text without the later copies of its repeated passages (`--dedupe`).
