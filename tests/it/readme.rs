//! The README's "On a fresh machine" commands, as written: the first (the analysis of the bundled
//! article) is run here through `bash`, exactly as the README spells it, and must print the seed's
//! report; the second (the test command) is what `.ci/run` runs, read from the README by
//! `eval/readme_commands.sh`, and this test checks that wiring and that both scripts read the same
//! section the same way.

use crate::common::first_section;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The indented command lines of the README's "On a fresh machine" section.
fn fresh_machine_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme
        .find("\n## On a fresh machine")
        .expect("an 'On a fresh machine' section");
    let section = &readme[start + 1..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
    section
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.starts_with(' '))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_names_two_fresh_machine_commands_and_ci_reads_the_same() {
    let commands = fresh_machine_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].contains("fixtures/"), "{commands:?}");
    assert!(commands[1].starts_with("cargo test"), "{commands:?}");
    let extracted = Command::new("bash")
        .arg(root().join("eval/readme_commands.sh"))
        .output()
        .expect("bash runs");
    assert!(extracted.status.success());
    let extracted: Vec<String> = String::from_utf8_lossy(&extracted.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(extracted, commands);
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.contains("eval/readme_commands.sh"),
        ".ci/run must run the README's commands as written"
    );
}

/// The first command, run as a newcomer types it. `cargo test` holds the lock of the debug build
/// folder while tests run; the README's command builds the release profile, another folder.
#[test]
fn the_readmes_first_command_runs_as_written() {
    let commands = fresh_machine_commands();
    let first = &commands[0];
    let mut cmd = Command::new("bash");
    cmd.args(["-euo", "pipefail", "-c", first])
        .current_dir(root());
    // what `cargo test` tells its test binaries is not what a newcomer's shell has
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("CARGO_") && key != "CARGO_HOME" && key != "CARGO_TARGET_DIR" {
            cmd.env_remove(&key);
        }
    }
    let out = cmd.output().expect("bash runs");
    assert!(
        out.status.success(),
        "{first}\nfailed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("one JSON report on stdout");
    assert_eq!(report["id"], "fixtures/kazakh-gorbachev.txt");
    let headline = first_section(&report, "headline");
    assert!(headline.is_some(), "{report}");
}

/// The README is for deciding and starting (about 150-200 lines); reference lives in `docs/`, and
/// every local link it gives leads to a file that is there.
#[test]
fn the_readme_is_short_and_its_links_lead_somewhere() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let lines = readme.lines().count();
    assert!(
        lines < 220,
        "README.md has {lines} lines: move reference to docs/"
    );
    let mut links = 0;
    for piece in readme.split("](").skip(1) {
        let target = piece.split([')', '#']).next().unwrap_or_default();
        if target.is_empty() || target.starts_with("http") {
            continue;
        }
        links += 1;
        assert!(
            root().join(target).exists(),
            "README links to missing {target}"
        );
    }
    assert!(links >= 5, "{links} local links");
}
