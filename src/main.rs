//! The `analyze` binary: the command-line application (`app`) over the library.

mod app;

fn main() -> std::process::ExitCode {
    app::main()
}
