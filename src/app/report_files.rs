//! Writing report files, on a thread of their own, a chunk of records at a time.
//!
//! Nothing is written by path. The output directory is opened once, as a handle, when the run
//! starts; each report's folder is reached from that handle one name at a time, never following a
//! link (`openat` with `O_NOFOLLOW`: a folder swapped for a link in the middle of a run is refused,
//! not followed), and created there when missing. Each report is written to a temporary file made
//! in its folder with exclusive creation and an unpredictable name (`.analyze-RUN-RANDOM.tmp`, RUN
//! naming the run's lock: see `report_dir`), the chunk's files are made durable together (one
//! `syncfs` per folder on Linux, each file's data elsewhere), and only then is each renamed over its
//! target within the same folder handle. A report file is always whole, and a run killed at any
//! moment leaves at most temporary files, which the next run removes.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::thread;

use serde_json::Value;

use super::progress::Messages;

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
    /// A writer for reports under `root` (the output directory's real path), naming its temporary
    /// files after the run `run`, saying its failures through `messages`.
    pub fn spawn(root: PathBuf, run: String, messages: Messages) -> FileWriter {
        // two chunks queued at most: the analysis does not run far ahead of the disk
        let (tx, rx) = mpsc::sync_channel::<Vec<Job>>(2);
        let thread = thread::spawn(move || {
            let mut tally = Tally::default();
            let root_dir = match handles::open_root(&root) {
                Ok(dir) => dir,
                Err(e) => {
                    messages.say(&format!("cannot open {}: {e}", root.display()));
                    tally.failed = true;
                    // the jobs are still taken, so that the run ends
                    rx.iter().for_each(drop);
                    return tally;
                }
            };
            let writer = handles::Writer::new(root_dir, run);
            for chunk in rx {
                write_chunk(&root, &writer, chunk, &messages, &mut tally);
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

/// The folder names (from the output directory) and the file name of a report's path.
fn relative(root: &Path, path: &Path) -> Option<(Vec<PathBuf>, PathBuf)> {
    let rel = path.strip_prefix(root).ok()?;
    let mut names: Vec<PathBuf> = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(name) => names.push(PathBuf::from(name)),
            _ => return None,
        }
    }
    let file = names.pop()?;
    Some((names, file))
}

/// Writes one chunk: every report to its temporary file, then the files made durable, then each
/// renamed into place.
fn write_chunk(
    root: &Path,
    writer: &handles::Writer,
    chunk: Vec<Job>,
    messages: &Messages,
    tally: &mut Tally,
) {
    let mut folders = handles::Folders::default();
    let mut ready = Vec::with_capacity(chunk.len());
    for job in chunk {
        let said =
            |e: &dyn std::fmt::Display| format!("{}: {e}", analyze::report::id_text(&job.id));
        let Some((folder, name)) = relative(root, &job.path) else {
            messages.say(&said(&"its report path leads outside the output directory"));
            tally.failed = true;
            continue;
        };
        match writer.prepare(&mut folders, &folder, &name, &job.bytes) {
            Ok(temp) => ready.push((temp, job.id)),
            Err(e) => {
                messages.say(&said(&e));
                tally.failed = true;
            }
        }
    }
    if let Err(e) = writer.make_durable(&folders, ready.iter().map(|(t, _)| t)) {
        messages.say(&format!("cannot sync the reports to disk: {e}"));
        tally.failed = true;
        for (temp, _) in ready {
            writer.discard(&folders, temp);
        }
        return;
    }
    for (temp, id) in ready {
        match writer.persist(&folders, &temp) {
            Ok(()) => tally.written += 1,
            Err(e) => {
                messages.say(&format!("{}: {e}", analyze::report::id_text(&id)));
                tally.failed = true;
                writer.discard(&folders, temp);
            }
        }
    }
}

/// The handle-based file operations (Unix: `openat`, `mkdirat`, `renameat` through rustix).
#[cfg(unix)]
mod handles {
    use std::collections::hash_map::RandomState;
    use std::fs::File;
    use std::hash::BuildHasher;
    use std::io::Write;
    use std::os::fd::{AsFd, OwnedFd};
    use std::path::{Path, PathBuf};

    use rustc_hash::FxHashMap;
    use rustix::fs::{Mode, OFlags};
    use rustix::io::Errno;

    use super::super::report_dir::{TEMP_PREFIX, TEMP_SUFFIX};

    const DIR_FLAGS: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::CLOEXEC);

    /// Opens the output directory itself (its real path, resolved once when the run started).
    pub fn open_root(root: &Path) -> std::io::Result<OwnedFd> {
        Ok(rustix::fs::open(
            root,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )?)
    }

    /// The folders of one chunk's reports, opened from the output directory's handle.
    #[derive(Default)]
    pub struct Folders(FxHashMap<PathBuf, OwnedFd>);

    /// A report written to its temporary file, waiting to be renamed.
    pub struct Temp {
        folder: PathBuf,
        temp: PathBuf,
        name: PathBuf,
        file: File,
    }

    /// Writes reports under one directory handle.
    pub struct Writer {
        root: OwnedFd,
        run: String,
        random: RandomState,
        made: std::cell::Cell<u64>,
    }

    impl Writer {
        pub fn new(root: OwnedFd, run: String) -> Writer {
            Writer {
                root,
                run,
                random: RandomState::new(),
                made: std::cell::Cell::new(0),
            }
        }

        /// The folder `names` under the output directory, opened (and created where missing)
        /// one name at a time without following a link.
        fn folder<'f>(
            &self,
            folders: &'f mut Folders,
            names: &[PathBuf],
        ) -> anyhow::Result<&'f OwnedFd> {
            let key: PathBuf = names.iter().collect();
            if !folders.0.contains_key(&key) {
                let mut dir = rustix::io::dup(&self.root)?;
                for (depth, name) in names.iter().enumerate() {
                    let open =
                        |dir: &OwnedFd| rustix::fs::openat(dir, name, DIR_FLAGS, Mode::empty());
                    dir = match open(&dir) {
                        Err(Errno::NOENT) => {
                            match rustix::fs::mkdirat(&dir, name, Mode::from_raw_mode(0o777)) {
                                Ok(()) | Err(Errno::EXIST) => {}
                                Err(e) => {
                                    anyhow::bail!("cannot create {}: {e}", shown(names, depth))
                                }
                            }
                            open(&dir)
                        }
                        other => other,
                    }
                    .map_err(|e| match e {
                        Errno::LOOP | Errno::NOTDIR => anyhow::anyhow!(
                            "{} is a link or not a folder: a report is never written through one",
                            shown(names, depth)
                        ),
                        e => anyhow::anyhow!("cannot open {}: {e}", shown(names, depth)),
                    })?;
                }
                folders.0.insert(key.clone(), dir);
            }
            folders
                .0
                .get(&key)
                .ok_or_else(|| anyhow::anyhow!("folder lost"))
        }

        /// Writes `bytes` to a new temporary file in the folder `names`, for the file `name`.
        pub fn prepare(
            &self,
            folders: &mut Folders,
            names: &[PathBuf],
            name: &Path,
            bytes: &[u8],
        ) -> anyhow::Result<Temp> {
            let dir = self.folder(folders, names)?;
            let flags =
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            // a name taken (a planted link, another run's file) is passed over for a fresh one
            for _ in 0..16 {
                let n = self.made.get();
                self.made.set(n + 1);
                let random = self.random.hash_one(n);
                let temp = PathBuf::from(format!(
                    "{TEMP_PREFIX}{}-{random:016x}{TEMP_SUFFIX}",
                    self.run
                ));
                match rustix::fs::openat(dir, &temp, flags, Mode::from_raw_mode(0o644)) {
                    Ok(fd) => {
                        let mut file = File::from(fd);
                        let written = file.write_all(bytes);
                        let temp = Temp {
                            folder: names.iter().collect(),
                            temp,
                            name: name.to_path_buf(),
                            file,
                        };
                        if let Err(e) = written {
                            self.discard(folders, temp);
                            anyhow::bail!("cannot write {}: {e}", name.display());
                        }
                        return Ok(temp);
                    }
                    Err(Errno::EXIST) => continue,
                    Err(e) => anyhow::bail!("cannot write {}: {e}", name.display()),
                }
            }
            anyhow::bail!("cannot write {}: no free temporary name", name.display())
        }

        /// Makes the temporary files' data durable before they are renamed: one `syncfs` per
        /// folder on Linux (a chunk's worth of files at the cost of one), each file's data elsewhere.
        pub fn make_durable<'t>(
            &self,
            _folders: &Folders,
            temps: impl Iterator<Item = &'t Temp>,
        ) -> std::io::Result<()> {
            let mut synced: Vec<&Path> = Vec::new();
            for t in temps {
                if cfg!(target_os = "linux") {
                    if synced.contains(&t.folder.as_path()) {
                        continue;
                    }
                    synced.push(&t.folder);
                    #[cfg(target_os = "linux")]
                    rustix::fs::syncfs(t.file.as_fd())?;
                } else {
                    t.file.sync_data()?;
                }
            }
            Ok(())
        }

        /// Renames a temporary file over its report, inside the same folder handle (a link at the
        /// report's name is replaced, never followed).
        pub fn persist(&self, folders: &Folders, t: &Temp) -> anyhow::Result<()> {
            let dir = folders
                .0
                .get(&t.folder)
                .ok_or_else(|| anyhow::anyhow!("folder lost"))?;
            rustix::fs::renameat(dir, &t.temp, dir, &t.name)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", t.name.display()))
        }

        /// Removes a temporary file that will not be renamed.
        pub fn discard(&self, folders: &Folders, t: Temp) {
            if let Some(dir) = folders.0.get(&t.folder) {
                let _ = rustix::fs::unlinkat(dir, &t.temp, rustix::fs::AtFlags::empty());
            }
        }
    }

    /// The first `depth + 1` folder names, for a message.
    fn shown(names: &[PathBuf], depth: usize) -> String {
        names[..=depth]
            .iter()
            .collect::<PathBuf>()
            .display()
            .to_string()
    }
}

