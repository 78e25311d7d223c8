// A valid spec in a crate whose Cargo.toml has no `taobao-api` dependency (this crate's case:
// it depends on the macro crate only; so is an application whose dependency is renamed in the
// workspace's manifest, `tb.workspace = true`). Without `crate = ...` the generated code's
// `::taobao_api` paths could not resolve: one error saying to name the dependency, instead of
// rustc's "could not find `taobao_api`" on every generated item.
mod bindings {
    taobao_api_macros::include_specs!("$TAOBAO_API_TESTS_DIR/ui/valid-spec");
}

fn main() {}
