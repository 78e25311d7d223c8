//! A spec file added to (or removed from) `specs/` must rebuild the bindings: `include_specs!`
//! tracks the files it read, but only cargo can notice a new one, through this line (a
//! directory's modification time changes when an entry is added or removed).
fn main() {
    println!("cargo::rerun-if-changed=specs");
}
