//! The flags resolved, once, into what the run does: which task, how each report looks, what is
//! printed for each record, what is read. Everything that depends on more than one flag, or on the
//! terminal, is decided here, so that the run only reads the result.

use std::path::PathBuf;

use analyze::Options;
use analyze::output::{Format, Look};
use clap_complete::Shell;
use globset::GlobMatcher;

use super::flags::{ColorChoice, Flags, InputFormat, Layout};
use super::records::Reading;
use super::sources;

/// What the run does.
pub enum Task {
    /// Print the licence notices of the compiled-in lists.
    Notices,
    /// Print a completion script.
    Completions(Shell),
    /// Print the man page.
    Man,
    /// Print the report's JSON Schema.
    Schema,
    /// Analyse the inputs.
    Analyse(Box<Batch>),
}

/// What is printed for each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    Report,
    /// `--dedupe`: the text, plain (one text input) or as JSON Lines records.
    Deduped {
        plain: bool,
    },
}

/// A run over inputs, decided.
pub struct Batch {
    pub paths: Vec<PathBuf>,
    pub glob: GlobMatcher,
    pub reading: Reading,
    pub options: Options,
    pub product: Product,
    pub format: Format,
    pub look: Look,
    /// One text input: no progress bar, and a report's page is the whole output.
    pub single: bool,
    /// No progress bar and no summary line (`--quiet`).
    pub quiet: bool,
    /// 0 for one thread per core.
    pub threads: usize,
    /// Where reports go, if not to standard output, and whether existing ones are redone.
    pub output_dir: Option<PathBuf>,
    pub redo: bool,
}

/// Flags that make no sense together, or a bad pattern: exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

/// What the environment says, beside the flags.
#[derive(Debug, Clone, Copy)]
pub struct Environment {
    /// Standard output is a terminal.
    pub terminal: bool,
    /// `NO_COLOR` is set to something.
    pub no_color: bool,
    /// Standard input is a terminal (then no path is a usage error, not a wait for typing).
    pub stdin_terminal: bool,
}

impl Environment {
    /// This process's environment.
    pub fn current() -> Environment {
        use std::io::IsTerminal;
        Environment {
            terminal: std::io::stdout().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdin_terminal: std::io::stdin().is_terminal(),
        }
    }
}

