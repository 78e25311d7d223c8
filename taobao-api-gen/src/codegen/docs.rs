//! Rustdoc text from the spec's Chinese descriptions, made safe for rustdoc: markdown and HTML
//! metacharacters escaped (so `[x]` is no broken intra-doc link and `<String>` no unclosed HTML
//! tag), bare URLs wrapped in `<>`, lines trimmed (no accidental indented code blocks), and a
//! last line with the wire name, the example value and the rules.

use crate::ir::{Limits, Param, Rule};
use proc_macro2::TokenStream;
use quote::quote;

/// Escapes one line of description text for rustdoc markdown.
pub(crate) fn sanitize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line.trim();
    while !rest.is_empty() {
        if let Some(len) = url_len(rest) {
            out.push('<');
            out.push_str(&rest[..len]);
            out.push('>');
            rest = &rest[len..];
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        // Control characters (a `\u0000` in a JSON record) would make the snapshot a binary file
        // for git and mean nothing in rustdoc: a tab reads as a space, the rest is dropped.
        if c.is_control() {
            if c == '\t' {
                out.push(' ');
            }
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Length of a URL at the start of `s` (`http://` or `https://` up to whitespace or a
/// character that cannot end a URL in running text).
fn url_len(s: &str) -> Option<usize> {
    if !(s.starts_with("http://") || s.starts_with("https://")) {
        return None;
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"' | '`' | ')' | ']'))
        .map_or(s.len(), |(i, _)| i);
    let trimmed = s[..end].trim_end_matches(['.', ',', ';', ':']);
    (trimmed.len() > "https://".len()).then_some(trimmed.len())
}

/// Inline code for a value; values holding backticks fall back to escaped text.
pub(crate) fn code(value: &str) -> String {
    if value.contains('`') || value.trim() != value || value.is_empty() || value.chars().any(char::is_control) {
        format!("\"{}\"", sanitize(value))
    } else {
        format!("`{value}`")
    }
}

/// `#[doc = ...]` attributes, one per line (blank lines kept as paragraph breaks).
pub(crate) fn attrs(lines: &[String]) -> TokenStream {
    let mut out = TokenStream::new();
    for line in lines {
        let text = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        out.extend(quote!(#[doc = #text]));
    }
    out
}

/// The description lines of a parameter (sanitized), or `fallback` when it has none.
pub(crate) fn description(param: &Param, fallback: impl FnOnce() -> String) -> Vec<String> {
    let lines: Vec<String> = param
        .description
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(sanitize)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() { vec![fallback()] } else { lines }
}

/// Doc lines of a request or response field: the description with the facts the Rust type does
/// not show appended to its last line (` — wire `x` when it differs from the field's name,
/// required, limits, rules, example `x`.`); documented values are on the enum type, not repeated
/// here; then notes as paragraphs.
pub(crate) fn field(param: &Param, ident: &str, request: bool, note: Option<&str>) -> Vec<String> {
    let mut facts = Vec::new();
    if ident.trim_start_matches("r#") != param.name {
        facts.push(format!("wire {}", code(&param.name)));
    }
    // One `.required()` rule in the schema, so one fact: a nested field required whenever its
    // object is present says so once, whether the page marked it required, wrote the rule, or both.
    let required_in_parent = param.rules.iter().any(|r| matches!(r, Rule::RequiredInParent { .. }));
    if request && required_in_parent {
        facts.push("required in every enclosing object".into());
    } else if request && param.required {
        facts.push("required".into());
    }
    facts.extend(limits(&param.limits));
    if let Some(d) = &param.default {
        facts.push(format!("default {}", code(d)));
    }
    for rule in &param.rules {
        facts.push(match rule {
            Rule::RequiredInParent { .. } => continue,
            Rule::RequiredWhen { field, equals, .. } => format!("required when {} is {}", code(field), code(equals)),
        });
    }
    if let Some(example) = &param.example {
        facts.push(format!("example {}", code(example)));
    }
    let fact_line = if facts.is_empty() {
        String::new()
    } else {
        format!("{}.", facts.join(", "))
    };
    let mut lines: Vec<String> = param
        .description
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(sanitize)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.last_mut() {
        Some(last) if !fact_line.is_empty() => {
            last.push_str(" — ");
            last.push_str(&fact_line);
        }
        Some(_) => {}
        None if fact_line.is_empty() => lines.push(format!("Field {}.", code(&param.name))),
        None => lines.push(fact_line),
    }
    for n in &param.notes {
        lines.push(String::new());
        lines.push(format!("Note: {}", sanitize(n)));
    }
    if let Some(n) = note {
        lines.push(String::new());
        lines.push(format!("Mapping: {}.", sanitize(n)));
    }
    lines
}

fn limits(l: &Limits) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = l.max_length {
        out.push(format!("max length {m} (UTF-16 units)"));
    }
    if let Some(m) = l.max_list_size {
        out.push(format!("at most {m} items"));
    }
    if let Some(m) = l.min_value {
        out.push(format!("min {m}"));
    }
    if let Some(m) = l.max_value {
        out.push(format!("max {m}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizing() {
        let cases = [
            (
                "图片访问url http://ssss.xxxx.com/xxx.jpg",
                r"图片访问url <http://ssss.xxxx.com/xxx.jpg>",
            ),
            ("见(https://a.b/c)。", r"见(<https://a.b/c>)。"),
            ("List<String> [a] *b* `c`", r"List\<String\> \[a\] \*b\* \`c\`"),
            ("    indented", "indented"),
            ("phone_call_info_list", r"phone\_call\_info\_list"),
            ("&quot;", r"\&quot;"),
            ("a\u{0}b\tc\u{7f}d", "ab cd"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize(input), want, "{input}");
        }
        assert_eq!(code("10"), "`10`");
        assert_eq!(code("a`b"), "\"a\\`b\"");
        assert_eq!(code("x\u{0}y"), "\"xy\"");
    }
}
