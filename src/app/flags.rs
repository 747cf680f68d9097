//! The command line as typed: clap definitions, turned at once into a plain [`Flags`] so that clap
//! types never reach the rest of the application. What the flags mean for a run (layout, colour,
//! where reports go) is decided once, in `settings`.

use std::path::PathBuf;

use analyze::output::Format;
use anyhow::{anyhow, bail};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, ValueEnum};
use clap_complete::Shell;

/// The examples `--help` and the man page show: a command and what it does.
const EXAMPLES: [(&str, &str); 11] = [
    ("analyze article.txt", "one report, indented on a terminal"),
    (
        "analyze articles/ | jq -r '.sections[] | select(.kind == \"headline\") | .text'",
        "",
    ),
    (
        "analyze --glob '*.md' notes/",
        "walk a folder for other files",
    ),
    ("cat records.jsonl | analyze --input-format jsonl -", ""),
    (
        "analyze --cross-article feeds/",
        "also list passages shared with earlier files",
    ),
    (
        "analyze --dedupe article.txt > clean.txt",
        "the text without its repeated passages",
    ),
    (
        "analyze -o reports/ articles/",
        "one report file per article; a rerun skips done ones",
    ),
    (
        "analyze -f text article.txt",
        "a summary to read in the terminal",
    ),
    (
        "analyze -f html article.txt > a.html",
        "the article annotated, one self-contained page",
    ),
    (
        "analyze -j 2 -q -o reports/ articles/",
        "two threads, no progress bar",
    ),
    ("analyze --schema", "the JSON Schema of an output line"),
];

const EXIT_STATUS: &str = "Exit status: 0 every input analysed, 1 some input failed (its line \
     carries \"error\"), 2 usage error.";

/// Width of the examples' command column.
const EXAMPLE_COLUMN: usize = 40;

/// The examples and exit status as `--help` ends with them, descriptions in one column.
fn after_help() -> String {
    let mut out = String::from("Examples:\n");
    for (command, what) in EXAMPLES {
        let line = if what.is_empty() {
            format!("  {command}")
        } else if command.len() <= EXAMPLE_COLUMN {
            format!("  {command:<EXAMPLE_COLUMN$}  {what}")
        } else {
            format!("  {command}\n  {:<EXAMPLE_COLUMN$}  {what}", "")
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(EXIT_STATUS);
    out
}

/// Analyse plain-text news articles: sections, duplicates, quotes and entities, as JSON.
#[derive(Debug, Parser)]
#[command(name = "analyze", version, about, after_help = after_help())]
struct Args {
    /// Files, directories (walked recursively) or `-` for standard input; with none, standard input
    /// when it is not a terminal (`cat a.txt | analyze`).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// How inputs are read: whole files of text, or JSON Lines records {"id": ..., "text": ...}
    /// [default: by the file's name: *.jsonl as JSON Lines, anything else as text]
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,

    /// File-name pattern for files found in directories [default: *.txt, or *.jsonl with --input-format jsonl]
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,

    /// What to print: JSON reports, a summary for people (text), or the article annotated as one
    /// self-contained HTML page.
    #[arg(short, long, value_parser = format_parser(), default_value = "json")]
    format: Format,

    /// Colour in --format text: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Indent the JSON (the default for a single report on a terminal).
    #[arg(long, conflicts_with = "compact")]
    pretty: bool,

    /// One line per report, never indented.
    #[arg(long)]
    compact: bool,

    /// Also compare each input with the inputs before it, in the order given, and list the passages
    /// they share in `cross_duplicates` (memory grows with a compact index of fingerprints).
    #[arg(long)]
    cross_article: bool,

    /// Add each article's passage fingerprints (`fingerprints`: hashes of 5-word runs chosen by
    /// winnowing, equal on every machine), for grouping candidate duplicates in another engine.
    #[arg(long)]
    fingerprints: bool,

    /// Print each article's text without the later copies of its repeated passages instead of a
    /// report (with --cross-article, also without passages of earlier inputs). One text input prints
    /// plain text; otherwise JSON Lines {"id": ..., "text": ...}.
    #[arg(long, conflicts_with_all = ["fingerprints", "pretty"])]
    dedupe: bool,

    /// Print the JSON Schema of an output line (a report, or an error record) and exit.
    #[arg(long, conflicts_with = "paths")]
    schema: bool,

    /// Print the licence notices of the name lists and learned weights compiled into the binary and
    /// exit.
    #[arg(long, conflicts_with = "paths")]
    notices: bool,

    /// Threads analysing records at once (0: one per core). The output is the same at any count.
    /// At most 128 are used: one per record in flight (two chunks of 64).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// No progress bar and no summary line on stderr (failures are still said).
    #[arg(short, long)]
    quiet: bool,

    /// The largest input analysed (a file, or one JSON Lines record without its line break); larger
    /// ones are an error for that input. Takes K, M and G suffixes (powers of 1024), at most 4095M.
    /// A record needs 10 to 25 times its size in memory while it is analysed (prose), up to 75
    /// times (a line per character): the default keeps one record under about 1.2 GB.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_bytes: u64,

    /// Follow links to directories while walking a directory (loops are reported, not followed).
    #[arg(long)]
    follow: bool,

    /// Write one report per input into DIR (`<id>.json`, written atomically) instead of standard
    /// output; inputs whose report is already there are skipped.
    #[arg(short, long, value_name = "DIR", conflicts_with_all = ["dedupe", "cross_article"])]
    output_dir: Option<PathBuf>,

    /// With --output-dir: analyse again the inputs whose report is already there.
    #[arg(long, requires = "output_dir")]
    redo: bool,

    /// Print a completion script for SHELL and exit.
    #[arg(long, value_name = "SHELL", value_enum, conflicts_with = "paths")]
    completions: Option<Shell>,

    /// Print the man page (roff) and exit.
    #[arg(long, conflicts_with = "paths")]
    man: bool,
}

/// The library's output formats as command-line values, each with its help line.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(|f| PossibleValue::new(f.name()).help(f.about())))
        .try_map(|name| name.parse::<Format>())
}

/// When --format text uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn std::io::Write) {
    clap_complete::generate(shell, &mut Args::command(), "analyze", out);
}

