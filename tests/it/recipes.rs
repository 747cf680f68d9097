//! Every recipe in the README's "Recipes" section, run as written (with `analyze` on the `PATH`) on
//! the bundled fixtures: each must succeed and print something. Needs `jq` (CI installs it).

use std::path::Path;
use std::process::Command;

/// The shell blocks of the README's "Recipes" section.
fn recipes() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme.find("\n## Recipes").expect("a Recipes section");
    let section = &readme[start + 1..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
    section
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split_once("\n```").map(|(code, _)| code.to_string()))
        .collect()
}

#[test]
fn every_readme_recipe_runs_on_the_fixtures() {
    let jq = Command::new("jq").arg("--version").output();
    assert!(
        jq.is_ok_and(|o| o.status.success()),
        "the recipes need jq (apt-get install jq)"
    );
    let recipes = recipes();
    assert!(recipes.len() >= 6, "{recipes:?}");
    let bin = Path::new(env!("CARGO_BIN_EXE_analyze"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for recipe in recipes {
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", &recipe])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PATH", &path)
            .output()
            .expect("bash runs");
        // `head` may close the pipe early: analyze then ends quietly with status 0
        assert!(
            out.status.success(),
            "{recipe}\nfailed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{recipe}\nprinted nothing");
    }
}
