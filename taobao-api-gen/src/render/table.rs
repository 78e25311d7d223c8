//! The 请求参数 / 响应参数 tables in the seeds' bullet layout: a top-level row on one line (cells
//! joined by single spaces, empty cells left out), every child row as `  • ` bullet lines with
//! `└ ` before the name of a leaf child, 更多限制 as extra bullets before the description.

use super::Page;
use super::values::{example, type_text};
use crate::ir::{Limits, Param};

/// Header of the request table.
pub const REQUEST_HEADER: &str = "名称 类型 是否必须 示例值 更多限制 描述";
/// Header of the response table.
pub const RESPONSE_HEADER: &str = "名称 类型 示例值 描述";

/// Writes the rows of one table. `request` adds the 是否必须 cell and the 更多限制 bullets.
pub fn rows(page: &mut Page, params: &[Param], request: bool) {
    for p in params {
        top_row(page, p, request);
        for child in &p.children {
            child_rows(page, child, request);
        }
    }
}

fn required_cell(p: &Param) -> &'static str {
    if p.required { "必须" } else { "可选" }
}

/// `name type 必须 example description`; with limits the description moves to a bullet after
/// the limit bullets, and from then on the page is indented (a real page's shape).
fn top_row(page: &mut Page, p: &Param, request: bool) {
    let mut head = vec![p.name.clone()];
    head.extend(type_text(p));
    if request {
        head.push(required_cell(p).to_string());
    }
    head.extend(example(p));
    let limits = if request {
        limit_lines(&p.limits, p.default.as_deref())
    } else {
        Vec::new()
    };
    let description = description_lines(p);
    if limits.is_empty() {
        let mut lines = description.iter();
        if let Some(first) = lines.next() {
            head.push(first.clone());
        }
        page.line(&head.join(" "));
        for rest in lines {
            page.line(rest);
        }
        return;
    }
    page.line(&head.join(" "));
    for limit in &limits {
        page.unshifted(&format!("  • {limit}"));
    }
    bullet_text(page, &description, true);
    page.start_shift();
}

/// One child row as bullets, then its own children (the page shows every depth alike).
fn child_rows(page: &mut Page, p: &Param, request: bool) {
    let mark = if p.children.is_empty() { "└ " } else { "" };
    page.line(&format!("  • {mark}{}", p.name));
    if let Some(ty) = type_text(p) {
        page.line(&format!("  • {ty}"));
    }
    if request {
        page.line(&format!("  • {}", required_cell(p)));
    }
    if let Some(ex) = example(p) {
        page.line(&format!("  • {ex}"));
    }
    if request {
        for limit in limit_lines(&p.limits, p.default.as_deref()) {
            page.line(&format!("  • {limit}"));
        }
    }
    bullet_text(page, &description_lines(p), false);
    for child in &p.children {
        child_rows(page, child, request);
    }
}

/// A multi-line text as a bullet: first line after `  • `, the rest indented by 4 spaces.
fn bullet_text(page: &mut Page, lines: &[String], unshifted: bool) {
    for (i, line) in lines.iter().enumerate() {
        let text = if i == 0 {
            format!("  • {line}")
        } else {
            format!("    {line}")
        };
        if unshifted {
            page.unshifted(&text)
        } else {
            page.line(&text)
        }
    }
}

fn description_lines(p: &Param) -> Vec<String> {
    p.description
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The 更多限制 cell as bullets: `最大长度:64`, `最大列表长度:20`, `最小值:1`, `最大值:100`, `默认值:false`.
pub fn limit_lines(limits: &Limits, default: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(v) = limits.max_length {
        out.push(format!("最大长度:{v}"));
    }
    if let Some(v) = limits.max_list_size {
        out.push(format!("最大列表长度:{v}"));
    }
    if let Some(v) = limits.min_value {
        out.push(format!("最小值:{v}"));
    }
    if let Some(v) = limits.max_value {
        out.push(format!("最大值:{v}"));
    }
    if let Some(v) = default.map(super::values::one_line).filter(|v| !v.is_empty()) {
        out.push(format!("默认值:{v}"));
    }
    out
}
