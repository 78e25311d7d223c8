//! Table rows as read from either layout, and one row -> one [`Param`] (without children).
//!
//! Cells are decided by shape, not position: empty cells are simply left out on the page, so a
//! request row has 3-5 cells and a response row 2-4. After name, type and 必须/可选 come the
//! example and the description; when only one of them is there (or both share one line), the
//! example literal of the Java/XML example decides which one it is.

use super::evidence::{EvValue, LitKind};
use super::limits;
use super::lines::{has_cjk, nfkc};
use crate::diag::Diagnostic;
use crate::ir::{Param, Span, Ty, TypeRef};
use crate::spec::types::{TypeClass, classify};

/// A piece of a row's text with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Trimmed text; continuation lines joined with `\n`.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

impl Cell {
    /// A cell from a slice at a given offset.
    pub fn new(text: &str, start: usize) -> Self {
        Cell {
            text: text.to_string(),
            span: Span::new(start, start + text.len()),
        }
    }

    /// Appends a continuation line.
    pub fn extend(&mut self, more: &Cell) {
        self.text.push('\n');
        self.text.push_str(&more.text);
        self.span.end = self.span.end.max(more.span.end);
    }
}

/// Whether a row starts at the top level of its table or as a child of an object row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// A one-line row (bullet layout) or a row without `└` (markdown).
    Top,
    /// A bullet row, or a markdown row marked `└`.
    Child,
}

/// One row as the page shows it.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// Top or child.
    pub hint: Hint,
    /// The name cell (without `└`).
    pub name: Cell,
    /// The type cell.
    pub ty: Option<Cell>,
    /// 必须 / 可选.
    pub required: Option<bool>,
    /// Example and description cells, in page order.
    pub rest: Vec<Cell>,
    /// True when `rest[0]` is the remainder of a one-line row (example and description may
    /// share it, separated by a space).
    pub joined: bool,
    /// 更多限制 cells (`最大长度:64`, `默认值:false`).
    pub limits: Vec<Cell>,
    /// The whole row.
    pub span: Span,
    /// A bullet row without `└`: the page shows it as an object row, whatever its type.
    pub unmarked: bool,
    /// A bullet row with `└`: the page says it has no child rows.
    pub leaf: bool,
}

impl RawRow {
    /// A row with a name and nothing else yet.
    pub fn new(hint: Hint, name: Cell) -> Self {
        RawRow {
            hint,
            span: name.span,
            name,
            ty: None,
            required: None,
            rest: Vec::new(),
            joined: false,
            limits: Vec::new(),
            unmarked: false,
            leaf: false,
        }
    }

    /// Adds a cell after name/type/required, sorting 更多限制 cells out.
    pub fn push_cell(&mut self, cell: Cell) {
        self.span.end = self.span.end.max(cell.span.end);
        if limits::is_limit(&cell.text) {
            self.limits.push(cell);
        } else {
            self.rest.push(cell);
        }
    }

    /// A continuation line: it extends the description (the last example/description cell),
    /// or becomes the description when the row has none yet.
    pub fn continue_with(&mut self, cell: &Cell) {
        let limit_end = self.limits.iter().map(|c| c.span.end).max().unwrap_or(0);
        self.span.end = self.span.end.max(cell.span.end);
        match self.rest.last_mut() {
            Some(last) if last.span.end >= limit_end => last.extend(cell),
            _ => self.rest.push(cell.clone()),
        }
    }

    /// True when the row can hold child rows: not a `└` row, and an object type, a bullet row
    /// the page shows without `└`, or a top-level row (a `String` row with sub-fields exists).
    /// A type one edit from a TOP type (`Nubmer`) reads as an object name, but it must not take
    /// the rows after it as its fields: it opens an object only where the page shows one.
    pub fn is_container(&self) -> bool {
        !self.leaf && self.unmarked
            || self.hint == Hint::Top
            || self.ty.as_ref().is_some_and(|t| {
                TypeRef::from_declared(&t.text).ty.is_object()
                    && !matches!(classify(&t.text, false), TypeClass::Misspelled { .. })
            })
    }
}

