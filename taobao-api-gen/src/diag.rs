//! Diagnostics: what went wrong (or was repaired) while reading a spec, with its position.
//!
//! Positions are byte spans into the spec text; line and column are computed in one place
//! ([`LineIndex`]) so the CLI, the proc-macro and the tests agree. This module renders plain text
//! only; the CLI may add colour on a terminal.

use crate::ir::Span;
use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was repaired or is worth knowing; the IR is still exact.
    Note,
    /// The IR may be wrong here (a guess was made, data is missing).
    Warning,
    /// The spec is broken here; what the IR holds for it is incomplete.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding about a spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// Where: a byte range into the spec text.
    pub span: Span,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of the given severity.
    pub fn new(severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            message: message.into(),
            span,
            hint: None,
        }
    }

    /// An error.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, span, message)
    }

    /// A warning.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, span, message)
    }

    /// A note.
    pub fn note(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, span, message)
    }

    /// Adds the `= hint:` line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `FILE:LINE:COL` of the span's start.
    pub fn location(&self, path: &str, index: &LineIndex) -> String {
        let (line, col) = index.line_col(self.span.start);
        format!("{path}:{line}:{col}")
    }

    /// `FILE:LINE:COL: severity: message`, the first line of the rendering.
    pub fn headline(&self, path: &str, index: &LineIndex) -> String {
        format!("{}: {}: {}", self.location(path, index), self.severity, self.message)
    }

    /// Plain rendering: the headline, the source line with a caret under the span, the hint.
    pub fn render(&self, path: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        self.render_with(path, source, &index)
    }

    /// [`Diagnostic::render`] with a line index that is reused across diagnostics.
    pub fn render_with(&self, path: &str, source: &str, index: &LineIndex) -> String {
        format!("{}\n{}", self.headline(path, index), self.snippet(source, index))
    }

    /// The lines under a headline: the source line with its number in a gutter, a caret under
    /// the span (its first line), then the `= hint:` line. Each line ends in `\n`. Shared by
    /// `check` and the proc-macro's compile errors.
    pub fn snippet(&self, source: &str, index: &LineIndex) -> String {
        let (line, col) = index.line_col(self.span.start);
        let text = index.line_text(line);
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        let caret_col = text.chars().take(col - 1).map(display_width).sum::<usize>();
        let span_text = source
            .get(self.span.start..self.span.end.min(source.len()))
            .unwrap_or("");
        let span_on_line = span_text.split('\n').next().unwrap_or("");
        let width = span_on_line.chars().map(display_width).sum::<usize>().max(1);
        let mut out = format!(
            "{pad} |\n{line} | {text}\n{pad} | {}{}\n",
            " ".repeat(caret_col),
            "^".repeat(width)
        );
        if let Some(hint) = &self.hint {
            out.push_str(&format!("{pad} = hint: {hint}\n"));
        }
        out
    }
}

/// Terminal columns a character takes (CJK and fullwidth forms take two).
fn display_width(c: char) -> usize {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Maps byte offsets to 1-based line and column (column counted in characters, as editors do).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_col(offset).0
    }

    /// Byte offset where a 1-based line starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_start(line);
        let end = self.starts.get(line).map(|&s| s - 1).unwrap_or(self.text.len());
        self.text[start..end.max(start)].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_of_offsets() {
        let text = "ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(1), (1, 2));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(6), (3, 1));
        assert_eq!(idx.line_col(7), (4, 1));
        assert_eq!(idx.line_col(100), (4, 3));
        assert_eq!(idx.line_text(2), "cd");
        assert_eq!(idx.line_text(3), "");
        assert_eq!(idx.line_text(4), "ef");
        let cjk = "名称 x";
        assert_eq!(LineIndex::new(cjk).line_col(cjk.find('x').unwrap()), (1, 4));
    }

    #[test]
    fn render_points_at_the_span() {
        let text = "名称 类型\nfoo Strin\n";
        let start = text.find("Strin").unwrap();
        let d =
            Diagnostic::error(Span::new(start, start + 5), "unknown type `Strin`").with_hint("did you mean `String`?");
        let out = d.render("specs/x.txt", text);
        assert_eq!(
            out,
            "specs/x.txt:2:5: error: unknown type `Strin`\n  |\n2 | foo Strin\n  |     ^^^^^\n  = hint: did you mean `String`?\n"
        );
    }
}
