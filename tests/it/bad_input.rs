//! Bad input, one case per line of the table of behaviours in `docs/usage.md`: encodings, binary
//! files, odd entries in a walked folder, size limits, and `--output-dir`. Whatever fails, the other inputs
//! are analysed, in order, and the exit status says that something failed.

use std::fs;
use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// Runs analyze on `args` (with a timeout: nothing here may hang) and returns the exit code and the
/// report lines by id.
fn run(args: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let out = run_with(None, args, "", &[]);
    (out.code, out.lines(), out.stderr)
}

fn by_name<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["id"].as_str().is_some_and(|id| id.ends_with(name)))
        .unwrap_or_else(|| panic!("no line for {name}"))
}

fn warning_kinds(report: &Value) -> Vec<&str> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn encodings_are_decoded_and_reported_and_binary_files_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    // Windows-1252: curly quotes, an en dash and an e acute
    fs::write(p("a-cp1252.txt"), b"\x93Caf\xe9 society\x94 \x96 he said.").unwrap();
    // UTF-16 little-endian with its byte-order mark
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Caf\u{e9} “society” – he said."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    fs::write(p("b-utf16.txt"), utf16).unwrap();
    // UTF-8 with one damaged byte
    let mut broken = "Café “society” ".as_bytes().to_vec();
    broken.push(0xFF);
    broken.extend_from_slice(" – he said.".as_bytes());
    fs::write(p("c-broken.txt"), broken).unwrap();
    // double-decoded UTF-8
    fs::write(
        p("d-mojibake.txt"),
        "â€œWe wonâ€™t go,â€\u{9d} said the cafÃ© owner.",
    )
    .unwrap();
    // binary data named like text
    fs::write(p("e-image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    fs::write(p("f-nul.txt"), b"text\x00with a NUL").unwrap();
    fs::write(p("g-empty.txt"), b"").unwrap();
    fs::write(p("h-blank.txt"), b" \n\t\r\n").unwrap();
    fs::write(p("i-good.txt"), "Fine text.").unwrap();

    let (code, lines, stderr) = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1), "binary files fail, so the run says so");
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 9, "one line per file, in order: {ids:?}");
    assert!(ids.windows(2).all(|w| w[0] < w[1]));

    for (name, text) in [
        ("a-cp1252.txt", "“Café society” – he said."),
        ("b-utf16.txt", "Café “society” – he said."),
    ] {
        let r = by_name(&lines, name);
        assert_eq!(warning_kinds(r), ["encoding"], "{name}");
        check_report(text, r);
    }
    let broken = by_name(&lines, "c-broken.txt");
    assert_eq!(warning_kinds(broken), ["invalid_utf8"]);
    assert_eq!(broken["warnings"][0]["at"], 15);
    check_report("Café “society” \u{FFFD} – he said.", broken);
    assert_eq!(
        warning_kinds(by_name(&lines, "d-mojibake.txt")),
        ["mojibake"]
    );

    let image = by_name(&lines, "e-image.txt");
    assert!(
        image["error"]
            .as_str()
            .unwrap()
            .contains("not text: a PNG image")
    );
    let nul = by_name(&lines, "f-nul.txt");
    assert!(
        nul["error"]
            .as_str()
            .unwrap()
            .contains("NUL byte at offset 4")
    );
    assert!(stderr.contains("e-image.txt: not text"));

    for name in ["g-empty.txt", "h-blank.txt"] {
        let r = by_name(&lines, name);
        assert!(r["error"].is_null(), "{name} is a valid report");
        for key in ["sections", "duplicates", "quotes", "entities", "warnings"] {
            assert_eq!(r[key], Value::Array(vec![]), "{name}: {key}");
        }
    }
    assert_eq!(by_name(&lines, "i-good.txt")["chars"], 10);
}

