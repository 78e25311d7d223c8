//! What the macro user sees for a broken spec: one `compile_error!` on the path literal, naming
//! the spec file, line and column with the parser's hint (trybuild pins the text).

#[test]
fn broken_specs_are_compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
