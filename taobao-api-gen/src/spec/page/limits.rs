//! The 更多限制 cells: `最大长度:64`, `最大列表长度:20`, `最小值:1`, `最大值:100`, `默认值:false`
//! (read after NFKC, so fullwidth `最大长度：64` is the same).

use super::lines::nfkc;
use crate::diag::Diagnostic;
use crate::ir::{Param, Span};

const KEYS: [&str; 5] = ["最大长度", "最大列表长度", "最小值", "最大值", "默认值"];

fn split(text: &str) -> Option<(&'static str, String)> {
    let n = nfkc(text);
    let n = n.trim();
    for key in KEYS {
        if let Some(rest) = n.strip_prefix(key) {
            if let Some(value) = rest.trim_start().strip_prefix(':') {
                return Some((key, value.trim().to_string()));
            }
        }
    }
    None
}

/// True for a 更多限制 cell.
pub fn is_limit(text: &str) -> bool {
    split(text).is_some()
}

/// Puts a 更多限制 cell into `p`; an unreadable number is a warning.
pub fn apply(text: &str, span: Span, p: &mut Param, diags: &mut Vec<Diagnostic>) {
    let Some((key, value)) = split(text) else { return };
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
}
