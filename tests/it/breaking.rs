//! The failures found by trying to break the tool, one test each (each failed before its fix):
//! a crash must not take finished output with it, `--output-dir` must never write outside its
//! reports or let ids collide, and odd inputs (a FIFO, escape sequences in names, broken JSON Lines,
//! UTF-16 without a mark, absurd thread counts) each get one clear answer.

use std::fs;
use std::time::Duration;

use crate::common::*;
use serde_json::Value;

fn run(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    run_with(None, args, stdin, env)
}

fn articles(n: usize) -> String {
    let records: Vec<(Value, String)> = (0..n)
        .map(|i| {
            let text = format!(
                "Headline number {i}\n\nThe council met on Tuesday, officials said, to discuss the \
                 bridge over the river, record {i}."
            );
            (Value::from(i), text)
        })
        .collect();
    jsonl(&records)
}

/// Every line is a whole JSON record: nothing was cut in the middle of a line.
fn whole_lines(stdout: &[u8]) -> Vec<Value> {
    let text = String::from_utf8_lossy(stdout);
    assert!(text.is_empty() || text.ends_with('\n'), "a line was cut");
    parse_lines(stdout)
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the abort hook exists only in debug builds"
)]
fn a_crash_keeps_the_records_finished_before_it() {
    let input = articles(200);
    // one record at a time: every record before the crash is out
    let r = run(
        &["--input-format", "jsonl", "--threads", "1", "-"],
        &input,
        &[("ANALYZE_TEST_ABORT_ON", "150")],
    );
    assert_ne!(r.code, Some(0));
    let lines = whole_lines(&r.stdout);
    assert_eq!(lines.len(), 150);
    assert_eq!(lines[149]["id"], 149);
    // on the pool: at least the first chunk, in order, and no cut line
    let r = run(
        &["--input-format", "jsonl", "--threads", "2", "-"],
        &input,
        &[("ANALYZE_TEST_ABORT_ON", "150")],
    );
    assert_ne!(r.code, Some(0));
    let lines = whole_lines(&r.stdout);
    assert!(lines.len() >= 64, "{} lines", lines.len());
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], i);
    }
}

#[test]
fn a_long_run_of_capitalised_words_costs_one_record_nothing() {
    let records = [
        (
            Value::from("before"),
            "A short article, told in one sentence.".to_string(),
        ),
        (Value::from("mr"), "Mr. ".repeat(20_000)),
        (Value::from("and"), "John and ".repeat(20_000)),
        (
            Value::from("after"),
            "Another short article, in one sentence.".to_string(),
        ),
    ];
    let r = run(&["--input-format", "jsonl", "-"], &jsonl(&records), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines = whole_lines(&r.stdout);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["before", "mr", "and", "after"]);
}

#[test]
fn colliding_ids_are_an_error_for_the_later_record_at_any_thread_count() {
    let records = [
        (Value::from(7), "Seven as a number.".to_string()),
        (Value::from("7"), "Seven as a string.".to_string()),
        (Value::from(true), "True as a boolean.".to_string()),
        (Value::from("true"), "True as a string.".to_string()),
        (Value::from("twice"), "The first of two.".to_string()),
        (Value::from("twice"), "The second of two.".to_string()),
    ];
    let input = jsonl(&records);
    let mut seen = Vec::new();
    for threads in ["1", "2", "8"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let args = [
            "--input-format",
            "jsonl",
            "--threads",
            threads,
            "--output-dir",
            out.to_str().unwrap(),
            "-",
        ];
        let r = run(&args, &input, &[]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.stderr.contains("3 reports written"), "{}", r.stderr);
        assert_eq!(r.stderr.matches("same file as the report of").count(), 3);
        let seven: Value =
            serde_json::from_str(&fs::read_to_string(out.join("7.json")).unwrap()).unwrap();
        assert_eq!(seven["id"], 7, "the first record keeps its file");
        let twice: Value =
            serde_json::from_str(&fs::read_to_string(out.join("twice.json")).unwrap()).unwrap();
        assert_eq!(twice["chars"], "The first of two.".len());
        seen.push(r.stderr.lines().filter(|l| l.contains("same file")).count());
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_report_never_overwrites_an_input_with_or_without_redo() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    // a JSON Lines stream whose record `feed` would be reported to the stream itself
    let feed = folder.join("feed.json");
    fs::write(
        &feed,
        jsonl(&[(Value::from("feed"), "The feed's only article.".into())]),
    )
    .unwrap();
    let before = fs::read(&feed).unwrap();
    for redo in [false, true] {
        let mut args = vec![
            "--input-format",
            "jsonl",
            "--glob",
            "*.json",
            "--output-dir",
            folder.to_str().unwrap(),
            feed.to_str().unwrap(),
        ];
        if redo {
            args.push("--redo");
        }
        let r = run(&args, "", &[]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(
            r.stderr.contains("would overwrite the input"),
            "{}",
            r.stderr
        );
        assert_eq!(fs::read(&feed).unwrap(), before);
    }
    // another input named after a report: texts/a.txt's report in "." is texts/a.txt.json, an
    // input too
    let texts = folder.join("texts");
    fs::create_dir(&texts).unwrap();
    fs::write(texts.join("a.txt"), "An article.").unwrap();
    fs::write(
        texts.join("a.txt.json"),
        "{\"id\": 1, \"text\": \"kept\"}\n",
    )
    .unwrap();
    let r = run_with(
        Some(folder),
        &[
            "--glob",
            "*.{txt,json}",
            "--output-dir",
            ".",
            "--redo",
            "texts",
        ],
        "",
        &[],
    );
    assert_eq!(r.code, Some(1));
    assert_eq!(
        fs::read_to_string(texts.join("a.txt.json")).unwrap(),
        "{\"id\": 1, \"text\": \"kept\"}\n"
    );
}

#[test]
fn a_killed_runs_temporary_files_are_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    // a run killed while writing: its lock file stayed, and nobody holds the lock
    fs::write(out.join(".analyze-4294967295x0dead.lock"), "").unwrap();
    let leftover = out.join(".analyze-4294967295x0dead-AbCdEf.tmp");
    fs::write(&leftover, "half a report").unwrap();
    let r = run(
        &[
            "--input-format",
            "jsonl",
            "--output-dir",
            out.to_str().unwrap(),
            "-",
        ],
        &articles(3),
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!leftover.exists());
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_an_error_not_a_wait() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let good = dir.path().join("good.txt");
    fs::write(&good, "A good article.").unwrap();
    let r = run(&[fifo.to_str().unwrap(), good.to_str().unwrap()], "", &[]);
    assert_eq!(r.code, Some(1));
    let lines = whole_lines(&r.stdout);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a regular file (a FIFO)")
    );
    assert_eq!(lines[1]["chars"], 15);
}

