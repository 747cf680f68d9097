//! `--format text` and `--format html` through the binary, in every input mode, and the generated
//! completions and man page.

use crate::common::*;

#[test]
fn text_view_in_every_input_mode_and_never_raw_escapes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Plain headline\n\nMr. Smith said: “We won.”\n",
    )
    .unwrap();
    // an article trying to clear the screen, retitle the window and reverse the text
    std::fs::write(
        dir.path().join("b.txt"),
        "Evil \u{1b}[2J\u{1b}]0;owned\u{7} headline\n\nA \u{202e}reversed\u{9b}31m line said by Ann Lee.\n",
    )
    .unwrap();
    for colour in ["never", "always"] {
        let out = analyze()
            .args(["--format", "text", "--color", colour])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            s.contains("Sections") && s.contains("a.txt") && s.contains("b.txt"),
            "{s}"
        );
        // the only escape sequences are the view's own colours (CSI ... m)
        for (i, _) in s.match_indices('\u{1b}') {
            let rest = &s[i + 1..];
            assert!(
                rest.starts_with('['),
                "a raw escape from the article at {i}"
            );
            let end = rest.find(|c: char| c.is_ascii_alphabetic()).unwrap();
            assert_eq!(&rest[end..=end], "m", "only colour sequences");
        }
        assert_eq!(s.contains('\u{1b}'), colour == "always");
        assert!(!s.contains('\u{202e}') && !s.contains('\u{9b}') && !s.contains('\u{7}'));
        assert!(
            s.contains("␛[2J"),
            "the article's escape is shown as a symbol"
        );
    }
    // JSON Lines from standard input, and NO_COLOR on a forced terminal check is the run's own:
    let out = analyze()
        .args(["--format", "text", "--input-format", "jsonl", "-"])
        .env("NO_COLOR", "1")
        .write_stdin("{\"id\": \"r1\", \"text\": \"One.\"}\n{\"id\": \"r2\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("r1") && s.contains("r2: line 2") && s.contains("(not analysed)"),
        "{s}"
    );
}

#[test]
fn html_view_one_page_for_a_stream_and_one_file_each_in_a_folder() {
    let stream = "{\"id\": 1, \"text\": \"First <b>story</b>.\"}\n{\"id\": 2, \"text\": \"Second story by Ann Lee.\"}\n";
    let out = analyze()
        .args(["--format", "html", "--input-format", "jsonl", "-"])
        .write_stdin(stream)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("</html>").count(), 1);
    assert_eq!(page.matches("<article class=\"report\"").count(), 2);
    assert!(page.contains("id=\"a0-top\"") && page.contains("id=\"a1-top\""));
    assert!(page.contains("&lt;b&gt;story&lt;/b&gt;"));

    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("pages");
    let out = analyze()
        .args([
            "--format",
            "html",
            "--input-format",
            "jsonl",
            "--output-dir",
        ])
        .arg(&out_dir)
        .arg("-")
        .write_stdin(stream)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    for id in ["1", "2"] {
        let page = std::fs::read_to_string(out_dir.join(format!("{id}.html"))).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    }
}

#[test]
fn dedupe_takes_no_view() {
    let out = analyze()
        .args(["--dedupe", "--format", "html"])
        .arg(fixture("kazakh-gorbachev.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = analyze().args(["--completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("analyze") && s.contains("max-bytes"), "{shell}");
    }
    let out = analyze().arg("--man").output().unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(
        man.contains(".TH analyze") && man.contains("output\\-dir"),
        "{man}"
    );
}
