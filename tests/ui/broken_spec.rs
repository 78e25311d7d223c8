// A spec with an unknown type: the macro reports FILE:LINE:COL and the parser's hint.
// trybuild builds this file in a scratch crate under the target directory, which may be
// anywhere (CI may point CARGO_TARGET_DIR outside the clone): ui.rs sets TAOBAO_API_TESTS_DIR.
mod bindings {
    taobao_api_macros::include_specs!("$TAOBAO_API_TESTS_DIR/ui/broken-spec");
}

fn main() {}
