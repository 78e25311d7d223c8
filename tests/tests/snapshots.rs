//! Snapshots of every spec in `specs/`, discovered by glob: the formatted generated code
//! (`generate@<file>.snap`) and, for the hand-written formats, the IR (`ir@<file>.snap`). A new spec gets new snapshots with no
//! edit here: drop the file, run `cargo insta test --accept`, review the `.snap` files.

use std::path::Path;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn read(path: &Path) -> (String, taobao_api_gen::Api) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let parsed = taobao_api_gen::parse(&format!("specs/{name}"), &text);
    assert!(!parsed.has_errors(), "{name}: {:?}", parsed.diagnostics);
    (name, parsed.api)
}

#[test]
fn generate() {
    settings().bind(|| {
        insta::glob!("../../specs", "*.{txt,md,json,html,htm}", |path| {
            let (_, api) = read(path);
            insta::assert_snapshot!(taobao_api_gen::format_code(taobao_api_gen::generate(&api)).unwrap());
        });
    });
}

/// The IR of the hand-written formats (page text, markdown, HTML); a JSON record's IR is the
/// record itself, read field by field (its generated code is snapshotted above).
#[test]
fn ir() {
    settings().bind(|| {
        insta::glob!("../../specs", "*.{txt,md,html,htm}", |path| {
            let (_, api) = read(path);
            insta::assert_json_snapshot!(api);
        });
    });
}
