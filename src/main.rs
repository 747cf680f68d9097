//! The `analyze` binary: parse the command line, run, exit with the run's status.

use std::process::ExitCode;

fn main() -> ExitCode {
    analyze::run::run(&analyze::cli::Config::from_args())
}
