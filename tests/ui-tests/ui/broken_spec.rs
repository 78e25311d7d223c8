// Specs with misspelt types: one compile error per error, in file and source order, each with
// FILE:LINE:COL, the spec line with a caret under the type, and the parser's hint.
// trybuild builds this file in a scratch crate under the target directory, which may be
// anywhere (CI may point CARGO_TARGET_DIR outside the clone): ui.rs sets TAOBAO_API_TESTS_DIR.
mod bindings {
    taobao_api_macros::include_specs!("$TAOBAO_API_TESTS_DIR/ui/broken-spec");
}

fn main() {}