#[test]
fn inputs_over_the_size_limit_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.txt"), "word ".repeat(100)).unwrap();
    fs::write(dir.path().join("small.txt"), "Small.").unwrap();
    let (code, lines, stderr) = run(&["--max-bytes", "100", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        by_name(&lines, "big.txt")["error"]
            .as_str()
            .unwrap()
            .contains("--max-bytes (100 bytes)")
    );
    assert_eq!(by_name(&lines, "small.txt")["chars"], 6);
    assert!(stderr.contains("big.txt: larger than --max-bytes"));
    // the same limit holds for each JSON Lines record
    let jsonl = dir.path().join("r.jsonl");
    let long = "x".repeat(200);
    fs::write(
        &jsonl,
        format!("{{\"id\": 1, \"text\": \"{long}\"}}\n{{\"id\": 2, \"text\": \"ok\"}}\n"),
    )
    .unwrap();
    let (code, lines, _) = run(&[
        "--max-bytes",
        "1K",
        "--input-format",
        "jsonl",
        jsonl.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "both lines fit in 1 KiB");
    assert_eq!(lines.len(), 2);
    let (code, lines, _) = run(&[
        "--max-bytes",
        "100",
        "--input-format",
        "jsonl",
        jsonl.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    assert!(lines[0]["error"].as_str().unwrap().contains("--max-bytes"));
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["chars"], 2);
    // a bad size is a usage error
    let (code, _, _) = run(&["--max-bytes", "lots", "x"]);
    assert_eq!(code, Some(2));
}

#[cfg(unix)]
#[test]
fn odd_entries_in_a_walked_folder_each_get_an_error_line_and_nothing_hangs() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir(&root).unwrap();
    let p = |n: &str| root.join(n);
    fs::write(p("a-good.txt"), "Good.").unwrap();
    symlink(p("nowhere.txt"), p("b-dangling.txt")).unwrap();
    symlink(p("c-loop.txt"), p("c-loop.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(p("d-pipe.txt"))
        .status();
    symlink(p("a-good.txt"), p("e-link.txt")).unwrap();
    fs::write(p("f-locked.txt"), "Locked.").unwrap();
    fs::set_permissions(p("f-locked.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    // a link to a directory outside the folder, and a link back up (a loop when followed)
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("x.txt"), "Outside.").unwrap();
    symlink(&outside, p("g-linked-dir")).unwrap();
    symlink(&root, p("h-up")).unwrap();

    let (code, lines, _) = run(&[root.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(by_name(&lines, "a-good.txt")["chars"], 5);
    let error = |name: &str| {
        by_name(&lines, name)["error"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(error("b-dangling.txt"), "broken symbolic link");
    assert_eq!(error("c-loop.txt"), "symbolic link loop");
    if fifo.is_ok_and(|s| s.success()) {
        assert_eq!(error("d-pipe.txt"), "not a regular file (a FIFO)");
    }
    // a link to a file is read
    assert_eq!(by_name(&lines, "e-link.txt")["chars"], 5);
    // root reads anything; others get an error line
    if fs::read(p("f-locked.txt")).is_err() {
        assert_eq!(error("f-locked.txt"), "permission denied");
    }
    // links to directories are not followed unless asked
    assert!(
        !lines
            .iter()
            .any(|l| l["id"].as_str().unwrap().contains("g-linked-dir"))
    );

    let (_, lines, _) = run(&["--follow", root.to_str().unwrap()]);
    assert_eq!(by_name(&lines, "g-linked-dir/x.txt")["chars"], 8);
    assert_eq!(by_name(&lines, "h-up")["error"], "symbolic link loop");
}

#[test]
fn output_dir_writes_each_report_once_inside_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let jsonl = dir.path().join("records.jsonl");
    fs::write(
        &jsonl,
        [
            r#"{"id": "../../escape", "text": "One."}"#,
            r#"{"id": "/etc/passwd", "text": "Two."}"#,
            r#"{"id": "sub/dir/a", "text": "Three."}"#,
            r#"{"id": 7, "text": "Four."}"#,
            r#"{"id": "bad"}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let args = [
        "--input-format",
        "jsonl",
        "--output-dir",
        out.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ];
    let (code, lines, stderr) = run(&args);
    assert_eq!(code, Some(1), "the record without text fails");
    assert!(lines.is_empty(), "reports go to files, not to stdout");
    assert!(stderr.contains("bad: line 5"));
    assert!(stderr.contains("4 reports written"));

    let mut files: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&out).unwrap().display().to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["7.json", "escape.json", "passwd.json", "sub/dir/a.json"]
    );
    let report: Value =
        serde_json::from_str(&fs::read_to_string(out.join("sub/dir/a.json")).unwrap()).unwrap();
    assert_eq!(report["id"], "sub/dir/a");
    check_report("Three.", &report);
    assert!(!dir.path().join("escape.json").exists());
    assert!(!Path::new("/etc/passwd.json").exists());

    // a rerun skips what is there and retries what failed
    let before = fs::metadata(out.join("7.json"))
        .unwrap()
        .modified()
        .unwrap();
    let (code, _, stderr) = run(&args);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("0 reports written"), "{stderr}");
    assert!(stderr.contains("4 skipped"));
    assert_eq!(
        fs::metadata(out.join("7.json"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
    // --redo writes them again
    let mut redo = args.to_vec();
    redo.push("--redo");
    let (_, _, stderr) = run(&redo);
    assert!(stderr.contains("4 reports written"));
}
