//! Invariants of the report for arbitrary text, and inputs built to be pathological.

mod common;

use common::check_report;
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
    fn same_input_same_output(text in article_like()) {
        let a = serde_json::to_string(&report(&text)).unwrap();
        let b = serde_json::to_string(&report(&text)).unwrap();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn one_sentence_repeated_100_000_times() {
    let text = "The council met again on Tuesday to discuss the bridge.\n\n".repeat(100_000);
    let r = report(&text);
    check_report(&text, &r);
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

#[test]
fn a_long_run_of_quote_marks_and_newlines() {
    let text = "“\n”\r\n\n\u{a0}…".repeat(50_000);
    check_report(&text, &report(&text));
}
