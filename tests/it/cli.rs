//! The binary's command-line behaviour: inputs, output layouts, exit codes and error lines.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};

use crate::common::*;
use serde_json::Value;

#[test]
fn one_file_prints_one_compact_report_when_piped() {
    let out = analyze()
        .arg(fixture("web-page.txt"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 1, "compact: one line");
    let r = &lines[0];
    assert_eq!(r["id"], fixture("web-page.txt").display().to_string());
    let headline = first_section(r, "headline").unwrap();
    assert_eq!(
        headline["text"],
        "City council approves new river bridge after decade of debate"
    );
}

#[test]
fn pretty_forces_indentation_and_compact_forbids_it() {
    let pretty = analyze()
        .args(["--pretty"])
        .arg(fixture("crlf.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(pretty.stdout).unwrap();
    assert!(text.lines().count() > 5 && text.contains("\n  \"schema_version\": 1"));
    let compact = analyze()
        .args(["--compact"])
        .arg(fixture("crlf.txt"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(compact.stdout).unwrap().lines().count(),
        1
    );
}

#[test]
fn report_keys_come_in_contract_order() {
    let out = analyze().arg(fixture("crlf.txt")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let pos = |k: &str| {
        text.find(&format!("\"{k}\""))
            .unwrap_or_else(|| panic!("{k} missing"))
    };
    let keys = [
        "schema_version",
        "id",
        "chars",
        "language",
        "warnings",
        "sections",
        "duplicates",
        "quotes",
        "attributions",
        "entities",
    ];
    assert!(keys.windows(2).all(|w| pos(w[0]) < pos(w[1])), "{text}");
}

#[test]
fn a_folder_prints_json_lines_in_sorted_order_of_matching_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Second file\n\nIt has a body sentence of some length here.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "First file\n\nIt has a body sentence of some length here.",
    )
    .unwrap();
    std::fs::write(dir.path().join("sub/c.txt"), "Third file").unwrap();
    std::fs::write(dir.path().join("notes.md"), "not matched").unwrap();
    let out = analyze().arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = parse_lines(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let names: Vec<&str> = ids.iter().map(|i| i.rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);

    let out = analyze()
        .args(["--glob", "*.md"])
        .arg(dir.path())
        .output()
        .unwrap();
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["id"].as_str().unwrap().ends_with("notes.md"));
}

#[test]
fn standard_input_is_read_with_dash() {
    let out = analyze()
        .arg("-")
        .write_stdin(
            "Short headline here\n\nA body paragraph that is long enough to count as prose.",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &parse_lines(&out.stdout)[0];
    assert_eq!(r["id"], "-");
    assert_eq!(r["sections"][0]["kind"], "headline");
}

#[test]
fn no_path_reads_standard_input_when_it_is_not_a_terminal() {
    // as `cat a.txt | analyze`; on a terminal it is a usage error (tests/terminal.rs)
    let out = analyze()
        .write_stdin(
            "Short headline here\n\nA body paragraph that is long enough to count as prose.",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &parse_lines(&out.stdout)[0];
    assert_eq!(r["id"], "-");
    assert_eq!(r["sections"][0]["kind"], "headline");
}

#[test]
fn a_jsonl_file_is_read_as_json_lines_by_its_name() {
    let records = jsonl(&[
        ("a", "One story here.".to_string()),
        ("b", "Another one.".to_string()),
    ]);
    let dir = folder_with(&[("feed.JSONL", &records), ("feed.txt", &records)]);
    let out = analyze()
        .arg(dir.path().join("feed.JSONL"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let ids: Vec<Value> = parse_lines(&out.stdout)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    // the same records in a .txt file: one article, with a warning that says what to do
    let out = analyze().arg(dir.path().join("feed.txt")).output().unwrap();
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let warning = &lines[0]["warnings"][0];
    assert_eq!(warning["kind"], "format");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("--input-format jsonl")
    );
    // --input-format text is obeyed for a .jsonl name
    let out = analyze()
        .args(["--input-format", "text"])
        .arg(dir.path().join("feed.JSONL"))
        .output()
        .unwrap();
    assert_eq!(parse_lines(&out.stdout).len(), 1);
}

#[test]
fn an_html_page_given_as_a_records_text_is_said_and_gives_no_headline_or_entities() {
    let page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>City news</title></head>\n\
                <body><section class=\"story\">\n<h1>Council Approves Bridge</h1>\n\
                <p>Mayor Jane Doe said the bridge “will open in May,” officials said.</p>\n\
                </section></body></html>\n";
    // the page in a record's "text" (its "html" would be read as a page)
    let record = format!("{}\n", serde_json::json!({"id": 1, "text": page}));
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .write_stdin(record)
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &parse_lines(&out.stdout)[0];
    assert_eq!(r["warnings"][0]["kind"], "format");
    assert!(
        r["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("HTML page")
    );
    let sections = r["sections"].as_array().unwrap();
    assert!(!sections.is_empty());
    assert!(
        sections.iter().all(|s| s["kind"] == "boilerplate"),
        "{sections:?}"
    );
    assert_eq!(r["entities"], Value::Array(vec![]));
    assert_eq!(r["quotes"], Value::Array(vec![]));
}

#[test]
fn jsonl_records_keep_their_ids_and_ignore_other_keys() {
    let input = "{\"id\": \"x1\", \"text\": \"Headline one\\n\\nBody text that is long enough to be prose here.\", \"lang\": \"en\"}\n\
                 {\"id\": 42, \"text\": \"\"}\n";
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[1]["id"], 42);
    assert_eq!(lines[1]["sections"], Value::Array(vec![]));
}

#[test]
fn bad_jsonl_lines_get_error_lines_and_the_rest_is_analysed() {
    let input = "{\"id\": \"ok1\", \"text\": \"a\"}\nnot json\n{\"id\": \"notext\"}\n{\"id\": \"ok2\", \"text\": \"b\"}\n";
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "ok1");
    // a line that is no record is named by its place, `-:2`
    assert_eq!(lines[1]["id"], "-:2");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "notext");
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["id"], "ok2");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("analyze: ")
    );
}

#[test]
fn a_missing_path_fails_alone() {
    let out = analyze()
        .arg(fixture("crlf.txt"))
        .arg("/no/such/file.txt")
        .arg(fixture("bom.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "one line per input, in input order");
    assert!(lines[0]["sections"].is_array());
    assert_eq!(lines[1]["id"], "/no/such/file.txt");
    assert_eq!(lines[1]["error"], "no such file or directory");
    assert!(lines[2]["sections"].is_array());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("analyze: /no/such/file.txt: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        analyze()
            .arg("--no-such-flag")
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        analyze()
            .args(["--input-format", "xml", "x"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        analyze()
            .args(["--glob", "[", "x"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn help_has_examples_and_version_prints() {
    let help = analyze().arg("--help").output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("Examples:") && text.contains("--input-format"));
    // the text view's blocks, reported speech among them, as the view prints them
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains("quotes by speaker, reported speech, entities"),
        "{text}"
    );
    let v = analyze().arg("--version").output().unwrap();
    assert!(String::from_utf8(v.stdout).unwrap().starts_with("analyze "));
}

#[test]
fn notices_credit_the_lists_and_the_training_data() {
    let out = analyze().arg("--notices").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for source in ["GeoNames", "SCOWL", "GUM", "Wikigold", "CC BY-SA 3.0"] {
        assert!(text.contains(source), "no notice for {source}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(&format!("{{\"id\": {i}, \"text\": \"Headline {i}\\n\\nA body paragraph long enough to be prose, number {i}.\"}}\n"));
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("analyze"))
        .args(["--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'));
    // the reader is dropped here: the pipe closes with most reports unwritten
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_output_is_the_same_at_any_thread_count() {
    // more records than one chunk, with a failing one among them
    let mut jsonl = String::new();
    for (i, path) in article_fixtures().iter().cycle().take(150).enumerate() {
        let text = analysed_text(path);
        jsonl.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        jsonl.push('\n');
        if i == 70 {
            jsonl.push_str("not json\n");
        }
    }
    let run = |threads: &str| {
        analyze()
            .args(["--input-format", "jsonl", "--threads", threads, "-"])
            .write_stdin(jsonl.clone())
            .output()
            .unwrap()
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(1), "the bad line fails alone");
    let lines = parse_lines(&one.stdout);
    assert_eq!(lines.len(), 151);
    assert_eq!(lines[70]["id"], 70);
    assert!(lines[71].get("error").is_some());
    for threads in ["2", "3", "0"] {
        assert_eq!(run(threads).stdout, one.stdout, "--threads {threads}");
    }
}

#[test]
fn output_dir_names_absolute_inputs_by_their_base_name_numbered_on_collision() {
    let dir = folder_with(&[
        ("a/story.txt", "One story here."),
        ("b/story.txt", "Another story."),
    ]);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let out = dir.path().join("out");
    let run = || {
        analyze()
            .arg("-o")
            .arg(&out)
            .arg(a.join("story.txt"))
            .arg(b.join("story.txt"))
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["story.txt.json", "story.txt~2.json"]);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("story.txt~2.json")).unwrap())
            .unwrap();
    assert_eq!(report["id"], b.join("story.txt").display().to_string());
    // a rerun finds both reports where it left them
    let again = run();
    assert!(String::from_utf8_lossy(&again.stderr).contains("2 skipped"));
}
