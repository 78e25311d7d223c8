//! Line classification: splits page text into lines with byte offsets and recognises the
//! structural lines (section headings, table header rows, bullets, pipe rows, code line numbers).
//!
//! Classification compares NFKC-normalised text (fullwidth `：（）` read as ASCII) but never
//! slices it: every span points into the original text.

use crate::ir::Span;
use unicode_normalization::UnicodeNormalization;

/// NFKC form of `s`, for comparisons only.
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// One line of the page, without its line break.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// Byte offset of the line's first character in the page.
    pub start: usize,
    /// The line, without `\n` / `\r\n`.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// The line with surrounding whitespace removed, and the offset where that text starts.
    pub fn trimmed(&self) -> (&'a str, usize) {
        let t = self.text.trim_start();
        let start = self.start + (self.text.len() - t.len());
        (t.trim_end(), start)
    }

    /// Span of the trimmed content (an empty span at the line start for blank lines).
    pub fn span(&self) -> Span {
        let (t, start) = self.trimmed();
        Span::new(start, start + t.len())
    }

    /// True for a line holding only whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The body of a `  • ` bullet line, trimmed, with its offset.
    pub fn bullet(&self) -> Option<(&'a str, usize)> {
        let (t, start) = self.trimmed();
        let rest = t.strip_prefix('•').or_else(|| t.strip_prefix('·'))?;
        let body = rest.trim_start();
        Some((body, start + (t.len() - body.len())))
    }
}

/// Splits `text` into lines with their offsets (a leading BOM is skipped).
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let mut body = piece.strip_suffix('\n').unwrap_or(piece);
        body = body.strip_suffix('\r').unwrap_or(body);
        let mut line_start = start;
        if start == 0 && body.starts_with('\u{feff}') {
            line_start = '\u{feff}'.len_utf8();
            body = &body[line_start..];
        }
        out.push(Line {
            start: line_start,
            text: body,
        });
        start += piece.len();
    }
    out
}

/// Section headings of a doc page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// 公共参数.
    Common,
    /// 请求参数.
    Request,
    /// 响应参数.
    Response,
    /// 请求示例.
    RequestExample,
    /// 响应示例.
    ResponseExample,
    /// 异常示例.
    ErrorExample,
    /// 错误码解释.
    ErrorCodes,
    /// API工具, FAQ and the rest of the page chrome after the error codes.
    Tail,
}

/// The heading a trimmed line is, if any (`### 请求参数` counts too).
pub fn heading(trimmed: &str) -> Option<Heading> {
    let n = nfkc(trimmed);
    let n = n.trim_start_matches('#').trim();
    Some(match n {
        "公共参数" => Heading::Common,
        "请求参数" => Heading::Request,
        "响应参数" => Heading::Response,
        "请求示例" => Heading::RequestExample,
        "响应示例" => Heading::ResponseExample,
        "异常示例" => Heading::ErrorExample,
        "错误码解释" => Heading::ErrorCodes,
        "API工具" | "如何获得此API" | "FAQ" | "返回" | "顶部" | "返回顶部" => Heading::Tail,
        _ => return None,
    })
}

/// Table header rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// `名称 类型 是否必须 示例值 更多限制 描述`.
    Request,
    /// `名称 类型 示例值 描述`.
    Response,
    /// `错误码 错误描述 解决方案`.
    ErrorCodes,
}

/// The table header a trimmed line is, if any (space- or pipe-separated).
pub fn header(trimmed: &str) -> Option<Header> {
    let n = nfkc(trimmed);
    let words: Vec<&str> = n
        .split(|c: char| c == '|' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    match words.first() {
        Some(&"名称") if has("类型") => Some(if has("是否必须") {
            Header::Request
        } else {
            Header::Response
        }),
        Some(&"错误码") if has("错误描述") => Some(Header::ErrorCodes),
        _ => None,
    }
}

/// A markdown rule row (`---|---|`).
pub fn is_rule_row(trimmed: &str) -> bool {
    trimmed.contains("---") && trimmed.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t'))
}

/// Strips the `1 2 3 ... N ` line numbers that flattened code examples start with; returns the
/// code and how many bytes were removed.
pub fn strip_line_numbers(s: &str) -> (&str, usize) {
    let mut expected = 1u32;
    let mut pos = 0;
    let mut cut = 0;
    loop {
        let rest = &s[pos..];
        let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if token_len == 0 || rest[..token_len] != *expected.to_string() {
            break;
        }
        let after = &rest[token_len..];
        let ws = after.len() - after.trim_start().len();
        if ws == 0 {
            break;
        }
        pos += token_len + ws;
        cut = pos;
        expected += 1;
    }
    let code = &s[cut..];
    if code.is_empty() || code.starts_with(|c: char| c.is_ascii_digit()) {
        return (s, 0);
    }
    (code, cut)
}

/// `必须` / `可选` (and the `是`/`否`, `true`/`false` some copies use).
pub fn required_word(cell: &str) -> Option<bool> {
    match nfkc(cell).trim() {
        "必须" | "必填" | "是" | "true" => Some(true),
        "可选" | "选填" | "否" | "false" => Some(false),
        _ => None,
    }
}

/// A wire name: ASCII letters, digits, `_`, `.`, `-`, `$`, starting with a letter or `_`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '$'))
}

