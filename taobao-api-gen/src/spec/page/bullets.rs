//! The bullet layout of the seeds: a top-level row on one line (`name Type 必须 example desc`,
//! cells separated by single spaces), child rows as `  • ` bullets (`└ ` marks a leaf; an object
//! child has no `└`), 更多限制 as extra bullets, continuation lines for multi-line descriptions.
//!
//! Rows are told apart by shape; indentation only marks continuation lines. Pages shift every
//! line by 4 spaces after the first limited row (bullets at 4, their continuations at 8), so a
//! non-bullet line after a bullet continues it when indented at all before the shift, or by 8+
//! after it. A line that could be a top-level response row but names no field of the response
//! example is a continuation too (`PAYING The order is being paid` is not a row `PAYING: The`).

use super::lines::{Line, is_identifier, is_miswritten_type, is_scalar_type_text, is_type_text, required_word};
use super::rows::{Cell, Hint, RawRow};
use crate::diag::Diagnostic;

#[derive(Debug, Clone)]
enum Item {
    Bullet(Cell),
    Text(Cell, usize),
}

/// Reads the rows of a bullet-layout table. `top_level` tells whether the table's example
/// names a top-level field (`None` without an example).
pub fn rows(
    lines: &[Line<'_>],
    request: bool,
    top_level: &dyn Fn(&str) -> Option<bool>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RawRow> {
    let items: Vec<Item> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| match l.bullet() {
            Some((body, start)) => Item::Bullet(Cell::new(body, start)),
            None => {
                let (t, start) = l.trimmed();
                Item::Text(Cell::new(t, start), start - l.start)
            }
        })
        .collect();
    let mut rows: Vec<RawRow> = Vec::new();
    // A table after the first limited row of the page starts shifted already.
    let starts_shifted = items.iter().find_map(|i| match i {
        Item::Text(_, indent) => Some(*indent >= 4),
        Item::Bullet(_) => None,
    });
    let (mut shifted, mut in_bullet) = (starts_shifted.unwrap_or(false), false);
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Text(cell, indent) => {
                let forced = in_bullet && if shifted { *indent >= 8 } else { *indent > 0 };
                let row = (!forced).then(|| top_row(cell, request)).flatten();
                let row = row.filter(|r| request || top_level(&r.name.text) != Some(false));
                match row {
                    Some(row) => {
                        in_bullet = false;
                        rows.push(row)
                    }
                    None => continuation(&mut rows, cell, diags),
                }
            }
            Item::Bullet(cell) => {
                in_bullet = true;
                shifted |= super::limits::is_limit(&cell.text);
                if let Some(name) = cell.text.strip_prefix('└') {
                    let name = name.trim_start();
                    let start = cell.span.end - name.len();
                    let mut row = RawRow::new(Hint::Child, Cell::new(name, start));
                    row.leaf = true;
                    rows.push(row);
                } else if starts_row(&items, i, request, rows.last()) {
                    let mut row = RawRow::new(Hint::Child, cell.clone());
                    row.unmarked = true;
                    rows.push(row);
                } else if let Some(row) = rows.last_mut() {
                    child_cell(row, cell.clone(), request);
                } else {
                    diags.push(
                        Diagnostic::warning(cell.span, "bullet before the first row of the table is ignored")
                            .with_hint("a table starts with a row `name Type 必须|可选 ...`"),
                    );
                }
            }
        }
    }
    rows
}

/// The cells of a child row come one per bullet: type, 必须/可选, then example/description.
fn child_cell(row: &mut RawRow, cell: Cell, request: bool) {
    let fresh = row.hint == Hint::Child && row.rest.is_empty() && row.limits.is_empty();
    if fresh && row.ty.is_none() && row.required.is_none() {
        if let Some(r) = required_word(&cell.text).filter(|_| request) {
            row.required = Some(r);
        } else {
            row.ty = Some(cell.clone());
        }
        row.span.end = row.span.end.max(cell.span.end);
        return;
    }
    if fresh
        && request
        && row.required.is_none()
        && let Some(r) = required_word(&cell.text)
    {
        row.required = Some(r);
        row.span.end = row.span.end.max(cell.span.end);
        return;
    }
    row.push_cell(cell);
}

/// A bullet that starts an object child row: a name, then a type bullet (then 必须/可选 on
/// request tables). Only after the current row has an example or description cell: right
/// after a type bullet, a name-like bullet is that row's example (`abc`, then `Amount`).
fn starts_row(items: &[Item], i: usize, request: bool, current: Option<&RawRow>) -> bool {
    let bullet = |j: usize| match items.get(j) {
        Some(Item::Bullet(c)) => Some(c.text.as_str()),
        _ => None,
    };
    let (Some(name), Some(ty)) = (bullet(i), bullet(i + 1)) else {
        return false;
    };
    if !is_identifier(name) || !is_type_text(ty) {
        return false;
    }
    let bare = current.is_some_and(|r| r.hint == Hint::Child && r.rest.is_empty() && r.limits.is_empty());
    let awaiting_cells = if request {
        bare && current.is_some_and(|r| r.required.is_none())
    } else {
        bare
    };
    if awaiting_cells {
        return false;
    }
    !request || bullet(i + 2).and_then(required_word).is_some()
}

