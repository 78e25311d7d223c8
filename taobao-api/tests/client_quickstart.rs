//! The README's first command must keep working: runs the quickstart's own `main` (the example
//! file, included as a module) against its embedded mock gateway. The example returns an error
//! when a call fails or a validation error does not appear.

#[path = "../examples/quickstart.rs"]
mod quickstart;

#[test]
fn the_quickstart_runs_against_the_embedded_mock() {
    let real = ["TOP_APP_KEY", "TOP_APP_SECRET", "TOP_GATEWAY"];
    assert!(
        real.iter().any(|k| std::env::var_os(k).is_none()),
        "unset TOP_APP_KEY/TOP_APP_SECRET/TOP_GATEWAY to test against the mock"
    );
    if let Err(e) = quickstart::main() {
        panic!("the quickstart failed: {e}");
    }
}
