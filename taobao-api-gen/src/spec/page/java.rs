//! The Java request example (`req.setX(obj1)`, `obj1.setY("v")`, `list3.add(obj4)`): the object
//! tree it builds, by wire name (snake case of the setter), as evidence and as the IR's example
//! value. Works on flattened one-line copies too (statements are split at `;`, not at lines).

use super::evidence::{Entry, EvValue, Evidence, LitKind};
use crate::ir::Span;
use heck::ToSnakeCase;
use std::collections::HashMap;

/// What the Java example shows.
#[derive(Debug, Clone, Default)]
pub struct JavaExample {
    /// The request class (`LogisticsExpressAbnormalReportRequest`) and where it is named.
    pub request_class: Option<(String, Span)>,
    /// The fields the request object gets, as evidence.
    pub root: Option<Evidence>,
}

#[derive(Debug, Default)]
struct Var {
    class: Option<String>,
    list: bool,
    setters: Vec<(String, String, Span)>,
    items: Vec<String>,
}

/// Reads the Java code in `code`, which starts at byte `base` of the page.
pub fn parse(code: &str, base: usize) -> JavaExample {
    let mut vars: HashMap<String, Var> = HashMap::new();
    let mut root_var = None;
    let mut out = JavaExample::default();
    for (stmt, offset) in statements(code) {
        let span = Span::new(base + offset, base + offset + stmt.len());
        if let Some((ty, var, ctor)) = declaration(stmt) {
            let ctor_compact: String = ctor.chars().filter(|c| !c.is_whitespace()).collect();
            let is_list = ty.starts_with("List") || ctor_compact.starts_with("ArrayList");
            if !is_list && !ctor_compact.contains('.') && ctor_compact.ends_with("Request") && root_var.is_none() {
                let start = stmt.find(&ctor_compact).map_or(span.start, |i| base + offset + i);
                out.request_class = Some((ctor_compact.clone(), Span::new(start, start + ctor_compact.len())));
                root_var = Some(var.clone());
            }
            let class = if is_list {
                generic_arg(&ty).or_else(|| generic_arg(&ctor_compact))
            } else {
                Some(ctor_compact)
            };
            let class = class.map(|c| c.rsplit('.').next().unwrap_or(&c).to_string());
            vars.insert(
                var,
                Var {
                    class,
                    list: is_list,
                    ..Var::default()
                },
            );
        } else if let Some((var, method, arg)) = call(stmt) {
            let entry = vars.entry(var).or_default();
            if method == "add" {
                entry.items.push(arg);
            } else if let Some(prop) = method.strip_prefix("set").filter(|p| !p.is_empty()) {
                entry.setters.push((prop.to_snake_case(), arg, span));
            }
        }
    }
    if let Some(root) = root_var {
        let mut open = vec![root.clone()];
        if let Some(var) = vars.get(&root) {
            out.root = Some(fields(var, &vars, &mut open));
        }
    }
    out
}

/// `open` holds the variables being expanded: a variable set (directly or not) on itself is
/// shown as its name instead of recursing forever.
fn fields(var: &Var, vars: &HashMap<String, Var>, open: &mut Vec<String>) -> Evidence {
    let entries = var
        .setters
        .iter()
        .map(|(key, arg, span)| Entry {
            key: key.clone(),
            value: value(arg, vars, open),
            span: *span,
        })
        .collect();
    Evidence { entries }
}

fn value(arg: &str, vars: &HashMap<String, Var>, open: &mut Vec<String>) -> EvValue {
    let Some(var) = vars.get(arg).filter(|_| !open.iter().any(|o| o == arg)) else {
        return literal(arg);
    };
    open.push(arg.to_string());
    let v = if var.list {
        EvValue::List {
            class: var.class.clone(),
            items: var.items.iter().map(|i| value(i, vars, open)).collect(),
        }
    } else {
        EvValue::Object {
            class: var.class.clone(),
            fields: fields(var, vars, open),
        }
    };
    open.pop();
    v
}

/// A Java literal or expression as the example value a page shows for it.
pub fn literal(arg: &str) -> EvValue {
    let a = arg.trim();
    let scalar = |text: String, kind| EvValue::Scalar { text, kind };
    if a.len() >= 2 && a.starts_with('"') && a.ends_with('"') {
        return scalar(unescape(&a[1..a.len() - 1]), LitKind::String);
    }
    match a {
        "true" | "false" => return scalar(a.to_string(), LitKind::Boolean),
        "null" => return scalar(String::new(), LitKind::Null),
        _ => {}
    }
    let number = a.trim_end_matches(['L', 'l', 'D', 'd', 'F', 'f']);
    if !number.is_empty()
        && number
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
    {
        return scalar(number.to_string(), LitKind::Number);
    }
    let inner = first_string_literal(a);
    let kind = if a.contains("parseDateTime") || a.contains("new Date") {
        LitKind::Date
    } else if a.contains("FileItem") {
        LitKind::File
    } else {
        LitKind::Other
    };
    scalar(inner.unwrap_or_else(|| a.to_string()), kind)
}

