//! The entity classes that went wrong on real articles, one short article each in
//! `fixtures/entities/` (written for these tests), checked against `fixtures/entities/expected.json`:
//! no product, company or stray word as a person; surnames in their person's entity; names not glued
//! to places; no junk (contractions, time zones, tickers, section words); gender where the text
//! shows it.

use std::path::Path;

use serde_json::Value;

fn report(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("fixture");
    serde_json::to_value(analyze::analyze(&text, Value::from("t"))).expect("report")
}

fn types(spec: &str) -> Vec<String> {
    spec.split(' ').map(str::to_string).collect()
}

fn check(name: &str, spec: &Value, report: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let entities = report["entities"].as_array().expect("entities");
    let find = |n: &str| entities.iter().find(|e| e["name"] == n);
    let pairs = |k: &str| spec[k].as_array().cloned().unwrap_or_default();
    for p in pairs("has") {
        let (n, t) = (p[0].as_str().unwrap(), types(p[1].as_str().unwrap()));
        match find(n) {
            Some(e) if t.iter().any(|t| e["type"] == t.as_str()) => {}
            Some(e) => wrong.push(format!("{name}: {n} is {}", e["type"])),
            None => wrong.push(format!("{name}: no entity {n}")),
        }
    }
    for p in pairs("mentions") {
        let (n, m) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
        let has = find(n).is_some_and(|e| {
            e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["text"] == m)
        });
        if !has {
            wrong.push(format!("{name}: {m} is not a mention of {n}"));
        }
    }
    for p in pairs("counts") {
        let (n, k) = (p[0].as_str().unwrap(), p[1].as_u64().unwrap());
        let found = find(n).map_or(0, |e| e["mentions"].as_array().unwrap().len() as u64);
        if found != k {
            wrong.push(format!("{name}: {n} has {found} mentions, not {k}"));
        }
    }
    for p in pairs("not") {
        let (m, t) = (p[0].as_str().unwrap(), types(p[1].as_str().unwrap()));
        for e in entities {
            let typed = t.iter().any(|t| t == "*" || e["type"] == t.as_str());
            let written = e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["text"] == m);
            if typed && written {
                wrong.push(format!("{name}: {m} is an entity of type {}", e["type"]));
            }
        }
    }
    for p in pairs("gender") {
        let (n, g) = (p[0].as_str().unwrap(), &p[1]);
        if find(n).is_none_or(|e| &e["gender"] != g) {
            wrong.push(format!("{name}: {n} has not gender {g}"));
        }
    }
    wrong
}

#[test]
fn each_entity_class_that_went_wrong_on_real_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/entities");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for (name, spec) in expected.as_object().unwrap() {
        if name.starts_with('_') {
            continue;
        }
        let r = report(&dir.join(name));
        crate::common::check_report(&std::fs::read_to_string(dir.join(name)).unwrap(), &r);
        wrong.extend(check(name, spec, &r));
        seen += 1;
    }
    assert!(seen >= 10);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
