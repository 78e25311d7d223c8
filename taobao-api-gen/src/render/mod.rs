//! IR -> doc-page text: the page a maintainer would have copied from the TOP doc center, in the
//! seeds' bullet layout (see `specs/*.txt`), with a Java request example and an XML response
//! example. Examples the IR holds are kept as written; missing ones are generated from the
//! parameter trees, with invented (deterministic) values where the IR has none.
//!
//! Also IR -> an HTML page structured like a doc page ([`crate::render::html`]), for tests of the HTML reader.
//! This module only writes text; it never reads spec text.

pub mod html;
mod java;
mod table;
mod values;
mod xml;

use crate::ir::{Api, CodeExample, ExampleLanguage};

pub use java::request_example as java_request_example;
pub use values::{java_class_stem, upper_camel};
pub use xml::{ERROR_EXAMPLE, response_example as xml_response_example};

/// What to put on the rendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Write the Java request example and the XML response example (the evidence for nesting).
    /// Without them the page keeps its headings and language tabs, as a page whose code blocks
    /// did not copy.
    pub examples: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { examples: true }
    }
}

/// Renders the doc page of `api` with examples.
pub fn page_text(api: &Api) -> String {
    page_text_with(api, Options::default())
}

/// Renders the doc page of `api`.
pub fn page_text_with(api: &Api, options: Options) -> String {
    let mut page = Page::default();
    match api.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(category) => page.line(&format!("文档中心 > API类目 > {category}")),
        None => page.line("文档中心 > API类目"),
    }
    page.blank();
    match api.title.as_deref().map(values::one_line).filter(|t| !t.is_empty()) {
        Some(title) => page.line(&format!("{} ({title})", api.name)),
        None => page.line(&api.name),
    }
    page.blank();
    let description: Vec<&str> = api
        .description
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if !description.is_empty() {
        for line in description {
            page.line(line);
        }
        page.blank();
    }
    page.section("公共参数");
    page.section("请求参数");
    page.line(table::REQUEST_HEADER);
    table::rows(&mut page, &api.request, true);
    page.blank();
    page.section("响应参数");
    page.line(table::RESPONSE_HEADER);
    table::rows(&mut page, &api.response, false);
    page.blank();

    page.section("请求示例");
    for tab in ["JAVA", ".NET", "PHP", "CURL", "Python", "C/C++", "NodeJS"] {
        page.line(&format!("  • {tab}"));
    }
    if options.examples {
        let java =
            kept(api.examples.request.as_ref(), ExampleLanguage::Java).unwrap_or_else(|| java::request_example(api));
        page.text(&java);
    }
    page.blank();
    page.section("响应示例");
    page.line("  • XML示例");
    page.line("  • JSON示例");
    if options.examples {
        let xml =
            kept(api.examples.response.as_ref(), ExampleLanguage::Xml).unwrap_or_else(|| xml::response_example(api));
        page.text(&xml);
    }
    page.blank();
    page.section("异常示例");
    page.line("  • XML示例");
    page.line("  • JSON示例");
    let error = kept(api.examples.error.as_ref(), ExampleLanguage::Xml).unwrap_or_else(|| ERROR_EXAMPLE.to_string());
    page.text(&error);
    page.blank();
    page.section("错误码解释");
    page.line("错误码 错误描述 解决方案");
    for e in &api.error_codes {
        let cells: Vec<String> = [&e.code, &e.description, &e.solution]
            .into_iter()
            .map(|c| values::one_line(c))
            .filter(|c| !c.is_empty())
            .collect();
        page.line(&cells.join(" "));
    }
    page.blank();
    for tail in ["API工具", "如何获得此API", "FAQ"] {
        page.section(tail);
    }
    page.line("返回");
    page.line("顶部");
    page.finish()
}

/// An example of the IR, when it is in the language this page shows.
fn kept(example: Option<&CodeExample>, language: ExampleLanguage) -> Option<String> {
    example
        .filter(|e| e.language == language && !e.text.trim().is_empty())
        .map(|e| e.text.trim_end().to_string())
}

/// The page being written, line by line. After the first top-level row with 更多限制 bullets,
/// real pages indent every later line (bullets by two more spaces, other lines by four), except
/// the limit and description bullets of later limited rows; `start_shift` turns that on.
#[derive(Default)]
pub(crate) struct Page {
    lines: Vec<String>,
    shifted: bool,
}

impl Page {
    /// A line, indented when the shift is on.
    pub(crate) fn line(&mut self, text: &str) {
        if !self.shifted || text.is_empty() {
            self.lines.push(text.to_string());
        } else if let Some(rest) = text.strip_prefix("  • ") {
            self.lines.push(format!("    • {rest}"));
        } else {
            self.lines.push(format!("    {text}"));
        }
    }

    /// A line never indented by the shift.
    pub(crate) fn unshifted(&mut self, text: &str) {
        self.lines.push(text.to_string());
    }

    /// Every following line is indented.
    pub(crate) fn start_shift(&mut self) {
        self.shifted = true;
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }

    fn section(&mut self, heading: &str) {
        self.line(heading);
        self.blank();
    }

    fn text(&mut self, text: &str) {
        for l in text.lines() {
            self.line(l);
        }
    }

    fn finish(self) -> String {
        self.lines.join("\n")
    }
}