/// Writes the man page: clap's sections, then the examples as a no-fill block (so that the columns
/// stay aligned) and the exit status.
pub fn man_page(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let cmd = Args::command().after_help(None::<&str>);
    let man = clap_mangen::Man::new(cmd);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut roff = String::from(".SH EXAMPLES\n.nf\n");
    for line in after_help().lines().skip(1).take_while(|l| !l.is_empty()) {
        roff.push_str(&roff_escape(line));
        roff.push('\n');
    }
    roff.push_str(".fi\n.SH \"EXIT STATUS\"\n");
    roff.push_str(&roff_escape(EXIT_STATUS));
    roff.push('\n');
    out.write_all(roff.as_bytes())?;
    man.render_version_section(out)
}

/// A line of text as roff prints it literally.
fn roff_escape(line: &str) -> String {
    let escaped = line
        .replace('\\', "\\e")
        .replace('-', "\\-")
        .replace('\'', "\\(aq");
    // a line starting with a dot or a quote would be read as a request
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// A size in bytes: a number with an optional K, M or G suffix (powers of 1024).
fn parse_size(s: &str) -> anyhow::Result<u64> {
    let t = s.trim();
    let (digits, unit) = match t
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit() && *c != '.')
    {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    // "1.5M": a decimal number of units, rounded down to whole bytes
    let n: f64 = digits
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| anyhow!("{s:?} is not a size (examples: 1000000, 500K, 1.5M, 1G)"))?;
    let scale: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => bail!("{s:?}: unknown unit (use K, M or G)"),
    };
    let bytes = n * scale as f64;
    // offsets inside an article are 32-bit
    if bytes > f64::from(u32::MAX) {
        bail!("{s:?} is too large: at most 4095M (4 GiB less one byte)");
    }
    Ok(bytes as u64)
}

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one article.
    Text,
    /// Each line is a record {"id": ..., "text": ...} or {"id": ..., "html": ...}; other keys are
    /// ignored.
    Jsonl,
    /// Each file (or standard input) is one HTML page, rendered to text first.
    Html,
}

/// Whether reports are indented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Indented when standard output is a terminal and only one report is printed.
    Auto,
    Pretty,
    Compact,
}

/// What the command line asks for, free of clap.
#[derive(Debug, Clone)]
pub struct Flags {
    pub paths: Vec<PathBuf>,
    /// `None`: by each file's name.
    pub input_format: Option<InputFormat>,
    pub glob: String,
    /// Whether `glob` is the default one (then it matches in any case: `.TXT` too).
    pub glob_default: bool,
    pub layout: Layout,
    pub options: analyze::Options,
    pub dedupe: bool,
    pub schema: bool,
    pub notices: bool,
    /// 0 for one thread per core.
    pub threads: usize,
    /// No progress bar and no summary line.
    pub quiet: bool,
    pub max_bytes: u64,
    pub follow: bool,
    pub output_dir: Option<PathBuf>,
    pub redo: bool,
    pub format: Format,
    pub color: ColorChoice,
    pub completions: Option<Shell>,
    pub man: bool,
}

