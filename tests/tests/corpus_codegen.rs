//! Codegen over real doc-center records (`../shared/corpus`, read at test time): every logistics
//! API generates syntactically valid Rust with no panic, and type names stay unique per module.
//! (That the output also compiles cleanly was checked by expanding `include_specs!` over the
//! same records in a scratch crate; see the report of issue 4.)

use std::collections::BTreeSet;

#[test]
fn logistics_records_generate_valid_rust() {
    let Some(corpus) = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"))
        .canonicalize()
        .ok()
    else {
        eprintln!("note: ../shared/corpus not found; skipping");
        return;
    };
    let names = std::fs::read_to_string(corpus.join("logistics.txt")).unwrap();
    let mut apis = Vec::new();
    for name in names.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(text) = std::fs::read_to_string(corpus.join("top-docs").join(format!("{name}.json"))) else {
            continue;
        };
        let parsed = taobao_api_gen::parse(&format!("{name}.json"), &text);
        if parsed.has_errors() {
            continue;
        }
        let file: syn::File = syn::parse2(taobao_api_gen::generate(&parsed.api))
            .unwrap_or_else(|e| panic!("{name}: generated code does not parse: {e}"));
        let module = match &file.items[0] {
            syn::Item::Mod(m) => m,
            _ => panic!("{name}: the first item is not the module"),
        };
        let mut seen = BTreeSet::new();
        for item in &module.content.as_ref().unwrap().1 {
            let id = match item {
                syn::Item::Struct(s) => s.ident.to_string(),
                syn::Item::Enum(e) => e.ident.to_string(),
                _ => continue,
            };
            assert!(seen.insert(id.clone()), "{name}: type {id} defined twice");
        }
        apis.push(parsed.api);
    }
    assert!(apis.len() > 400, "only {} records read", apis.len());
    let all: syn::File = syn::parse2(taobao_api_gen::generate_all(&apis)).unwrap();
    assert!(all.items.len() > apis.len());
}
