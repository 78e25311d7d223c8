//! Broken specs in `tests/bad-specs/` (page text `*.txt`/`*.md`, JSON records `*.json`, saved
//! pages `*.html`): each must produce its diagnostics, rendered as `taobao-api-gen check` prints
//! them, exactly as in the committed `*.stderr` beside it (so two specs may not share a stem).
//! `BLESS=1 cargo test --test bad_specs` rewrites the expected files (review the diff).

use std::path::Path;

#[test]
fn bad_specs_render_their_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-specs");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/bad-specs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ["txt", "md", "json", "html"].iter().any(|x| e == *x))
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 9, "expected the bad-spec pages, found {pages:?}");
    let mut stems: Vec<_> = pages.iter().map(|p| p.file_stem()).collect();
    stems.dedup();
    assert_eq!(stems.len(), pages.len(), "two bad specs share a `.stderr`");
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
        let shown = format!("tests/bad-specs/{name}");
        let text = std::fs::read_to_string(page).expect("page");
        let parsed = taobao_api_gen::parse(&shown, &text);
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.severity >= taobao_api_gen::Severity::Warning),
            "{name}: a broken page must be diagnosed"
        );
        assert!(
            parsed.diagnostics.iter().all(|d| d.hint.is_some()),
            "{name}: every diagnostic needs a hint"
        );
        let rendered: String = parsed.diagnostics.iter().map(|d| d.render(&shown, &text)).collect();
        let expected_path = page.with_extension("stderr");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &rendered).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if rendered != expected {
            failures.push(format!("--- {name}: expected\n{expected}--- got\n{rendered}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn error_pages_are_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-specs");
    for name in [
        "empty.txt",
        "no-request-table.txt",
        "truncated-table.txt",
        "missing-columns.txt",
        "unknown-type.txt",
        "unknown-type-record.json",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("page");
        assert!(
            taobao_api_gen::parse(name, &text).has_errors(),
            "{name} must have an error"
        );
    }
}