/// Where there is no `openat`, reports cannot be written without following links: `--output-dir`
/// fails, saying why.
#[cfg(not(unix))]
mod handles {
    use std::path::{Path, PathBuf};

    pub struct Folders;
    pub struct Temp;
    pub struct Writer;

    impl Default for Folders {
        fn default() -> Self {
            Folders
        }
    }

    pub fn open_root(_root: &Path) -> std::io::Result<Writer> {
        Err(std::io::Error::other("--output-dir needs a Unix system"))
    }

    impl Writer {
        pub fn new(root: Writer, _run: String) -> Writer {
            root
        }
        pub fn prepare(
            &self,
            _: &mut Folders,
            _: &[PathBuf],
            _: &Path,
            _: &[u8],
        ) -> anyhow::Result<Temp> {
            anyhow::bail!("--output-dir needs a Unix system")
        }
        pub fn make_durable<'t>(
            &self,
            _: &Folders,
            _: impl Iterator<Item = &'t Temp>,
        ) -> std::io::Result<()> {
            Ok(())
        }
        pub fn persist(&self, _: &Folders, _: &Temp) -> anyhow::Result<()> {
            anyhow::bail!("--output-dir needs a Unix system")
        }
        pub fn discard(&self, _: &Folders, _: Temp) {}
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::app::report_dir::TEMP_SUFFIX;

