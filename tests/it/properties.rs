//! Invariants of the report for arbitrary text, and inputs built to be pathological.

use crate::common::check_report;
use proptest::prelude::*;
use serde_json::Value;

fn report(text: &str) -> Value {
    serde_json::to_value(analyze::analyze(text, Value::from("t"))).expect("report serialises")
}

/// Text made of the pieces real articles are made of: words, punctuation, curly quotes, no-break
/// spaces, tabs, CR, LF, blank lines, bullets, and a few non-Latin scripts.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,10}",
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just(". ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’".to_string()),
        Just("…".to_string()),
        Just("Mr. ".to_string()),
        Just("□ ".to_string()),
        Just("By ".to_string()),
        Just("\u{feff}".to_string()),
        "[\u{0400}-\u{04ff}\u{4e00}-\u{4e20}\u{1f600}-\u{1f610}]{1,4}",
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_in_bounds_sorted_and_exact(text in article_like()) {
        check_report(&text, &report(&text));
    }

    #[test]
    fn any_unicode_string_is_analysed(text in "\\PC{0,300}") {
        check_report(&text, &report(&text));
    }

    #[test]
    fn a_pasted_copy_is_found_wherever_it_lands(text in article_like(), at in 0usize..2000) {
        let passage = "Officials confirmed that the new bridge across the river will open next spring.";
        let mut cut = at.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let t = format!("{}\n\n{passage}\n\n{}\n\n{passage}\n", &text[..cut], &text[cut..]);
        let r = report(&t);
        check_report(&t, &r);
        let found = r["duplicates"].as_array().unwrap().iter().any(|g| {
            let ps = g["passages"].as_array().unwrap();
            ps.len() >= 2
                && ps.iter().all(|p| p["text"].as_str().unwrap().contains("bridge across the river"))
        });
        prop_assert!(found, "{}", r["duplicates"]);
    }

    #[test]
    fn repeated_text_keeps_every_invariant(text in article_like()) {
        let t = text.repeat(3);
        check_report(&t, &report(&t));
    }

    #[test]
    fn cross_article_and_dedupe_keep_the_invariants(texts in proptest::collection::vec(article_like(), 1..5)) {
        let options = analyze::Options { cross_article: true, fingerprints: true };
        let mut reports = analyze::Analyzer::new(options);
        let mut dedupe = analyze::Analyzer::new(options);
        // each text also pasted into the next, so that there is something to find
        for (i, t) in texts.iter().enumerate() {
            let t = format!("{t}\n\n{}", texts[i.saturating_sub(1)]);
            let r = serde_json::to_value(reports.analyze(&t, Value::from(i))).unwrap();
            check_report(&t, &r);
            let kept = dedupe.dedupe(&t, Value::from(i));
            prop_assert!(kept.len() <= t.len());
        }
    }

    #[test]
    fn same_input_same_output(text in article_like()) {
        let a = serde_json::to_string(&report(&text)).unwrap();
        let b = serde_json::to_string(&report(&text)).unwrap();
        prop_assert_eq!(a, b);
    }
}

/// One paragraph of a long structured document: the kinds of line articles and pages are made of,
/// with names, quotes (double and single marks, open and closed), comment marks and furniture that
/// the stages treat specially, and the shapes that once cost more than linear time.
/// Markup made of the pieces pages are made of, opened and closed in any order, around text.
fn page_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        article_like(),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"comments\">".to_string()),
        Just("</div>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<nav>".to_string()),
        Just("<br>".to_string()),
        Just("<figcaption>".to_string()),
        Just("<script>var x = '</p>';".to_string()),
        Just("</script>".to_string()),
        Just("<pre>".to_string()),
        Just("<title>".to_string()),
        Just("<meta property=\"og:title\" content=\"A title\">".to_string()),
        Just("&amp;&nbsp;&#x1F600;".to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A page's report indexes the text it renders to, whatever the markup.
    #[test]
    fn a_pages_spans_slice_its_rendered_text(html in page_like()) {
        let report = analyze::analyze_html(&html, Value::from("p"));
        let value = serde_json::to_value(&report).expect("report serialises");
        let text = report.text.clone().expect("a page's report carries its text");
        check_report(&text, &value);
    }
}

