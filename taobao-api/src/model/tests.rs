//! The object model on hand-written types shaped exactly like generated ones (the codegen
//! snapshots pin that shape): validation, encoding, `Debug` and serde.

use super::decode::{Context, Decode, JsonReader};
use super::*;
use crate::validation::ViolationKind;

/// A request DTO as the generator writes it: `Option` fields, a schema, a field match.
#[derive(Clone, Default)]
pub(crate) struct Parcel {
    pub(crate) code: Option<String>,
    pub(crate) count: Option<i64>,
    pub(crate) tags: Option<Vec<String>>,
    pub(crate) items: Option<Vec<Item>>,
    pub(crate) kind: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) price: Option<Decimal>,
    pub(crate) at: Option<Timestamp>,
    pub(crate) camel: Option<bool>,
}

impl Object for Parcel {
    fn schema(&self) -> &'static Schema {
        use FieldSpec as F;
        static SCHEMA: Schema = Schema::new(
            "Parcel",
            &[
                F::new("code").required().max_length(4),
                F::new("count").min_value(1).max_value(10),
                F::new("tags").max_list_size(2).max_length(3),
                F::new("items").max_list_size(2),
                F::new("kind"),
                F::new("note").required_when("kind", "1"),
                F::new("price"),
                F::new("at"),
                F::new("camelCase").json_key("camel_case"),
            ],
        );
        &SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        match index {
            0 => get(&self.code),
            1 => get(&self.count),
            2 => get(&self.tags),
            3 => get(&self.items),
            4 => get(&self.kind),
            5 => get(&self.note),
            6 => get(&self.price),
            7 => get(&self.at),
            8 => get(&self.camel),
            _ => None,
        }
    }
}

impl ObjectMut for Parcel {
    fn field_mut(&mut self, index: usize) -> Option<&mut dyn Slot> {
        match index {
            0 => Some(&mut self.code),
            1 => Some(&mut self.count),
            2 => Some(&mut self.tags),
            3 => Some(&mut self.items),
            4 => Some(&mut self.kind),
            5 => Some(&mut self.note),
            6 => Some(&mut self.price),
            7 => Some(&mut self.at),
            8 => Some(&mut self.camel),
            _ => None,
        }
    }
}

crate::object_impls!(Parcel, decode);

#[derive(Clone, Default)]
pub(crate) struct Item {
    pub(crate) name: Option<String>,
    pub(crate) url: Option<String>,
}

impl Object for Item {
    fn schema(&self) -> &'static Schema {
        static SCHEMA: Schema = Schema::new("Item", &[FieldSpec::new("name").required(), FieldSpec::new("url")]);
        &SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        match index {
            0 => get(&self.name),
            1 => get(&self.url),
            _ => None,
        }
    }
}

impl ObjectMut for Item {
    fn field_mut(&mut self, index: usize) -> Option<&mut dyn Slot> {
        match index {
            0 => Some(&mut self.name),
            1 => Some(&mut self.url),
            _ => None,
        }
    }
}

crate::object_impls!(Item, decode);

/// A request whose fields are the top-level parameters (validated with the top-level rules).
#[derive(Default)]
struct Request {
    ids: Option<Vec<String>>,
    numbers: Option<Vec<i64>>,
    parcel: Option<Parcel>,
    fields: Option<String>,
}

impl Object for Request {
    fn schema(&self) -> &'static Schema {
        use FieldSpec as F;
        static SCHEMA: Schema = Schema::new(
            "Request",
            &[
                F::new("ids").required().max_list_size(2).max_length(5),
                F::new("numbers").max_list_size(3),
                F::new("parcel"),
                F::new("fields").max_list_size(2),
            ],
        );
        &SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        match index {
            0 => get(&self.ids),
            1 => get(&self.numbers),
            2 => get(&self.parcel),
            3 => get(&self.fields),
            _ => None,
        }
    }
}

fn item(name: &str) -> Item {
    Item {
        name: Some(name.into()),
        url: None,
    }
}

