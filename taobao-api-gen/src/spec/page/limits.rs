//! The 更多限制 cells: `最大长度:64`, `最大列表长度:20`, `最小值:1`, `最大值:100`, `默认值:false`
//! (read after NFKC, so fullwidth `最大长度：64` is the same).

use super::lines::nfkc;
use crate::diag::Diagnostic;
use crate::ir::{Param, Span};

const KEYS: [&str; 5] = ["最大长度", "最大列表长度", "最小值", "最大值", "默认值"];

/// Every `key:value` of a cell. A cell may hold several (`最小值:1 最大值:100`, as a markdown
/// copy joins the column's lines); `None` unless the cell starts with one.
fn split(text: &str) -> Option<Vec<(&'static str, String)>> {
    let n = nfkc(text);
    let mut rest = n.trim();
    let (mut key, after) = key_at(rest)?;
    rest = after;
    let mut out = Vec::new();
    loop {
        // The value runs to the next key that follows a separator.
        let next = rest
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace() || c == ',' || c == ';')
            .find_map(|(i, c)| {
                let tail =
                    rest[i + c.len_utf8()..].trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
                key_at(tail).map(|found| (i, found))
            });
        match next {
            Some((end, (next_key, after))) => {
                out.push((key, value_text(&rest[..end])));
                key = next_key;
                rest = after;
            }
            None => {
                out.push((key, value_text(rest)));
                return Some(out);
            }
        }
    }
}

/// A key and `:` at the start of `text`, and the text after the colon.
fn key_at(text: &str) -> Option<(&'static str, &str)> {
    KEYS.iter().find_map(|&key| {
        let value = text.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        Some((key, value))
    })
}

fn value_text(raw: &str) -> String {
    raw.trim().trim_end_matches([',', ';']).trim().to_string()
}

/// True for a 更多限制 cell.
pub fn is_limit(text: &str) -> bool {
    split(text).is_some()
}

/// Puts a 更多限制 cell into `p`; an unreadable number is a warning.
pub fn apply(text: &str, span: Span, p: &mut Param, diags: &mut Vec<Diagnostic>) {
    for (key, value) in split(text).unwrap_or_default() {
        apply_one(key, value, span, p, diags);
    }
}

fn apply_one(key: &str, value: String, span: Span, p: &mut Param, diags: &mut Vec<Diagnostic>) {
    let bad = |diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::warning(
                span,
                format!("`{key}` of `{}` is not a whole number: `{value}`", p.name),
            )
            .with_hint(format!("write it as `{key}:64`")),
        )
    };
    match key {
        "最大长度" => match value.parse() {
            Ok(v) => p.limits.max_length = Some(v),
            Err(_) => bad(diags),
        },
        "最大列表长度" => match value.parse() {
            Ok(v) => p.limits.max_list_size = Some(v),
            Err(_) => bad(diags),
        },
        "最小值" => match value.parse() {
            Ok(v) => p.limits.min_value = Some(v),
            Err(_) => bad(diags),
        },
        "最大值" => match value.parse() {
            Ok(v) => p.limits.max_value = Some(v),
            Err(_) => bad(diags),
        },
        _ => p.default = Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Limits, TypeRef};

    #[test]
    fn limits_and_defaults() {
        let mut p = Param::new("x", TypeRef::default());
        let mut diags = Vec::new();
        for cell in [
            "最大长度:64",
            "最大列表长度：20",
            "最小值: -1",
            "最大值:100",
            "默认值:false",
            "描述",
        ] {
            apply(cell, Span::default(), &mut p, &mut diags);
        }
        assert_eq!(
            p.limits,
            Limits {
                max_length: Some(64),
                max_list_size: Some(20),
                min_value: Some(-1),
                max_value: Some(100)
            }
        );
        assert_eq!(p.default.as_deref(), Some("false"));
        assert!(diags.is_empty());
        apply("最大长度:abc", Span::default(), &mut p, &mut diags);
        assert_eq!(diags.len(), 1);
        assert!(!is_limit("最大长度是64"));
    }

    #[test]
    fn one_cell_may_hold_several_limits() {
        let mut p = Param::new("x", TypeRef::default());
        let mut diags = Vec::new();
        apply("最小值:1 最大值:100", Span::default(), &mut p, &mut diags);
        apply("最大长度：64；默认值：a b", Span::default(), &mut p, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            p.limits,
            Limits {
                max_length: Some(64),
                max_list_size: None,
                min_value: Some(1),
                max_value: Some(100)
            }
        );
        assert_eq!(p.default.as_deref(), Some("a b"));
    }
}
