//! IR -> an HTML page structured the way a doc page is: a table per parameter list with the
//! header row `名称 类型 是否必须 示例值 更多限制 描述`, children of an object in a row right
//! after it (a nested table, or nested `<ul>`/`<li>` lists), `<br>` in descriptions, the
//! examples in `<pre><code>`. Used to test the HTML reader against the other formats.

use super::values::{example, type_text};
use super::xml::escape;
use crate::ir::{Api, Param};

/// How children rows are laid out in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildShape {
    /// A row after the parent holding a nested table of the children.
    NestedTable,
    /// A row after the parent holding a `<ul>`: one `<li>` per child, one `<span>` per cell,
    /// grandchildren in a `<ul>` inside the child's `<li>`.
    NestedList,
}

/// Renders `api` as an HTML page.
pub fn page(api: &Api, shape: ChildShape) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    out.push_str(&escape(&api.name));
    out.push_str("</title></head>\n<body>\n");
    let category = api.category.as_deref().unwrap_or("");
    out.push_str(&format!(
        "<div class=\"crumb\">文档中心 &gt; API类目 &gt; {}</div>\n",
        escape(category)
    ));
    let title = api
        .title
        .as_deref()
        .map(|t| format!(" ({})", escape(t)))
        .unwrap_or_default();
    out.push_str(&format!("<h1>{}{title}</h1>\n", escape(&api.name)));
    if let Some(d) = &api.description {
        out.push_str(&format!("<div class=\"desc\">{}</div>\n", escape(d)));
    }
    out.push_str("<h2>公共参数</h2>\n<h2>请求参数</h2>\n");
    table(&mut out, &api.request, true, shape);
    out.push_str("<h2>响应参数</h2>\n");
    table(&mut out, &api.response, false, shape);
    out.push_str("<h2>请求示例</h2>\n<pre><code class=\"java\">");
    out.push_str(&escape(&super::java::request_example(api)));
    out.push_str("</code></pre>\n<h2>响应示例</h2>\n<pre><code class=\"xml\">");
    out.push_str(&escape(&super::xml::response_example(api)));
    out.push_str("</code></pre>\n<h2>异常示例</h2>\n<pre>");
    out.push_str(&escape(super::xml::ERROR_EXAMPLE));
    out.push_str("</pre>\n<h2>错误码解释</h2>\n<table><tr><th>错误码</th><th>错误描述</th><th>解决方案</th></tr>\n");
    for e in &api.error_codes {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&e.code),
            escape(&e.description),
            escape(&e.solution)
        ));
    }
    out.push_str("</table>\n</body></html>\n");
    out
}

fn headers(request: bool) -> &'static [&'static str] {
    if request {
        &["名称", "类型", "是否必须", "示例值", "更多限制", "描述"]
    } else {
        &["名称", "类型", "示例值", "描述"]
    }
}

fn table(out: &mut String, params: &[Param], request: bool, shape: ChildShape) {
    out.push_str("<table class=\"params\">\n<thead><tr>");
    for h in headers(request) {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    rows(out, params, request, shape);
    out.push_str("</tbody>\n</table>\n");
}

fn rows(out: &mut String, params: &[Param], request: bool, shape: ChildShape) {
    let width = headers(request).len();
    for p in params {
        out.push_str("<tr>");
        for cell in cells(p, request) {
            out.push_str(&format!("<td>{cell}</td>"));
        }
        out.push_str("</tr>\n");
        if p.children.is_empty() {
            continue;
        }
        out.push_str(&format!("<tr class=\"sub\"><td colspan=\"{width}\">"));
        match shape {
            ChildShape::NestedTable => {
                out.push_str("<table class=\"sub-params\"><tbody>\n");
                rows(out, &p.children, request, shape);
                out.push_str("</tbody></table>");
            }
            ChildShape::NestedList => list(out, &p.children, request),
        }
        out.push_str("</td></tr>\n");
    }
}

fn list(out: &mut String, params: &[Param], request: bool) {
    out.push_str("<ul class=\"sub-params\">");
    for p in params {
        out.push_str("<li>");
        for cell in cells(p, request) {
            out.push_str(&format!("<span>{cell}</span>"));
        }
        if !p.children.is_empty() {
            list(out, &p.children, request);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The escaped cells of a row, in header order (empty cells kept).
fn cells(p: &Param, request: bool) -> Vec<String> {
    let mut cells = vec![escape(&p.name), escape(&type_text(p).unwrap_or_default())];
    if request {
        cells.push(if p.required { "必须" } else { "可选" }.to_string());
    }
    cells.push(escape(&example(p).unwrap_or_default()));
    if request {
        let limits = super::table::limit_lines(&p.limits, p.default.as_deref());
        let items: String = limits.iter().map(|l| format!("<li>{}</li>", escape(l))).collect();
        cells.push(if items.is_empty() {
            items
        } else {
            format!("<ul>{items}</ul>")
        });
    }
    let description = p.description.as_deref().unwrap_or("");
    cells.push(description.lines().map(escape).collect::<Vec<_>>().join("<br/>"));
    cells
}
