//! Spec readers: spec text in any supported dialect -> [`Api`] IR plus diagnostics.
//!
//! The dialect is detected from the content (not only the file extension); each reader builds
//! the same IR, then the format-independent description analysis (`describe`) adds enums,
//! conditional rules and notes.

pub mod html;
pub mod html_text;
pub mod json;
pub mod page;

use crate::describe;
use crate::diag::Diagnostic;
use crate::ir::{Api, SourceFormat, Span};

/// The result of reading one spec: whatever could be recovered, and every finding.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The IR; partial when there are errors.
    pub api: Api,
    /// Errors, warnings and notes, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Which reader a spec text needs, from its content; `path` breaks ties by extension.
pub fn detect_format(path: &str, text: &str) -> SourceFormat {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') || head.starts_with('[') {
        return SourceFormat::Json;
    }
    let lower_head: String = head.chars().take(2048).collect::<String>().to_ascii_lowercase();
    let html_markers = ["<!doctype html", "<html", "<table", "<body", "<div", "<head", "<meta"];
    if html_markers.iter().any(|m| lower_head.contains(m)) || (head.starts_with('<') && path.ends_with(".html")) {
        return SourceFormat::Html;
    }
    if path.ends_with(".json") && head.is_empty() {
        return SourceFormat::Json;
    }
    SourceFormat::PageText
}

/// Reads one spec of any dialect. Never panics.
pub fn parse(path: &str, text: &str) -> Parsed {
    let (mut api, mut diagnostics) = match detect_format(path, text) {
        SourceFormat::Json => json::parse(text),
        SourceFormat::Html => html::parse(text),
        SourceFormat::PageText | SourceFormat::Markdown => page::parse(text),
    };
    if text.trim().is_empty() {
        diagnostics.retain(|d| !d.is_error());
        diagnostics.insert(
            0,
            Diagnostic::error(Span::new(0, 0), "the spec file is empty").with_hint(
                "paste the whole doc page (from `文档中心 >` down to 错误码解释), its JSON record or its saved HTML",
            ),
        );
    }
    describe::enrich(&mut api, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.severity)));
    Parsed { api, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_detected_from_content() {
        assert_eq!(detect_format("a.txt", " {\"name\": 1}"), SourceFormat::Json);
        assert_eq!(detect_format("a.txt", "<!DOCTYPE html><html>"), SourceFormat::Html);
        assert_eq!(
            detect_format("a.json", "<table><tr><td>名称</td></tr></table>"),
            SourceFormat::Html
        );
        assert_eq!(detect_format("a.html", "文档中心 > API类目"), SourceFormat::PageText);
        assert_eq!(
            detect_format("a.txt", "名称 | 类型 | 是否必须 |"),
            SourceFormat::PageText
        );
    }

    #[test]
    fn empty_spec_is_one_error() {
        let parsed = parse("specs/empty.txt", "");
        assert!(parsed.has_errors());
        assert_eq!(parsed.diagnostics[0].message, "the spec file is empty");
    }
}
