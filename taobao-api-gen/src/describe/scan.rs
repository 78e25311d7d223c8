//! Finds `value SEP label` candidates in a normalised description, left to right.
//!
//! This module only tokenises: it knows what a value, a value-label separator and the start of a
//! label look like. Whether consecutive candidates form an enum is decided in `enums`.

use super::normalize::is_cjk;

/// How a value is tied to its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// `1:是`, `A : x`.
    Colon,
    /// `1-是`, `1--是`, `0 - 否`.
    Dash,
    /// `ZP=正品`.
    Equals,
    /// `WAIT_BUYER_PAY(等待买家付款)`: the label is the bracketed text.
    Paren,
    /// `SMART 智能云呼`, `NORMAL, 普通`: a code, a space or comma, then a Chinese label.
    Weak,
}

/// One `value SEP label` occurrence. Indices are char indices into the scanned text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// First char of the value (its `-` sign included).
    pub start: usize,
    /// The value as read (repaired when `written` differs).
    pub value: String,
    /// The value as written in the text.
    pub written: String,
    /// The separator kind.
    pub sep: Sep,
    /// First char of the label.
    pub label_start: usize,
    /// For [`Sep::Paren`], the index of the closing bracket (the label ends there).
    pub label_end: Option<usize>,
}

/// Chars after which a value may start.
pub fn is_boundary(c: char) -> bool {
    c.is_whitespace() || is_cjk(c) || ";,。、|()[]{}:*•·\"'【】「」<>/".contains(c)
}

