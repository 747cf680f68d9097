//! `--output-dir`: which file each input's report goes to, decided in input order before anything
//! is written, so that the outcome is the same at any thread count.
//!
//! A report's file is named after its input's id and the format (`.json`, `.txt`, `.html`).
//! Relative ids made of plain names keep their folders (`articles/2024/a.txt` →
//! `DIR/articles/2024/a.txt.json`); standard input's (`-`) is `stdin.json`; a path that is not plain
//! and relative (`/tmp/news/a.txt`, `../a.txt`) is named by its base name (`a.txt.json`), with
//! `~2`, `~3`, ... before the extension when an earlier input of the run took that name
//! (`a.txt~2.json`); any other id (a number, `..`) becomes one flat name. Either way `%`, `/`, `\`
//! and control characters are percent-encoded, so no name can climb out of the directory. Two
//! records whose ids still map to one file (`7` and `"7"`,
//! the same id twice, file names that differ only in bytes that are not UTF-8) are refused for the
//! later one, and so is a report that would land on (or on a link to) any input of the run. Writing
//! the files is `report_files`'.

use std::fs;
use std::path::{Component, Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

/// Longest file-name component written, in bytes; longer ones are cut and end in a hash of the whole.
const MAX_COMPONENT: usize = 200;

use super::run_lock::{RunLock, remove_leftovers};
pub use super::run_lock::{TEMP_PREFIX, TEMP_SUFFIX};

/// The directory reports are written into, and the report files claimed so far in this run.
pub struct ReportDir {
    root: PathBuf,
    redo: bool,
    /// Of the report files: `json`, `txt` or `html`.
    extension: &'static str,
    /// Every input file of the run (standard input too, when it is a file), by its identity.
    inputs: FxHashSet<FileId>,
    /// The hash of each report path claimed, and the claiming record's id as it is shown (cut at
    /// 200 characters: a run of large ids keeps no copy of them).
    claimed: FxHashMap<u64, String>,
    /// Folders looked up, and their real paths (none for a folder not there yet).
    folders: FxHashMap<PathBuf, Option<PathBuf>>,
    /// For each base name given to a path id, the last number added to it (`a.txt~2.json`).
    numbered: FxHashMap<PathBuf, u32>,
    /// This run's lock on the directory, held while it runs.
    lock: RunLock,
}

/// What becomes of one record's report.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// Write it to this file.
    Write(PathBuf),
    /// It is there already (and the run is not asked to redo it).
    Skip,
    /// It cannot be written: the record is an error, for this reason.
    Refuse(String),
}

impl ReportDir {
    /// Opens (creating) the directory, and removes the temporary files a killed run left there.
    /// `inputs` are the run's input files.
    pub fn open(
        dir: &Path,
        redo: bool,
        extension: &'static str,
        inputs: FxHashSet<FileId>,
    ) -> anyhow::Result<ReportDir> {
        fs::create_dir_all(dir)?;
        let root = fs::canonicalize(dir)?;
        let lock = RunLock::take(&root)?;
        remove_leftovers(&root, lock.name());
        Ok(ReportDir {
            lock,
            root,
            redo,
            extension,
            inputs,
            claimed: FxHashMap::default(),
            folders: FxHashMap::default(),
            numbered: FxHashMap::default(),
        })
    }

    /// The directory, as its real path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// This run's name, which its temporary files carry.
    pub fn run(&self) -> &str {
        self.lock.name()
    }

    /// Claims the report file of the record `id` (records claim in input order).
    pub fn claim(&mut self, id: &Value) -> Claim {
        let named = file_components(id, self.extension);
        let mut path = self.root.clone();
        path.extend(&named.names);
        if named.base_only && self.claimed.contains_key(&path_key(&path)) {
            // another input of the run has this base name: the next free number
            let n = self.numbered.entry(path.clone()).or_insert(1);
            let mut numbered = path.clone();
            while self.claimed.contains_key(&path_key(&numbered)) {
                *n += 1;
                numbered.set_file_name(numbered_name(&named.names[0], *n, self.extension));
            }
            path = numbered;
        }
        if let Some(parent) = path.parent()
            && self.real_folder(parent).is_some_and(|real| real != parent)
        {
            // the writer never follows a link: say so now, in input order, rather than let two ids
            // meet in one file through it ("a -> b": a/x and b/x)
            return Claim::Refuse(format!(
                "its report's folder {} is a link: reports are never written through one",
                parent.strip_prefix(&self.root).unwrap_or(parent).display()
            ));
        }
        let key = path_key(&path);
        if let Some(earlier) = self.claimed.get(&key) {
            return Claim::Refuse(format!(
                "its report would be the same file as the report of {} ({}): ids must map to \
                 distinct file names",
                earlier,
                path.strip_prefix(&self.root).unwrap_or(&path).display()
            ));
        }
        let (real, exists) = self.real_path(&path);
        let is_input = |r: &PathBuf| {
            fs::metadata(r)
                .ok()
                .and_then(|m| file_id(&m))
                .is_some_and(|id| self.inputs.contains(&id))
        };
        if let Some(real) = real.filter(|r| exists && is_input(r)) {
            return Claim::Refuse(format!(
                "its report would overwrite the input {}",
                real.display()
            ));
        }
        self.claimed.insert(key, crate_id(id));
        if !self.redo && exists {
            Claim::Skip
        } else {
            Claim::Write(path)
        }
    }

