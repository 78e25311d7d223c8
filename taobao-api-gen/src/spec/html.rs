//! Reader for doc pages saved as HTML. The doc center's markup varies and no saved page is at
//! hand, so the page is read generically: parameter tables by their header row, children from
//! nested tables, `<ul>/<li>` lists or indented `└` marks, examples from `<pre>`/`<code>`.
//! Where the DOM gives no structure (no such table, or nesting it does not state), the page's
//! text, as a browser copy gives it, goes through the page-text parser instead.

mod meta;
mod tables;
mod text;

use super::page;
use super::types::{self, Listing};
use crate::diag::Diagnostic;
use crate::ir::{Api, Param, SourceFormat, Span};
use scraper::{ElementRef, Html, Selector};

/// Reads a saved HTML page. Never panics.
pub fn parse(source: &str) -> (Api, Vec<Diagnostic>) {
    let doc = Html::parse_document(source);
    let page_text = text::element_text(doc.root_element());
    let head = meta::head(&page_text, &doc);
    let mut diags = Vec::new();
    let mut api = Api {
        source_format: SourceFormat::Html,
        name: head.name.unwrap_or_default(),
        title: head.title,
        category: head.category,
        description: head.description,
        examples: meta::examples(&doc),
        ..Api::default()
    };

    let (mut request, mut response, mut ambiguous) = (None, None, false);
    let Ok(sel) = Selector::parse("table") else {
        return (api, diags);
    };
    for table in doc.select(&sel) {
        if inside_table(table) {
            continue;
        }
        if let Some(codes) = meta::error_codes(table) {
            api.error_codes.extend(codes);
            continue;
        }
        let Some(cols) = tables::table_header(table) else {
            continue;
        };
        let slot = if cols.is_request() { &mut request } else { &mut response };
        if slot.is_some() {
            continue;
        }
        match tables::read(table, cols) {
            Ok(params) => *slot = Some(params),
            Err(tables::Ambiguous) => ambiguous = true,
        }
    }

    // Tables read from the DOM; rows of the page-text fallback are judged by that reader.
    let from_dom = [request.is_some(), response.is_some()];
    if ambiguous || (request.is_none() && response.is_none()) {
        let (text_api, text_diags) = page::parse(&page_text);
        let why = if ambiguous {
            "the HTML does not state the nesting of its parameter rows; read them from the page text"
        } else {
            "no parameter table with a 名称 / 类型 header row; read the page text instead"
        };
        diags.push(Diagnostic::note(Span::new(0, 0), why));
        diags.extend(text_diags.into_iter().map(|d| relocate(d, &page_text, source)));
        request = request.or(Some(text_api.request));
        response = response.or(Some(text_api.response));
        if api.name.is_empty() {
            api.name = text_api.name;
        }
        api.title = api.title.or(text_api.title);
        api.category = api.category.or(text_api.category);
        api.description = api.description.or(text_api.description);
        if api.error_codes.is_empty() {
            api.error_codes = text_api.error_codes;
        }
        if api.examples.request.is_none() && api.examples.response.is_none() {
            api.examples = text_api.examples;
        }
    }
    api.request = request.unwrap_or_default();
    api.response = response.unwrap_or_default();
    let mut locator = Locator { source, cursor: 0 };
    locate(&mut api.request, &mut locator);
    locate(&mut api.response, &mut locator);
    for (list, dom) in [(&api.request, from_dom[0]), (&api.response, from_dom[1])] {
        if dom {
            check_types(list, source, &mut diags);
        }
    }
    if api.name.is_empty() {
        diags.push(
            Diagnostic::error(Span::new(0, source.len().min(1)), "the page does not name its API")
                .with_hint("keep the `taobao.xxx.yyy (标题)` line, or the Java request example"),
        );
    }
    (api, diags)
}

/// The page's text as a browser copy gives it (tables as pipe rows): what the page-text parser
/// reads when the DOM gives no structure.
pub fn copy_text(source: &str) -> String {
    text::element_text(Html::parse_document(source).root_element())
}

fn inside_table(el: ElementRef) -> bool {
    el.ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| e.name() == "table"))
}

/// A page-text diagnostic, pointed at the same text in the HTML source when it is found there.
fn relocate(mut d: Diagnostic, page_text: &str, source: &str) -> Diagnostic {
    let snippet = page_text.get(d.span.start..d.span.end).unwrap_or("").trim();
    d.span = match source.find(snippet).filter(|_| !snippet.is_empty()) {
        Some(at) => Span::new(at, at + snippet.len()),
        None => Span::new(0, 0),
    };
    d
}

/// Points each parameter's span at its name in the HTML source, in document order.
struct Locator<'a> {
    source: &'a str,
    cursor: usize,
}

fn locate(params: &mut [Param], loc: &mut Locator) {
    for p in params {
        if let Some(i) = loc.source.get(loc.cursor..).and_then(|rest| rest.find(p.name.as_str())) {
            let start = loc.cursor + i;
            p.span = Some(Span::new(start, start + p.name.len()));
            loc.cursor = start + p.name.len();
        }
        locate(&mut p.children, loc);
    }
}

/// The type diagnostics of the rows read from the DOM (a missing type included), each pointed
/// at the type in the source: the first occurrence of its name between the row's name and the
/// next row's name (the row's name when it is not found, e.g. `Field List` split by a space).
fn check_types(params: &[Param], source: &str, diags: &mut Vec<Diagnostic>) {
    fn flatten<'p>(params: &'p [Param], out: &mut Vec<&'p Param>) {
        for p in params {
            out.push(p);
            flatten(&p.children, out);
        }
    }
    let mut rows = Vec::new();
    flatten(params, &mut rows);
    for (i, p) in rows.iter().enumerate() {
        let name = p.span.unwrap_or_default();
        let Some(declared) = &p.ty.declared else {
            diags.push(
                Diagnostic::warning(name, format!("`{}` has no type; read as String", p.name))
                    .with_hint("fill the 类型 cell (String, Number, Boolean, Date, ...)"),
            );
            continue;
        };
        let next = rows[i + 1..]
            .iter()
            .find_map(|q| q.span)
            .map_or(source.len(), |s| s.start);
        let element = declared.trim_end_matches("[]");
        let window = source.get(name.end..next.max(name.end)).unwrap_or("");
        let span = match window.find(element).filter(|_| !element.is_empty()) {
            Some(at) => {
                let start = name.end + at;
                // `Name []` / `Name[]`: the brackets belong to the type as written.
                let brackets = &source[start + element.len()..];
                let tail = brackets.len() - brackets.trim_start_matches([' ', '[', ']']).len();
                let end = start + element.len() + if declared.len() > element.len() { tail } else { 0 };
                Span::new(start, source[..end].trim_end().len())
            }
            None => name,
        };
        diags.extend(types::diagnose(
            &p.name,
            declared,
            !p.children.is_empty(),
            span,
            Listing::HtmlTable,
        ));
    }
}
