//! Label text of an enum pair: trimmed of separators, wrapping quotes, unbalanced brackets and
//! list numbers; Java enum constants (`INITIAL("INITIAL", "初始")`) read as their label.

/// Trims a label: spaces, trailing separators, wrapping quotes and unbalanced brackets.
pub(super) fn clean(label: &[char]) -> String {
    let mut s: String = label.iter().collect();
    loop {
        let before = s.len();
        s = s.trim().trim_end_matches(|c: char| ";,。、|*".contains(c)).to_string();
        for (open, close) in [
            ('(', ')'),
            ('[', ']'),
            ('【', '】'),
            ('“', '”'),
            ('"', '"'),
            ('\'', '\''),
        ] {
            if open == close {
                // Straight quotes: drop a wrapping pair, or a lone one at either end.
                let n = s.matches(open).count();
                if (n == 2 && s.starts_with(open) && s.ends_with(open) && s.len() > 2) || n % 2 == 1 {
                    if s.ends_with(open) {
                        s.pop();
                    }
                    if s.starts_with(open) && (n == 2 || !s.contains(open) || s.matches(open).count() % 2 == 1) {
                        s.remove(0);
                    }
                }
                continue;
            }
            let inner = s.strip_prefix(open).and_then(|x| x.strip_suffix(close));
            if let Some(inner) = inner.filter(|i| !i.contains(open) && !i.contains(close)) {
                s = inner.to_string();
            }
            let opens = s.matches(open).count();
            let closes = s.matches(close).count();
            if closes > opens && s.ends_with(close) {
                s.pop();
            } else if opens > closes && s.starts_with(open) {
                s.remove(0);
            }
        }
        s = strip_numbering(&s).trim_end_matches('.').to_string();
        if s.len() == before {
            return s;
        }
    }
}

/// The label of `VALUE(label)`; for Java enum constants `INITIAL("INITIAL", "初始")` the text
/// after the first argument, which must be the value itself (else the wire value is unknown and
/// the label is left empty, which rejects the run).
pub(super) fn paren_label(value: &str, inner: &[char]) -> String {
    let text: String = inner.iter().collect();
    if !text.contains('"') || !text.contains(',') {
        return clean(inner);
    }
    let args: Vec<&str> = text.split(',').map(|a| a.trim().trim_matches('"')).collect();
    if args.first() != Some(&value) {
        return String::new();
    }
    let rest: Vec<char> = args[1..].join(",").chars().collect();
    clean(&rest)
}

/// `现金支付; 2.`, `其他 (2)`: a list number left at the end of a label.
fn strip_numbering(label: &str) -> &str {
    // `2.`, `(2)`, `2)`: the number of the next item.
    let Some(open) = label.strip_suffix(['.', ')']) else {
        return label;
    };
    let digits = open.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == open.len() {
        return label;
    }
    let digits = if label.ends_with(')') {
        digits.strip_suffix('(').unwrap_or(digits)
    } else {
        digits
    };
    if !digits.ends_with([' ', ';']) {
        return label;
    }
    digits.trim_end_matches([' ', ';'])
}