/// Builds the param of `row` (children are added by the nesting step). `example` is the value
/// the Java/XML example gives this row, if any.
pub fn to_param(row: &RawRow, request: bool, example: Option<&EvValue>, diags: &mut Vec<Diagnostic>) -> Param {
    let mut p = Param::new(row.name.text.clone(), TypeRef::default());
    p.span = Some(row.span);
    // Whether the declared type is a TOP type is decided once the row's children are known
    // (`nesting`): a misspelling of `Date` may be a DTO called `Data` with fields.
    match &row.ty {
        Some(cell) => p.ty = TypeRef::from_declared(&cell.text),
        None => diags.push(
            Diagnostic::warning(row.name.span, format!("`{}` has no type; read as String", p.name))
                .with_hint("add the 类型 cell (String, Number, Boolean, Date, ...) after the name"),
        ),
    }
    if request {
        match row.required {
            Some(r) => p.required = r,
            None => diags.push(
                Diagnostic::error(row.name.span, format!("request row `{}` has no 是否必须 cell", p.name)).with_hint(
                    "a request row reads `名称 类型 必须|可选 示例值 描述`; add 必须 or 可选 after the type",
                ),
            ),
        }
    }
    let literal = example.and_then(EvValue::literal);
    let (ex, desc) = split_rest(row, literal, &p.ty.ty);
    p.example = ex;
    p.description = desc;
    for cell in &row.limits {
        limits::apply(&cell.text, cell.span, &mut p, diags);
    }
    p
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn split_rest(row: &RawRow, literal: Option<&str>, ty: &Ty) -> (Option<String>, Option<String>) {
    let cells: Vec<&str> = row.rest.iter().map(|c| c.text.as_str()).collect();
    let rest_desc = |from: usize| non_empty(&cells[from..].join("\n"));
    match cells.as_slice() {
        [] => (None, None),
        [only] if row.joined => split_line(only, literal, ty),
        // Without 更多限制 the head line holds example and description; later bullets are
        // lines of the description (a `<li>` list).
        [head, ..] if row.joined && row.limits.is_empty() => {
            let (ex, desc) = split_line(head, literal, ty);
            let more = cells[1..].join("\n");
            let desc = match desc {
                Some(d) => non_empty(&format!("{d}\n{more}")),
                None => non_empty(&more),
            };
            (ex, desc)
        }
        [first, ..] if row.joined || cells.len() >= 2 => match literal {
            Some(lit) if !lit.is_empty() && first.trim() != lit && looks_like_description(first) => {
                (None, rest_desc(0))
            }
            _ => (non_empty(first), rest_desc(1)),
        },
        [only, ..] => {
            if is_example(only, literal, ty) {
                (non_empty(only), None)
            } else {
                (None, non_empty(only))
            }
        }
    }
}

/// One line holding example and description separated by a space.
fn split_line(line: &str, literal: Option<&str>, ty: &Ty) -> (Option<String>, Option<String>) {
    let line = line.trim();
    if let Some(lit) = literal.filter(|l| !l.is_empty() && !l.contains('\n'))
        && let Some(after) = line.strip_prefix(lit)
        && (after.is_empty() || after.starts_with(char::is_whitespace))
    {
        return (Some(lit.to_string()), non_empty(after));
    }
    // Objects and file uploads show no example value on the page.
    if ty.is_object() || matches!(ty, Ty::File) {
        return (None, non_empty(line));
    }
    let cut = leading_value_len(line);
    match cut {
        Some(n) if n < line.len() => (non_empty(&line[..n]), non_empty(&line[n..])),
        _ if is_example(line, literal, ty) => (non_empty(line), None),
        _ => (None, non_empty(line)),
    }
}

/// Length of a value at the start of a line that also holds a description: a date-time, a JSON
/// object, or the first word.
fn leading_value_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let is_datetime = line.len() >= 19
        && line.is_char_boundary(19)
        && line[..19].chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == ' ',
            13 | 16 => c == ':',
            _ => c.is_ascii_digit(),
        });
    if is_datetime {
        return Some(19);
    }
    if bytes.first() == Some(&b'{') || bytes.first() == Some(&b'[') {
        let mut depth = 0i32;
        for (i, c) in line.char_indices() {
            match c {
                '{' | '[' => depth += 1,
                '}' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        // `{},{}` is one value: it runs on to the next space.
                        let end = line[i..].find(char::is_whitespace).map_or(line.len(), |n| i + n);
                        return Some(end);
                    }
                }
                _ => {}
            }
        }
    }
    let first_space = line.find(char::is_whitespace)?;
    let first = &line[..first_space];
    let rest = &line[first_space..];
    // Two words of English prose are a description, not `example description`.
    let prose = !has_cjk(line)
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && !first.chars().all(|c| c.is_ascii_uppercase());
    (!prose && !rest.trim().is_empty()).then_some(first_space)
}

