//! Whether a run of pairs is an enum of this field: every check that turns a doubt into "no
//! enum" (mixed value kinds, field names or keys as values, labels that swallowed values or are
//! enums themselves, codes the run did not account for).

use super::enums::Run;
use super::normalize::is_cjk;
use super::scan::Sep;
use crate::ir::Ty;

pub(super) fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// `isSupportDeliveryHome`, `keywordId`: field names, not values.
fn is_lower_camel(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_lowercase()) && v.chars().any(|c| c.is_ascii_uppercase())
}

/// `如果date为空`: a value used elsewhere in the text as the name of a key or field.
pub(super) fn values_named_as_keys(chars: &[char], run: &Run) -> bool {
    let outside: String = chars[..run.start]
        .iter()
        .chain(&chars[run.end.min(chars.len())..])
        .collect();
    run.pairs.iter().filter(|p| !is_integer(&p.value)).any(|p| {
        outside.match_indices(p.value.as_str()).any(|(i, _)| {
            let before = outside[..i].chars().next_back();
            let after = &outside[i + p.value.len()..];
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                && ["为空", "字段", "不能", "的值", "参数", "属性"]
                    .iter()
                    .any(|k| after.starts_with(k))
        })
    })
}

/// `VISIT-上门`, `SELLER_AFFORD 是否..`: a label that starts with a code is a label-first pair or
/// holds the real value.
fn starts_with_code(label: &str) -> bool {
    let token: String = label
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let next = label[token.len()..].chars().next();
    token.len() >= 2
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && token.chars().any(|c| c.is_ascii_uppercase())
        && (token.contains('_') || next.is_some_and(|c| "-:=, ".contains(c)))
}

/// `开关状态(0,关闭;1,打开)`: a label that is itself an enum, so the run lists the keys of a
/// structured value, not values.
fn label_has_pairs(label: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    let nested = chars
        .windows(3)
        .filter(|w| w[0].is_ascii_digit() && ",:-=".contains(w[1]) && super::normalize::is_cjk(w[2]))
        .count();
    nested >= 2
}

/// `折扣 2,8`, `普通商品; COMBINE`: the label ends in a bare number or code, so values were lost
/// in it.
fn swallows_values(label: &str) -> bool {
    let body = label.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let tail = &label[body.len()..];
    let lost = tail.chars().all(|c| c.is_ascii_digit()) || super::scan::is_upper_code(tail);
    (!tail.is_empty() && !body.is_empty() && body.ends_with([' ', ',', ';']) && lost) || label.ends_with('-')
}

/// `出库RU_KU`: a Chinese label with an upper-case code stuck to its end.
fn ends_in_glued_code(label: &str) -> bool {
    let body = label.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let tail = &label[body.len()..];
    body.ends_with(|c: char| is_cjk(c)) && super::scan::is_upper_code(tail) && (tail.contains('_') || tail.len() >= 4)
}

/// `payCurrency:HKD(港币)、TWD(台币)` on `trade_attr`: the values belong to a key named before
/// them, not to this field (unless the key is the field itself: `pickupType:` on `pickup_type`).
pub(super) fn keyed_by_other_field(chars: &[char], start: usize, name: &str) -> bool {
    let mut k = start;
    while k > 0 && chars[k - 1] == ' ' {
        k -= 1;
    }
    if k == 0 || !matches!(chars[k - 1], ':' | '=') {
        return false;
    }
    let key_end = k - 1;
    let key_start = chars[..key_end]
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(0, |i| i + 1);
    // `渠道id:1-微信`: the key is `渠道id`, prose, not an identifier.
    if key_start > 0 && super::normalize::is_cjk(chars[key_start - 1]) {
        return false;
    }
    let key: String = chars[key_start..key_end].iter().collect();
    let squash = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    key.starts_with(|c: char| c.is_ascii_lowercase()) && squash(&key) != squash(name)
}

/// Char ranges of upper-case code tokens (`SAMPLE_ORDER`) that start a word.
fn upper_codes(chars: &[char]) -> Vec<(usize, usize)> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if word(chars[i]) && (i == 0 || !word(chars[i - 1])) {
            let mut j = i;
            while j < chars.len() && word(chars[j]) {
                j += 1;
            }
            let token: String = chars[i..j].iter().collect();
            if super::scan::is_upper_code(&token) {
                out.push((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

impl Run {
    /// A run of `CODE 标签` pairs is only trusted when it accounts for every code of the text:
    /// a code outside it, or after a space inside a label, is a value the run lost
    /// (`HANDHELD_DEVICES手持设备 ... MSTORE 移动门店`) or a label-first list (`更新用 FU020`).
    pub(super) fn weak_codes_all_read(&self, chars: &[char]) -> bool {
        upper_codes(chars).into_iter().all(|(start, _)| {
            // `TRANSIT_ WAREHOUSE`: the tail of a value repaired while reading it.
            let repaired_tail = start >= 2 && chars[start - 1] == ' ' && chars[start - 2] == '_';
            let inside = start >= self.start && start < self.end;
            let after_gap = start > 0 && (chars[start - 1].is_whitespace() || chars[start - 1] == ',');
            let is_value = self.pairs.iter().any(|p| {
                let token: String = chars[start..].iter().take(p.written.chars().count()).collect();
                token == p.written
            });
            repaired_tail || (inside && (is_value || !after_gap))
        })
    }

    pub(super) fn plausible(&self, ty: &Ty) -> bool {
        let n = self.pairs.len();
        if n < 2 {
            return false;
        }
        let mut values: Vec<&str> = self.pairs.iter().map(|p| p.value.as_str()).collect();
        values.sort_unstable();
        values.dedup();
        if values.len() != n || values.iter().any(|v| is_lower_camel(v) || v.len() > 64) {
            return false;
        }
        let integers = values.iter().filter(|v| is_integer(v)).count();
        let numeric = matches!(ty.element(), Ty::Number | Ty::Byte);
        if (numeric && integers != n) || (integers != 0 && integers != n && self.sep != Sep::Paren) {
            return false;
        }
        let inner_sep = match self.sep {
            Sep::Colon => Some(':'),
            Sep::Equals => Some('='),
            _ => None,
        };
        // `1-出库RU_KU 2-入库FREEZE`: labels that end in the next pair's code.
        let glued = self.pairs[..n - 1]
            .iter()
            .filter(|p| ends_in_glued_code(&p.label))
            .count();
        if glued >= 2 && 2 * glued >= n - 1 {
            return false;
        }
        if self.pairs.iter().any(|p| {
            swallows_values(&p.label)
                || p.label.ends_with([':', '='])
                || starts_with_code(&p.label)
                || label_has_pairs(&p.label)
                || p.label.contains("://")
                || inner_sep.is_some_and(|c| p.label.contains(c))
        }) {
            return false;
        }
        let worded = |l: &str| l.chars().any(|c| c.is_alphabetic());
        if self
            .pairs
            .iter()
            .any(|p| !worded(&p.label) || p.label.chars().count() > 80)
        {
            return false;
        }
        let chinese = self.pairs.iter().filter(|p| p.label.chars().any(is_cjk)).count();
        match self.sep {
            Sep::Weak => chinese == n,
            _ => 2 * chinese >= n,
        }
    }
}
