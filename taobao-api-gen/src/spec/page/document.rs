//! The XML and JSON response / error examples: a tolerant reader (flattened copies put spaces
//! inside tags, `< spi_result >`) producing the document tree under the root element or key, as
//! evidence and as the IR's example value.

use super::evidence::{Entry, EvValue, Evidence, kind_of_text};
use crate::ir::Span;

/// A document read from an example.
#[derive(Debug, Clone)]
pub struct Document {
    /// Name of the root element / key (`logistics_express_abnormal_report_response`).
    pub root: String,
    /// The value under the root.
    pub value: EvValue,
}

/// Reads an XML example starting at byte `base` of the page; `None` when no element is found.
pub fn parse_xml(code: &str, base: usize) -> Option<Document> {
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<(String, EvValue)> = None;
    let mut pos = 0;
    while let Some(open) = code[pos..].find('<').map(|i| pos + i) {
        let text_before = &code[pos..open];
        if let Some(top) = stack.last_mut() {
            top.2.push_str(text_before);
        }
        let Some(close) = code[open..].find('>').map(|i| open + i) else {
            break;
        };
        pos = close + 1;
        let inner: String = code[open + 1..close].trim().to_string();
        if inner.starts_with('?') || inner.starts_with('!') {
            continue;
        }
        if let Some(name) = inner.strip_prefix('/') {
            let name = tag_name(name);
            // Close up to the matching element (tolerating unclosed children).
            let Some(at) = stack.iter().rposition(|(n, ..)| *n == name) else {
                continue;
            };
            while stack.len() > at {
                let Some((n, fields, text, start)) = stack.pop() else {
                    break;
                };
                close_element(
                    &mut stack,
                    &mut root,
                    (n, fields, text),
                    Span::new(base + start, base + pos),
                );
            }
            continue;
        }
        let self_closing = inner.ends_with('/');
        let name = tag_name(inner.trim_end_matches('/'));
        if name.is_empty() {
            continue;
        }
        if self_closing {
            let entry = Entry {
                key: name,
                value: EvValue::Scalar {
                    text: String::new(),
                    kind: kind_of_text(""),
                },
                span: Span::new(base + open, base + pos),
            };
            if let Some(parent) = stack.last_mut() {
                parent.1.entries.push(entry);
            }
            continue;
        }
        stack.push((name, Evidence::default(), String::new(), open));
    }
    // An unclosed document still shows its structure: close what is open.
    while let Some((n, fields, text, start)) = stack.pop() {
        close_element(
            &mut stack,
            &mut root,
            (n, fields, text),
            Span::new(base + start, base + code.len()),
        );
    }
    root.map(|(root, value)| Document { root, value })
}

/// An element on the open stack: name, child entries, text, start offset.
type Open = (String, Evidence, String, usize);

/// Ends an element: a scalar when it has no child elements, else an object; it becomes an
/// entry of its parent, or the document root when nothing is open.
fn close_element(
    stack: &mut [Open],
    root: &mut Option<(String, EvValue)>,
    (name, fields, text): (String, Evidence, String),
    span: Span,
) {
    let value = if fields.entries.is_empty() {
        let t = unescape(text.trim());
        EvValue::Scalar {
            kind: kind_of_text(&t),
            text: t,
        }
    } else {
        EvValue::Object { class: None, fields }
    };
    match stack.last_mut() {
        Some(parent) => parent.1.entries.push(Entry { key: name, value, span }),
        None => *root = root.take().or(Some((name, value))),
    }
}

fn tag_name(inner: &str) -> String {
    inner.split_whitespace().next().unwrap_or("").to_string()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads a JSON example; `{"x_response": {...}}` yields root `x_response`.
pub fn parse_json(code: &str, base: usize) -> Option<Document> {
    let span = Span::new(base, base + code.len());
    let value: serde_json::Value = serde_json::from_str(code.trim()).ok()?;
    match value {
        serde_json::Value::Object(map) if map.len() == 1 => {
            let (root, inner) = map.into_iter().next()?;
            Some(Document {
                root,
                value: from_json(inner, span),
            })
        }
        other => Some(Document {
            root: String::new(),
            value: from_json(other, span),
        }),
    }
}

fn from_json(v: serde_json::Value, span: Span) -> EvValue {
    use serde_json::Value;
    match v {
        Value::Object(map) => EvValue::Object {
            class: None,
            fields: Evidence {
                entries: map
                    .into_iter()
                    .map(|(key, v)| Entry {
                        key,
                        value: from_json(v, span),
                        span,
                    })
                    .collect(),
            },
        },
        Value::Array(items) => EvValue::List {
            class: None,
            items: items.into_iter().map(|v| from_json(v, span)).collect(),
        },
        Value::String(s) => EvValue::Scalar {
            kind: kind_of_text(&s),
            text: s,
        },
        Value::Null => EvValue::Scalar {
            text: String::new(),
            kind: super::evidence::LitKind::Null,
        },
        other => {
            let text = other.to_string();
            EvValue::Scalar {
                kind: kind_of_text(&text),
                text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::ExampleValue;

    #[test]
    fn xml_with_spaces_inside_tags() {
        let xml =
            "<?xml version=\"1.0\"?>< r_response > < a > <b>1</b> <c>x &amp; y</c> </a> <d>true</ d > </r_response>";
        let doc = parse_xml(xml, 0).unwrap();
        assert_eq!(doc.root, "r_response");
        let ExampleValue::Object(fields) = doc.value.to_example() else {
            panic!("object expected")
        };
        assert_eq!(fields[0].0, "a");
        assert_eq!(
            fields[0].1,
            ExampleValue::Object(vec![
                ("b".into(), ExampleValue::Scalar("1".into())),
                ("c".into(), ExampleValue::Scalar("x & y".into()))
            ])
        );
        assert_eq!(fields[1], ("d".into(), ExampleValue::Scalar("true".into())));
    }

    #[test]
    fn truncated_xml_keeps_what_is_there() {
        let doc = parse_xml("<r><a><b>1</b>", 0).unwrap();
        let f = doc.value.fields_for(false).unwrap();
        assert_eq!(f.entries[0].key, "a");
        assert!(parse_xml("no tags", 0).is_none());
    }

    #[test]
    fn json_document() {
        let doc = parse_json(
            r#"{"r_response": {"list": {"item": [{"x": 1}, {"y": "2"}]}, "ok": true}}"#,
            0,
        )
        .unwrap();
        assert_eq!(doc.root, "r_response");
        let f = doc.value.fields_for(false).unwrap();
        let list = f.get("list").unwrap().value.fields_for(true).unwrap();
        assert_eq!(list.entries.len(), 2);
        assert!(parse_json("{broken", 0).is_none());
    }
}
