//! The whole pipeline on arbitrary bytes: decoded as a file would be (encodings, binary refusal, a
//! page told by its start), analysed, serialised, parsed back and checked against the invariants the
//! integration tests check (`tests/it/common/checks.rs`): every span in bounds and slicing the text
//! to what the report says (a page's rendered text), lists sorted, sections covering every
//! non-blank line; then rendered by both views for people. The same bytes are also read as an HTML
//! page whatever they look like (`--input-format html`), so the HTML path sees every input. Any
//! panic is a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/common/checks.rs"]
mod checks;

/// Analyses a decoded input and checks its report against the text its offsets index.
fn check(decoded: &analyze::Decoded) {
    let mut analyzer = analyze::Analyzer::new(analyze::Options::default());
    let report = analyzer.analyze_decoded(decoded, serde_json::Value::from("fuzz"));
    let text = report.text.clone().unwrap_or_else(|| decoded.text.clone());
    let json = serde_json::to_string(&report).expect("a report serialises");
    let value: serde_json::Value = serde_json::from_str(&json).expect("and parses back");
    checks::check_report(&text, &value);
    // the views must not panic either, and the page must not let article markup through
    let _ = analyze::output::text::render(&report, true);
    let page = analyze::output::html::page(&text, &report);
    assert_eq!(page.matches("<script").count(), 0);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = analyze::decode(data.to_vec()) {
        check(&decoded);
    }
    if let Ok(page) = analyze::decode_html(data.to_vec()) {
        check(&page);
    }
});