impl Flags {
    /// Parses the process arguments; prints help, version or a usage error (exit 2) itself.
    pub fn from_args() -> Flags {
        Args::parse().into()
    }

    /// Parses the given arguments (the first is the program name).
    #[cfg(test)]
    pub fn try_from_iter<I, T>(args: I) -> Result<Flags, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        Args::try_parse_from(args).map(Flags::from)
    }
}

impl From<Args> for Flags {
    fn from(a: Args) -> Flags {
        let glob_default = a.glob.is_none();
        let glob = a.glob.unwrap_or_else(|| {
            match a.input_format {
                Some(InputFormat::Jsonl) => "*.jsonl",
                Some(InputFormat::Html) => "*.html",
                _ => "*.txt",
            }
            .to_string()
        });
        let layout = if a.pretty {
            Layout::Pretty
        } else if a.compact {
            Layout::Compact
        } else {
            Layout::Auto
        };
        Flags {
            paths: a.paths,
            input_format: a.input_format,
            glob,
            glob_default,
            layout,
            options: analyze::Options {
                cross_article: a.cross_article,
                fingerprints: a.fingerprints,
            },
            dedupe: a.dedupe,
            schema: a.schema,
            notices: a.notices,
            threads: a.threads,
            quiet: a.quiet,
            max_bytes: a.max_bytes,
            follow: a.follow,
            output_dir: a.output_dir,
            redo: a.redo,
            format: a.format,
            color: a.color,
            completions: a.completions,
            man: a.man,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_default_follows_input_format() {
        let c = Flags::try_from_iter(["analyze", "--input-format", "jsonl", "-"]).unwrap();
        assert_eq!(c.glob, "*.jsonl");
        let c = Flags::try_from_iter(["analyze", "dir"]).unwrap();
        assert_eq!(c.glob, "*.txt");
    }

    #[test]
    fn pretty_and_compact_conflict() {
        assert!(Flags::try_from_iter(["analyze", "--pretty", "--compact", "x"]).is_err());
    }

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("1000").ok(), Some(1000));
        assert_eq!(parse_size("64K").ok(), Some(64 << 10));
        assert_eq!(parse_size("256M").ok(), Some(256 << 20));
        assert_eq!(parse_size("2g").ok(), Some(2 << 30));
        assert!(parse_size("4G").is_err());
        assert_eq!(parse_size("1MiB").ok(), Some(1 << 20));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5T").is_err());
        assert!(parse_size("99999999999999G").is_err());
        assert_eq!(parse_size("1.5M").ok(), Some(3 << 19));
        assert_eq!(parse_size("0.5k").ok(), Some(512));
        assert!(parse_size("1.2.3M").is_err());
    }

    #[test]
    fn no_path_parses_and_input_format_is_by_name_unless_given() {
        let f = Flags::try_from_iter(["analyze"]).unwrap();
        assert!(f.paths.is_empty() && f.input_format.is_none());
        let f = Flags::try_from_iter(["analyze", "--input-format", "text", "a.jsonl"]).unwrap();
        assert_eq!(f.input_format, Some(InputFormat::Text));
    }

    #[test]
    fn modes_that_print_and_exit_take_no_path() {
        for mode in ["--schema", "--notices", "--man"] {
            assert!(
                Flags::try_from_iter(["analyze", mode, "a.txt"]).is_err(),
                "{mode}"
            );
        }
        assert!(Flags::try_from_iter(["analyze", "--completions", "bash", "a.txt"]).is_err());
    }

    #[test]
    fn help_examples_are_in_one_column() {
        let help = after_help();
        let described = EXAMPLES.iter().filter(|(_, what)| !what.is_empty());
        for (_, what) in described {
            let line = help.lines().find(|l| l.ends_with(what)).unwrap();
            assert_eq!(line.len() - what.len(), EXAMPLE_COLUMN + 4, "{line}");
        }
    }

    #[test]
    fn short_flags_for_the_common_options() {
        let f = Flags::try_from_iter(["analyze", "-f", "text", "-o", "out", "-j", "2", "-q", "x"])
            .unwrap();
        assert_eq!(f.format, Format::Text);
        assert_eq!(f.output_dir, Some(PathBuf::from("out")));
        assert_eq!(f.threads, 2);
        assert!(f.quiet);
    }
}
