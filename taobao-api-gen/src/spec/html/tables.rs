//! Parameter tables of a saved page, read from the DOM: a table whose header row names the
//! columns (名称 / 类型 / 是否必须 / 示例值 / 更多限制 / 描述, or the response subset), rows from
//! `<tr>`/`<td>`, children from a nested table or a `<ul>/<li>` list in the row after the parent
//! (one `<li>` per child, its cells as child elements, grandchildren in a nested `<ul>`), or from
//! `└` marks whose indentation gives the depth. Where the DOM does not give the depth (`└` marks
//! all at one indentation, bullets that are cells rather than rows) the table is `Ambiguous` and
//! the caller falls back to the page-text parser.

use super::text::{cell_line, cell_lines, cells, rows};
use crate::ir::{Param, TypeRef};
use scraper::ElementRef;
use unicode_normalization::UnicodeNormalization;

/// Which column holds what (indices into a row's cells).
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns {
    name: usize,
    ty: usize,
    required: Option<usize>,
    example: Option<usize>,
    limits: Option<usize>,
    description: Option<usize>,
}

impl Columns {
    /// True for the request table (it has 是否必须).
    pub fn is_request(&self) -> bool {
        self.required.is_some()
    }
}

/// The columns of a header row, if it is a parameter table's header.
pub fn header(row: ElementRef) -> Option<Columns> {
    let texts: Vec<String> = cells(row).into_iter().map(|c| cell_line(c).nfkc().collect()).collect();
    let find = |label: &str| texts.iter().position(|t| t.trim() == label);
    Some(Columns {
        name: find("名称")?,
        ty: find("类型")?,
        required: find("是否必须"),
        example: find("示例值"),
        limits: find("更多限制"),
        description: find("描述"),
    })
}

/// The columns of a parameter table: a header row among its first two rows.
pub fn table_header(table: ElementRef) -> Option<Columns> {
    rows(table).into_iter().take(2).find_map(header)
}

/// The DOM leaves the nesting to be inferred (the caller reads the page text instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ambiguous;

/// Reads the rows of a parameter table (its header row is skipped).
pub fn read(table: ElementRef, cols: Columns) -> Result<Vec<Param>, Ambiguous> {
    let mut flat: Vec<(Indent, Param)> = Vec::new();
    let mut marked = false;
    for row in rows(table) {
        if header(row).is_some() {
            continue;
        }
        let row_cells = cells(row);
        if let Some(children) = container(&row_cells, cols)? {
            match flat.last_mut() {
                Some((_, parent)) => parent.children.extend(children),
                None => return Err(Ambiguous),
            }
            continue;
        }
        if row_cells.len() <= cols.name.max(cols.ty) {
            continue;
        }
        let (indent, p) = param(&row_cells, cols);
        marked |= indent.marks > 0;
        flat.push((indent, p));
    }
    nest(flat, marked)
}

/// A row holding the children of the row before it: one cell (usually spanning the row) with a
/// nested table or list.
fn container(row_cells: &[ElementRef], cols: Columns) -> Result<Option<Vec<Param>>, Ambiguous> {
    let [cell] = row_cells else { return Ok(None) };
    for el in cell.child_elements() {
        match el.value().name() {
            "table" => {
                let nested_cols = rows(el).first().and_then(|r| header(*r)).unwrap_or(cols);
                return read(el, nested_cols).map(Some);
            }
            "ul" | "ol" => return list(el, cols).map(Some),
            "div" => return container(&[el], cols),
            _ => {}
        }
    }
    Ok(None)
}

/// A `<ul>` of children: one `<li>` per child whose element children are its cells.
fn list(ul: ElementRef, cols: Columns) -> Result<Vec<Param>, Ambiguous> {
    let mut out = Vec::new();
    for li in ul.child_elements().filter(|e| e.value().name() == "li") {
        let parts: Vec<ElementRef> = li
            .child_elements()
            .filter(|e| !matches!(e.value().name(), "ul" | "ol" | "br"))
            .collect();
        if parts.len() <= cols.name.max(cols.ty) {
            // Bullets that are single cells: the DOM is as flat as the page text.
            return Err(Ambiguous);
        }
        let (_, mut p) = param(&parts, cols);
        for sub in li.child_elements().filter(|e| matches!(e.value().name(), "ul" | "ol")) {
            p.children.extend(list(sub, cols)?);
        }
        out.push(p);
    }
    Ok(out)
}

/// How a row's name is indented: `└` marks and leading space (`&nbsp;`, `padding-left`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Indent {
    space: u32,
    marks: u32,
}

