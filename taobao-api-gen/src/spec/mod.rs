//! Spec readers: spec text in any supported dialect -> [`Api`] IR plus diagnostics.
//!
//! The dialect is detected from the content (not only the file extension); each reader builds
//! the same IR, then the format-independent description analysis (`describe`) adds enums,
//! conditional rules and notes.

pub mod html;
pub mod html_text;
pub mod json;
pub mod page;
pub mod types;

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
///
/// Page text may hold XML examples whose element names start like HTML tags (`<headers>`,
/// `<meta_def>`), so an HTML marker counts only as a whole tag name and only when it comes
/// before the page's first parameter heading.
pub fn detect_format(path: &str, text: &str) -> SourceFormat {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') || head.starts_with('[') {
        return SourceFormat::Json;
    }
    let is_html_ext = path.ends_with(".html") || path.ends_with(".htm");
    if head.starts_with('<') && (is_html_ext || !head.starts_with("<?xml")) {
        return SourceFormat::Html;
    }
    let first_heading = ["请求参数", "响应参数", "名称"]
        .iter()
        .filter_map(|h| head.find(h))
        .min();
    if let Some(marker) = first_html_marker(head)
        && first_heading.is_none_or(|h| marker < h)
    {
        return SourceFormat::Html;
    }
    if path.ends_with(".json") && head.is_empty() {
        return SourceFormat::Json;
    }
    SourceFormat::PageText
}

/// Byte offset of the first whole HTML structure tag (`<table>`, `<div class=..>`, ...).
fn first_html_marker(text: &str) -> Option<usize> {
    const TAGS: [&str; 9] = ["!doctype", "html", "head", "body", "table", "div", "meta", "tr", "td"];
    text.match_indices('<').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        TAGS.iter().find_map(|tag| {
            let after = rest.get(..tag.len()).filter(|t| t.eq_ignore_ascii_case(tag))?;
            let next = rest[after.len()..].chars().next()?;
            (next == '>' || next == '/' || next.is_whitespace()).then_some(i)
        })
    })
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
    warn_duplicate_names(&api, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.severity)));
    Parsed { api, diagnostics }
}

/// A wire name twice in one parameter list can only be sent once; the generated code keeps the
/// first row (see `naming`), so say which row is left out rather than drop it silently.
fn warn_duplicate_names(api: &Api, diagnostics: &mut Vec<Diagnostic>) {
    fn walk(params: &[crate::ir::Param], owner: &str, diagnostics: &mut Vec<Diagnostic>) {
        for (i, p) in params.iter().enumerate() {
            if params[..i].iter().any(|q| q.name == p.name) {
                diagnostics.push(
                    Diagnostic::warning(
                        p.span.unwrap_or_default(),
                        format!("`{}` occurs twice in {owner}; the bindings keep the first row", p.name),
                    )
                    .with_hint("the wire carries one value per name: delete the duplicate row or rename it"),
                );
            }
            walk(&p.children, &format!("`{}`", p.name), diagnostics);
        }
    }
    walk(&api.request, "the request parameters", diagnostics);
    walk(&api.response, "the response parameters", diagnostics);
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
    fn duplicate_wire_names_are_warned_about() {
        let text = r#"{"name": "taobao.x", "requestParams": [{"name": "a", "type": "String"},
            {"name": "o", "type": "Obj", "subParams": [{"name": "b", "type": "String"}, {"name": "b", "type": "Number"}]},
            {"name": "a", "type": "Number"}]}"#;
        let parsed = parse("x.json", text);
        let warnings: Vec<_> = parsed.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            warnings,
            [
                "`b` occurs twice in `o`; the bindings keep the first row",
                "`a` occurs twice in the request parameters; the bindings keep the first row"
            ]
        );
        let second_b = text.rfind("\"b\"").unwrap();
        assert_eq!(parsed.diagnostics[0].span.start, second_b);
    }

    #[test]
    fn empty_spec_is_one_error() {
        let parsed = parse("specs/empty.txt", "");
        assert!(parsed.has_errors());
        assert_eq!(parsed.diagnostics[0].message, "the spec file is empty");
    }
}
