//! taobao-api-gen: reads Taobao Open Platform (TOP) API doc pages into one IR and turns the IR
//! into Rust bindings.
//!
//! Pipeline: [`parse`] (any spec dialect -> [`ir::Api`] + [`diag::Diagnostic`]s) ->
//! [`generate`] / [`generate_all`] (IR -> `TokenStream`). The IR is the only contract between the
//! two halves.
#![deny(missing_docs)]

pub mod access;
pub mod codegen;
pub mod describe;
pub mod diag;
#[cfg(feature = "cli")]
pub mod diff;
pub mod duplicates;
pub mod families;
pub mod format;
pub mod ir;
pub mod naming;
pub mod outline;
/// IR -> doc-page text and HTML (maintainer tooling; kept out of the proc-macro's build).
#[cfg(feature = "cli")]
pub mod render;
pub mod spec;

pub use codegen::{Options, family, generate, generate_all, generate_all_with};
pub use diag::{Diagnostic, LineIndex, Severity};
pub use format::format_code;
pub use ir::Api;
pub use spec::Parsed;

/// Reads one spec file's text (page text, markdown layout, JSON record or saved HTML).
/// `path` is used for format detection by extension and nothing else.
pub fn parse(path: &str, text: &str) -> Parsed {
    spec::parse(path, text)
}