fn strings(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|s| s.to_string()).collect())
}

fn paths_and_kinds(object: &dyn Object) -> Vec<(String, ViolationKind)> {
    let mut out = Vec::new();
    validate::violations(object, &mut out);
    out.into_iter().map(|v| (v.path, v.kind)).collect()
}

#[test]
fn required_scalar_lists_follow_the_text_that_is_sent() {
    // Sent comma-joined: `vec![]` and `vec![""]` send nothing (the gateway answers 40).
    for ids in [strings(&[]), strings(&[""]), strings(&["  "]), None] {
        let request = Request {
            ids: ids.clone(),
            ..Request::default()
        };
        assert_eq!(
            paths_and_kinds(&request),
            [("ids".into(), ViolationKind::Missing)],
            "{ids:?}"
        );
    }
    // `["", ""]` is sent as "," (not blank): present, as RequestCheckUtils sees it.
    let request = Request {
        ids: strings(&["", ""]),
        ..Request::default()
    };
    assert_eq!(paths_and_kinds(&request), []);
}

#[test]
fn list_sizes_and_lengths_count_the_comma_joined_text() {
    let case = |ids: &[&str]| {
        paths_and_kinds(&Request {
            ids: strings(ids),
            ..Request::default()
        })
    };
    // "a,b,c" is three items of the text sent, though one element.
    assert_eq!(
        case(&["a,b,c"]),
        [("ids".into(), ViolationKind::TooManyItems { max: 2, actual: 3 })]
    );
    // "a,," splits into one item (trailing empty pieces dropped).
    assert_eq!(case(&["a", "", ""]), []);
    // The joined text "ab,cd" is 5 units (the limit); "ab,cde" is 6.
    assert_eq!(case(&["ab", "cd"]), []);
    assert_eq!(
        case(&["ab", "cde"]),
        [("ids".into(), ViolationKind::TooLong { max: 5, actual: 6 })]
    );
    let request = Request {
        ids: strings(&["x"]),
        numbers: Some(vec![1, 2, 3, 4]),
        fields: Some("a,b,".into()),
        ..Request::default()
    };
    assert_eq!(
        paths_and_kinds(&request),
        [("numbers".into(), ViolationKind::TooManyItems { max: 3, actual: 4 })]
    );
}

#[test]
fn nested_objects_are_checked_with_paths_formatted_on_violation() {
    let parcel = Parcel {
        code: Some("toolong".into()),
        count: Some(0),
        tags: strings(&["abcd", "ok", "x"]),
        items: Some(vec![item("a"), Item::default(), item("c")]),
        kind: Some("1".into()),
        ..Parcel::default()
    };
    let request = Request {
        ids: strings(&["x"]),
        parcel: Some(parcel),
        ..Request::default()
    };
    assert_eq!(
        paths_and_kinds(&request),
        [
            ("parcel.code".into(), ViolationKind::TooLong { max: 4, actual: 7 }),
            ("parcel.count".into(), ViolationKind::TooSmall { min: 1, actual: 0 }),
            ("parcel.tags[0]".into(), ViolationKind::TooLong { max: 3, actual: 4 }),
            ("parcel.tags".into(), ViolationKind::TooManyItems { max: 2, actual: 3 }),
            ("parcel.items".into(), ViolationKind::TooManyItems { max: 2, actual: 3 }),
            ("parcel.items[1].name".into(), ViolationKind::Missing),
            (
                "parcel.note".into(),
                ViolationKind::MissingWhen {
                    field: "parcel.kind".into(),
                    equals: "1".into()
                }
            ),
        ]
    );
}

