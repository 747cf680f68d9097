//! HTML pages in (`fixtures/html/`): rendered to text that the report carries and every offset
//! indexes, the markup read as evidence for the sections, and bad pages answered with a report or
//! an error record, never a crash.

use crate::common::*;
use serde_json::Value;

/// The report of an HTML page, with every span checked against the rendered text it carries.
fn page_report(args: &[&str], stdin: &str) -> Value {
    let out = analyze().args(args).write_stdin(stdin).output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status.code());
    let r = parse_lines(&out.stdout).remove(0);
    assert_eq!(r["source_format"], "html");
    let text = r["text"].as_str().expect("an HTML report carries its text");
    check_report(text, &r);
    r
}

fn story() -> Value {
    let path = fixture("html/story.html");
    page_report(&[path.to_str().unwrap()], "")
}

/// Each section's kind and text, in order.
fn sections(r: &Value) -> Vec<(String, String)> {
    r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let kind = s["kind"].as_str().unwrap().to_string();
            (kind, s["text"].as_str().unwrap().to_string())
        })
        .collect()
}

fn of_kind(r: &Value, kind: &str) -> Vec<String> {
    sections(r)
        .into_iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn a_page_is_rendered_to_text_and_read_by_its_markup() {
    let r = story();
    let text = r["text"].as_str().unwrap();
    // scripts, styles, the head, hidden elements and noscript give no text
    for absent in [
        "tracking code",
        "font-family",
        "hidden and never",
        "enable JavaScript",
    ] {
        assert!(!text.contains(absent), "{absent}");
    }
    assert_eq!(
        of_kind(&r, "headline"),
        ["Harbour bridge to close for repairs"]
    );
    assert_eq!(of_kind(&r, "byline"), ["By Maria Lopez"]);
    assert_eq!(
        of_kind(&r, "caption"),
        ["The bridge at dusk, seen from the north pier."]
    );
    let body = of_kind(&r, "body").join("\n");
    assert!(
        body.starts_with("The Harbour Bridge in Port Ellis"),
        "{body}"
    );
    assert!(body.contains("Ana Silva, who runs a bakery"), "{body}");
    // navigation, share bar, related list, comments and footer are never the story
    for furniture in [
        "Weather",
        "Share on Facebook",
        "Ferry timetable",
        "crossed that bridge",
        "rights reserved",
    ] {
        assert!(!body.contains(furniture), "{furniture} in the body");
    }
    let speaker = &r["quotes"][0]["speaker"]["name"];
    assert_eq!(speaker, "Tom Reyes");
    // the page's boilerplate (a list of other stories) names no entity
    let names = entity_names(&r);
    assert!(names.contains(&"Ana Silva"), "{names:?}");
    assert!(
        !names.contains(&"Ruth Penrose") && !names.contains(&"Owen Blake"),
        "{names:?}"
    );
}

#[test]
fn a_page_is_known_by_its_name_its_start_or_the_format_flag() {
    let page = std::fs::read_to_string(fixture("html/story.html")).unwrap();
    let dir = folder_with(&[("a.htm", page.as_str()), ("b.txt", page.as_str())]);
    let by_name = page_report(&[dir.path().join("a.htm").to_str().unwrap()], "");
    // a page named .txt is still a page: its start says so
    let by_start = page_report(&[dir.path().join("b.txt").to_str().unwrap()], "");
    let on_stdin = page_report(&[], &page);
    let flagged = page_report(&["--input-format", "html", "-"], &page);
    for r in [&by_start, &on_stdin, &flagged] {
        assert_eq!(r["sections"], by_name["sections"]);
        assert_eq!(r["text"], by_name["text"]);
    }
}

#[test]
fn a_fragment_named_html_is_read_as_a_page() {
    let dir = folder_with(&[(
        "frag.html",
        "<div><h2>Notice</h2><p>The library will <b>close early</b> on Friday for repairs.</p></div>",
    )]);
    let r = page_report(&[dir.path().join("frag.html").to_str().unwrap()], "");
    let text = r["text"].as_str().unwrap();
    assert_eq!(
        text,
        "Notice\n\nThe library will close early on Friday for repairs."
    );
}

#[test]
fn json_lines_records_may_give_html() {
    let page = std::fs::read_to_string(fixture("html/story.html")).unwrap();
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "p1", "html": page}),
        serde_json::json!({"id": "t1", "text": "Plain text\n\nA sentence that is the body of a short story here."})
    );
    let out = analyze()
        .args(["--input-format", "jsonl", "-"])
        .write_stdin(records)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines[0]["source_format"], "html");
    assert_eq!(
        of_kind(&lines[0], "headline"),
        ["Harbour bridge to close for repairs"]
    );
    check_report(lines[0]["text"].as_str().unwrap(), &lines[0]);
    // a plain-text report has neither field
    assert!(lines[1].get("source_format").is_none() && lines[1].get("text").is_none());
}

#[test]
fn a_folder_of_pages_is_walked_with_a_glob() {
    let page = std::fs::read_to_string(fixture("html/story.html")).unwrap();
    let dir = folder_with(&[
        ("one.html", page.as_str()),
        ("two.html", page.as_str()),
        ("notes.txt", "x"),
    ]);
    let out = analyze()
        .args(["--glob", "*.html"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|r| r["source_format"] == "html"));
}