    /// Where the report file `path` really is (a link counts as what it links to; none when its
    /// folder is not there yet), and whether a file is there already.
    /// The real path of the report folder `folder` (none while it is not there), looked up once.
    fn real_folder(&mut self, folder: &Path) -> Option<PathBuf> {
        self.folders
            .entry(folder.to_path_buf())
            .or_insert_with(|| fs::canonicalize(folder).ok())
            .clone()
    }

    fn real_path(&mut self, path: &Path) -> (Option<PathBuf>, bool) {
        let Some((parent, name)) = path.parent().zip(path.file_name()) else {
            return (None, false);
        };
        let Some(real_parent) = self.real_folder(parent) else {
            return (None, false);
        };
        let name = real_parent.join(name);
        match fs::symlink_metadata(&name) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::canonicalize(&name).ok();
                let exists = target.as_ref().is_some_and(|t| t.is_file());
                (target, exists)
            }
            Ok(m) => (Some(name), m.is_file()),
            Err(_) => (Some(name), false),
        }
    }
}

/// What tells one file from another however it is named (through a link, a hard link, or as the
/// file behind standard input): its device and inode.
pub type FileId = (u64, u64);

/// The identity of the file `meta` describes (none where the system gives none).
pub fn file_id(meta: &fs::Metadata) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// The identity of the file standard input reads, when it is a regular file (`- < feed.json`).
pub fn stdin_file_id() -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = fs::File::from(fd).metadata().ok()?;
        meta.is_file().then(|| file_id(&meta)).flatten()
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The key a claimed report path is remembered by.
fn path_key(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    path.hash(&mut h);
    h.finish()
}

/// `a.txt.json` numbered `n`: `a.txt~n.json`.
fn numbered_name(name: &str, n: u32, extension: &str) -> String {
    let stem = name
        .strip_suffix(extension)
        .and_then(|s| s.strip_suffix('.'))
        .unwrap_or(name);
    format!("{stem}~{n}.{extension}")
}

/// An id as people read it.
fn crate_id(id: &Value) -> String {
    analyze::report::id_text(id)
}

/// The file-name components of an id's report file, and whether the id was a path named by its
/// base name alone (then a number is added when the name is taken).
struct ReportName {
    names: Vec<String>,
    base_only: bool,
}