fn structured_paragraph() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("Jane Doe"),
        Just("Mr. Smith"),
        Just("Mary Jones"),
        Just("Sen. Ann Lee of Ohio"),
        Just("the mayor"),
        Just("he"),
        Just("she"),
    ];
    let words = "[a-z]{2,9}( [a-z]{2,9}){3,25}";
    prop_oneof![
        // prose with a quote and its speaker
        (name.clone(), words, words).prop_map(|(n, a, b)| format!("“{a},” {n} said. {b}.")),
        (name.clone(), words).prop_map(|(n, a)| format!("{n} said that {a}.")),
        (name.clone(), words).prop_map(|(n, a)| format!("‘{a},’ {n} told reporters.")),
        // a quotation left open, a weak single closer inside
        words.prop_map(|a| format!("“{a}")),
        words.prop_map(|a| format!("‘Start players’ union {a}")),
        // plain prose, a title-case line, a byline, a dateline
        words.prop_map(|a| format!("{a}.")),
        "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){2,7}",
        name.clone().prop_map(|n| format!("By {n}")),
        Just("Published: 12 March 2024, 10:42".to_string()),
        // furniture and reader comments
        prop_oneof![
            Just("Reply"),
            Just("Advertisement"),
            Just("Share this:"),
            Just("Sign In"),
            Just("Related:"),
        ]
        .prop_map(str::to_string),
        "[A-Z][a-z]{2,8}[0-9]{0,3} says:",
        // a list item, a sentence naming many people before a pronoun
        words.prop_map(|a| format!("• {a}")),
        name.prop_map(|n| format!("{n}, Mary Jones, Mary Jones, Mary Jones, he said.")),
    ]
}

