//! Build script: compiles the name lists of `data/` into finite-state transducers (`fst`, see
//! `build/gazetteer.rs`) and the closed-class word lists of `data/lang/` into sorted Rust slices (see
//! `build/lang.rs`), so the binary starts without parsing or hashing anything.

#[path = "src/lexicon/gazetteer/codes.rs"]
#[allow(dead_code)]
mod codes;
#[path = "build/gazetteer.rs"]
mod gazetteer;
#[path = "src/lexicon/gazetteer/key.rs"]
mod key;
#[path = "build/lang.rs"]
mod lang;
#[path = "build/lines.rs"]
mod lists;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/lexicon/gazetteer/key.rs");
    println!("cargo::rerun-if-changed=src/lexicon/gazetteer/codes.rs");
    let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = gazetteer::write(&root.join("data"), &out) {
        panic!("compiling the name lists: {e}");
    }
    if let Err(e) = lang::write(&root.join("data").join("lang"), &out) {
        panic!("compiling the word lists: {e}");
    }
}