fn param(row_cells: &[ElementRef], cols: Columns) -> (Indent, Param) {
    let name_cell = row_cells[cols.name];
    let raw: String = name_cell.text().collect();
    let lead: String = raw.chars().take_while(|c| c.is_whitespace() || *c == '└').collect();
    let indent = Indent {
        space: lead.chars().filter(|c| *c == '\u{a0}' || *c == '\u{3000}').count() as u32 + padding(name_cell),
        marks: lead.chars().filter(|c| *c == '└').count() as u32,
    };
    let name: String = raw
        .trim_matches(|c: char| c.is_whitespace() || c == '└')
        .split_whitespace()
        .collect();
    let text = |i: Option<usize>| {
        i.and_then(|i| row_cells.get(i))
            .map(|c| cell_line(*c))
            .filter(|t| !t.is_empty())
    };
    let mut p = Param::new(name, TypeRef::from_declared(&text(Some(cols.ty)).unwrap_or_default()));
    p.required = text(cols.required).is_some_and(|t| t.contains("必须") || t == "是" || t == "true");
    p.example = text(cols.example);
    if let Some(cell) = cols.limits.and_then(|i| row_cells.get(i)) {
        for line in cell_lines(*cell) {
            limit(&line, &mut p);
        }
    }
    p.description = cols
        .description
        .and_then(|i| row_cells.get(i))
        .map(|c| cell_lines(*c).join("\n"))
        .filter(|d| !d.is_empty());
    (indent, p)
}

/// `padding-left`/`margin-left`/`text-indent` in px or em on the cell or its first child.
fn padding(cell: ElementRef) -> u32 {
    let styles = std::iter::once(cell).chain(cell.child_elements().take(1));
    styles
        .filter_map(|e| e.attr("style"))
        .flat_map(|s| s.split(';'))
        .filter_map(|decl| {
            let (key, value) = decl.split_once(':')?;
            let key = key.trim();
            if !matches!(key, "padding-left" | "margin-left" | "text-indent") {
                return None;
            }
            let v = value.trim();
            let number: String = v.chars().take_while(|c| c.is_ascii_digit()).collect();
            number.parse::<u32>().ok().filter(|n| *n > 0)
        })
        .sum()
}

/// One 更多限制 line into `p` (`最大长度:64`, after NFKC).
fn limit(line: &str, p: &mut Param) {
    let n: String = line.nfkc().collect();
    let Some((key, value)) = n.split_once(':') else { return };
    let value = value.trim();
    match key.trim() {
        "最大长度" => p.limits.max_length = value.parse().ok(),
        "最大列表长度" => p.limits.max_list_size = value.parse().ok(),
        "最小值" => p.limits.min_value = value.parse().ok(),
        "最大值" => p.limits.max_value = value.parse().ok(),
        "默认值" => p.default = Some(value.to_string()),
        _ => {}
    }
}

/// Builds the tree from rows and their indentation. With leading space, depth is the rank of
/// the space. `└` marks alone do not give the depth: pages show a child that has children of
/// its own without `└`, like a top-level row, so such a table is ambiguous.
fn nest(flat: Vec<(Indent, Param)>, marked: bool) -> Result<Vec<Param>, Ambiguous> {
    let spaced = flat.iter().any(|(i, _)| i.space > 0);
    if !spaced && !marked {
        return Ok(flat.into_iter().map(|(_, p)| p).collect());
    }
    if !spaced {
        return Err(Ambiguous);
    }
    let key = |i: &Indent| i.space;
    let mut levels: Vec<u32> = flat.iter().map(|(i, _)| key(i)).collect();
    levels.sort_unstable();
    levels.dedup();
    let mut stack: Vec<(usize, Param)> = Vec::new();
    let mut roots = Vec::new();
    for (indent, p) in flat {
        let depth = levels.iter().position(|l| *l == key(&indent)).unwrap_or(0);
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            if let Some((_, done)) = stack.pop() {
                attach(&mut stack, &mut roots, done);
            }
        }
        if depth > 0 && stack.is_empty() {
            return Err(Ambiguous);
        }
        stack.push((depth, p));
    }
    while let Some((_, done)) = stack.pop() {
        attach(&mut stack, &mut roots, done);
    }
    Ok(roots)
}

fn attach(stack: &mut [(usize, Param)], roots: &mut Vec<Param>, p: Param) {
    match stack.last_mut() {
        Some((_, parent)) => parent.children.push(p),
        None => roots.push(p),
    }
}
