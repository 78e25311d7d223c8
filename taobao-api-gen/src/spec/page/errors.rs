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
            t.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect()
        } else {
            let words: Vec<&str> = t.split_whitespace().collect();
            match words.as_slice() {
                [] => continue,
                [code] => vec![code.to_string()],
                [code, desc] => vec![code.to_string(), desc.to_string()],
                [code, middle @ .., solution] => vec![code.to_string(), middle.join(" "), solution.to_string()],
            }
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

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn error_rows() {
        let lines = split_lines("a 描述 可忽略\nb Remote service error 重试\n| c | d | e |\nlonely\n");
        let mut diags = Vec::new();
        let rows = rows(&lines, &mut diags);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.description.as_str(), r.solution.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "描述", "可忽略"),
                ("b", "Remote service error", "重试"),
                ("c", "d", "e"),
                ("lonely", "", "")
            ]
        );
        assert_eq!(diags.len(), 1);
    }
}
