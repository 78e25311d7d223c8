//! What the macro user sees for a broken spec or a missing runtime dependency: one
//! `compile_error!` per error on the path literal, naming the spec file, line and column,
//! showing the spec line with a caret and the parser's hint (trybuild pins the text).

#[test]
fn broken_specs_are_compile_errors() {
    // SAFETY: set before trybuild spawns cargo, while this test is the only thread reading the
    // environment; the variable only tells the macro (in the child rustc) where this crate is.
    unsafe { std::env::set_var("TAOBAO_API_TESTS_DIR", env!("CARGO_MANIFEST_DIR")) };
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
