//! What a saved page says around its parameter tables: breadcrumb category, `name (title)`,
//! the API description (from the page's text lines), the code examples (`<pre>`/`<code>`) and the
//! 错误码解释 table.

use super::text::{cell_line, cells, rows};
use crate::ir::{CodeExample, ErrorCode, ExampleLanguage, Examples};
use scraper::{ElementRef, Html, Selector};

/// Name, title, category and description read from the page's text lines.
#[derive(Debug, Default)]
pub struct Head {
    /// API name.
    pub name: Option<String>,
    /// Chinese title.
    pub title: Option<String>,
    /// Breadcrumb category.
    pub category: Option<String>,
    /// Description lines between the title and the first table heading.
    pub description: Option<String>,
}

const HEADINGS: &[&str] = &[
    "公共参数",
    "请求参数",
    "响应参数",
    "请求示例",
    "响应示例",
    "异常示例",
    "错误码解释",
];

/// Reads the head from the page text (as [`super::text::element_text`] gives it).
pub fn head(text: &str, doc: &Html) -> Head {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut head = Head::default();
    if let Some(crumb) = lines.iter().find(|l| l.starts_with("文档中心") && l.contains('>')) {
        let parts: Vec<&str> = crumb.split('>').map(str::trim).collect();
        if parts.len() >= 3 {
            head.category = parts.last().filter(|c| !c.is_empty()).map(|c| c.to_string());
        }
    }
    let title_line = lines.iter().position(|l| name_and_title(l).is_some());
    if let Some(i) = title_line {
        if let Some((name, title)) = name_and_title(lines[i]) {
            head.name = Some(name);
            head.title = title;
        }
        let description: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| !HEADINGS.contains(l) && !l.starts_with("名称"))
            .copied()
            .filter(|l| !l.is_empty())
            .collect();
        head.description = Some(description.join("\n")).filter(|d| !d.is_empty());
    } else if let Ok(sel) = Selector::parse("title, h1") {
        head.name = doc
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .find(|t| is_api_name(t));
    }
    head
}

/// `taobao.a.b (标题)` or a bare `taobao.a.b`.
fn name_and_title(line: &str) -> Option<(String, Option<String>)> {
    let (name, rest) = match line.split_once(' ') {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    if !is_api_name(name) {
        return None;
    }
    if rest.is_empty() {
        return Some((name.to_string(), None));
    }
    let title = rest.strip_prefix('(')?.strip_suffix(')')?;
    Some((
        name.to_string(),
        Some(title.trim().to_string()).filter(|t| !t.is_empty()),
    ))
}

fn is_api_name(s: &str) -> bool {
    s.contains('.')
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The code examples: `<pre>` elements and `<code>` outside them, classified by content.
pub fn examples(doc: &Html) -> Examples {
    let mut ex = Examples::default();
    let Ok(sel) = Selector::parse("pre, code") else {
        return ex;
    };
    for el in doc.select(&sel) {
        if el.value().name() == "code"
            && el
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "pre"))
        {
            continue;
        }
        let text: String = el.text().collect();
        let trimmed = text.trim();
        let code = |language| CodeExample {
            language,
            text: trimmed.to_string(),
            value: None,
            span: None,
        };
        if trimmed.contains("TaobaoClient") || trimmed.contains("Request req") {
            ex.request.get_or_insert(code(ExampleLanguage::Java));
        } else if trimmed.contains("error_response") {
            let lang = if trimmed.starts_with('{') {
                ExampleLanguage::Json
            } else {
                ExampleLanguage::Xml
            };
            ex.error.get_or_insert(code(lang));
        } else if trimmed.starts_with('<') {
            ex.response.get_or_insert(code(ExampleLanguage::Xml));
        } else if trimmed.starts_with('{') {
            ex.response.get_or_insert(code(ExampleLanguage::Json));
        }
    }
    ex
}

/// Rows of a table whose header has 错误码 and 错误描述.
pub fn error_codes(table: ElementRef) -> Option<Vec<ErrorCode>> {
    let all = rows(table);
    let header: Vec<String> = cells(*all.first()?).into_iter().map(cell_line).collect();
    let col = |label: &str| header.iter().position(|h| h == label);
    let (code, description) = (col("错误码")?, col("错误描述")?);
    let solution = col("解决方案");
    let mut out = Vec::new();
    for row in &all[1..] {
        let texts: Vec<String> = cells(*row).into_iter().map(cell_line).collect();
        let get = |i: Option<usize>| i.and_then(|i| texts.get(i)).cloned().unwrap_or_default();
        if get(Some(code)).is_empty() {
            continue;
        }
        out.push(ErrorCode {
            code: get(Some(code)),
            description: get(Some(description)),
            solution: get(solution),
        });
    }
    Some(out)
}