/// A lone cell: example or description?
fn is_example(cell: &str, literal: Option<&str>, ty: &Ty) -> bool {
    let cell = cell.trim();
    if let Some(lit) = literal {
        return cell == lit;
    }
    if ty.is_object() || matches!(ty, Ty::File) {
        return false;
    }
    match ty {
        Ty::Number | Ty::Byte | Ty::Price | Ty::BigDecimal => cell.parse::<f64>().is_ok(),
        Ty::Boolean => cell == "true" || cell == "false",
        _ => !looks_like_description(cell),
    }
}

fn looks_like_description(cell: &str) -> bool {
    let n = nfkc(cell);
    has_cjk(cell) || n.trim().contains(char::is_whitespace) && !n.chars().any(|c| c.is_ascii_digit())
}

/// The example value's kind fits the declared type?
pub fn literal_fits(ty: &Ty, kind: LitKind) -> bool {
    match (ty, kind) {
        (_, LitKind::Null | LitKind::Other) => true,
        (Ty::Number | Ty::Byte, k) => k == LitKind::Number,
        (Ty::Boolean, k) => k == LitKind::Boolean,
        (Ty::Date, k) => matches!(k, LitKind::Date | LitKind::String),
        (Ty::File, k) => k == LitKind::File,
        (Ty::String | Ty::Json | Ty::Map | Ty::FieldList | Ty::Price, k) => matches!(k, LitKind::String),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rest: &[&str], joined: bool) -> RawRow {
        let mut r = RawRow::new(Hint::Child, Cell::new("x", 0));
        r.ty = Some(Cell::new("String", 2));
        r.required = Some(false);
        for (i, t) in rest.iter().enumerate() {
            r.push_cell(Cell::new(t, 10 + i * 10));
        }
        r.joined = joined;
        r
    }

    #[test]
    fn cells_by_shape() {
        // (cells, one-line row, example literal, expected example, expected description)
        type Case<'a> = (&'a [&'a str], bool, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (&["10", "服务类型"], false, None, Some("10"), Some("服务类型")),
            (&["服务类型"], false, None, None, Some("服务类型")),
            (&["STO"], false, None, Some("STO"), None),
            (&["天气原因"], false, Some("天气原因"), Some("天气原因"), None),
            (
                &["exceedLimit 接口调用失败信息"],
                true,
                Some("exceedLimit"),
                Some("exceedLimit"),
                Some("接口调用失败信息"),
            ),
            (
                &["2024-03-28 16:38:11 操作时间"],
                true,
                None,
                Some("2024-03-28 16:38:11"),
                Some("操作时间"),
            ),
            (
                &["张三 提报人 姓名"],
                true,
                Some("张三"),
                Some("张三"),
                Some("提报人 姓名"),
            ),
            (&["参数信息"], true, None, None, Some("参数信息")),
            (&["The order id"], true, None, None, Some("The order id")),
            (
                &["{\"a\": \"1\"} 数据"],
                true,
                None,
                Some("{\"a\": \"1\"}"),
                Some("数据"),
            ),
            (&["最大长度:64", "1", "d"], false, None, Some("1"), Some("d")),
            (
                &["1 状态:", "1:有效", "2:无效"],
                true,
                None,
                Some("1"),
                Some("状态:\n1:有效\n2:无效"),
            ),
            (&[], false, None, None, None),
        ];
        for (rest, joined, lit, ex, desc) in cases {
            let r = row(rest, *joined);
            let got = split_rest(&r, *lit, &Ty::String);
            assert_eq!((got.0.as_deref(), got.1.as_deref()), (*ex, *desc), "{rest:?}");
        }
    }

    #[test]
    fn row_diagnostics() {
        let mut r = row(&["a"], false);
        r.required = None;
        r.ty = Some(Cell::new("strng", 2));
        let mut diags = Vec::new();
        let p = to_param(&r, true, None, &mut diags);
        assert_eq!(p.ty.display_name(), "strng");
        // The type is judged later, with the row's children (`nesting`).
        assert_eq!(diags.len(), 1);
        assert!(diags[0].is_error());
        assert_eq!(diags[0].message, "request row `x` has no 是否必须 cell");
    }
}