/// The path components (relative, plain names only) of an id's report file.
fn file_components(id: &Value, extension: &str) -> ReportName {
    let text = match id {
        // standard input's report is `stdin.json`, not a hidden `-.json`
        Value::String(s) if s == "-" => "stdin".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let parts: Vec<&str> = text.split('/').collect();
    let plain = !text.is_empty()
        && Path::new(&text)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && parts.iter().all(|p| !p.is_empty() && !p.starts_with('.'));
    // a path that is absolute or climbs (`/tmp/a.txt`, `../a.txt`): its base name, when plain
    let base = (!plain && matches!(id, Value::String(_)))
        .then(|| Path::new(&text).file_name())
        .flatten()
        .and_then(|name| name.to_str())
        .filter(|name| !name.starts_with('.') && !name.contains('\\'));
    let mut names: Vec<String> = match (plain, base) {
        (true, _) => parts.iter().map(|p| encode(p)).collect(),
        (false, Some(base)) => vec![encode(base)],
        (false, None) => vec![encode(&text)],
    };
    if let Some(last) = names.last_mut() {
        last.push('.');
        last.push_str(extension);
    }
    ReportName {
        names,
        base_only: !plain && base.is_some(),
    }
}

/// A name safe as one file-name component: `%`, `/`, `\` and control characters percent-encoded, a
/// leading dot too, the empty name as `%`, and a long name cut with a hash of the whole at its end.
fn encode(name: &str) -> String {
    if name.is_empty() {
        return "%".to_string();
    }
    let mut out = String::with_capacity(name.len());
    for (i, c) in name.chars().enumerate() {
        if matches!(c, '%' | '/' | '\\') || c.is_control() || (i == 0 && c == '.') {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    if out.len() > MAX_COMPONENT {
        let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
        let mut cut = MAX_COMPONENT - 20;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str(&format!("~{hash:016x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(id: Value) -> Vec<String> {
        file_components(&id, "json").names
    }

    #[test]
    fn plain_relative_ids_keep_their_folders() {
        assert_eq!(
            names("articles/2024/a.txt".into()),
            ["articles", "2024", "a.txt.json"]
        );
        assert_eq!(names("a.txt".into()), ["a.txt.json"]);
        assert_eq!(names("-".into()), ["stdin.json"]);
    }

    #[test]
    fn paths_that_are_not_plain_are_named_by_their_base_name() {
        assert_eq!(names("../../etc/x".into()), ["x.json"]);
        assert_eq!(names("/tmp/news/a.txt".into()), ["a.txt.json"]);
        assert_eq!(names("./a".into()), ["a.json"]);
        assert_eq!(names("a//b".into()), ["b.json"]);
        assert_eq!(names("/tmp/.hidden".into()), ["%2Ftmp%2F.hidden.json"]);
    }

    #[test]
    fn a_base_name_taken_earlier_in_the_run_gets_a_number() {
        let tmp = tempfile::tempdir().unwrap();
        let mut dir = ReportDir::open(tmp.path(), true, "json", Default::default()).unwrap();
        let mut got = Vec::new();
        for id in ["/x/a.txt", "/y/a.txt", "a.txt~2", "/z/a.txt", "a.txt"] {
            match dir.claim(&Value::from(id)) {
                Claim::Write(p) => got.push(p.file_name().unwrap().to_string_lossy().into_owned()),
                Claim::Refuse(_) => got.push("refused".into()),
                Claim::Skip => got.push("skipped".into()),
            }
        }
        // a plain id whose file a numbered name took is refused, as any two ids on one file are
        assert_eq!(
            got,
            [
                "a.txt.json",
                "a.txt~2.json",
                "refused",
                "a.txt~3.json",
                "refused"
            ]
        );
    }

    #[test]
    fn other_ids_are_one_flat_safe_name() {
        assert_eq!(names("..".into()), ["%2E..json"]);
        assert_eq!(names(Value::from(7)), ["7.json"]);
        assert_eq!(names("".into()), ["%.json"]);
        assert_eq!(names("50%\n".into()), ["50%25%0A.json"]);
        assert_eq!(names("a\\..\\b".into()), ["a%5C..%5Cb.json"]);
    }

    #[test]
    fn distinct_ids_get_distinct_files_and_long_ones_are_cut() {
        assert_ne!(names("a/b".into()), names("a%2Fb".into()));
        let long = "x".repeat(1000);
        let other = format!("{long}y");
        let (a, b) = (names(long.into()), names(other.into()));
        assert!(a[0].len() <= MAX_COMPONENT + 5);
        assert_ne!(a, b);
    }

    #[test]
    fn reports_land_inside_the_directory() {
        let tmp = tempfile::tempdir().unwrap();
        let mut dir =
            ReportDir::open(&tmp.path().join("out"), false, "json", Default::default()).unwrap();
        for id in ["../../escape", "/abs/path", "sub/dir/a.txt", "..", "."] {
            let id = Value::from(id);
            let Claim::Write(path) = dir.claim(&id) else {
                panic!("{id} not claimed");
            };
            assert!(path.starts_with(&dir.root), "{path:?}");
        }
    }

    #[test]
    fn ids_mapping_to_one_file_are_refused_after_the_first() {
        let tmp = tempfile::tempdir().unwrap();
        let mut dir = ReportDir::open(tmp.path(), true, "json", Default::default()).unwrap();
        assert!(matches!(dir.claim(&Value::from(7)), Claim::Write(_)));
        for later in [Value::from("7"), Value::from(7)] {
            let Claim::Refuse(why) = dir.claim(&later) else {
                panic!("{later} claimed twice");
            };
            assert!(why.contains("same file as the report of 7"), "{why}");
        }
        assert!(matches!(dir.claim(&Value::from(true)), Claim::Write(_)));
        assert!(matches!(dir.claim(&Value::from("true")), Claim::Refuse(_)));
    }

    #[test]
    fn an_input_is_never_a_report_with_or_without_redo() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("feed.json");
        fs::write(&input, "{}").unwrap();
        let inputs: FxHashSet<FileId> = [file_id(&fs::metadata(&input).unwrap()).unwrap()]
            .into_iter()
            .collect();
        for redo in [false, true] {
            let mut dir = ReportDir::open(tmp.path(), redo, "json", inputs.clone()).unwrap();
            let Claim::Refuse(why) = dir.claim(&Value::from("feed")) else {
                panic!("the input was claimed");
            };
            assert!(why.contains("overwrite the input"), "{why}");
        }
        assert_eq!(fs::read_to_string(&input).unwrap(), "{}");
    }
}