/// A long structured document: up to 600 paragraphs, some hard-wrapped, some packed without blank
/// lines, with repeated blocks (as pages repeat their furniture and wire copy).
fn long_document() -> impl Strategy<Value = String> {
    let para = (structured_paragraph(), 0u8..4).prop_map(|(p, sep)| {
        let sep = match sep {
            0 => "\n",
            1 | 2 => "\n\n",
            _ => "\r\n\r\n",
        };
        format!("{p}{sep}")
    });
    (
        proptest::collection::vec(para, 1..600),
        0usize..600,
        0usize..40,
    )
        .prop_map(|(paras, at, len)| {
            // a block of the document pasted again further on
            let from = at.min(paras.len() - 1);
            let block: String = paras[from..(from + len).min(paras.len())].concat();
            let mut doc = paras.concat();
            doc.push_str(&block);
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Long documents of structured paragraphs keep every invariant: spans exact and in order.
    #[test]
    fn long_structured_documents_keep_every_invariant(text in long_document()) {
        check_report(&text, &report(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A stream of arbitrary articles (with an invalid line among them) gives the same bytes on one
    /// thread as on several, in the same order.
    #[test]
    fn the_same_stream_gives_the_same_bytes_at_any_thread_count(
        texts in proptest::collection::vec(article_like(), 1..150),
        bad in 0usize..150,
    ) {
        let mut lines: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string())
            .collect();
        lines.insert(bad.min(lines.len()), "{not json".to_string());
        let input = lines.join("\n");
        let run = |threads: &str| {
            crate::common::analyze()
                .args(["--input-format", "jsonl", "--threads", threads, "-"])
                .write_stdin(input.clone())
                .output()
                .unwrap()
        };
        let one = run("1");
        for threads in ["2", "3"] {
            let many = run(threads);
            prop_assert_eq!(&one.stdout, &many.stdout);
            prop_assert_eq!(one.status.code(), many.status.code());
        }
        prop_assert_eq!(crate::common::parse_lines(&one.stdout).len(), texts.len() + 1);
    }
}

#[test]
fn one_sentence_repeated_100_000_times() {
    let text = "The council met again on Tuesday to discuss the bridge.\n\n".repeat(100_000);
    let r = report(&text);
    check_report(&text, &r);
    // one group holding every copy
    let groups = r["duplicates"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["kind"], "exact");
    assert_eq!(groups[0]["passages"].as_array().unwrap().len(), 100_000);
    assert!(
        r["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "body")
    );
}

#[test]
fn a_multi_megabyte_single_line() {
    let text = "word “quoted” text, with no end ".repeat(150_000);
    assert!(text.len() > 4_000_000);
    check_report(&text, &report(&text));
}

/// 50 MB on one line: linear time (a few seconds on a release build). Run by `.ci/run` with
/// `cargo test --release -- --ignored`; a debug build would take minutes.
#[test]
#[ignore = "large: .ci/run runs it on a release build"]
fn a_fifty_megabyte_single_line() {
    let text = "word “quoted” text, with «no» end ".repeat(1_400_000);
    assert!(text.len() > 50_000_000);
    check_report(&text, &report(&text));
}

/// A megabyte of nothing but quote marks of every kind, and one opening mark before a megabyte.
#[test]
#[ignore = "large: .ci/run runs it on a release build"]
fn a_megabyte_of_quote_marks() {
    let text = "\"“”'‘’«»‹›''``".repeat(40_000);
    assert!(text.len() > 1_000_000);
    check_report(&text, &report(&text));
    let text = format!("“{}", "He said so. ".repeat(90_000));
    check_report(&text, &report(&text));
}

#[test]
fn a_long_run_of_quote_marks_and_newlines() {
    let text = "“\n”\r\n\n\u{a0}…".repeat(50_000);
    check_report(&text, &report(&text));
}

/// The tokens the stages treat specially, as they repeat in a long run of capitalised words:
/// honorifics, titles, nationalities, "and", initials, quote marks, hyphens, party tags, particles,
/// and the shapes of attribution (quotations with cues in both quote styles, reported speech).
/// A run of 100,000 of any of them once overflowed the stack (the run cutter called itself per
/// token).
const RUN_TOKENS: &[&str] = &[
    "Mr. ",
    "Dr. John ",
    "President ",
    "Senate Majority Leader ",
    "French ",
    "Russian President ",
    "Kazakh President Tokayev and ",
    "John and ",
    "and ",
    "A. ",
    "U.S. ",
    "“",
    "\" ",
    "Jean-",
    "R-Ill. ",
    "of ",
    "St. ",
    "Smith’s ",
    "“Yes,” he said. ",
    "Smith said that ",
    "‘No,’ she said. ",
    ", according to ",
    "said: ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Runs mixing every special token, thousands of tokens long, on a test thread's small stack.
    #[test]
    fn long_mixed_runs_of_special_tokens_complete(
        picks in proptest::collection::vec(0..RUN_TOKENS.len(), 1..6),
        repeat in 500usize..3000,
    ) {
        let unit: String = picks.iter().map(|&i| RUN_TOKENS[i]).collect();
        let text = unit.repeat(repeat);
        check_report(&text, &report(&text));
    }
}

/// Quotations whose pronoun looks back over thousands of mentions of one person, in one sentence
/// without stops: once quadratic (each pronoun re-read every mention's gender, then every person of
/// the sentence), found by the random runs above taking minutes.
#[test]
fn pronouns_over_thousands_of_mentions_stay_linear() {
    for unit in ["Dr. John ‘No,’ she said. ", "Dr. John ‘No,’ she said. and "] {
        let text = unit.repeat(3000);
        check_report(&text, &report(&text));
    }
    // a colon after the last word
    check_report("Smith said:", &report("Smith said:"));
}

/// 100,000 tokens of each special kind, one kind at a time: each completes (in well under a second on
/// a release build) and keeps every invariant.
#[test]
#[ignore = "large: .ci/run runs it on a release build"]
fn a_hundred_thousand_tokens_of_each_special_kind_complete() {
    for token in RUN_TOKENS {
        let text = token.repeat(100_000);
        check_report(&text, &report(&text));
    }
}

/// Inputs the fuzzer (`fuzz/run.sh`) once failed on, kept in `tests/fuzz-regressions/`: each is
/// decoded as a file would be and its report must keep every invariant.
#[test]
fn fuzz_regressions_keep_the_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("regressions folder") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        let Ok(decoded) = analyze::decode(bytes) else {
            continue;
        };
        check_report(&decoded.text, &report(&decoded.text));
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs read");
}
