//! Reader for doc-page text as copied from the TOP doc center, in the bullet layout of the seeds
//! and the markdown pipe-table layout (with or without headings, breadcrumb and title).
//!
//! Steps: `lines` classifies lines, `sections` finds the tables and examples, `bullets` /
//! `markdown` read table rows, `java` and `document` read the examples into `evidence`,
//! `nesting` builds the parameter tree from rows + evidence, `rows` decides each row's
//! cells. Enums, rules and notes are not read here (`describe` adds them for every dialect).
//! Never panics; whatever cannot be read becomes a diagnostic.

mod bullets;
mod document;
mod errors;
mod evidence;
mod header;
mod java;
mod limits;
mod lines;
mod markdown;
mod nesting;
mod rows;
mod sections;

use crate::diag::Diagnostic;
use crate::ir::{Api, CodeExample, ExampleLanguage, Examples, SourceFormat, Span};
use document::Document;
use evidence::Evidence;
use lines::{Header, Line};
use sections::{Block, Table};

/// Reads page text.
pub fn parse(text: &str) -> (Api, Vec<Diagnostic>) {
    let mut api = Api {
        source_format: SourceFormat::PageText,
        ..Api::default()
    };
    let mut diags = Vec::new();
    if text.trim().is_empty() {
        return (api, diags);
    }
    let all = lines::split_lines(text);
    let s = sections::split(&all);
    let head = header::read(&s.preamble);

    let (java_example, java) = match &s.java {
        Some(b) => {
            let (code, base) = block_code(text, b);
            let parsed = java::parse(code, base);
            let value = parsed
                .root
                .clone()
                .map(|fields| evidence::EvValue::Object { class: None, fields }.to_example());
            let ex = CodeExample {
                language: ExampleLanguage::Java,
                text: dedent(code, b),
                value,
                span: Some(block_span(b)),
            };
            (Some(ex), parsed)
        }
        None => (None, java::JavaExample::default()),
    };
    let (response_example, response_doc) = read_doc(text, s.response_example.as_ref());
    let (error_example, _) = read_doc(text, s.error_example.as_ref());
    api.examples = Examples {
        request: java_example,
        response: response_example,
        error: error_example,
    };

    let xml_root = response_doc.as_ref().map(|d| d.root.as_str());
    name_and_head(&mut api, head, &java, xml_root, &mut diags);

    if let Some(table) = &s.request {
        let cx = nesting::Context {
            request: true,
            markdown: table.markdown,
            root: java.root.as_ref(),
            example_name: "the Java example",
        };
        api.request = read_table(table, &cx, &mut diags);
    } else {
        let at = s
            .response
            .as_ref()
            .and_then(|t| t.heading.or(t.header))
            .map_or(Span::new(0, 0), |l| l.span());
        diags.push(
            Diagnostic::error(at, "the page has no 请求参数 table")
                .with_hint("paste the page from its title down to 错误码解释; the table starts with `名称 类型 是否必须 示例值 更多限制 描述`"),
        );
    }
    // An error document in the response slot says nothing about the response's fields.
    let response_root: Option<Evidence> = response_doc
        .filter(|d| d.root != "error_response")
        .and_then(|d| d.value.fields_for(false));
    if let Some(table) = &s.response {
        let cx = nesting::Context {
            request: false,
            markdown: table.markdown,
            root: response_root.as_ref(),
            example_name: "the response example",
        };
        api.response = read_table(table, &cx, &mut diags);
    }
    if s.request.iter().chain(&s.response).any(|t| t.markdown) {
        api.source_format = SourceFormat::Markdown;
    }
    if let Some(table) = &s.error_codes {
        api.error_codes = errors::rows(&table.lines, &mut diags);
    }
    truncation(text, &all, &s, &mut diags);
    (api, diags)
}

fn read_table(table: &Table<'_>, cx: &nesting::Context<'_>, diags: &mut Vec<Diagnostic>) -> Vec<crate::ir::Param> {
    let top_level = |name: &str| cx.root.filter(|r| !r.entries.is_empty()).map(|r| r.get(name).is_some());
    let rows = if table.markdown {
        markdown::rows(&table.lines, cx.request, diags)
    } else {
        bullets::rows(&table.lines, cx.request, &top_level, diags)
    };
    nesting::build(&rows, cx, diags)
}

