//! Language data: the closed-class word lists of `data/`, read once.

mod lines;

pub use lines::data_lines;
