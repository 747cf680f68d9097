//! Writing report files, on a thread of their own, a chunk of records at a time.
//!
//! Each report is written to a temporary file created beside its target with an unpredictable name
//! and exclusive creation (`tempfile`: a link planted there is never followed), the chunk's files
//! are made durable together (one `syncfs` per folder on Linux, each file's data elsewhere), and
//! only then is each renamed over its target: a report file is always whole, and a run killed at
//! any moment leaves at most temporary files, which the next run removes. A link inside the
//! directory cannot carry a report out of it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;

use anyhow::{Context, bail};
use serde_json::Value;
use tempfile::NamedTempFile;

use super::progress::Messages;
use super::report_dir::{TEMP_PREFIX, TEMP_SUFFIX};

/// One report to write.
pub struct Job {
    pub path: PathBuf,
    pub id: Value,
    pub bytes: Vec<u8>,
}

/// The writer thread: jobs go in a chunk at a time; the tally comes out at the end.
pub struct FileWriter {
    jobs: Option<mpsc::SyncSender<Vec<Job>>>,
    thread: Option<thread::JoinHandle<Tally>>,
}

/// What the writer did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub written: usize,
    pub failed: bool,
}

impl FileWriter {
    /// A writer for reports under `root`, saying its failures through `messages`.
    pub fn spawn(root: PathBuf, messages: Messages) -> FileWriter {
        // two chunks queued at most: the analysis does not run far ahead of the disk
        let (tx, rx) = mpsc::sync_channel::<Vec<Job>>(2);
        let thread = thread::spawn(move || {
            let mut tally = Tally::default();
            let mut folders = Folders::default();
            for chunk in rx {
                write_chunk(&root, chunk, &messages, &mut folders, &mut tally);
            }
            tally
        });
        FileWriter {
            jobs: Some(tx),
            thread: Some(thread),
        }
    }

    /// Hands a chunk of reports over; returns at once unless two chunks are already waiting.
    pub fn send(&self, chunk: Vec<Job>) {
        if chunk.is_empty() {
            return;
        }
        if let Some(tx) = &self.jobs {
            // the thread is gone only after a panic, which `finish` reports
            let _ = tx.send(chunk);
        }
    }

    /// Waits for every report to be written.
    pub fn finish(mut self) -> Tally {
        drop(self.jobs.take());
        match self.thread.take().map(thread::JoinHandle::join) {
            Some(Ok(tally)) => tally,
            _ => Tally {
                written: 0,
                failed: true,
            },
        }
    }
}

/// Writes one chunk: every report to its temporary file, then the files made durable, then each
/// renamed into place.
fn write_chunk(
    root: &Path,
    chunk: Vec<Job>,
    messages: &Messages,
    folders: &mut Folders,
    tally: &mut Tally,
) {
    let mut ready: Vec<(NamedTempFile, PathBuf, Value)> = Vec::with_capacity(chunk.len());
    for job in chunk {
        match prepare(root, &job, folders) {
            Ok((temp, target)) => ready.push((temp, target, job.id)),
            Err(e) => {
                messages.say(&format!("{}: {e:#}", analyze::report::id_text(&job.id)));
                tally.failed = true;
            }
        }
    }
    if let Err(e) = make_durable(&ready) {
        messages.say(&format!("cannot sync the reports to disk: {e}"));
        tally.failed = true;
        return;
    }
    for (temp, target, id) in ready {
        match temp.persist(&target) {
            Ok(_) => tally.written += 1,
            Err(e) => {
                messages.say(&format!(
                    "{}: cannot write {}: {}",
                    analyze::report::id_text(&id),
                    target.display(),
                    e.error
                ));
                tally.failed = true;
            }
        }
    }
}

/// The folders reports went to, created and resolved to their real paths once each.
#[derive(Default)]
struct Folders(rustc_hash::FxHashMap<PathBuf, PathBuf>);

impl Folders {
    /// The real path of `folder`, created if need be.
    fn real(&mut self, folder: &Path) -> anyhow::Result<PathBuf> {
        if let Some(real) = self.0.get(folder) {
            return Ok(real.clone());
        }
        fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        let real = fs::canonicalize(folder)?;
        self.0.insert(folder.to_path_buf(), real.clone());
        Ok(real)
    }
}

/// The report of `job` written to a temporary file beside its target; the target's real path.
fn prepare(
    root: &Path,
    job: &Job,
    folders: &mut Folders,
) -> anyhow::Result<(NamedTempFile, PathBuf)> {
    let parent = job.path.parent().unwrap_or(root);
    // a link inside the directory must not carry the report out of it
    let real_parent = folders.real(parent)?;
    if !real_parent.starts_with(root) {
        bail!("{} leads outside the output directory", parent.display());
    }
    let target = real_parent.join(job.path.file_name().unwrap_or_default());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&real_parent)
        .with_context(|| format!("cannot write {}", target.display()))?;
    temp.write_all(&job.bytes)
        .with_context(|| format!("cannot write {}", target.display()))?;
    Ok((temp, target))
}

/// Makes the temporary files' data durable before they are renamed: one `syncfs` per folder on
/// Linux (a chunk's worth of files at the cost of one), each file's data elsewhere.
fn make_durable(ready: &[(NamedTempFile, PathBuf, Value)]) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let mut synced: Vec<&Path> = Vec::new();
        for (temp, target, _) in ready {
            let folder = target.parent().unwrap_or(target);
            if !synced.contains(&folder) {
                rustix::fs::syncfs(temp.as_file())?;
                synced.push(folder);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    for (temp, _, _) in ready {
        temp.as_file().sync_data()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(root: &Path, name: &str, bytes: &[u8]) -> Job {
        Job {
            path: root.join(name),
            id: Value::from(name),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn reports_are_written_whole_and_no_temporary_file_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap();
        let w = FileWriter::spawn(root.clone(), Messages::default());
        w.send(vec![
            job(&root, "a.json", b"{}\n"),
            job(&root, "sub/b.json", b"[]\n"),
        ]);
        let tally = w.finish();
        assert_eq!(tally.written, 2);
        assert!(!tally.failed);
        assert_eq!(fs::read(root.join("sub/b.json")).unwrap(), b"[]\n");
        let leftovers = walkdir::WalkDir::new(&root)
            .into_iter()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(TEMP_SUFFIX))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_where_a_temporary_file_might_go_is_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap().join("out");
        fs::create_dir(&root).unwrap();
        let victim = tmp.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        // the predictable temporary name earlier versions wrote through (`.NAME.PID.tmp`)
        let planted = root.join(format!(".a.json.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, planted).unwrap();
        let w = FileWriter::spawn(root.clone(), Messages::default());
        w.send(vec![job(&root, "a.json", b"{}\n")]);
        assert_eq!(w.finish().written, 1);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_cannot_carry_a_report_out() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap().join("out");
        fs::create_dir(&root).unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("sub")).unwrap();
        let w = FileWriter::spawn(root.clone(), Messages::default());
        w.send(vec![job(&root, "sub/a.json", b"{}\n")]);
        let tally = w.finish();
        assert!(tally.failed);
        assert_eq!(tally.written, 0);
        assert!(!outside.join("a.json").exists());
    }
}