/// Decides the task the flags ask for.
pub fn resolve(mut flags: Flags, env: Environment) -> Result<Task, UsageError> {
    if flags.notices {
        return Ok(Task::Notices);
    }
    if let Some(shell) = flags.completions {
        return Ok(Task::Completions(shell));
    }
    if flags.man {
        return Ok(Task::Man);
    }
    if flags.dedupe && flags.format != Format::Json {
        return Err(UsageError(
            "--dedupe prints the text itself; --format applies to reports".into(),
        ));
    }
    if flags.schema {
        return Ok(Task::Schema);
    }
    if flags.paths.is_empty() {
        // as jq, rg and wc do: no path reads a pipe, but never waits on a terminal for typing
        if env.stdin_terminal {
            return Err(UsageError(
                "no input: name files or folders, or pipe text in (cat article.txt | analyze); \
                 see --help"
                    .into(),
            ));
        }
        flags.paths.push(PathBuf::from("-"));
    }
    let glob =
        sources::matcher(&flags.glob, flags.glob_default).map_err(|e| UsageError(e.to_string()))?;
    let reading = Reading {
        format: flags.input_format,
        max_bytes: flags.max_bytes,
        follow: flags.follow,
    };
    let single = flags.paths.len() == 1
        && !sources::is_dir(&flags.paths[0])
        && reading.format_of(&sources::Source::named(&flags.paths[0])) == InputFormat::Text;
    let pretty = match flags.layout {
        Layout::Pretty => true,
        Layout::Compact => false,
        Layout::Auto => single && env.terminal,
    };
    let colour = flags.output_dir.is_none()
        && match flags.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.terminal && !env.no_color,
        };
    Ok(Task::Analyse(Box::new(Batch {
        glob,
        reading,
        options: flags.options,
        product: if flags.dedupe {
            Product::Deduped { plain: single }
        } else {
            Product::Report
        },
        format: flags.format,
        look: Look {
            pretty,
            colour,
            page_each: single || flags.output_dir.is_some(),
        },
        single,
        quiet: flags.quiet,
        threads: flags.threads,
        output_dir: flags.output_dir,
        redo: flags.redo,
        paths: flags.paths,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(args: &[&str], terminal: bool, no_color: bool) -> Batch {
        let flags = Flags::try_from_iter(args).expect("flags parse");
        match resolve(
            flags,
            Environment {
                terminal,
                no_color,
                stdin_terminal: false,
            },
        ) {
            Ok(Task::Analyse(b)) => *b,
            _ => panic!("not a batch: {args:?}"),
        }
    }

    #[test]
    fn one_file_on_a_terminal_is_indented_and_coloured() {
        let b = batch(&["analyze", "a.txt"], true, false);
        assert!(b.single && b.look.pretty && b.look.colour && b.look.page_each);
        let b = batch(&["analyze", "a.txt"], false, false);
        assert!(b.single && !b.look.pretty && !b.look.colour);
        let b = batch(&["analyze", "--compact", "a.txt"], true, true);
        assert!(!b.look.pretty && !b.look.colour);
    }

    #[test]
    fn several_inputs_or_records_are_a_stream() {
        let b = batch(&["analyze", "a.txt", "b.txt"], true, false);
        assert!(!b.single && !b.look.pretty && !b.look.page_each);
        let b = batch(
            &["analyze", "--input-format", "jsonl", "a.jsonl"],
            true,
            false,
        );
        assert!(!b.single);
        let b = batch(&["analyze", "--dedupe", "a.txt", "b.txt"], false, false);
        assert_eq!(b.product, Product::Deduped { plain: false });
    }

    #[test]
    fn reports_written_to_a_folder_are_pages_without_colour() {
        let b = batch(
            &[
                "analyze",
                "--output-dir",
                "out",
                "--color",
                "always",
                "a",
                "b",
            ],
            true,
            false,
        );
        assert!(b.look.page_each && !b.look.colour);
    }

    #[test]
    fn no_path_is_standard_input_unless_it_is_a_terminal() {
        let flags = || Flags::try_from_iter(["analyze"]).expect("flags parse");
        let env = |stdin_terminal| Environment {
            terminal: false,
            no_color: false,
            stdin_terminal,
        };
        match resolve(flags(), env(false)) {
            Ok(Task::Analyse(b)) => assert!(b.single && b.paths == [PathBuf::from("-")]),
            _ => panic!("not a batch"),
        }
        assert!(resolve(flags(), env(true)).is_err());
    }

    #[test]
    fn a_jsonl_file_is_a_stream_of_records() {
        let b = batch(&["analyze", "feed.jsonl"], true, false);
        assert!(!b.single && !b.look.pretty);
        let b = batch(
            &["analyze", "--input-format", "text", "feed.jsonl"],
            true,
            false,
        );
        assert!(b.single);
    }

    #[test]
    fn special_tasks_and_usage_errors() {
        let resolve_args = |args: &[&str]| {
            resolve(
                Flags::try_from_iter(args).expect("flags parse"),
                Environment {
                    terminal: false,
                    no_color: false,
                    stdin_terminal: true,
                },
            )
        };
        assert!(matches!(
            resolve_args(&["analyze", "--notices"]),
            Ok(Task::Notices)
        ));
        assert!(matches!(
            resolve_args(&["analyze", "--schema"]),
            Ok(Task::Schema)
        ));
        assert!(resolve_args(&["analyze", "--dedupe", "--format", "text", "a"]).is_err());
        assert!(resolve_args(&["analyze", "--glob", "[", "a"]).is_err());
    }
}