#[test]
fn escape_sequences_in_ids_never_reach_the_terminal() {
    let input = "{\"id\": \"evil\\u001b]0;owned\\u0007\\u001b[31m\"}\n";
    let r = run(&["--input-format", "jsonl", "-"], input, &[]);
    assert_eq!(r.code, Some(1));
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("evil␛]0;owned␇␛[31m"), "{:?}", r.stderr);
}

#[test]
fn json_lines_edge_cases_keep_their_records_and_ids() {
    let lines = [
        "\u{feff}{\"id\": \"bom\", \"text\": \"After a byte-order mark.\"}",
        "{\"id\": \"number\", \"text\": 5}",
        "{\"id\": \"twice\", \"text\": \"a\", \"text\": \"b\"}",
        "{\"id\": \"surrogate\", \"text\": \"\\ud800 half\"}",
    ];
    let mut input: Vec<u8> = lines.join("\n").into_bytes();
    input.extend(b"\n{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .timeout(Duration::from_secs(60))
        .write_stdin(input)
        .output()
        .unwrap();
    let got = whole_lines(&out.stdout);
    assert_eq!(got[0]["id"], "bom");
    assert_eq!(got[0]["chars"], 24);
    assert_eq!(got[1]["id"], "number");
    assert!(got[1]["error"].as_str().unwrap().contains("invalid type"));
    assert_eq!(got[2]["id"], "twice");
    assert!(
        got[2]["error"]
            .as_str()
            .unwrap()
            .contains("duplicate field")
    );
    assert_eq!(got[3]["id"], "surrogate");
    assert!(got[3]["error"].as_str().unwrap().contains("surrogate pair"));
    assert!(
        got[4]["error"].as_str().unwrap().contains("not UTF-8"),
        "{}",
        got[4]
    );
}

#[test]
fn max_bytes_counts_a_records_bytes_not_its_line_break() {
    let line = "{\"id\": \"a\", \"text\": \"Exactly so.\"}";
    let size = line.len().to_string();
    let input = format!("{line}\n{line}\r\n{line}");
    let r = run(
        &["--input-format", "jsonl", "--max-bytes", &size, "-"],
        &input,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let got = whole_lines(&r.stdout);
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|l| l["chars"] == 11));
    let smaller = (line.len() - 1).to_string();
    let r = run(
        &["--input-format", "jsonl", "--max-bytes", &smaller, "-"],
        &input,
        &[],
    );
    assert_eq!(r.code, Some(1));
    assert_eq!(
        whole_lines(&r.stdout)
            .iter()
            .filter(|l| l["error"].is_string())
            .count(),
        3
    );
}

