//! The 错误码解释 table: `code description solution` on one line (space-separated), or pipe
//! cells. The code is one word; with more than three words, the description takes the middle
//! and the solution the last word (solutions are short: `可忽略`).

use super::lines::Line;
use crate::diag::Diagnostic;
use crate::ir::ErrorCode;

/// Reads the rows of the error-code table.
pub fn rows(lines: &[Line<'_>], diags: &mut Vec<Diagnostic>) -> Vec<ErrorCode> {
    let mut out = Vec::new();
    for line in lines {
        let (t, _) = line.trimmed();
        let t = line.bullet().map_or(t, |(b, _)| b);
        if t.is_empty() || t.chars().all(|c| c == '|' || c.is_whitespace()) {
            continue;
        }
        let cells: Vec<String> = if t.contains('|') {
            // A `|` inside the description makes more than three cells: it stays in the text.
            let cells: Vec<&str> = t.trim_matches('|').split('|').map(str::trim).collect();
            three(&cells, "|")
        } else if t.contains('\t') {
            // A browser copy separates cells by tabs: spaces inside a cell stay in it, and an
            // empty cell keeps its place.
            let cells: Vec<&str> = t.split('\t').map(str::trim).collect();
            three(&cells, "\t")
        } else {
            let words: Vec<&str> = t.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            three(&words, " ")
        };
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        if cells.len() < 2 {
            diags.push(
                Diagnostic::warning(line.span(), format!("error code `{}` has no description", cell(0)))
                    .with_hint("an error-code row reads `错误码 错误描述 解决方案`"),
            );
        }
        out.push(ErrorCode {
            code: cell(0),
            description: cell(1),
            solution: cell(2),
        });
    }
    out
}

/// `code`, `code description`, or `code description… solution` (the middle cells joined by
/// `sep`), so no cell is dropped.
fn three(cells: &[&str], sep: &str) -> Vec<String> {
    match cells {
        [] => Vec::new(),
        [code] => vec![code.to_string()],
        [code, desc] => vec![code.to_string(), desc.to_string()],
        [code, middle @ .., solution] => vec![code.to_string(), middle.join(sep), solution.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    /// The rows of `text` as (code, description, solution), and the diagnostics.
    fn read(text: &str) -> (Vec<(String, String, String)>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let got = rows(&split_lines(text), &mut diags)
            .into_iter()
            .map(|r| (r.code, r.description, r.solution))
            .collect();
        (got, diags)
    }

    fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        rows.iter().map(|&(a, b, c)| (a.into(), b.into(), c.into())).collect()
    }

    #[test]
    fn error_rows() {
        let (got, diags) = read("a 描述 可忽略\nb Remote service error 重试\n| c | d | e |\nlonely\n");
        assert_eq!(
            got,
            owned(&[
                ("a", "描述", "可忽略"),
                ("b", "Remote service error", "重试"),
                ("c", "d", "e"),
                ("lonely", "", "")
            ])
        );
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn tab_separated_and_extra_pipe_cells_keep_every_word_in_its_cell() {
        let (got, _) = read("a\t查询 失败\t请 重试\nb\t\t可忽略\n| c | x | y | 重试 |\n");
        assert_eq!(
            got,
            owned(&[("a", "查询 失败", "请 重试"), ("b", "", "可忽略"), ("c", "x|y", "重试")])
        );
    }
}
