//! The page's response example as the JSON body the gateway sends (`ApiInfo::response_example`):
//! `{"<key>_response": {...}}` with JSON types taken from the response parameter tree
//! (booleans, numbers), and lists wrapped one level as docs/protocol.md §7.3 describes
//! (`"abnormal_sites": {"tms_sites_dto": [...]}`; the inner key is the snake case of the item
//! type). Members the tree does not know are kept as text.

use super::response::response_key;
use crate::ir::{Api, ExampleValue, Param, Ty};
use crate::naming::list_item_key;
use serde_json::{Map, Value};

/// The JSON body, when the page has a structured response example.
pub(crate) fn response_example(api: &Api) -> Option<String> {
    let value = api.examples.response.as_ref()?.value.as_ref()?;
    let body = match value {
        ExampleValue::Object(members) => object(members, &api.response),
        _ => return None,
    };
    let mut root = Map::new();
    root.insert(response_key(&api.name), Value::Object(body));
    serde_json::to_string(&Value::Object(root)).ok()
}

fn object(members: &[(String, ExampleValue)], params: &[Param]) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in members {
        let param = params.iter().find(|p| &p.name == key);
        let converted = match param {
            Some(p) => typed(value, p, &p.ty.ty),
            None => untyped(value),
        };
        // XML repeats an element for each list item; the converted list already holds them all.
        out.entry(key.clone()).or_insert(converted);
    }
    out
}

fn typed(value: &ExampleValue, p: &Param, ty: &Ty) -> Value {
    if let Ty::List(inner) = ty {
        let items: Vec<&ExampleValue> = match value {
            ExampleValue::List(items) => items.iter().collect(),
            ExampleValue::Object(members) if is_container(members, p) => members.iter().map(|(_, v)| v).collect(),
            single => vec![single],
        };
        let converted: Vec<Value> = items.into_iter().map(|v| typed(v, p, inner)).collect();
        let key = match inner.as_ref() {
            Ty::Object(name) => list_item_key(name),
            other => list_item_key(&format!("{other:?}")),
        };
        let mut wrapper = Map::new();
        wrapper.insert(key, Value::Array(converted));
        return Value::Object(wrapper);
    }
    match value {
        ExampleValue::Object(members) => Value::Object(object(members, &p.children)),
        ExampleValue::List(items) => Value::Array(items.iter().map(|v| typed(v, p, ty)).collect()),
        ExampleValue::Scalar(text) => scalar(text, ty),
    }
}

/// An XML list container: every member has the same name and that name is not one of the item
/// type's own fields.
fn is_container(members: &[(String, ExampleValue)], p: &Param) -> bool {
    let Some((first, _)) = members.first() else { return true };
    members.iter().all(|(k, _)| k == first) && !p.children.iter().any(|c| &c.name == first)
}

fn scalar(text: &str, ty: &Ty) -> Value {
    match ty {
        Ty::Boolean => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text.to_string()),
        },
        Ty::Number | Ty::Byte => text
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(text.to_string())),
        _ => Value::String(text.to_string()),
    }
}

fn untyped(value: &ExampleValue) -> Value {
    match value {
        ExampleValue::Object(members) => Value::Object(object(members, &[])),
        ExampleValue::List(items) => Value::Array(items.iter().map(untyped).collect()),
        ExampleValue::Scalar(text) => Value::String(text.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{CodeExample, ExampleLanguage, TypeRef};

    fn p(name: &str, ty: &str, children: Vec<Param>) -> Param {
        Param {
            children,
            ..Param::new(name, TypeRef::from_declared(ty))
        }
    }

    fn s(v: &str) -> ExampleValue {
        ExampleValue::Scalar(v.into())
    }

    #[test]
    fn types_and_list_wrapping_follow_the_param_tree() {
        let mut api = Api {
            name: "taobao.x.get".into(),
            response: vec![
                p("ok", "Boolean", vec![]),
                p("n", "Number", vec![]),
                p("sites", "Site[]", vec![p("code", "String", vec![])]),
                p("tags", "String[]", vec![]),
            ],
            ..Api::default()
        };
        let site = |c: &str| ExampleValue::Object(vec![("code".into(), s(c))]);
        api.examples.response = Some(CodeExample {
            language: ExampleLanguage::Xml,
            text: String::new(),
            value: Some(ExampleValue::Object(vec![
                ("ok".into(), s("true")),
                ("n".into(), s("10")),
                (
                    "sites".into(),
                    ExampleValue::Object(vec![("site".into(), site("a")), ("site".into(), site("b"))]),
                ),
                ("tags".into(), ExampleValue::Object(vec![("string".into(), s("x"))])),
                ("extra".into(), s("1")),
            ])),
            span: None,
        });
        assert_eq!(
            response_example(&api).unwrap(),
            r#"{"x_get_response":{"ok":true,"n":10,"sites":{"site":[{"code":"a"},{"code":"b"}]},"tags":{"string":["x"]},"extra":"1"}}"#
        );
    }
}
