//! Reader for the doc center's JSON record (`name`, `apiChineseName`, `description`,
//! `requestParams` / `responseParams` with `subParams`, `required`, `maxLength`, `maxListSize`,
//! `minValue`, `maxValue`): the platform's own data, with the true nesting.
//!
//! Descriptions are HTML fragments in the record; they become the text a doc page shows
//! ([`super::html_text::html_to_text`]), so every reader yields the same IR for the same doc.

mod spans;

use super::html_text::html_to_text;
use super::types::{self, Listing};
use crate::diag::Diagnostic;
use crate::ir::{Api, Limits, Param, SourceFormat, Span, TypeRef};
use serde_json::{Map, Value};
use spans::Node;

/// Reads a JSON record. Never panics: malformed JSON and unexpected shapes become diagnostics.
pub fn parse(text: &str) -> (Api, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut api = Api {
        source_format: SourceFormat::Json,
        ..Api::default()
    };
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let offset = offset_of(text, e.line(), e.column());
            // The character there (none at the end of the text): the span stays inside the text.
            let end = text[offset..].chars().next().map_or(offset, |c| offset + c.len_utf8());
            diags.push(
                Diagnostic::error(Span::new(offset, end), format!("invalid JSON: {e}")).with_hint(
                    "a JSON spec must be one doc-center record: {\"name\": ..., \"requestParams\": [...], ...}",
                ),
            );
            return (api, diags);
        }
    };
    // Positions of the text serde_json just accepted; only a scanner bug would leave them out,
    // and then diagnostics point at the start of the text.
    let tree = spans::scan(text);
    let Some((record, node)) = find_record(&root, tree.as_ref()) else {
        diags.push(
            Diagnostic::error(Span::new(0, text.len().min(1)), "no API record in this JSON document")
                .with_hint("expected an object with `name` and `requestParams`/`responseParams`"),
        );
        return (api, diags);
    };
    // Where a diagnostic points when the text's positions are unknown.
    let fallback = Span::new(0, text.len().min(1));
    match record.get("name").and_then(Value::as_str) {
        Some(name) if !name.trim().is_empty() => api.name = name.trim().to_string(),
        _ => diags.push(
            Diagnostic::error(Span::new(0, text.len().min(1)), "the record has no API `name`")
                .with_hint("add \"name\": \"taobao.xxx.yyy\""),
        ),
    }
    api.title = non_empty(record.get("apiChineseName"));
    api.description = record
        .get("description")
        .and_then(Value::as_str)
        .map(api_description_text)
        .filter(|s| !s.is_empty());
    api.category = non_empty(record.get("category"));
    api.request = params(record, node, "requestParams", true, fallback, &mut diags);
    api.response = params(record, node, "responseParams", false, fallback, &mut diags);
    if record.get("requestParams").is_none() && record.get("responseParams").is_none() {
        diags.push(Diagnostic::warning(
            Span::new(0, text.len().min(1)),
            "the record has neither `requestParams` nor `responseParams`",
        ));
    }
    (api, diags)
}

/// The record itself, or the first object below the root that looks like one (the doc center
/// wraps it as `{"data": {...}}` in some payloads), with its positions.
fn find_record<'a>(root: &'a Value, node: Option<&'a Node>) -> Option<(&'a Map<String, Value>, Option<&'a Node>)> {
    let obj = root.as_object()?;
    let looks_like_record = |o: &Map<String, Value>| {
        o.contains_key("requestParams") || o.contains_key("responseParams") || o.contains_key("apiChineseName")
    };
    if looks_like_record(obj) {
        return Some((obj, node));
    }
    obj.iter()
        .find_map(|(key, value)| find_record(value, node.and_then(|n| n.member(key)).map(|m| &m.value)))
}

/// On a doc page the API description keeps its raw newlines while `<br>` becomes a space.
fn api_description_text(html: &str) -> String {
    let with_spaces = html.replace("<br/>", " ").replace("<br>", " ").replace("<br />", " ");
    html_to_text(&with_spaces)
}