#[test]
fn utf16_without_a_mark_is_read_and_utf32_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Café “society” – he said.";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(dir.path().join("a.txt"), le).unwrap();
    fs::write(dir.path().join("b.txt"), b"\xFF\xFE\x00\x00H\x00\x00\x00").unwrap();
    fs::write(dir.path().join("c.txt"), b"\xEF\xBB\xBF\x89PNG\r\n\x1a\n").unwrap();
    let r = run(&[dir.path().to_str().unwrap()], "", &[]);
    let got = whole_lines(&r.stdout);
    assert_eq!(got[0]["chars"], text.chars().count());
    assert!(
        got[0]["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-16LE")
    );
    assert!(
        got[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("not text: UTF-32")
    );
    assert!(got[2]["error"].as_str().unwrap().starts_with("not text"));
}

#[test]
fn an_absurd_thread_count_is_capped() {
    let r = run(
        &["--threads", "100000", "--input-format", "jsonl", "-"],
        &articles(3),
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(whole_lines(&r.stdout).len(), 3);
}

#[cfg(unix)]
#[test]
fn walk_messages_are_the_same_with_and_without_follow() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    symlink(root.join("nowhere.txt"), root.join("a-broken.txt")).unwrap();
    symlink(root.join("b-loop.txt"), root.join("b-loop.txt")).unwrap();
    for follow in [false, true] {
        let mut args = vec![root.to_str().unwrap()];
        if follow {
            args.insert(0, "--follow");
        }
        let r = run(&args, "", &[]);
        let got = whole_lines(&r.stdout);
        assert_eq!(got[0]["error"], "broken symbolic link", "follow: {follow}");
        assert_eq!(got[1]["error"], "symbolic link loop", "follow: {follow}");
        assert!(!r.stderr.contains("os error"), "{}", r.stderr);
    }
}

/// Round three: `--redo` with standard input redirected from a file whose name is the report's
/// (`- < feed.json`, id `feed`; `- < stdin.json` in text mode) replaced that file.
#[test]
fn a_report_never_overwrites_the_file_standard_input_reads() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.json");
    let record = "{\"id\":\"feed\",\"text\":\"x\"}\n";
    fs::write(&feed, record).unwrap();
    let text = dir.path().join("stdin.json");
    fs::write(&text, "Some text here.").unwrap();
    for (args, input, content) in [
        (
            &["--input-format", "jsonl", "--redo", "-o", ".", "-"][..],
            &feed,
            record,
        ),
        (&["--redo", "-o", ".", "-"][..], &text, "Some text here."),
    ] {
        // standard input is the file itself, not a pipe fed from it
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("analyze"))
            .args(args)
            .current_dir(dir.path())
            .stdin(fs::File::open(input).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("would overwrite the input"),
            "{args:?}"
        );
        assert_eq!(fs::read_to_string(input).unwrap(), content, "{args:?}");
    }
}

/// Round three: a run decided that another run was dead by looking for its process in `/proc`,
/// which fails across PID namespaces (containers sharing a folder), and deleted the live run's
/// temporary files. A run is alive while it holds its lock, whatever its process id says.
#[cfg(unix)]
#[test]
fn a_live_runs_temporary_files_survive_another_run_in_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    // a run in another PID namespace, whose process id means nothing here (no such process in
    // this one), holding its lock through flock(1)
    let lock = out.join(".analyze-4000000.lock");
    fs::write(&lock, "").unwrap();
    let temp = out.join(".analyze-4000000-AbCdEf.tmp");
    fs::write(&temp, "a report being written").unwrap();
    let Ok(mut holder) = std::process::Command::new("flock")
        .arg(&lock)
        .args(["sleep", "30"])
        .spawn()
    else {
        panic!("flock(1) from util-linux is needed for this test");
    };
    // wait until the holder has the lock
    let held = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        let probe = std::process::Command::new("flock")
            .args(["-n"])
            .arg(&lock)
            .arg("true")
            .status();
        probe.is_ok_and(|s| !s.success())
    });
    assert!(held, "the holder never took the lock");
    let r = run(
        &[
            "--input-format",
            "jsonl",
            "--output-dir",
            out.to_str().unwrap(),
            "-",
        ],
        &articles(2),
        &[],
    );
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(temp.exists(), "a live run's temporary file was removed");
    assert!(lock.exists());
}

