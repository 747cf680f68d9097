//! The binary in a terminal, through a pseudo-terminal: the progress bar never shares lines with
//! the reports.

use std::io::Read;
use std::path::Path;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs `program args` with standard input, output and error on a new pseudo-terminal, in `dir`;
/// returns everything the terminal received and the exit status.
fn in_terminal(program: &str, args: &[&str], dir: &Path) -> (String, bool) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.cwd(dir);
    let mut child = pty.slave.spawn_command(cmd).expect("spawns");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    // read while the child writes: a full terminal buffer would block it
    let reading = std::thread::spawn(move || {
        let mut seen = Vec::new();
        // the terminal's end reports an error once the child is gone and everything was read
        let _ = reader.read_to_end(&mut seen);
        seen
    });
    let status = child.wait().expect("waits");
    drop(pty.master);
    let seen = reading.join().expect("reads");
    (
        String::from_utf8_lossy(&seen).into_owned(),
        status.success(),
    )
}

/// A folder of `n` copies of the seed article.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/kazakh-gorbachev.txt"),
    )
    .unwrap();
    for i in 0..n {
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), &text).unwrap();
    }
    dir
}

#[test]
fn no_path_on_a_terminal_is_a_usage_error_not_a_wait() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_analyze");
    let (seen, ok) = in_terminal(bin, &[], dir.path());
    assert!(!ok);
    assert!(seen.contains("no input"), "{seen}");
}

#[test]
fn no_bar_drawn_into_reports_on_the_same_terminal() {
    let dir = folder(40);
    let bin = env!("CARGO_BIN_EXE_analyze");
    let (seen, ok) = in_terminal(
        bin,
        &["--threads", "1", "--format", "json", "."],
        dir.path(),
    );
    assert!(ok, "{seen}");
    // no cursor movement or line clearing: only the reports' lines
    assert!(!seen.contains('\u{1b}'), "escape sequences in: {seen:.400}");
    let reports = seen.lines().filter(|l| l.starts_with('{')).count();
    assert_eq!(reports, 40, "{seen:.400}");
}

#[test]
fn bar_on_the_terminal_reports_in_the_file_when_redirected() {
    let dir = folder(40);
    let bin = env!("CARGO_BIN_EXE_analyze");
    let script = format!("'{bin}' --threads 1 --format json . > out.jsonl");
    let (seen, ok) = in_terminal("sh", &["-c", &script], dir.path());
    assert!(ok, "{seen}");
    let out = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert!(!out.contains('\u{1b}'), "the bar went into the reports");
    assert_eq!(out.lines().count(), 40);
    // the bar was on the terminal, and cleared when the run was over
    assert!(seen.contains("inputs"), "no bar on the terminal: {seen:?}");
}