fn non_empty(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The parameter list `key` of `owner` (a record or a parameter), `node` being `owner`'s
/// positions.
fn params(
    owner: &Map<String, Value>,
    node: Option<&Node>,
    key: &str,
    request: bool,
    fallback: Span,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Param> {
    let Some(value) = owner.get(key) else { return Vec::new() };
    let member = node.and_then(|n| n.member(key));
    let Some(items) = value.as_array() else {
        diags.push(
            Diagnostic::error(
                member.map_or(fallback, |m| m.key_span),
                format!("`{key}` is not a list"),
            )
            .with_hint("expected [ {\"name\": ..., \"type\": ...}, ... ]"),
        );
        return Vec::new();
    };
    let item_nodes = member.map_or(&[][..], |m| m.value.items());
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| param(item, item_nodes.get(i), request, fallback, diags))
        .collect()
}

fn param(
    item: &Value,
    node: Option<&Node>,
    request: bool,
    fallback: Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Param> {
    let Some(obj) = item.as_object() else {
        diags.push(
            Diagnostic::error(node.map_or(fallback, Node::span), "a parameter entry is not an object")
                .with_hint("remove it or make it {\"name\": ..., \"type\": ...}"),
        );
        return None;
    };
    let at = |key: &str| node.and_then(|n| n.member(key)).map(|m| &m.value);
    let name = obj.get("name").and_then(Value::as_str).unwrap_or("").trim().to_string();
    // The `"name"` value; a nameless entry is pointed at by its opening brace.
    let span = match (at("name"), node) {
        (Some(v), _) => v.span(),
        (None, Some(n)) => Span::new(n.span().start, n.span().start + 1),
        (None, None) => fallback,
    };
    if name.is_empty() {
        diags.push(
            Diagnostic::error(span, "a parameter has no `name`").with_hint("every parameter needs its wire name"),
        );
        return None;
    }
    let declared = obj.get("type").and_then(Value::as_str).unwrap_or("");
    let ty = TypeRef::from_declared(declared);
    if declared.trim().is_empty() {
        diags.push(
            Diagnostic::warning(span, format!("parameter `{name}` has no type; read as String"))
                .with_hint("add \"type\": \"String\" (or the real type)"),
        );
    }
    let limit = |k: &str| obj.get(k).and_then(Value::as_i64);
    let children = params(obj, node, "subParams", request, fallback, diags);
    let type_span = at("type").map_or(span, Node::span);
    diags.extend(types::diagnose(
        &name,
        declared,
        !children.is_empty(),
        type_span,
        Listing::Record,
    ));
    Some(Param {
        name,
        ty,
        required: obj.get("required").and_then(Value::as_bool).unwrap_or(false),
        description: obj
            .get("description")
            .and_then(Value::as_str)
            .map(html_to_text)
            .filter(|s| !s.is_empty()),
        limits: Limits {
            max_length: limit("maxLength").and_then(|v| u64::try_from(v).ok()),
            max_list_size: limit("maxListSize").and_then(|v| u64::try_from(v).ok()),
            min_value: limit("minValue"),
            max_value: limit("maxValue"),
        },
        children,
        span: Some(span),
        ..Param::default()
    })
}

/// Byte offset of serde_json's 1-based line/column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    // serde_json counts columns in bytes: step back to the start of the character.
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Ty;

    #[test]
    fn reads_a_record_with_nesting_limits_and_html() {
        let text = r#"{
 "requestParams": [
  {"name": "req", "type": "ReqDto", "required": true, "description": "请求<br/>对象",
   "subParams": [{"name": "ids", "type": "Number []", "maxListSize": 20}]},
  {"name": "fields", "type": "Field List", "maxLength": 64, "minValue": 1, "maxValue": 100}
 ],
 "responseParams": [{"name": "ok", "type": "Boolean", "description": "&quot;是&quot;"}],
 "name": "taobao.x.y",
 "apiChineseName": "测试",
 "description": "第一行<br/>第二行",
 "category": "物流API"
}"#;
        let (api, diags) = parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(api.name, "taobao.x.y");
        assert_eq!(api.title.as_deref(), Some("测试"));
        assert_eq!(api.description.as_deref(), Some("第一行 第二行"));
        assert_eq!(api.request[0].description.as_deref(), Some("请求\n对象"));
        assert!(api.request[0].required);
        assert_eq!(api.request[0].children[0].ty.ty, Ty::List(Box::new(Ty::Number)));
        assert_eq!(api.request[0].children[0].limits.max_list_size, Some(20));
        assert_eq!(api.request[1].ty.ty, Ty::FieldList);
        assert_eq!(api.request[1].limits.max_length, Some(64));
        assert_eq!(api.request[1].limits.min_value, Some(1));
        assert_eq!(api.response[0].description.as_deref(), Some("\"是\""));
        let span = api.request[1].span.unwrap();
        assert_eq!(&text[span.start..span.end], "\"fields\"");
    }

    #[test]
    fn spans_point_at_children_listed_before_their_parent_name() {
        let text = r#"{"name": "taobao.x", "requestParams": [
  {"subParams": [{"name": "inner", "type": "String"}, {"name": "untyped"}], "name": "outer", "type": "Dto"},
  {"name": "next", "type": "String"}
]}"#;
        let (api, diags) = parse(text);
        let at = |p: &Param| {
            let s = p.span.unwrap();
            &text[s.start..s.end]
        };
        assert_eq!(at(&api.request[0]), "\"outer\"");
        assert_eq!(at(&api.request[0].children[0]), "\"inner\"");
        assert_eq!(at(&api.request[0].children[1]), "\"untyped\"");
        assert_eq!(at(&api.request[1]), "\"next\"");
        assert_eq!(&text[diags[0].span.start..diags[0].span.end], "\"untyped\"");
    }

    #[test]
    fn type_diagnostics_point_at_the_type_value_whatever_the_key_order() {
        let text = r#"{"name": "taobao.x", "requestParams": [
  {"type": "Nubmer", "name": "count"},
  {"subParams": [{"name": "inner", "type": "String"}], "name": "data", "type": "Data"},
  {"name": "ids", "description": "x", "type": "null []"},
  {"name": "info", "type": "RichClientInfo"}
], "responseParams": [{"subParams": [{"name": "s", "type": "Strng"}], "type": "Result", "name": "r"}]}"#;
        let (_, diags) = parse(text);
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.severity, &text[d.span.start..d.span.end], d.message.as_str()))
            .collect();
        use crate::diag::Severity::{Error, Warning};
        assert_eq!(
            found,
            [
                (Error, "\"Nubmer\"", "unknown type `Nubmer` for `count`"),
                (Warning, "\"null []\"", "unknown type `null[]` for `ids`; read as text"),
                (
                    Warning,
                    "\"RichClientInfo\"",
                    "`info` is an object (`RichClientInfo`) but the record lists none of its fields"
                ),
                (Error, "\"Strng\"", "unknown type `Strng` for `s`"),
            ]
        );
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `Number`?"));
    }

    #[test]
    fn malformed_json_is_a_diagnostic() {
        let (_, diags) = parse("{\n \"name\": \n}");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].is_error());
        assert!(diags[0].message.starts_with("invalid JSON"));
    }

    #[test]
    fn invalid_json_spans_stay_inside_the_text_on_character_boundaries() {
        for text in [
            "{\n",
            "{\"name\": 中}",
            "{\"name\": \"中",
            "{\"a\":1,}\n\n",
            "{\"中\": 1 2}",
        ] {
            let (_, diags) = parse(text);
            assert_eq!(diags.len(), 1, "{text:?}");
            let span = diags[0].span;
            assert!(span.start <= span.end && span.end <= text.len(), "{text:?}: {span:?}");
            assert!(text.get(span.start..span.end).is_some(), "{text:?}: {span:?}");
        }
    }

    #[test]
    fn missing_name_and_type_are_reported() {
        let (api, diags) = parse(r#"{"requestParams": [{"name": "a"}, {"type": "String"}]}"#);
        assert_eq!(api.request.len(), 1);
        assert_eq!(api.request[0].ty.display_name(), "String");
        let messages: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.contains(&"the record has no API `name`"), "{messages:?}");
        assert!(
            messages.contains(&"parameter `a` has no type; read as String"),
            "{messages:?}"
        );
        assert!(messages.contains(&"a parameter has no `name`"), "{messages:?}");
    }
}
