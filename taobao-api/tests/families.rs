//! Pay per use: the crate compiles the specs of exactly the API families whose cargo feature is
//! on (`cargo test -p taobao-api`: the defaults; `cargo test --workspace`: every family, which
//! the tests crate enables).

use std::collections::BTreeSet;

/// The family of a method as its cargo feature name reads in `CARGO_FEATURE_*` (lower case,
/// `_` for `-`): the method's first two segments.
fn family(method: &str) -> String {
    method
        .split('.')
        .take(2)
        .collect::<Vec<_>>()
        .join("_")
        .replace('-', "_")
}

fn shipped_methods() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/specs");
    let mut methods: Vec<String> = std::fs::read_dir(dir)
        .expect("specs/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "json" | "html" | "htm")
            )
        })
        .map(|p| p.file_stem().and_then(|s| s.to_str()).expect("utf-8 name").to_owned())
        .collect();
    methods.sort();
    methods
}

#[test]
fn exactly_the_enabled_families_are_compiled() {
    let enabled: BTreeSet<&str> = env!("TAOBAO_API_FEATURES").split(',').collect();
    let expected: BTreeSet<String> = shipped_methods()
        .into_iter()
        .filter(|m| enabled.contains(family(m).as_str()))
        .collect();
    let compiled: BTreeSet<String> = taobao_api::ALL_METHODS.iter().map(|m| m.to_string()).collect();
    assert_eq!(compiled, expected, "features on: {enabled:?}");
    let infos: BTreeSet<String> = taobao_api::APIS.iter().map(|i| i.method.to_string()).collect();
    assert_eq!(infos, expected);
    assert!(!compiled.is_empty());
    if !enabled.contains("full") {
        assert!(
            compiled
                .iter()
                .all(|m| m.starts_with("taobao.logistics.") || m.starts_with("cainiao.waybill.")),
            "only the default families without feature flags"
        );
    }
}

#[test]
fn every_shipped_spec_is_named_after_its_method() {
    // The family check above reads methods from file names; a spec named otherwise would escape it.
    for method in shipped_methods() {
        assert!(
            method.split('.').count() >= 3
                && method
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
            "{method}"
        );
    }
    #[cfg(feature = "full")]
    {
        let compiled: BTreeSet<&str> = taobao_api::ALL_METHODS.iter().copied().collect();
        let files = shipped_methods();
        assert_eq!(compiled.len(), files.len());
        assert!(files.iter().all(|f| compiled.contains(f.as_str())));
    }
}