/// Chars that separate one pair from the next.
pub fn is_pair_sep(c: char) -> bool {
    c.is_whitespace() || ";,。、|*•·/".contains(c)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `SMART`, `NOT_CONNECT`, `TMS_SIGN`: upper-case codes (at least two chars).
pub fn is_upper_code(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && s.len() >= 2
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Every candidate, greedily: a label is never the value of the next candidate.
pub fn candidates(chars: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // `0和2:..`: a value right after a conjunction is the tail of a list of values.
        let at_boundary = i == 0 || (is_boundary(chars[i - 1]) && !"和或及与至到".contains(chars[i - 1]));
        match at_boundary.then(|| candidate_at(chars, i)).flatten() {
            Some(c) => {
                // A label may itself start a candidate (`pickupType:DOOR_PICKUP 卡车上门揽收`);
                // the pair before then has an empty label and fails on its own.
                i = c.label_end.map_or(c.label_start, |e| e + 1);
                out.push(c);
            }
            None => {
                i += 1;
                while i < chars.len() && is_word(chars[i]) && is_word(chars[i - 1]) {
                    i += 1;
                }
            }
        }
    }
    out
}

fn candidate_at(chars: &[char], start: usize) -> Option<Candidate> {
    let (value, written, end) = value_at(chars, start)?;
    let (sep, label_start, label_end) = separator_at(chars, end, &value)?;
    let first = *chars.get(label_start)?;
    if first.is_whitespace() || ";,。、|)]".contains(first) {
        return None;
    }
    // `5-10万`: a numeric range, not a value and its label (`1 - 1小时..` with spaces is a pair).
    let tight =
        label_start > 0 && chars[label_start - 1] == '-' && chars.get(start + value.chars().count()) == Some(&'-');
    if sep == Sep::Dash && tight && first.is_ascii_digit() && value.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    Some(Candidate {
        start,
        value,
        written,
        sep,
        label_start,
        label_end,
    })
}

/// The value token at `start`: `-?[A-Za-z0-9_]+`, with a stray space inside an upper-case code
/// (`NOT _CONNECT`, `NOT_ CONNECT`) removed.
fn value_at(chars: &[char], start: usize) -> Option<(String, String, usize)> {
    let mut j = start;
    if chars.get(j) == Some(&'-') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    let word_start = j;
    while j < chars.len() && is_word(chars[j]) {
        j += 1;
    }
    if j == word_start || !chars[word_start..j].iter().any(char::is_ascii_alphanumeric) {
        return None;
    }
    let mut written: String = chars[start..j].iter().collect();
    let mut value = written.clone();
    if chars.get(j) == Some(&' ') && is_upper_code(&value) {
        let rest_start = j + 1;
        let mut k = rest_start;
        while k < chars.len() && is_word(chars[k]) {
            k += 1;
        }
        let rest: String = chars[rest_start..k].iter().collect();
        let joins = (rest.starts_with('_') || value.ends_with('_'))
            && !(rest.starts_with('_') && value.ends_with('_'))
            && rest.chars().any(|c| c.is_ascii_uppercase())
            && rest
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if joins {
            value.push_str(&rest);
            written = chars[start..k].iter().collect();
            j = k;
        }
    }
    Some((value, written, j))
}

fn skip_spaces(chars: &[char], mut k: usize) -> usize {
    while k < chars.len() && chars[k] == ' ' {
        k += 1;
    }
    k
}

fn separator_at(chars: &[char], end: usize, value: &str) -> Option<(Sep, usize, Option<usize>)> {
    let k = skip_spaces(chars, end);
    let spaces = k - end;
    match chars.get(k)? {
        ':' if chars.get(k + 1) != Some(&'/') => Some((Sep::Colon, skip_spaces(chars, k + 1), None)),
        '=' if chars.get(k + 1) != Some(&'=') => Some((Sep::Equals, skip_spaces(chars, k + 1), None)),
        '-' => {
            let mut d = k;
            while chars.get(d) == Some(&'-') {
                d += 1;
            }
            (d - k <= 2).then(|| (Sep::Dash, skip_spaces(chars, d), None))
        }
        '(' if spaces <= 1 => {
            let close = matching_close(chars, k)?;
            (close > k + 1).then_some((Sep::Paren, k + 1, Some(close)))
        }
        ',' if is_upper_code(value) => {
            let l = skip_spaces(chars, k + 1);
            chars.get(l).is_some_and(|&c| is_cjk(c)).then_some((Sep::Weak, l, None))
        }
        &c if spaces > 0 && is_cjk(c) && is_upper_code(value) => Some((Sep::Weak, k, None)),
        _ => None,
    }
}

/// The `)` closing the `(` at `open`, on the same line and within 200 chars.
pub fn matching_close(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(open).take(200) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(String, Sep)> {
        let chars: Vec<char> = text.chars().collect();
        candidates(&chars).into_iter().map(|c| (c.value, c.sep)).collect()
    }

    #[test]
    fn candidates_are_found() {
        let cases: &[(&str, &[(&str, Sep)])] = &[
            ("1:是,0:否", &[("1", Sep::Colon), ("0", Sep::Colon)]),
            (
                "(1-送货上门;10-官方取退-上门取退)",
                &[("1", Sep::Dash), ("10", Sep::Dash)],
            ),
            (
                "SMART 智能云呼; NORMAL, 普通",
                &[("SMART", Sep::Weak), ("NORMAL", Sep::Weak)],
            ),
            ("NOT _CONNECT, 未拨通", &[("NOT_CONNECT", Sep::Weak)]),
            ("A(说明),B(说明)", &[("A", Sep::Paren), ("B", Sep::Paren)]),
            ("ZP=正品;CC=残次", &[("ZP", Sep::Equals), ("CC", Sep::Equals)]),
            ("-1:错误, 0 - 白羊", &[("-1", Sep::Colon), ("0", Sep::Dash)]),
            ("phoneCallInfo有值时,必需", &[]),
            ("见http://a.b/c", &[]),
            ("B:16-30平米", &[("B", Sep::Colon)]),
            ("1 - 1小时可上门 2 - 2小时", &[("1", Sep::Dash), ("2", Sep::Dash)]),
            ("yzsm_cn_1,SF,STO", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, Sep)> = want.iter().map(|(v, s)| (v.to_string(), *s)).collect();
            assert_eq!(scan(text), want, "{text}");
        }
    }

    #[test]
    fn stray_spaces_in_codes_are_repaired_only_next_to_underscores() {
        let chars: Vec<char> = "NOT _CONNECT, 未拨通".chars().collect();
        let c = &candidates(&chars)[0];
        assert_eq!((c.value.as_str(), c.written.as_str()), ("NOT_CONNECT", "NOT _CONNECT"));
        assert_eq!(scan("NOT CONNECT, 未拨通"), vec![("CONNECT".to_string(), Sep::Weak)]);
        assert_eq!(scan("A_ _B, 未拨通"), vec![]);
    }
}
