//! The markdown pipe-table layout: `name | Type | 必须 | example | 更多限制 | description |`, with
//! `└ ` on child names, the empty 更多限制 cell often dropped (the description shifts one cell
//! left), rows ending in `| |`, lone `|` lines and descriptions continued on the next line.

use super::lines::{Line, required_word};
use super::rows::{Cell, Hint, RawRow};
use crate::diag::Diagnostic;

/// Reads the rows of a pipe table.
pub fn rows(lines: &[Line<'_>], request: bool, diags: &mut Vec<Diagnostic>) -> Vec<RawRow> {
    let mut rows: Vec<RawRow> = Vec::new();
    for line in lines {
        let (t, start) = line.trimmed();
        if t.is_empty() || t.chars().all(|c| c == '|' || c.is_whitespace()) {
            continue;
        }
        let is_row = t.starts_with('|') || t.matches('|').count() >= 2;
        if !is_row {
            let text = t.trim_end_matches('|').trim_end();
            match rows.last_mut() {
                Some(row) => row.continue_with(&Cell::new(text, start)),
                None => diags.push(
                    Diagnostic::error(line.span(), "this line is not a table row")
                        .with_hint("a row reads `name | Type | 必须 | example | | description |`"),
                ),
            }
            continue;
        }
        if let Some(row) = row(t, start, request) {
            rows.push(row);
        }
    }
    rows
}

fn cells(t: &str, start: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in t.split('|') {
        let trimmed = piece.trim();
        let lead = piece.len() - piece.trim_start().len();
        out.push(Cell::new(trimmed, start + offset + lead));
        offset += piece.len() + 1;
    }
    if t.starts_with('|') {
        out.remove(0);
    }
    if t.ends_with('|') {
        out.pop();
    }
    out
}

fn row(t: &str, start: usize, request: bool) -> Option<RawRow> {
    let mut cells = cells(t, start).into_iter();
    let name = cells.next()?;
    let (hint, name) = match name.text.strip_prefix('└') {
        Some(rest) => {
            let rest = rest.trim_start();
            (Hint::Child, Cell::new(rest, name.span.end - rest.len()))
        }
        None => (Hint::Top, name),
    };
    if name.text.is_empty() {
        return None;
    }
    let mut row = RawRow::new(hint, name);
    let mut rest: Vec<Cell> = cells.collect();
    if let Some(end) = rest.iter().map(|c| c.span.end).max() {
        row.span.end = row.span.end.max(end);
    }
    if !rest.is_empty() {
        let ty = rest.remove(0);
        if request && required_word(&ty.text).is_some() {
            // The type cell was dropped.
            row.required = required_word(&ty.text);
        } else if !ty.text.is_empty() {
            row.ty = Some(ty);
        }
    }
    if request
        && row.required.is_none()
        && !rest.is_empty()
        && let Some(r) = required_word(&rest[0].text)
    {
        row.required = Some(r);
        rest.remove(0);
    }
    // The 更多限制 column, when present and empty, sits between example and description.
    if request && rest.len() >= 3 && rest[1].text.is_empty() {
        rest.remove(1);
    }
    while rest.last().is_some_and(|c| c.text.is_empty()) {
        rest.pop();
    }
    let mut example_missing = false;
    if rest.first().is_some_and(|c| c.text.is_empty()) {
        rest.remove(0);
        example_missing = true;
    }
    for cell in rest.into_iter().filter(|c| !c.text.is_empty()) {
        row.push_cell(cell);
    }
    // An explicitly empty example cell: whatever is left is the description.
    if example_missing && row.rest.len() == 1 {
        let desc = row.rest.remove(0);
        row.rest.push(Cell {
            text: String::new(),
            span: desc.span,
        });
        row.rest.push(desc);
    }
    Some(row)
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    fn texts(r: &RawRow) -> Vec<&str> {
        r.rest.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn pipe_rows() {
        let page = "| a_req | ADto | 必须 | | | 参数信息 |\n| └ x | String | 必须 | 10 | 服务类型 |\n|\n\
                    | └ y | Number [] | 可选 | 1 | 最大列表长度:20 | 说明 | |\nz | String | 可选 | | 多行\n第二行 |\n";
        let lines = split_lines(page);
        let rows = rows(&lines, true, &mut Vec::new());
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[0].hint, texts(&rows[0])), (Hint::Top, vec!["", "参数信息"]));
        assert_eq!((rows[1].hint, texts(&rows[1])), (Hint::Child, vec!["10", "服务类型"]));
        assert_eq!(rows[1].name.text, "x");
        assert_eq!(&page[rows[1].name.span.start..rows[1].name.span.end], "x");
        assert_eq!(texts(&rows[2]), ["1", "说明"]);
        assert_eq!(rows[2].limits[0].text, "最大列表长度:20");
        assert_eq!(texts(&rows[3]), ["", "多行\n第二行"]);
    }
}