#[test]
fn objects_encode_as_the_java_sdk_writes_them() {
    let parcel = Parcel {
        code: Some("A/1".into()),
        count: Some(3),
        tags: strings(&["x", "y"]),
        items: Some(vec![item("张三")]),
        price: Some("12.50".parse().unwrap()),
        at: Timestamp::parse("2024-03-28 16:38:11"),
        camel: Some(true),
        ..Parcel::default()
    };
    let mut json = String::new();
    encode::write_json(parcel.value_ref(), &mut json);
    // Members sorted by key (`camel_case` is the Java key of `camelCase`), absent ones left out,
    // `/` escaped, decimals and dates as strings, lists as arrays.
    assert_eq!(
        json,
        r#"{"at":"2024-03-28 16:38:11","camel_case":true,"code":"A\/1","count":3,"items":[{"name":"张三"}],"price":"12.50","tags":["x","y"]}"#
    );
    let mut params = crate::Params::new();
    let request = Request {
        ids: strings(&["a", "b"]),
        numbers: Some(vec![1, 2]),
        parcel: Some(Parcel::default()),
        ..Request::default()
    };
    encode::write_params(&request, &mut params);
    let texts: Vec<(&str, &str)> = params.texts().collect();
    assert_eq!(texts, [("ids", "a,b"), ("numbers", "1,2"), ("parcel", "{}")]);
}

#[test]
fn debug_and_serialize_name_fields_by_wire_name() {
    let parcel = Parcel {
        code: Some("A1".into()),
        items: Some(vec![item("a")]),
        price: Some("0.10".parse().unwrap()),
        camel: Some(false),
        ..Parcel::default()
    };
    assert_eq!(
        format!("{parcel:?}"),
        r#"Parcel { code: "A1", items: [Item { name: "a", .. }], price: 0.10, camelCase: false, .. }"#
    );
    let json = serde_json::to_string(&parcel).unwrap();
    assert_eq!(
        json,
        r#"{"code":"A1","items":[{"name":"a"}],"price":"0.10","camelCase":false}"#
    );
    // What Serialize wrote reads back through the tolerant decoder.
    let back: Parcel = serde_json::from_str(&json).unwrap();
    assert!(back == parcel);
}

#[test]
fn schema_lookup_by_key() {
    let schema = Parcel::default().schema();
    assert_eq!(schema.find("camelCase"), Some(8));
    assert_eq!(schema.find("code"), Some(0));
    assert_eq!(schema.find("camel_case"), None);
    let item = Item::default();
    assert_eq!(item.schema().find("url"), Some(1));
    assert_eq!(item.schema().find("name"), Some(0));
    assert_eq!(item.schema().find("nam"), None);
    assert_eq!(schema.find("zzz"), None);
    assert_eq!(schema.position("camelCase"), Some(8));
}

#[test]
fn decoding_a_generated_shape_from_text() {
    let text =
        r#"{"code": 12, "items": {"item": [{"name": "a"}, null, {"name": 5, "url": {"x": 1}}]}, "unknown": [1, 2]}"#;
    let mut reader = JsonReader::new(text);
    let mut cx = Context::new();
    let parcel = Parcel::decode(&mut reader, &mut cx).unwrap().unwrap();
    assert_eq!(parcel.code.as_deref(), Some("12"));
    let items = parcel.items.unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].name.as_deref(), Some("5"));
    assert_eq!(items[1].url.as_deref(), Some(r#"{"x":1}"#));
    assert!(cx.into_warnings().is_empty());
}

#[test]
fn schema_lookup_agrees_with_position_on_many_names() {
    // 300 names (hash collisions guaranteed in the table), one of them twice.
    let mut names: Vec<&'static str> = (0..300)
        .map(|i| &*Box::leak(format!("field_{i}").into_boxed_str()))
        .collect();
    names.push("field_7");
    let specs: Vec<FieldSpec> = names.iter().map(|n| FieldSpec::new(n)).collect();
    let schema = Schema::new("Many", Box::leak(specs.into_boxed_slice()));
    for name in &names {
        assert_eq!(schema.find(name), schema.position(name), "{name}");
    }
    assert_eq!(schema.find("field_7"), Some(7));
    for miss in ["", "field_", "field_300", "Field_1", "field_1 "] {
        assert_eq!(schema.find(miss), None, "{miss:?}");
    }
    let empty = Schema::new("Empty", &[]);
    assert_eq!(empty.find("x"), None);
}
