//! Which runs writing into an output directory are alive, told by an advisory lock rather than by
//! process ids (which say nothing across PID namespaces: containers sharing a folder).
//!
//! Each run takes a name of its own, RUN (its process id and a random part), and holds an exclusive
//! `flock` on `DIR/.analyze-RUN.lock` for as long as it runs; its temporary files are named
//! `.analyze-RUN-RANDOM.tmp`. The kernel drops the lock when the run ends, however it ends. A run
//! starting removes the temporary files of every run whose lock it can take (that run is over),
//! and their lock files; a temporary file whose run left no lock file (written by an older
//! version) is removed when it is more than an hour old.

use std::fs;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

/// What the temporary files of a report being written are called: `.analyze-RUN-RANDOM.tmp`.
pub const TEMP_PREFIX: &str = ".analyze-";
/// The temporary files' ending.
pub const TEMP_SUFFIX: &str = ".tmp";
/// The lock files' ending: `.analyze-RUN.lock`.
const LOCK_SUFFIX: &str = ".lock";

/// This run's lock on an output directory, held until it is dropped (then its file is removed).
pub struct RunLock {
    name: String,
    path: PathBuf,
    /// The open lock file: the `flock` lives as long as it does.
    _file: Option<fs::File>,
}

impl RunLock {
    /// Takes a new run's lock in `root`.
    pub fn take(root: &Path) -> std::io::Result<RunLock> {
        use std::hash::BuildHasher;
        let random = std::collections::hash_map::RandomState::new().hash_one(std::process::id());
        let name = format!("{}x{:012x}", std::process::id(), random & 0xffff_ffff_ffff);
        let path = root.join(format!("{TEMP_PREFIX}{name}{LOCK_SUFFIX}"));
        let file = lock_new(root, &name, &path)?;
        Ok(RunLock {
            name,
            path,
            _file: file,
        })
    }

    /// The run's name, which its temporary files carry.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Creates the lock file under a name no other run looks at, locks it, then gives it its name, so
/// that no run starting meanwhile can mistake it for a dead run's.
#[cfg(unix)]
fn lock_new(root: &Path, name: &str, path: &Path) -> std::io::Result<Option<fs::File>> {
    let making = root.join(format!("{TEMP_PREFIX}{name}.locking"));
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&making)?;
    rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive)?;
    fs::rename(&making, path)?;
    Ok(Some(file))
}

#[cfg(not(unix))]
fn lock_new(_root: &Path, _name: &str, _path: &Path) -> std::io::Result<Option<fs::File>> {
    Ok(None)
}

/// Whether the run `name`, which left a lock file at `lock`, has ended: its lock can be taken.
#[cfg(unix)]
fn ended(lock: &Path) -> Option<bool> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(lock)
        .ok()?;
    Some(rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_ok())
}

#[cfg(not(unix))]
fn ended(_lock: &Path) -> Option<bool> {
    None
}

/// Removes the temporary files that ended runs left under `root` (not those of `me`), and the lock
/// files of ended runs.
pub fn remove_leftovers(root: &Path, me: &str) {
    let mut runs: FxHashMap<String, bool> = FxHashMap::default();
    let mut run_ended = |run: &str| -> Option<bool> {
        if let Some(&e) = runs.get(run) {
            return Some(e);
        }
        let e = ended(&root.join(format!("{TEMP_PREFIX}{run}{LOCK_SUFFIX}")))?;
        runs.insert(run.to_string(), e);
        Some(e)
    };
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        let name = entry.file_name().to_string_lossy();
        let Some(run) = name
            .strip_prefix(TEMP_PREFIX)
            .filter(|_| name.ends_with(TEMP_SUFFIX))
            .and_then(|rest| rest.split('-').next())
        else {
            continue;
        };
        if run == me {
            continue;
        }
        let gone = run_ended(run).unwrap_or_else(|| old(entry.path()));
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
    // the lock files of runs that ended
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(run) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|rest| rest.strip_suffix(LOCK_SUFFIX))
        else {
            continue;
        };
        if run != me && run_ended(run) == Some(true) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a temporary file whose run left no lock is more than an hour old.
fn old(path: &Path) -> bool {
    let age = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_some_and(|a| a.as_secs() >= 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_live_runs_temporary_files_are_kept_and_an_ended_runs_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let sub = root.join("sub");
        fs::create_dir(&sub).unwrap();
        // a live run (its lock held through its own open file, as another process's would be)
        let live = RunLock::take(root).unwrap();
        // a run that was killed: its lock file stayed, nobody holds its lock
        let ended_lock = root.join(format!("{TEMP_PREFIX}99x0000ended{LOCK_SUFFIX}"));
        fs::write(&ended_lock, "").unwrap();
        let temp = |run: &str| sub.join(format!("{TEMP_PREFIX}{run}-abc{TEMP_SUFFIX}"));
        let (kept, gone, unlocked) = (temp(live.name()), temp("99x0000ended"), temp("123"));
        let other = sub.join("notes.tmp");
        for f in [&kept, &gone, &unlocked, &other] {
            fs::write(f, "x").unwrap();
        }
        let me = RunLock::take(root).unwrap();
        remove_leftovers(root, me.name());
        assert!(kept.exists(), "a live run's file was removed");
        assert!(!gone.exists(), "an ended run's file was kept");
        assert!(!ended_lock.exists(), "an ended run's lock file was kept");
        // a recent file of a run with no lock file (an older version's) waits an hour
        assert!(unlocked.exists());
        assert!(other.exists());
        drop(live);
        assert_eq!(
            fs::read_dir(root).unwrap().count(),
            2,
            "sub, and this run's lock file; the live run's went with it"
        );
    }
}
