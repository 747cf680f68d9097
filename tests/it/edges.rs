//! What a newcomer meets in the first hour: empty folders and globs, the language of an article,
//! short flags, the schema of an output line, names of reports, views of empty articles.

use crate::common::*;
use serde_json::Value;

#[test]
fn a_folder_with_no_matching_file_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "not an article").unwrap();
    let out = analyze().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!("no files matching *.txt under {}", dir.path().display());
    assert!(stderr.contains(&expected), "{stderr}");
    // and a pattern of one's own that matches nothing
    let out = analyze()
        .args(["--glob", "*.html"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no files matching *.html")
    );
}

#[test]
fn the_default_pattern_matches_any_case() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("LOUD.TXT"),
        "A headline\n\nA body line here.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("quiet.txt"),
        "A headline\n\nA body line here.\n",
    )
    .unwrap();
    let out = analyze().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(parse_lines(&out.stdout).len(), 2);
}

#[test]
fn another_language_is_named_and_not_guessed_at() {
    let german = "Treffen in Berlin\n\nDer Präsident sagte am Montag, dass die Regierung in diesem \
                  Jahr die Steuern nicht erhöhen werde. „Wir haben uns zu einem Treffen \
                  verabredet“, sagte Angela Merkel am Abend in Berlin.\n";
    let out = analyze().arg("-").write_stdin(german).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r = &parse_lines(&out.stdout)[0];
    assert_eq!(r["language"]["code"], "deu");
    assert!(r["language"]["confidence"].as_f64().unwrap() > 0.5);
    assert_eq!(r["warnings"][0]["kind"], "language");
    assert_eq!(r["entities"].as_array().unwrap().len(), 0);
    assert_eq!(r["quotes"].as_array().unwrap().len(), 0);
    assert_eq!(r["attributions"].as_array().unwrap().len(), 0);
    // the seed is English, with its entities
    let seed = analyze()
        .arg(fixture("kazakh-gorbachev.txt"))
        .output()
        .unwrap();
    let r = &parse_lines(&seed.stdout)[0];
    assert_eq!(r["language"]["code"], "eng");
    assert!(r["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn an_empty_article_says_it_is_empty_in_the_text_view() {
    let out = analyze()
        .args(["-f", "text"])
        .arg(fixture("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("The article is empty"), "{s}");
    assert!(!s.contains("Sections"), "{s}");
}

#[test]
fn standard_input_under_output_dir_is_stdin_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = analyze()
        .args(["-q", "-o"])
        .arg(dir.path())
        .arg("-")
        .write_stdin("A headline\n\nA body line here.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("stdin.json").is_file());
    // --quiet: no summary line
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_error_line_names_its_line_once() {
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .write_stdin("{\"id\": \"a\", \"text\": \"x\"}\nnot json\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("analyze: -:2: "), "{stderr}");
    assert!(!stderr.contains("line 2"), "{stderr}");
}

#[test]
fn modes_that_print_and_exit_refuse_paths_and_sizes_take_decimals() {
    for mode in ["--schema", "--notices"] {
        let out = analyze().arg(mode).arg("a.txt").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{mode}");
    }
    let out = analyze()
        .args(["--max-bytes", "1.5M"])
        .arg(fixture("crlf.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_schema_describes_a_report_or_an_error_line() {
    let out = analyze().arg("--schema").output().unwrap();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = schema.to_string();
    assert!(
        schema["anyOf"].as_array().is_some_and(|a| a.len() == 2),
        "{text:.300}"
    );
    assert!(schema["$defs"]["Report"].is_object());
    assert!(schema["$defs"]["ErrorRecord"]["properties"]["error"].is_object());
}

#[test]
fn the_usage_reference_line_is_the_help_one() {
    let help = String::from_utf8(analyze().arg("--help").output().unwrap().stdout).unwrap();
    let usage = help
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .unwrap();
    let reference = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/usage.md"),
    )
    .unwrap();
    assert!(
        reference.contains(&format!("\n    {usage}\n")),
        "docs/usage.md lacks {usage:?}"
    );
}
