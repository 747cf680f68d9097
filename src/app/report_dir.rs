//! `--output-dir`: one report file per input, written atomically (a temporary file renamed into
//! place), never outside the directory and never over an input file.
//!
//! A report's file is named after its input's id and the format (`.json`, `.txt`, `.html`). Relative ids made of plain names keep their folders
//! (`articles/2024/a.txt` → `DIR/articles/2024/a.txt.json`); any other id (absolute, with `..` or a
//! leading dot, a number) becomes one flat name. Either way `%`, `/`, `\` and control characters are
//! percent-encoded, so two ids never share a file and no name can climb out of the directory.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use serde_json::Value;

/// Longest file-name component written, in bytes; longer ones are cut and end in a hash of the whole.
const MAX_COMPONENT: usize = 200;

/// The directory reports are written into.
pub struct ReportDir {
    root: PathBuf,
    redo: bool,
    /// Of the report files: `json`, `txt` or `html`.
    extension: &'static str,
}

impl ReportDir {
    /// Creates the directory if needed.
    pub fn open(dir: &Path, redo: bool, extension: &'static str) -> io::Result<ReportDir> {
        fs::create_dir_all(dir)?;
        Ok(ReportDir {
            root: fs::canonicalize(dir)?,
            redo,
            extension,
        })
    }

    /// Where the report of the input `id` goes.
    pub fn path_for(&self, id: &Value) -> PathBuf {
        let mut path = self.root.clone();
        path.extend(file_components(id, self.extension));
        path
    }

    /// Whether the report of `id` is already written (and the run is not asked to redo it).
    pub fn done(&self, id: &Value) -> bool {
        !self.redo && self.path_for(id).is_file()
    }

    /// Writes the report of `id`, read from the file `source` if it came from one.
    pub fn write(&self, id: &Value, source: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
        let target = self.path_for(id);
        let parent = target.parent().unwrap_or(&self.root);
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        // a link inside the directory must not carry the report out of it
        let real_parent = fs::canonicalize(parent)?;
        if !real_parent.starts_with(&self.root) {
            bail!("{} leads outside the output directory", parent.display());
        }
        let name = target.file_name().unwrap_or_default();
        let target = real_parent.join(name);
        if let Some(source) = source
            && fs::canonicalize(source).is_ok_and(|s| s == target)
        {
            bail!("its report would overwrite the input {}", source.display());
        }
        let temp = real_parent.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = fs::File::create(&temp).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_data()
        });
        if let Err(e) = written.and_then(|()| fs::rename(&temp, &target)) {
            let _ = fs::remove_file(&temp);
            return Err(anyhow!("cannot write {}: {e}", target.display()));
        }
        Ok(())
    }
}

/// The path components (relative, plain names only) of an id's report file.
fn file_components(id: &Value, extension: &str) -> Vec<String> {
    let text = match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let parts: Vec<&str> = text.split('/').collect();
    let plain = !text.is_empty()
        && Path::new(&text)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && parts.iter().all(|p| !p.is_empty() && !p.starts_with('.'));
    let mut names: Vec<String> = if plain {
        parts.iter().map(|p| encode(p)).collect()
    } else {
        vec![encode(&text)]
    };
    if let Some(last) = names.last_mut() {
        last.push('.');
        last.push_str(extension);
    }
    names
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
        file_components(&id, "json")
    }

    #[test]
    fn plain_relative_ids_keep_their_folders() {
        assert_eq!(
            names("articles/2024/a.txt".into()),
            ["articles", "2024", "a.txt.json"]
        );
        assert_eq!(names("a.txt".into()), ["a.txt.json"]);
    }

    #[test]
    fn other_ids_are_one_flat_safe_name() {
        assert_eq!(names("../../etc/x".into()), ["%2E.%2F..%2Fetc%2Fx.json"]);
        assert_eq!(names("/etc/passwd".into()), ["%2Fetc%2Fpasswd.json"]);
        assert_eq!(names("./a".into()), ["%2E%2Fa.json"]);
        assert_eq!(names("a//b".into()), ["a%2F%2Fb.json"]);
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
        let dir = ReportDir::open(&tmp.path().join("out"), false, "json").unwrap();
        for id in ["../../escape", "/abs/path", "sub/dir/a.txt", "..", "."] {
            let id = Value::from(id);
            dir.write(&id, None, b"{}\n").unwrap();
            let path = dir.path_for(&id);
            assert!(path.starts_with(&dir.root), "{path:?}");
            assert_eq!(fs::read(&path).unwrap(), b"{}\n");
            assert!(dir.done(&id));
        }
        // no temporary files left behind
        let leftovers = walkdir::WalkDir::new(&dir.root)
            .into_iter()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn an_input_is_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = ReportDir::open(tmp.path(), false, "json").unwrap();
        // an input whose id names the very file its report would go to
        let input = tmp.path().join("a.json");
        fs::write(&input, "article").unwrap();
        let id = Value::from("a");
        let err = dir.write(&id, Some(&input), b"{}").unwrap_err().to_string();
        assert!(err.contains("overwrite"));
        assert_eq!(fs::read_to_string(&input).unwrap(), "article");
    }
}
