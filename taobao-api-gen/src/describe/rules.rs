//! Conditional rules from a normalised description:
//! - `X有值时,必需` where `X` names the enclosing object -> [`Rule::RequiredInParent`];
//! - `<scenario>场景必传` where the scenario is the label of a sibling's enum value, or
//!   `field为value时必填` naming a sibling -> [`Rule::RequiredWhen`].
//!
//! Anything else is left to `notes`. This module never looks at the parameter itself as the
//! sibling of a condition: a field cannot be required because of its own value.

use crate::ir::{Param, Rule};
use std::ops::Range;

/// Words that make a field required.
pub const REQUIRED_WORDS: [&str; 4] = ["必需", "必填", "必传", "必须"];

/// Words after 必须 that make it a constraint on the value, not on presence.
const NOT_REQUIRING: [&str; 19] = [
    "不",
    "是",
    "为",
    "小于",
    "大于",
    "等于",
    "在",
    "与",
    "和",
    "按",
    "以",
    "使用",
    "包含",
    "符合",
    "一致",
    "保持",
    "设置为",
    "设为",
    // `必须设置 n天以上违约规则`: what the value must contain.
    "设置",
];

/// Subjects that name the field itself (`此项必填`): they carry no condition.
const SELF_NAMES: [&str; 8] = ["此项", "该项", "该字段", "此字段", "本字段", "该参数", "此参数", "该值"];

/// Where a parameter sits: its enclosing object (if any) and its siblings (itself included, at
/// `index`), with enum values already read.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The enclosing object parameter.
    pub parent: Option<&'a Param>,
    /// The parameters at this level, the described one included.
    pub siblings: &'a [Param],
    /// Position of the described parameter in `siblings`.
    pub index: usize,
}

/// A rule and the byte range of the phrase it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The rule.
    pub rule: Rule,
    /// Where its phrase is in the text.
    pub range: Range<usize>,
}