fn first_string_literal(s: &str) -> Option<String> {
    let start = s.find('"')?;
    let body = &s[start + 1..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(unescape(&body[..i])),
            _ => escaped = false,
        }
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Statements split at `;` outside string and char literals, trimmed, with their offsets.
fn statements(code: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let (mut start, mut quote, mut escaped) = (0, None::<char>, false);
    for (i, c) in code.char_indices() {
        match (quote, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ';') => {
                push_trimmed(&mut out, code, start, i);
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    push_trimmed(&mut out, code, start, code.len());
    out
}

fn push_trimmed<'a>(out: &mut Vec<(&'a str, usize)>, code: &'a str, start: usize, end: usize) {
    let raw = &code[start..end];
    let t = raw.trim_start();
    let offset = start + (raw.len() - t.len());
    let t = t.trim_end();
    if !t.is_empty() {
        out.push((t, offset));
    }
}

/// `Type var = new Ctor(...)` -> (type without spaces, var, ctor text before `(`).
fn declaration(stmt: &str) -> Option<(String, String, String)> {
    let (lhs, rhs) = stmt.split_once('=')?;
    let rhs = rhs.trim_start().strip_prefix("new")?;
    let ctor = rhs.split('(').next()?.trim();
    let lhs = lhs.trim();
    // After the last space or `>`; the space may be a multi-byte one (no-break space of a
    // browser copy), so step over the whole character.
    let var_start = lhs
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '>')
        .map(|(i, c)| i + c.len_utf8())?;
    let var = lhs[var_start..].trim();
    let ty: String = lhs[..var_start].chars().filter(|c| !c.is_whitespace()).collect();
    if var.is_empty() || ty.is_empty() || ctor.is_empty() || !var.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some((ty, var.to_string(), ctor.to_string()))
}

/// `var.method(arg)` -> (var, method, arg text).
fn call(stmt: &str) -> Option<(String, String, String)> {
    let open = stmt.find('(')?;
    let close = stmt.rfind(')')?;
    if close < open {
        return None;
    }
    let (var, method) = stmt[..open].split_once('.')?;
    let (var, method) = (var.trim(), method.trim());
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !ident(var) || !ident(method) {
        return None;
    }
    Some((
        var.to_string(),
        method.to_string(),
        stmt[open + 1..close].trim().to_string(),
    ))
}

/// `List<Outer.Inner>` -> `Outer.Inner`.
fn generic_arg(s: &str) -> Option<String> {
    let open = s.find('<')?;
    let close = s.rfind('>')?;
    (close > open + 1).then(|| s[open + 1..close].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = r#"TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);
FooBarRequest req = new FooBarRequest();
FooBarRequest.OuterDto obj1 = new FooBarRequest.OuterDto();
obj1.setServiceType("1;0");
List<FooBarRequest.PicDto> list3 = new ArrayList<FooBarRequest.PicDto>();
FooBarRequest.PicDto obj4 = new FooBarRequest.PicDto();
list3.add(obj4);
obj4.setPicUrl("a\"b");
obj1.setPictureInfoList(list3);
obj1.setLength(10L);
req.setOuter(obj1);
req.setWhen(StringUtils.parseDateTime("2024-01-01 00:00:00"));
FooBarResponse rsp = client.execute(req);"#;

    #[test]
    fn setters_build_the_request_tree() {
        let ex = parse(CODE, 0);
        assert_eq!(ex.request_class.as_ref().map(|c| c.0.as_str()), Some("FooBarRequest"));
        let root = ex.root.unwrap();
        let keys: Vec<_> = root.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["outer", "when"]);
        let EvValue::Object { class, fields } = &root.entries[0].value else {
            panic!("object expected")
        };
        assert_eq!(class.as_deref(), Some("OuterDto"));
        let keys: Vec<_> = fields.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["service_type", "picture_info_list", "length"]);
        assert_eq!(fields.entries[0].value.literal(), Some("1;0"));
        assert_eq!(
            fields.entries[2].value,
            EvValue::Scalar {
                text: "10".into(),
                kind: LitKind::Number
            }
        );
        let pics = fields.entries[1].value.fields_for(true).unwrap();
        assert_eq!(pics.entries[0].value.literal(), Some("a\"b"));
        assert_eq!(
            root.entries[1].value,
            EvValue::Scalar {
                text: "2024-01-01 00:00:00".into(),
                kind: LitKind::Date
            }
        );
        let at = CODE.find("obj1.setLength").unwrap();
        assert_eq!(fields.entries[2].span.start, at);
    }

    #[test]
    fn flattened_code_parses_the_same() {
        let flat = CODE.replace('\n', " ");
        let a = parse(CODE, 0)
            .root
            .map(|r| EvValue::Object { class: None, fields: r }.to_example());
        let b = parse(&flat, 0)
            .root
            .map(|r| EvValue::Object { class: None, fields: r }.to_example());
        assert_eq!(a, b);
        assert!(a.is_some());
    }

    #[test]
    fn self_reference_terminates() {
        let ex = parse(
            "XRequest req = new XRequest(); X.Y obj1 = new X.Y(); obj1.setMe(obj1); req.setA(obj1);",
            0,
        );
        assert!(ex.root.is_some());
    }

    #[test]
    fn declarations_split_at_a_no_break_space() {
        assert_eq!(
            declaration("X.PhoneCallInfoReqDto\u{a0}obj7 = new X.PhoneCallInfoReqDto()"),
            Some((
                "X.PhoneCallInfoReqDto".into(),
                "obj7".into(),
                "X.PhoneCallInfoReqDto".into()
            ))
        );
        // A stray no-break space inside the variable name: no declaration, no panic.
        assert_eq!(
            declaration("X.Y o\u{a0}bj7 = new X.Y()").map(|d| d.1),
            Some("bj7".into())
        );
    }
}
