//! Reader for doc-page text as copied from the TOP doc center (bullet and markdown layouts).

use crate::diag::Diagnostic;
use crate::ir::{Api, SourceFormat, Span};

/// Reads page text.
pub fn parse(text: &str) -> (Api, Vec<Diagnostic>) {
    let api = Api {
        source_format: SourceFormat::PageText,
        ..Api::default()
    };
    let diags = vec![Diagnostic::error(
        Span::new(0, text.len().min(1)),
        "page-text reader: work in progress",
    )];
    (api, diags)
}