fn name_and_head(
    api: &mut Api,
    head: header::Head,
    java: &java::JavaExample,
    xml_root: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    let from_java = java
        .request_class
        .as_ref()
        .and_then(|(class, span)| header::name_from_request_class(class).map(|n| (n, *span)))
        .or_else(|| {
            xml_root
                .and_then(header::name_from_response_root)
                .map(|n| (n, Span::new(0, 0)))
        });
    match (head.name, from_java) {
        (Some((name, span)), Some((java_name, _))) => {
            if !header::same_api(&name, &java_name) {
                diags.push(
                    Diagnostic::warning(
                        span,
                        format!("the title names `{name}` but the Java example calls `{java_name}`"),
                    )
                    .with_hint("the page may mix two APIs; the title's name is used"),
                );
            }
            api.name = name;
        }
        (Some((name, _)), None) => api.name = name,
        (None, Some((name, _))) => api.name = name,
        (None, None) => {
            diags.push(Diagnostic::error(Span::new(0, 0), "no API name on the page").with_hint(
                "start the page with its title line `taobao.xxx.yyy (标题)`, or keep the Java or XML example",
            ))
        }
    }
    api.title = head.title;
    api.category = head.category;
    api.description = head.description;
}

/// The code of a block (line numbers of a flattened copy removed) and its offset in the page.
fn block_code<'t>(text: &'t str, b: &Block<'_>) -> (&'t str, usize) {
    let (Some(first), Some(last)) = (b.lines.first(), b.lines.last()) else {
        return ("", 0);
    };
    let (t, start) = first.trimmed();
    let (_, cut) = lines::strip_line_numbers(t);
    let start = start + cut;
    let end = last.start + last.text.len();
    (text.get(start..end.max(start)).unwrap_or(""), start)
}

/// The code without the page's indentation (pages shift every line after the first limited
/// row): the first line's indent is removed from every later line.
fn dedent(code: &str, b: &Block<'_>) -> String {
    let indent = b.lines.first().map_or(0, |l| l.text.len() - l.text.trim_start().len());
    let mut lines = code.split('\n');
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let lead = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[lead.min(indent)..]);
    }
    out
}

fn block_span(b: &Block<'_>) -> Span {
    match (b.lines.first(), b.lines.last()) {
        (Some(f), Some(l)) => Span::new(f.span().start, l.start + l.text.len()),
        _ => Span::default(),
    }
}

fn read_doc(text: &str, block: Option<&Block<'_>>) -> (Option<CodeExample>, Option<Document>) {
    let Some(b) = block else { return (None, None) };
    let (code, base) = block_code(text, b);
    let json = code.trim_start().starts_with('{');
    let doc = if json {
        document::parse_json(code, base)
    } else {
        document::parse_xml(code, base)
    };
    let ex = CodeExample {
        language: if json {
            ExampleLanguage::Json
        } else {
            ExampleLanguage::Xml
        },
        text: dedent(code, b),
        value: doc.as_ref().map(|d| d.value.to_example()),
        span: Some(block_span(b)),
    };
    (Some(ex), doc)
}

/// A page that ends inside a table was cut off.
fn truncation(text: &str, all: &[Line<'_>], s: &sections::Sections<'_>, diags: &mut Vec<Diagnostic>) {
    let last = all
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .map_or(Span::new(text.len(), text.len()), Line::span);
    match s.last {
        Some(Header::Request) => diags.push(
            Diagnostic::error(last, "the page ends inside the 请求参数 table")
                .with_hint("the copy was cut off: paste the rest of the page (响应参数, examples, 错误码解释)"),
        ),
        Some(Header::Response) if s.java.is_none() && s.response_example.is_none() => diags.push(
            Diagnostic::warning(
                last,
                "the page ends inside the 响应参数 table; the examples are missing",
            )
            .with_hint("the copy may be cut off: without the examples, nesting and example values are guesses"),
        ),
        _ => {}
    }
    if s.response.is_none() && s.request.is_some() && s.last != Some(Header::Request) {
        diags.push(
            Diagnostic::warning(last, "the page has no 响应参数 table")
                .with_hint("paste the whole page; the table starts with `名称 类型 示例值 描述`"),
        );
    }
}
