//! Constraint phrases the IR cannot express as a rule (`核销节点运单号可为空`, `二选一`,
//! `淘内包裹必须不填`), kept verbatim (after NFKC) as notes, with the condition clause that
//! precedes them (`若X为空时,Y必填`).

use std::ops::Range;

/// Words that state a constraint worth keeping.
const CONSTRAINT_WORDS: [&str; 13] = [
    "必填",
    "必传",
    "必须",
    "必需",
    "必选",
    "不能为空",
    "不可为空",
    "可为空",
    "不填",
    "二选一",
    "至少",
    "不能同时",
    "必输",
];

/// Clauses of `text` (normalised) that state a constraint and do not overlap `taken` (the byte
/// ranges already read as an enum or a rule).
pub fn extract(text: &str, taken: &[Range<usize>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sentence in pieces(text, 0..text.len(), &['。', ';', '\n', '!', '?']) {
        let clauses = pieces(text, sentence, &[',']);
        for (k, clause) in clauses.iter().enumerate() {
            let here = &text[clause.clone()];
            if !CONSTRAINT_WORDS.iter().any(|w| here.contains(w)) {
                continue;
            }
            if taken.iter().any(|t| t.start < clause.end && clause.start < t.end) {
                continue;
            }
            let mut first = k;
            while first > 0 && is_condition(&text[clauses[first - 1].clone()]) {
                first -= 1;
            }
            let note = text[clauses[first].start..clause.end].trim().to_string();
            if !note.is_empty() && !out.contains(&note) {
                out.push(note);
            }
        }
    }
    out
}

/// `若X为空时`, `当A为1`, `如果..`: a clause stating when the next one applies.
fn is_condition(clause: &str) -> bool {
    let c = clause.trim();
    ["时", "情况下", "场景下"].iter().any(|s| c.ends_with(s))
        || ["如果", "若", "当", "如"].iter().any(|s| c.starts_with(s))
}

/// Byte ranges of `range` split at any of `seps` (separators dropped, blank pieces skipped).
fn pieces(text: &str, range: Range<usize>, seps: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        if seps.contains(&c) {
            let at = range.start + i;
            if !text[start..at].trim().is_empty() {
                out.push(start..at);
            }
            start = at + c.len_utf8();
        }
    }
    if !text[start..range.end].trim().is_empty() {
        out.push(start..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_clauses_become_notes() {
        let cases: &[(&str, &[&str])] = &[
            ("包裹运单号,核销节点运单号可为空", &["核销节点运单号可为空"]),
            (
                "收件人手机号。淘内包裹必须不填,淘外包裹必填,否则无法发送push消息",
                &["淘内包裹必须不填", "淘外包裹必填"],
            ),
            ("若商品ID为空时,SKU编码必填。", &["若商品ID为空时,SKU编码必填"]),
            ("适用和例外二选一填写", &["适用和例外二选一填写"]),
            ("运单号", &[]),
            ("必填;必填", &["必填"]),
        ];
        for (text, want) in cases {
            assert_eq!(extract(text, &[]), *want, "{text}");
        }
    }

    #[test]
    fn taken_ranges_are_skipped() {
        let text = "送货上门场景必传,异常处理结果: 1001-无法取件";
        let rule = 0.."送货上门场景必传".len();
        assert!(extract(text, &[rule]).is_empty());
    }
}