#[test]
fn a_page_is_decoded_by_its_declared_charset() {
    let path = fixture("html/latin1.html");
    let r = page_report(&[path.to_str().unwrap()], "");
    assert_eq!(of_kind(&r, "headline"), ["Café owner wins award"]);
    assert!(
        r["text"]
            .as_str()
            .unwrap()
            .contains("“We never expected it,” said José Marin")
    );
    assert_eq!(r["warnings"][0]["kind"], "encoding");
    assert_eq!(r["quotes"][0]["speaker"]["name"], "José Marin");
}

#[test]
fn an_index_page_gives_no_invented_story() {
    let path = fixture("html/index-page.html");
    let r = page_report(&[path.to_str().unwrap()], "");
    assert!(of_kind(&r, "body").is_empty(), "{:?}", sections(&r));
    assert!(of_kind(&r, "kicker").is_empty(), "{:?}", sections(&r));
}

#[test]
fn a_story_below_a_sidebar_in_the_source_is_found_under_its_headline() {
    let path = fixture("html/sidebar-first.html");
    let r = page_report(&[path.to_str().unwrap()], "");
    assert_eq!(of_kind(&r, "headline"), ["Library opens late on Thursdays"]);
    let body = of_kind(&r, "body").join("\n");
    assert!(
        body.starts_with("The central library in Port Ellis"),
        "{body}"
    );
    assert!(!body.contains("recycling"), "{body}");
}

#[test]
fn an_author_the_metadata_names_makes_a_byline_of_a_bare_name() {
    let path = fixture("html/byline-by-metadata.html");
    let r = page_report(&[path.to_str().unwrap()], "");
    assert_eq!(of_kind(&r, "byline"), ["Daniel Okafor"]);
    assert_eq!(of_kind(&r, "dateline"), ["2 April 2026, 10:14"]);
    let byline = first_section(&r, "byline").unwrap();
    assert_eq!(byline["names"], serde_json::json!(["Daniel Okafor"]));
}

#[test]
fn a_line_writing_the_date_the_metadata_gives_is_a_dateline() {
    // "2nd" is no date to the text's cues, so the line alone reads as page furniture
    let path = fixture("html/date-by-metadata.html");
    let r = page_report(&[path.to_str().unwrap()], "");
    assert_eq!(of_kind(&r, "dateline"), ["May 2nd, 2026 | Town desk"]);
    assert_eq!(of_kind(&r, "boilerplate"), Vec::<String>::new());
}

#[test]
fn the_views_and_dedupe_read_a_pages_rendered_text() {
    let path = fixture("html/story.html");
    let page = analyze().args(["-f", "html"]).arg(&path).output().unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    // the view annotates the rendered text, never the page's markup
    assert!(page.contains("Harbour bridge to close for repairs"));
    assert!(
        !page.contains("&lt;h1") && !page.contains("&lt;/p&gt;"),
        "markup in the view"
    );
    let summary = analyze().args(["-f", "text"]).arg(&path).output().unwrap();
    let summary = String::from_utf8(summary.stdout).unwrap();
    assert!(summary.contains("Tom Reyes"), "{summary}");
    let deduped = analyze().arg("--dedupe").arg(&path).output().unwrap();
    let deduped: serde_json::Value = serde_json::from_slice(&deduped.stdout).unwrap();
    let text = deduped["text"].as_str().unwrap();
    assert!(
        text.starts_with("Home\nNews") && !text.contains('<'),
        "{text}"
    );
}

#[test]
fn bad_pages_get_a_report_or_an_error_record() {
    let deep = format!(
        "<html><body>{}<p>Deep text.</p>{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let unclosed = "<html><body><p>One <b>two <i>three <p>Four <table><tr><td>five".to_string();
    let script = format!(
        "<html><body><script>{}</script><p>After the script.</p></body></html>",
        "var x = 1;\n".repeat(500_000)
    );
    let dir = folder_with(&[
        ("deep.html", deep.as_str()),
        ("unclosed.html", unclosed.as_str()),
        ("script.html", script.as_str()),
    ]);
    std::fs::write(
        dir.path().join("blob.html"),
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 1, 2, 3],
    )
    .unwrap();
    let out = analyze()
        .args(["--glob", "*.html"])
        .arg(dir.path())
        .output()
        .unwrap();
    // the blob is an error record; every other page is analysed
    assert_eq!(out.status.code(), Some(1));
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    let by_name = |n: &str| {
        lines
            .iter()
            .find(|r| r["id"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    assert!(
        by_name("blob.html")["error"]
            .as_str()
            .unwrap()
            .contains("PNG")
    );
    assert_eq!(by_name("deep.html")["text"], "Deep text.");
    // nesting past the reader's depth is said (its tags were dropped to keep the parse linear)
    assert_eq!(by_name("deep.html")["warnings"][0]["kind"], "format");
    assert_eq!(
        by_name("unclosed.html")["text"],
        "One two three\n\nFour\n\nfive"
    );
    assert_eq!(by_name("script.html")["text"], "After the script.");
    for name in ["deep.html", "unclosed.html", "script.html"] {
        let r = by_name(name);
        check_report(r["text"].as_str().unwrap(), r);
    }
}