/// Round three: each folder's real path was looked up once per run, so a folder swapped for a
/// link in the middle of a run was followed (reports written elsewhere). Reports are written
/// through a directory handle, one name at a time, never following a link.
#[cfg(unix)]
#[test]
fn a_folder_swapped_for_a_link_mid_run_is_not_followed() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let records = |from: usize| -> String {
        (from..from + 64)
            .map(|i| {
                serde_json::json!({"id": format!("sub/{i}"), "text": format!("Story {i} here.")})
                    .to_string()
                    + "\n"
            })
            .collect()
    };
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("analyze"))
        .args(["--input-format", "jsonl", "-j", "1", "-o"])
        .arg(&out)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(records(0).as_bytes()).unwrap();
    stdin.flush().unwrap();
    // the first chunk's reports are written while the run waits for more input
    let first = (0..400).any(|_| {
        std::thread::sleep(Duration::from_millis(25));
        fs::read_dir(out.join("sub")).is_ok_and(|d| d.count() == 64)
    });
    assert!(first, "the first chunk was not written");
    fs::rename(out.join("sub"), dir.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("sub")).unwrap();
    stdin.write_all(records(64).as_bytes()).unwrap();
    drop(stdin);
    let result = child.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(
        fs::read_dir(&outside).unwrap().count(),
        0,
        "reports went through the link"
    );
    assert!(String::from_utf8_lossy(&result.stderr).contains("is a link"));
}

/// Round three: a link inside the output folder (`DIR/a -> b`) let the ids `a/x` and `b/x` write
/// one file, silently. A report is never written through a link: the record is an error.
#[cfg(unix)]
#[test]
fn a_link_inside_the_output_folder_is_an_error_not_a_collision() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("b")).unwrap();
    std::os::unix::fs::symlink(out.join("b"), out.join("a")).unwrap();
    let records = jsonl(&[
        (Value::from("a/x"), "First story here.".to_string()),
        (Value::from("b/x"), "Second story here.".to_string()),
    ]);
    let r = run(
        &["--input-format", "jsonl", "-o", out.to_str().unwrap(), "-"],
        &records,
        &[],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains("a/x: its report's folder a is a link"),
        "{}",
        r.stderr
    );
    let report: Value =
        serde_json::from_str(&fs::read_to_string(out.join("b/x.json")).unwrap()).unwrap();
    assert_eq!(report["id"], "b/x");
}

/// Round three: ids came back as serde_json's f64 (`18446744073709551617` as
/// `1.8446744073709552e+19`), an id object giving a key twice kept the last silently, and a 20 MB id
/// was printed whole on stderr.
#[test]
fn ids_come_back_exactly_as_given_and_long_ones_are_cut_on_stderr() {
    let input = "{\"id\": 18446744073709551617, \"text\": \"x\"}\n\
                 {\"id\": 1.50, \"text\": \"y\"}\n\
                 {\"id\": 1e400, \"text\": \"y\"}\n\
                 {\"id\": {\"a\": 1, \"a\": 2}, \"text\": \"z\"}\n";
    let r = run(&["--input-format", "jsonl", "-"], input, &[]);
    let lines: Vec<&str> = std::str::from_utf8(&r.stdout).unwrap().lines().collect();
    assert!(lines[0].starts_with("{\"schema_version\":1,\"id\":18446744073709551617,"));
    assert!(lines[1].contains("\"id\":1.50,"));
    assert!(lines[2].contains("\"id\":1e+400,"), "{}", lines[2]);
    assert!(
        lines[3].contains("gives the key \\\"a\\\" twice"),
        "{}",
        lines[3]
    );
    assert_eq!(r.code, Some(1));

    let long_id = "x".repeat(20 << 20);
    let input = format!("{{\"id\": \"{long_id}\"}}\n");
    let r = run(
        &["--input-format", "jsonl", "--max-bytes", "64M", "-"],
        &input,
        &[],
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.len() < 2000, "{} bytes on stderr", r.stderr.len());
    assert!(
        r.stderr.contains("… (20971520 characters)"),
        "{:.300}",
        r.stderr
    );
}

/// Round three: `--cross-article` over wire copy that repeats a passage listed every copy here
/// against every copy there (output 214 times the input). Each passage is listed once per pair of
/// articles.
#[test]
fn cross_article_output_stays_near_the_input_size_when_copies_repeat() {
    let wire = "The regional water authority said on Tuesday it would spend $40 million to replace \
                lead pipes under the old town centre, after tests found high levels in two schools. "
        .repeat(3);
    let records: Vec<(Value, String)> = (0..6)
        .map(|i| {
            let text = format!("Story {i} headline\n\n")
                + &format!("{wire}\n\nLocal paragraph {i} about other things.\n\n").repeat(20);
            (Value::from(i), text)
        })
        .collect();
    let input = jsonl(&records);
    let r = run(
        &["--input-format", "jsonl", "--cross-article", "-"],
        &input,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let ratio = r.stdout.len() as f64 / input.len() as f64;
    assert!(ratio < 10.0, "output {ratio:.1} times the input");
    for report in whole_lines(&r.stdout) {
        let mut seen = std::collections::HashSet::new();
        for c in report["cross_duplicates"].as_array().unwrap() {
            let key = (
                c["other"]["id"].to_string(),
                c["text"].as_str().unwrap().to_string(),
            );
            assert!(
                seen.insert(key),
                "a passage listed twice against one article"
            );
        }
    }
}