/// Every rule stated in `text` (normalised) that the context lets us resolve.
pub fn extract(text: &str, ctx: Context<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for (start, word) in REQUIRED_WORDS.iter().flat_map(|w| text.match_indices(w)) {
        let end = start + word.len();
        // `必须不填` is a prohibition, `必须是两个` / `必须小于` a constraint on the value.
        let after = &text[end..];
        let fixed_value = after
            .trim_start_matches(['填', '传', ' '])
            .starts_with(|c: char| c.is_ascii_digit());
        if fixed_value || NOT_REQUIRING.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let head = text[..start].trim_end_matches([',', ' ']);
        let rule = required_in_parent(text, head, end, ctx).or_else(|| required_when(text, head, end, ctx));
        if let Some(found) = rule
            && !out.iter().any(|f: &Found| f.range == found.range)
        {
            out.push(found);
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// The subject just before `head`'s end: ASCII identifier chars or CJK, no punctuation.
fn subject_start(head: &str) -> usize {
    head.char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || super::normalize::is_cjk(*c))
        .last()
        .map_or(head.len(), |(i, _)| i)
}

fn required_in_parent(text: &str, head: &str, end: usize, ctx: Context<'_>) -> Option<Found> {
    let parent = ctx.parent?;
    let before = ["有值时", "不为空时", "存在时", "有值"]
        .iter()
        .find_map(|t| head.strip_suffix(t))?;
    let start = subject_start(before);
    let subject = &before[start..];
    if subject.chars().count() < 2 || !names_object(subject, parent) {
        return None;
    }
    Some(Found {
        rule: Rule::RequiredInParent {
            source: text[start..end].to_string(),
        },
        range: start..end,
    })
}

/// Lower-case ASCII alphanumerics: `phone_call_info_list` and `phoneCallInfo` compare.
fn squash(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `phoneCallInfo` names `phone_call_info_list: PhoneCallInfoReqDto[]`; `电联信息` names an
/// object described as `电联信息`.
fn names_object(subject: &str, parent: &Param) -> bool {
    let s = squash(subject);
    if s.len() >= 3 && s.len() * 2 >= subject.len() {
        let name = squash(&parent.name);
        let ty = squash(parent.ty.display_name().trim_end_matches("[]"));
        return name.starts_with(&s) || ty.starts_with(&s) || s.starts_with(&name);
    }
    let described = parent.description.as_deref().map(super::normalize::normalize);
    described.is_some_and(|d| d.trim() == subject || d.trim_end_matches(['。', '.']).ends_with(subject))
}

fn required_when(text: &str, head: &str, end: usize, ctx: Context<'_>) -> Option<Found> {
    let trimmed = ["场景下", "场景", "时", "的情况下", "情况下", "为"]
        .iter()
        .find_map(|t| head.strip_suffix(t))
        .unwrap_or(head);
    let mut start = subject_start_with_condition(trimmed);
    let subject = trimmed[start..].trim_start_matches(['当', '若']);
    let (field, equals) = if names_self(subject.trim(), ctx) {
        // `is_consign=true时,此项必填`: the condition is the clause before.
        let before = trimmed[..start].trim_end_matches([',', ' ']);
        let condition = before.strip_suffix("时")?;
        start = subject_start_with_condition(condition);
        field_equals(condition[start..].trim_start_matches(['当', '若']), ctx)?
    } else {
        match field_equals(subject, ctx) {
            Some(hit) => hit,
            None => {
                let (skip, hit) = scenario(subject, ctx)?;
                start = trimmed.len() - subject.len() + skip;
                hit
            }
        }
    };
    let start = start + (text[start..end].len() - text[start..end].trim_start().len());
    Some(Found {
        rule: Rule::RequiredWhen {
            field,
            equals,
            source: text[start..end].to_string(),
        },
        range: start..end,
    })
}

/// `此项`, `该字段`, or the field's own wire name: the phrase is about the field itself.
fn names_self(subject: &str, ctx: Context<'_>) -> bool {
    let own = ctx.siblings.get(ctx.index).map(|p| squash(&p.name)).unwrap_or_default();
    subject.is_empty() || SELF_NAMES.contains(&subject) || (!own.is_empty() && squash(subject) == own)
}

/// Like [`subject_start`], but `=` and spaces may join `field = value`.
fn subject_start_with_condition(head: &str) -> usize {
    head.char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || "_= ".contains(*c) || super::normalize::is_cjk(*c))
        .last()
        .map_or(head.len(), |(i, _)| i)
}

/// `service_type为1`, `serviceType=1`: a sibling by wire name (or its camelCase) and a value.
fn field_equals(subject: &str, ctx: Context<'_>) -> Option<(String, String)> {
    let (name, value) = ["==", "=", "为", "是"].iter().find_map(|op| subject.split_once(op))?;
    let (name, value) = (name.trim(), value.trim());
    if name.is_empty() || value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let sibling =
        others(ctx).find(|p| squash(&p.name) == squash(name) && !name.chars().any(super::normalize::is_cjk))?;
    let documented = sibling.enum_values.is_empty() || sibling.enum_values.iter().any(|v| v.value == value);
    documented.then(|| (sibling.name.clone(), value.to_string()))
}

/// `送货上门` -> the sibling value labelled exactly `送货上门` (the longest such tail of the
/// subject: `在送货上门` works too), else the one label containing the whole subject. Returns
/// the byte offset in `subject` where the scenario starts, and the `(field, value)`.
fn scenario(subject: &str, ctx: Context<'_>) -> Option<(usize, (String, String))> {
    if subject.chars().count() < 2
        || !subject.chars().all(super::normalize::is_cjk)
        || SELF_NAMES.iter().any(|n| subject.ends_with(n))
    {
        return None;
    }
    let pick = |matches: &dyn Fn(&str) -> bool| -> Option<Option<(String, String)>> {
        let mut hits = others(ctx)
            .flat_map(|p| p.enum_values.iter().map(move |v| (p, v)))
            .filter(|(_, v)| matches(&super::normalize::normalize(&v.label)));
        let first = hits.next()?;
        // Two values with this label: ambiguous, so no rule (and no weaker match either).
        Some(
            hits.next()
                .is_none()
                .then(|| (first.0.name.clone(), first.1.value.clone())),
        )
    };
    for (skip, _) in subject.char_indices() {
        let tail = &subject[skip..];
        if tail.chars().count() < 2 {
            break;
        }
        if let Some(hit) = pick(&|l: &str| l == tail) {
            return hit.map(|h| (skip, h));
        }
    }
    // A containing label must be the scenario plus a word at most (`送货上门` in `送货上门服务`).
    let close = |l: &str| l.contains(subject) && l.chars().count() <= subject.chars().count() + 2;
    pick(&close).flatten().map(|h| (0, h))
}

fn others<'a>(ctx: Context<'a>) -> impl Iterator<Item = &'a Param> {
    ctx.siblings
        .iter()
        .enumerate()
        .filter(move |(i, _)| *i != ctx.index)
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumValue, TypeRef};

    fn sibling(name: &str, values: &[(&str, &str)]) -> Param {
        Param {
            enum_values: values
                .iter()
                .map(|(v, l)| EnumValue {
                    value: v.to_string(),
                    label: l.to_string(),
                })
                .collect(),
            ..Param::new(name, TypeRef::from_declared("String"))
        }
    }

    /// The rules read from `text` on a field placed after `siblings`.
    fn read(text: &str, siblings: &[Param]) -> Vec<Rule> {
        let mut level = siblings.to_vec();
        level.push(Param::new("me", TypeRef::default()));
        let ctx = Context {
            parent: None,
            siblings: &level,
            index: level.len() - 1,
        };
        extract(text, ctx).into_iter().map(|f| f.rule).collect()
    }

    fn when(field: &str, equals: &str, source: &str) -> Rule {
        Rule::RequiredWhen {
            field: field.into(),
            equals: equals.into(),
            source: source.into(),
        }
    }

    #[test]
    fn required_in_parent_names_the_enclosing_object() {
        let parent = |name: &str, ty: &str, description: &str| Param {
            description: Some(description.to_string()),
            ..Param::new(name, TypeRef::from_declared(ty))
        };
        let cases = [
            (
                "phoneCallInfo有值时,必需",
                parent("phone_call_info_list", "PhoneCallInfoReqDto[]", "电联信息"),
                true,
            ),
            (
                "smsInfo有值时,必需",
                parent("sms_info_list", "SmsInfoDto []", "短信"),
                true,
            ),
            (
                "phoneCallInfo不为空时必填",
                parent("calls", "PhoneCallInfoReqDto", "电联"),
                true,
            ),
            ("电联信息有值时必传", parent("calls", "CallDto[]", "电联信息"), true),
            (
                "phoneCallInfo有值时,必需",
                parent("operator", "OperatorDTO", "提报人信息"),
                false,
            ),
            (
                "电联信息有值时必传",
                parent("operator", "OperatorDTO", "提报人信息"),
                false,
            ),
            (
                "phoneCallInfo有值时,必须不填",
                parent("phone_call_info_list", "PhoneCallInfoReqDto[]", "电联"),
                false,
            ),
        ];
        for (text, parent, want) in cases {
            let level = [Param::new("me", TypeRef::default())];
            let ctx = Context {
                parent: Some(&parent),
                siblings: &level,
                index: 0,
            };
            let rules: Vec<Rule> = extract(text, ctx).into_iter().map(|f| f.rule).collect();
            let got = matches!(rules.as_slice(), [Rule::RequiredInParent { .. }]);
            assert_eq!(got, want, "{text} in {}: {rules:?}", parent.name);
        }
    }

    #[test]
    fn required_when_is_read_from_values_and_scenarios() {
        let success = sibling("success", &[]);
        let kind = sibling("invoice_kind", &[("0", "电子发票"), ("2", "专票")]);
        let cases: Vec<(&str, Vec<Param>, Vec<Rule>)> = vec![
            (
                "错误码,success=false时必填",
                vec![success.clone()],
                vec![when("success", "false", "success=false时必填")],
            ),
            (
                "domestic为0时,固定China; domestic为1时,必须传编码",
                vec![sibling("domestic", &[("0", "国内"), ("1", "国外")])],
                vec![when("domestic", "1", "domestic为1时,必须")],
            ),
            (
                "购方地址,专票必填。",
                vec![kind.clone()],
                vec![when("invoice_kind", "2", "专票必填")],
            ),
            (
                "对企业开具电子发票时必填",
                vec![kind.clone()],
                vec![when("invoice_kind", "0", "电子发票时必填")],
            ),
            // A value the sibling does not document, a prohibition, a constraint on the value,
            // a subject naming the field itself, an unknown sibling: no rule.
            ("invoice_kind为9时必填", vec![kind.clone()], vec![]),
            ("专票必须不填", vec![kind.clone()], vec![]),
            ("专票必须是两个文案", vec![kind.clone()], vec![]),
            ("当invoice_kind=0时,me 必须设置为 1", vec![kind.clone()], vec![]),
            ("专票必须填2", vec![kind.clone()], vec![]),
            (
                "当refund_type为7时,自定义退改规则必须设置 n天以上违约规则",
                vec![sibling("refund_type", &[("1", "自定义退改规则"), ("7", "平台退改")])],
                vec![],
            ),
            ("is_consign=true时,此项必填", vec![kind.clone()], vec![]),
            (
                "发货的物流公司代码。is_consign=true时,此项必填。",
                vec![sibling("is_consign", &[])],
                vec![when("is_consign", "true", "is_consign=true时,此项必填")],
            ),
            (
                "成长值字段,当level_type=2时,me必传",
                vec![sibling("level_type", &[])],
                vec![when("level_type", "2", "当level_type=2时,me必传")],
            ),
            (
                "行李说明,当productType=4为必传",
                vec![sibling("product_type", &[])],
                vec![when("product_type", "4", "当productType=4为必传")],
            ),
            ("other=1时必填", vec![success], vec![]),
        ];
        for (text, siblings, want) in cases {
            assert_eq!(read(text, &siblings), want, "{text}");
        }
    }
}