/// True when a cell reads as a declared type (`String`, `Number []`, `byte[]`, `XxxDTO`...).
pub fn is_type_text(s: &str) -> bool {
    use crate::ir::Ty;
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() || compact.len() > 120 {
        return false;
    }
    // Only `Type []` and `Field List` have inner spaces; `Payment url` is prose.
    let words = s.split_whitespace().count();
    if words > 2 || (words == 2 && !s.trim_end().ends_with("[]") && compact != "FieldList") {
        return false;
    }
    !matches!(Ty::parse(&compact).element(), Ty::Unknown(_))
}

/// A word in the type's place that is not a type name but is meant as one: one edit from a TOP
/// type, case ignored (`string`, `Numbr`), or a list of a name (`null[]`). The row is read as a
/// row, so that the type rule reports the type instead of the line being taken as text.
pub fn is_miswritten_type(s: &str) -> bool {
    use crate::spec::types::{TypeClass, classify};
    let list_of = s.strip_suffix("[]").map(|e| e.trim_end_matches("[]"));
    list_of.is_some_and(is_identifier) || matches!(classify(s, false), TypeClass::Misspelled { .. })
}

/// True for the scalar type names the doc center uses (not object types).
pub fn is_scalar_type_text(s: &str) -> bool {
    use crate::ir::Ty;
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    is_type_text(s) && !matches!(Ty::parse(&compact).element(), Ty::Object(_))
}

/// True when `s` holds a CJK character.
pub fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFD))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_stripped() {
        let cases = [
            ("1 2 3 <a>x</a>", "<a>x</a>"),
            ("1 TaobaoClient c", "TaobaoClient c"),
            ("12 3 x", "12 3 x"),
            ("1 2 3", "1 2 3"),
            ("<a>", "<a>"),
            ("1 2 4 x", "1 2 4 x"),
        ];
        for (input, code) in cases {
            let (got, cut) = strip_line_numbers(input);
            assert_eq!(got, code, "{input}");
            assert_eq!(&input[cut..], code);
        }
    }

    #[test]
    fn structural_lines() {
        assert_eq!(heading("请求参数"), Some(Heading::Request));
        assert_eq!(heading("### 响应参数"), Some(Heading::Response));
        assert_eq!(heading("请求参数说明"), None);
        assert_eq!(header("名称 类型 是否必须 示例值 更多限制 描述"), Some(Header::Request));
        assert_eq!(header("| 名称 | 类型 | 示例值 | 描述 |"), Some(Header::Response));
        assert_eq!(header("错误码 错误描述 解决方案"), Some(Header::ErrorCodes));
        assert_eq!(header("参数名称 | 类型 | 是否必须 | 描述"), None);
        assert!(is_rule_row("---|---|:---|"));
        assert!(is_type_text("PictureInfoReqDto []"));
        assert!(is_type_text("byte[]"));
        assert!(!is_type_text("必须"));
        assert!(!is_type_text("10"));
        assert!(is_type_text("TPDTO"));
        assert!(!is_type_text("Payment url"));
        assert!(is_type_text("Field List"));
        for word in ["string", "NUMBER", "Strng", "null[]", "int[]", "Foo[][]"] {
            assert!(is_miswritten_type(word), "{word}");
        }
        for word in ["int", "long", "order", "[]", "名称[]", "3", "可选"] {
            assert!(!is_miswritten_type(word), "{word}");
        }
        assert_eq!(required_word("可选"), Some(false));
        let lines = split_lines("\u{feff}a\r\n  • b\n");
        assert_eq!(lines[0].text, "a");
        assert_eq!(lines[1].bullet().map(|b| b.0), Some("b"));
    }
}