/// A one-line top-level row, or `None` when the line is not shaped like one.
fn top_row(cell: &Cell, request: bool) -> Option<RawRow> {
    let text = cell.text.as_str();
    let mut tokens = text.split(char::is_whitespace).filter(|t| !t.is_empty()).map(|t| {
        let offset = t.as_ptr() as usize - text.as_ptr() as usize;
        (t, offset)
    });
    let (name, _) = tokens.next()?;
    if !is_identifier(name) {
        return None;
    }
    let mut row = RawRow::new(Hint::Top, Cell::new(name, cell.span.start));
    let mut end = name.len();
    let mut next = tokens.next();
    if let Some((t, off)) = next.filter(|(t, _)| is_type_text(t) || is_miswritten_type(t)) {
        let mut ty_end = off + t.len();
        next = tokens.next();
        if let Some((b, off2)) = next.filter(|(b, _)| *b == "[]") {
            ty_end = off2 + b.len();
            next = tokens.next();
        }
        row.ty = Some(Cell::new(&text[off..ty_end], cell.span.start + off));
        end = ty_end;
    }
    if request {
        if let Some((t, off)) = next
            && let Some(r) = required_word(t)
        {
            row.required = Some(r);
            end = off + t.len();
            next = tokens.next();
        }
        let ty_is_scalar = row.ty.as_ref().is_some_and(|t| is_scalar_type_text(&t.text));
        let shaped = row.required.is_some() || (ty_is_scalar && next.is_none());
        if !shaped {
            return None;
        }
    } else if row.ty.is_none() {
        return None;
    }
    if let Some((_, off)) = next {
        let rest = text[off..].trim_end();
        row.push_cell(Cell::new(rest, cell.span.start + off));
        row.joined = true;
    }
    row.span.end = row.span.end.max(cell.span.start + end);
    Some(row)
}

fn continuation(rows: &mut [RawRow], cell: &Cell, diags: &mut Vec<Diagnostic>) {
    match rows.last_mut() {
        Some(row) => row.continue_with(cell),
        None => diags.push(
            Diagnostic::error(cell.span, "this line is not a parameter row")
                .with_hint("a row reads `name Type 必须|可选 example description` (responses: no 必须/可选)"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn rows_of_both_kinds() {
        let text = "a_req ADto 必须 参数信息\n  • └ x\n  • String\n  • 必须\n  • 10\n  • 说明\n    第二行\n  • list\n  • BDto []\n  • 可选\n  • └ y\n  • Number\n  • 可选\nb String 可选 20 描述 有空格\n  • 最大长度:64\n";
        let lines = split_lines(text);
        let mut diags = Vec::new();
        let rows = rows(&lines, true, &|_| None, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let names: Vec<_> = rows.iter().map(|r| (r.name.text.as_str(), r.hint)).collect();
        assert_eq!(
            names,
            [
                ("a_req", Hint::Top),
                ("x", Hint::Child),
                ("list", Hint::Child),
                ("y", Hint::Child),
                ("b", Hint::Top)
            ]
        );
        assert_eq!(
            rows[1].rest.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["10", "说明\n第二行"]
        );
        assert_eq!(rows[2].ty.as_ref().unwrap().text, "BDto []");
        assert_eq!(rows[4].rest[0].text, "20 描述 有空格");
        assert!(rows[4].joined);
        assert_eq!(rows[4].limits[0].text, "最大长度:64");
        assert_eq!(&text[rows[1].name.span.start..rows[1].name.span.end], "x");
    }

    #[test]
    fn tabs_and_no_break_spaces_separate_cells() {
        let lines = split_lines("mail_no\tString\u{a0}必须 773277523041406\t运单号\n");
        let got = rows(&lines, true, &|_| None, &mut Vec::new());
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].ty.as_ref().map(|c| c.text.as_str()), got[0].required),
            (Some("String"), Some(true))
        );
        assert_eq!(got[0].rest[0].text, "773277523041406\t运单号");
    }

    #[test]
    fn response_rows_and_missing_columns() {
        let lines = split_lines("result_msg String exceedLimit 接口调用失败信息\nwrite_response Dto 对象\n");
        let got = rows(&lines, false, &|_| None, &mut Vec::new());
        assert_eq!(got.len(), 2);
        let lines = split_lines("foo String\nnot a row here\n");
        let got = rows(&lines, true, &|_| None, &mut Vec::new());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].required, None);
        assert_eq!(got[0].ty.as_ref().unwrap().text, "String");
        assert_eq!(got[0].rest[0].text, "not a row here");
    }
}
