// A spec with an unknown type: the macro reports FILE:LINE:COL and the parser's hint.
// trybuild builds this file in target/tests/trybuild/taobao-api-tests/, which is the
// CARGO_MANIFEST_DIR the macro resolves against; hence the path back to tests/ui/.
mod bindings {
    taobao_api_macros::include_specs!("../../../../tests/ui/broken-spec");
}

fn main() {}
