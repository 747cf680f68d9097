//! The command-line application: a private layer over the library, in the manner of ripgrep's
//! `crates/core`. The library knows nothing of flags, terminals or files; this layer does:
//!
//! - [`flags`]: the clap definitions, turned at once into plain [`flags::Flags`];
//! - [`settings`]: the flags resolved once into the task and its decisions;
//! - [`sources`] and [`records`]: paths walked into sources, sources read into records;
//! - [`batch`]: the loop that analyses records on a pool and writes them in input order;
//! - [`report_dir`]: `--output-dir`, one report file per input, written atomically
//!   ([`report_files`], through a held directory handle; [`run_lock`], which runs are alive);
//! - [`progress`]: the progress bar on stderr.
//!
//! A closed stdout ends the run quietly; anything else that stops the run is printed with its
//! context and exits 1.

mod batch;
mod flags;
mod progress;
mod records;
mod report_dir;
mod report_files;
mod run_lock;
mod settings;
mod sink;
mod sources;

use std::io::{self, Write};
use std::process::ExitCode;

use settings::{Environment, Task};

/// Every input analysed.
pub const EXIT_OK: u8 = 0;
/// Some input failed (its line carries `error`).
pub const EXIT_SOME_FAILED: u8 = 1;
/// The command line makes no sense.
pub const EXIT_USAGE: u8 = 2;

/// Parses the command line, runs it and returns the process's exit status.
pub fn main() -> ExitCode {
    let flags = flags::Flags::from_args();
    match run(flags) {
        Ok(status) => ExitCode::from(status),
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("analyze: {e:#}");
            ExitCode::from(EXIT_SOME_FAILED)
        }
    }
}

fn run(flags: flags::Flags) -> anyhow::Result<u8> {
    let task = match settings::resolve(flags, Environment::current()) {
        Ok(task) => task,
        Err(settings::UsageError(message)) => {
            eprintln!("analyze: {message}");
            return Ok(EXIT_USAGE);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match task {
        Task::Notices => out.write_all(analyze::NOTICES.as_bytes())?,
        Task::Completions(shell) => flags::completions(shell, &mut out),
        Task::Man => flags::man_page(&mut out)?,
        Task::Schema => {
            serde_json::to_writer_pretty(&mut out, &analyze::report::schema())
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        Task::Analyse(batch) => {
            let status = batch::run(&batch, &mut out)?;
            out.flush()?;
            return Ok(status);
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}