    fn job(root: &Path, name: &str, bytes: &[u8]) -> Job {
        Job {
            path: root.join(name),
            id: Value::from(name),
            bytes: bytes.to_vec(),
        }
    }

    fn writer(root: &Path) -> FileWriter {
        FileWriter::spawn(root.to_path_buf(), "test".into(), Messages::default())
    }

    #[test]
    fn reports_are_written_whole_and_no_temporary_file_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap();
        let w = writer(&root);
        w.send(vec![
            job(&root, "a.json", b"{}\n"),
            job(&root, "sub/deeper/b.json", b"[]\n"),
        ]);
        let tally = w.finish();
        assert_eq!(tally.written, 2);
        assert!(!tally.failed);
        assert_eq!(fs::read(root.join("sub/deeper/b.json")).unwrap(), b"[]\n");
        let leftovers = walkdir::WalkDir::new(&root)
            .into_iter()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(TEMP_SUFFIX))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_report_or_an_old_temporary_name_is_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap().join("out");
        fs::create_dir(&root).unwrap();
        let victim = tmp.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        // the predictable temporary name earlier versions wrote through (`.NAME.PID.tmp`), and a
        // link at the report's own name
        let planted = root.join(format!(".a.json.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, planted).unwrap();
        std::os::unix::fs::symlink(&victim, root.join("b.json")).unwrap();
        let w = writer(&root);
        w.send(vec![
            job(&root, "a.json", b"{}\n"),
            job(&root, "b.json", b"[]\n"),
        ]);
        assert_eq!(w.finish().written, 2);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read(root.join("b.json")).unwrap(), b"[]\n");
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
        let w = writer(&root);
        w.send(vec![job(&root, "sub/a.json", b"{}\n")]);
        let tally = w.finish();
        assert!(tally.failed);
        assert_eq!(tally.written, 0);
        assert!(!outside.join("a.json").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_swapped_for_a_link_between_chunks_is_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap().join("out");
        fs::create_dir(&root).unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        let w = writer(&root);
        w.send(vec![job(&root, "sub/a.json", b"{}\n")]);
        let first = w.finish();
        assert_eq!(first.written, 1);
        // the folder becomes a link to elsewhere; the next run (or chunk) must not follow it
        fs::rename(root.join("sub"), tmp.path().join("moved")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("sub")).unwrap();
        let w = writer(&root);
        w.send(vec![job(&root, "sub/b.json", b"{}\n")]);
        let second = w.finish();
        assert!(second.failed);
        assert!(!outside.join("b.json").exists());
    }
}
