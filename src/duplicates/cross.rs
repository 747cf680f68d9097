//! Passages shared across articles (`--cross-article`).
