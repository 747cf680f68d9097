//! The whole pipeline on arbitrary bytes: decoded as a file would be (encodings, binary refusal),
//! analysed, serialised, parsed back and checked against the invariants the integration tests check
//! (`tests/it/common/checks.rs`): every span in bounds and slicing the text to what the report says,
//! lists sorted, sections covering every non-blank line; then rendered by both views for people.
//! Any panic is a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/common/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = analyze::decode(data.to_vec()) else {
        return;
    };
    let mut report = analyze::analyze(&decoded.text, serde_json::Value::from("fuzz"));
    report.warnings = decoded.warnings;
    let json = serde_json::to_string(&report).expect("a report serialises");
    let value: serde_json::Value = serde_json::from_str(&json).expect("and parses back");
    checks::check_report(&decoded.text, &value);
    // the views must not panic either, and the page must not let article markup through
    let _ = analyze::output::text::render(&report, true);
    let page = analyze::output::html::page(&decoded.text, &report);
    assert_eq!(page.matches("<script").count(), 0);
});
