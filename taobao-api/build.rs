//! Rebuilds the bindings when a spec is added, changed or removed: the `include_specs!`
//! expansion tracks each file it read with `include_bytes!`, and this directory watch catches
//! new and deleted files (checked on rustc 1.95; `proc_macro::tracked_path` is nightly-only).
//!
//! Also hands the enabled cargo features to the crate's tests (`TAOBAO_API_FEATURES`), so they
//! can check that exactly the enabled families were compiled.

fn main() {
    println!("cargo::rerun-if-changed=specs");
    println!("cargo::rerun-if-changed=build.rs");
    let mut features: Vec<String> = std::env::vars()
        .filter_map(|(key, _)| key.strip_prefix("CARGO_FEATURE_").map(|f| f.to_lowercase()))
        .collect();
    features.sort();
    println!("cargo::rustc-env=TAOBAO_API_FEATURES={}", features.join(","));
}
