//! An element's text as a browser copy gives it, for the page-text parser: block elements and
//! `<br>` break lines, `<li>` items become `  • ` bullet lines, `<pre>` keeps its whitespace,
//! other whitespace collapses. Tables become pipe rows (`a | b | | d |`, the markdown layout the
//! page parser reads) so empty cells keep their column.

use crate::spec::html_text::html_to_text;
use scraper::{ElementRef, Node};

/// The text of `root` and everything below it.
pub fn element_text(root: ElementRef) -> String {
    let mut w = Writer::default();
    w.element(root);
    w.finish()
}

/// One cell's text on one line: its display lines joined by spaces.
pub fn cell_line(cell: ElementRef) -> String {
    cell_lines(cell).join(" ")
}

/// One cell's display lines (`<br>`, `<li>`, `<p>` break them), trimmed, blank ones dropped.
pub fn cell_lines(cell: ElementRef) -> Vec<String> {
    html_to_text(&cell.inner_html())
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The `<td>`/`<th>` children of a row.
pub fn cells(row: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    row.child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .collect()
}

/// The rows of a table, not those of tables nested in it.
pub fn rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut out = Vec::new();
    for child in table.child_elements() {
        match child.value().name() {
            "tr" => out.push(child),
            "thead" | "tbody" | "tfoot" => out.extend(child.child_elements().filter(|r| r.value().name() == "tr")),
            _ => {}
        }
    }
    out
}

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    current: String,
    pre: usize,
}

const SKIPPED: &[&str] = &["script", "style", "head", "title", "noscript", "template", "svg"];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "html",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "ul",
    "caption",
];

impl Writer {
    fn element(&mut self, el: ElementRef) {
        let name = el.value().name();
        if SKIPPED.contains(&name) {
            return;
        }
        match name {
            "br" => self.newline_always(),
            "li" => {
                self.newline();
                self.current.push_str("  • ");
                self.children(el);
                self.newline();
            }
            "table" => self.table(el),
            "pre" => {
                self.newline();
                self.pre += 1;
                self.children(el);
                self.pre -= 1;
                self.newline();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.blank();
                self.children(el);
                self.blank();
            }
            _ if BLOCKS.contains(&name) => {
                self.newline();
                self.children(el);
                self.newline();
            }
            _ => self.children(el),
        }
    }

    fn children(&mut self, el: ElementRef) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            let mut parts = t.split('\n');
            if let Some(first) = parts.next() {
                self.current.push_str(first.trim_end_matches('\r'));
            }
            for part in parts {
                self.newline_always();
                self.current.push_str(part.trim_end_matches('\r'));
            }
            return;
        }
        for (i, word) in t.split(|c: char| c.is_whitespace() && c != '\u{a0}').enumerate() {
            if i > 0 && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.current.push_str(&word.replace('\u{a0}', " "));
        }
    }

    /// Rows as pipe rows, the header followed by a `---|` rule.
    fn table(&mut self, table: ElementRef) {
        self.newline();
        for (i, row) in rows(table).into_iter().enumerate() {
            let cells: Vec<String> = cells(row).into_iter().map(cell_line).collect();
            if cells.is_empty() {
                continue;
            }
            self.lines.push(format!("{} |", cells.join(" | ")));
            if i == 0 {
                self.lines.push("---|".repeat(cells.len()));
            }
        }
    }

    fn newline(&mut self) {
        if !self.current.trim().is_empty() {
            self.newline_always();
        } else {
            self.current.clear();
        }
    }

    fn newline_always(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.lines.push(line.trim_end().to_string());
    }

    fn blank(&mut self) {
        self.newline();
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        self.newline();
        let mut out: Vec<String> = Vec::new();
        for line in self.lines {
            if !(line.is_empty() && out.last().is_none_or(|l: &String| l.is_empty())) {
                out.push(line);
            }
        }
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn blocks_bullets_pre_and_tables() {
        let doc = Html::parse_document(
            "<html><head><title>t</title></head><body><h1>x.y (标题)</h1><p>a\n  b<br>c</p>\
             <ul><li>one</li><li>two</li></ul><pre>  keep\n    this</pre>\
             <table><tr><th>名称</th><th>类型</th></tr><tr><td>└ a</td><td></td></tr></table></body></html>",
        );
        let expected = "x.y (标题)\n\na b\nc\n  • one\n  • two\n  keep\n    this\n名称 | 类型 |\n---|---|\n└ a |  |";
        assert_eq!(element_text(doc.root_element()), expected);
    }
}
