//! Rustdoc text from the spec's Chinese descriptions, made safe for rustdoc: markdown and HTML
//! metacharacters escaped (so `[x]` is no broken intra-doc link and `<String>` no unclosed HTML
//! tag), bare URLs wrapped in `<>`, lines trimmed (no accidental indented code blocks), and a
//! last line with the wire name, the example value and the rules.

use crate::ir::{Limits, Param, Rule};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A string literal token with the same text as `proc_macro2::Literal::string(s)` (what
/// `quote!` makes of a `String`), built faster on the Chinese text of the doc pages: the
/// generic path escapes each character through `char::escape_debug`, which looks up
/// printability in Unicode tables, and CJK text spends most of codegen's time there. The
/// characters of [`plain`] are copied as they are (which `escape_debug` does too, see the test
/// `plain_characters_are_their_own_escape`); every other one is escaped exactly as proc-macro2
/// does. Pure speed: the generated code is byte-identical.
pub(crate) fn str_lit(s: &str) -> Literal {
    let mut repr = String::with_capacity(s.len() + 2);
    repr.push('"');
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if plain(c) {
            repr.push(c);
        } else if c == '\0' {
            // As proc-macro2: `\0` followed by an octal digit would read as another escape.
            let octal_next = chars.as_str().starts_with(|n: char| ('0'..='7').contains(&n));
            repr.push_str(if octal_next { r"\x00" } else { r"\0" });
        } else if c == '\'' {
            repr.push(c);
        } else {
            repr.extend(c.escape_debug());
        }
    }
    repr.push('"');
    // The text is a well-formed literal by construction; the fallback only guards that.
    repr.parse().unwrap_or_else(|_| Literal::string(s))
}

/// Characters that stand for themselves in a string literal: printable ASCII but `"`, `\`, `'`,
/// and the CJK ranges the doc pages are written in (punctuation, unified ideographs, fullwidth
/// forms).
fn plain(c: char) -> bool {
    matches!(c, ' '..='~' if !matches!(c, '"' | '\\' | '\''))
        || matches!(c, '\u{3001}'..='\u{3029}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}')
}

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
        let text = str_lit(&text);
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
    use proptest::prelude::*;

    #[test]
    fn plain_characters_are_their_own_escape() {
        let plain_chars = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| plain(c));
        let mut n = 0;
        for c in plain_chars {
            assert!(c.escape_debug().eq([c]), "{c:?} is escaped as {}", c.escape_debug());
            n += 1;
        }
        assert_eq!(n, 92 + 41 + 20992 + 94);
    }

    #[test]
    fn string_literals_are_the_ones_proc_macro2_makes() {
        let cases = [
            "",
            "plain ascii, 'quoted' and \"double\" \\ backslash",
            "\x001 \x008 \x00a \0",
            "tab\tnewline\ncr\r\u{7f}\u{1b}",
            "订单号（必填）：请输入【商家编码】、“说明”。",
            "\u{3000}全角空格\u{302A}\u{302E}",
            "e\u{301} \u{200B}\u{FEFF}\u{2028} é ü Ωµ 😀 \u{E000} \u{FFFD}",
            "\u{FF01}\u{FF5E}\u{FF5F}\u{FFE5}￥",
        ];
        for s in cases {
            assert_eq!(str_lit(s).to_string(), Literal::string(s).to_string(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn any_string_literal_is_the_one_proc_macro2_makes(s in any::<String>()) {
            prop_assert_eq!(str_lit(&s).to_string(), Literal::string(&s).to_string());
        }

        #[test]
        fn any_cjk_heavy_literal_is_the_one_proc_macro2_makes(
            s in "[a-z\"\\\\'\\x00-\\x1f0-7 \u{3000}-\u{303F}\u{4E00}-\u{4E20}\u{9FF0}-\u{9FFF}\u{FF00}-\u{FF65}\u{0300}-\u{0310}]*"
        ) {
            prop_assert_eq!(str_lit(&s).to_string(), Literal::string(&s).to_string());
        }
    }

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
