//! Build script: compiles the name lists of `data/` into finite-state transducers (`fst`), so the binary
//! starts without parsing or hashing anything (see `build/gazetteer.rs`).

#[path = "build/gazetteer.rs"]
mod gazetteer;
#[path = "src/entities/gazetteer/key.rs"]
mod key;
#[path = "src/lang/lines.rs"]
mod lists;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/entities/gazetteer/key.rs");
    println!("cargo::rerun-if-changed=src/lang/lines.rs");
    let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = gazetteer::write(&root.join("data"), &out) {
        panic!("compiling the name lists: {e}");
    }
}
