//! The integration tests: the binary run on `fixtures/` and on inputs made to break it, as one test
//! binary (each file a module, in the manner of ripgrep's `tests/`), with the helpers every module
//! shares in `common/`.

mod common;

mod bad_input;
mod breaking;
mod cli;
mod duplicates;
mod edges;
mod entities;
mod fixtures;
mod html;
mod html_view;
mod properties;
mod readme;
mod recipes;
mod sections;
mod speakers;
mod terminal;
mod turns;
mod views;
