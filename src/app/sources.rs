//! Which inputs a run reads: paths expanded into sources, lazily. A directory is walked in sorted
//! order; links to files are read, links to directories followed only when asked; FIFOs, sockets and
//! devices in a walk are refused rather than opened. What cannot be walked or opened becomes an error
//! record, so that one bad input never stops the others. How a source becomes records is `records`.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use globset::{GlobBuilder, GlobMatcher};
use serde_json::Value;
use walkdir::WalkDir;

use super::records::{Record, error_record};

/// Where one stream of input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The source a path names: `-` is standard input.
    pub fn named(path: &Path) -> Source {
        if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(path.to_path_buf())
        }
    }

    /// The id a file's report carries: its path as given, or `-`.
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Opens the stream. A file is opened without waiting (a FIFO swapped in after the path was
    /// checked would wait for a writer forever) and then checked again as the open file: anything
    /// but a regular file is refused.
    pub fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(p) => Box::new(open_regular(p)?),
        })
    }
}

/// Opens `path` for reading if it is a regular file (or a link to one), never blocking on a FIFO.
fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(format!(
            "not a regular file ({}); only - reads a stream",
            kind_of(&meta.file_type())
        )));
    }
    Ok(file)
}

/// Compiles a file-name pattern such as `*.txt`, in any case (`.TXT` too) when `any_case`.
pub fn matcher(pattern: &str, any_case: bool) -> anyhow::Result<GlobMatcher> {
    GlobBuilder::new(pattern)
        .case_insensitive(any_case)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| anyhow!("bad --glob pattern {pattern:?}: {e}"))
}

/// Expands paths into sources: `-` is standard input, a directory yields its matching files (sorted,
/// recursively), anything else is read as a file. What cannot be walked or read as a file yields an
/// error record.
pub fn sources<'a>(
    paths: &'a [PathBuf],
    glob: &'a GlobMatcher,
    follow: bool,
) -> impl Iterator<Item = Result<Source, Record>> + 'a {
    paths.iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<Source, Record>>> {
            if path.as_os_str() == "-" {
                return Box::new(std::iter::once(Ok(Source::Stdin)));
            }
            if !path.is_dir() {
                return Box::new(std::iter::once(named(path)));
            }
            let walk = WalkDir::new(path)
                .follow_links(follow)
                .sort_by_file_name()
                .into_iter()
                .filter_map(move |entry| match entry {
                    Ok(e) if e.file_type().is_dir() => None,
                    Ok(e) if !glob.is_match(Path::new(e.file_name())) => None,
                    Ok(e) => walked(e.into_path(), follow),
                    Err(e) => {
                        let at = e.path().unwrap_or(path);
                        let message = walk_error(&e, at);
                        let id = Value::String(at.display().to_string());
                        Some(Err(error_record(id, message)))
                    }
                });
            // a folder that yields nothing is said, not passed over in silence
            let mut walk = walk.peekable();
            if walk.peek().is_some() {
                return Box::new(walk);
            }
            let id = Value::String(path.display().to_string());
            let message = format!(
                "no files matching {} under {}",
                glob.glob().glob(),
                path.display()
            );
            Box::new(std::iter::once(Err(error_record(id, message))))
        },
    )
}

/// A path named on the command line that is not a folder: a regular file (or a link to one) is
/// read; anything else is an error record, never opened (only `-` may be a stream: opening a FIFO
/// would wait for a writer forever). A path that cannot be looked at is read, and fails there with
/// its own message ("no such file or directory").
fn named(path: &Path) -> Result<Source, Record> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(error_record(
            Value::String(path.display().to_string()),
            format!(
                "not a regular file ({}); only - reads a stream",
                kind_of(&meta.file_type())
            ),
        )),
        _ => Ok(Source::File(path.to_path_buf())),
    }
}

/// One clear message for what a walk could not read at `at`, the same with and without `--follow`.
fn walk_error(e: &walkdir::Error, at: &Path) -> String {
    if e.loop_ancestor().is_some() {
        return "symbolic link loop".to_string();
    }
    match e.io_error() {
        Some(io) if io.kind() == io::ErrorKind::NotFound => missing(at),
        Some(io) if io.kind() == io::ErrorKind::PermissionDenied && at.is_dir() => {
            "permission denied (a folder that cannot be read)".to_string()
        }
        Some(io) => describe(io),
        None => e.to_string(),
    }
}

/// Why a path met in a walk is not there: a link to nothing, or a file removed while the folder
/// was being read.
fn missing(path: &Path) -> String {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => "broken symbolic link".to_string(),
        _ => "no such file or directory (removed while the folder was read)".to_string(),
    }
}

/// A file met in a walk: a regular file or a link to one is read; a link to a directory is left
/// alone (walked when following links); anything else is an error record, never opened (opening a
/// FIFO would wait for a writer forever).
fn walked(path: PathBuf, follow: bool) -> Option<Result<Source, Record>> {
    let id = || Value::String(path.display().to_string());
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            let message = if is_link_loop(&e) {
                "symbolic link loop".to_string()
            } else if e.kind() == io::ErrorKind::NotFound {
                missing(&path)
            } else {
                describe(&e)
            };
            return Some(Err(error_record(id(), message)));
        }
    };
    if meta.is_file() {
        return Some(Ok(Source::File(path)));
    }
    if meta.is_dir() && !follow {
        return None;
    }
    Some(Err(error_record(
        id(),
        format!("not a regular file ({})", kind_of(&meta.file_type())),
    )))
}

/// ELOOP: too many levels of symbolic links.
fn is_link_loop(e: &io::Error) -> bool {
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    e.raw_os_error() == Some(ELOOP)
}

#[cfg(unix)]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Whether a path names a directory (so that its reports are JSON Lines).
pub fn is_dir(path: &Path) -> bool {
    path.as_os_str() != "-" && path.is_dir()
}

/// An I/O error as one short message.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ if is_link_loop(e) => "symbolic link loop".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A FIFO put where a file was checked is refused when opened, at once: opening it for reading
    /// would wait for a writer forever (round three of the breaking tests hung 3 runs in 146).
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_when_opened_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.txt");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let source = Source::File(fifo);
        std::thread::spawn(move || {
            let _ = tx.send(source.open().map(|_| ()).map_err(|e| e.to_string()));
        });
        let opened = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("opening a FIFO must not wait");
        assert_eq!(
            opened,
            Err("not a regular file (a FIFO); only - reads a stream".to_string())
        );
    }

    #[test]
    fn a_regular_file_opens() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "text").unwrap();
        let mut s = String::new();
        Source::File(file)
            .open()
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "text");
    }
}
