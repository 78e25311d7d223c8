//! Rebuilds the bindings when a spec is added, changed or removed: the `include_specs!`
//! expansion tracks each file it read with `include_bytes!`, and this directory watch catches
//! new and deleted files (checked on rustc 1.95; `proc_macro::tracked_path` is nightly-only).

fn main() {
    println!("cargo::rerun-if-changed=specs");
    println!("cargo::rerun-if-changed=build.rs");
}
