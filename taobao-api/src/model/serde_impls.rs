//! `Debug`, `Serialize` and `Deserialize` of generated types, from their schema: written once
//! here instead of derived per type (generated code delegates through
//! [`object_impls!`](crate::object_impls) and [`open_enum!`](crate::open_enum)).
//!
//! The serialized form is the reply's JSON shape: members by wire name, absent fields left out,
//! dates as `yyyy-MM-dd HH:mm:ss`, decimals as strings (every digit kept), enums as their wire
//! values, lists as plain arrays, files as `{file_name, mime_type, size}` (never their content).
//! Deserializing goes through the tolerant decoder ([`super::decode`]), so what `Serialize`
//! wrote reads back, and so does a reply body.

use super::decode::{Context, Decode};
use super::reader::Reader;
use super::{Object, ObjectMut, OpenEnum, ValueRef};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// `Debug` of a generated object: its type name and present fields by wire name.
pub fn debug(object: &dyn Object, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let schema = object.schema();
    let mut s = f.debug_struct(schema.name);
    let mut skipped = false;
    for (index, spec) in schema.fields().iter().enumerate() {
        match object.field(index) {
            Some(value) => {
                s.field(spec.name, &DebugValue(value));
            }
            None => skipped = true,
        }
    }
    if skipped { s.finish_non_exhaustive() } else { s.finish() }
}

struct DebugValue<'a>(ValueRef<'a>);

impl fmt::Debug for DebugValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ValueRef::Text(t) => fmt::Debug::fmt(t, f),
            ValueRef::Number(n) => fmt::Debug::fmt(&n, f),
            ValueRef::Bool(b) => fmt::Debug::fmt(&b, f),
            ValueRef::Date(d) => write!(f, "{d}"),
            ValueRef::Decimal(d) => write!(f, "{d}"),
            ValueRef::Json(v) => write!(f, "{v}"),
            ValueRef::Map(m) => fmt::Debug::fmt(m, f),
            ValueRef::File(file) => fmt::Debug::fmt(file, f),
            ValueRef::Object(o) => debug(o, f),
            ValueRef::List(items) => f
                .debug_list()
                .entries((0..items.len()).map(|i| DebugValue(items.item(i))))
                .finish(),
        }
    }
}

/// `PartialEq` of generated objects: the same fields present, with equal values (nested objects
/// and lists compared the same way; decimals by value, as `Decimal` compares).
pub fn eq(a: &dyn Object, b: &dyn Object) -> bool {
    let schema = a.schema();
    std::ptr::eq(schema, b.schema()) && (0..schema.fields().len()).all(|i| value_eq(a.field(i), b.field(i)))
}

fn value_eq(a: Option<ValueRef<'_>>, b: Option<ValueRef<'_>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => match (a, b) {
            (ValueRef::Text(a), ValueRef::Text(b)) => a == b,
            (ValueRef::Number(a), ValueRef::Number(b)) => a == b,
            (ValueRef::Bool(a), ValueRef::Bool(b)) => a == b,
            (ValueRef::Date(a), ValueRef::Date(b)) => a == b,
            (ValueRef::Decimal(a), ValueRef::Decimal(b)) => a == b,
            (ValueRef::Json(a), ValueRef::Json(b)) => a == b,
            (ValueRef::Map(a), ValueRef::Map(b)) => a == b,
            (ValueRef::File(a), ValueRef::File(b)) => a == b,
            (ValueRef::Object(a), ValueRef::Object(b)) => eq(a, b),
            (ValueRef::List(a), ValueRef::List(b)) => {
                a.len() == b.len() && (0..a.len()).all(|i| value_eq(Some(a.item(i)), Some(b.item(i))))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `Serialize` of a generated object.
pub fn serialize<S: Serializer>(object: &dyn Object, serializer: S) -> Result<S::Ok, S::Error> {
    SerObject(object, None).serialize(serializer)
}

/// `Serialize` of a generated response: its fields plus the reply's `request_id`.
pub fn serialize_response<S: Serializer>(
    object: &dyn Object,
    request_id: Option<&str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    SerObject(object, request_id).serialize(serializer)
}

struct SerObject<'a>(&'a dyn Object, Option<&'a str>);

impl Serialize for SerObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let object = self.0;
        let schema = object.schema();
        let present = (0..schema.fields().len())
            .filter(|&i| object.field(i).is_some())
            .count();
        let declares_request_id = schema.position("request_id").is_some();
        let request_id = self.1.filter(|_| !declares_request_id);
        let mut map = serializer.serialize_map(Some(present + usize::from(request_id.is_some())))?;
        for (index, spec) in schema.fields().iter().enumerate() {
            if let Some(value) = object.field(index) {
                map.serialize_entry(spec.name, &SerValue(value))?;
            }
        }
        if let Some(id) = request_id {
            map.serialize_entry("request_id", id)?;
        }
        map.end()
    }
}

struct SerValue<'a>(ValueRef<'a>);

impl Serialize for SerValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            ValueRef::Text(t) => serializer.serialize_str(t),
            ValueRef::Number(n) => serializer.serialize_i64(n),
            ValueRef::Bool(b) => serializer.serialize_bool(b),
            ValueRef::Date(d) => serializer.collect_str(d),
            ValueRef::Decimal(d) => serializer.collect_str(d),
            ValueRef::Json(v) => v.serialize(serializer),
            ValueRef::Map(m) => m.serialize(serializer),
            ValueRef::File(file) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("file_name", &file.file_name)?;
                map.serialize_entry("mime_type", &file.mime_type)?;
                map.serialize_entry("size", &file.content.len())?;
                map.end()
            }
            ValueRef::Object(o) => SerObject(o, None).serialize(serializer),
            ValueRef::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for i in 0..items.len() {
                    seq.serialize_element(&SerValue(items.item(i)))?;
                }
                seq.end()
            }
        }
    }
}

/// `Deserialize` of a generated response object: any self-describing input, read by the
/// tolerant decoder (warnings go to `tracing`).
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ObjectMut + Default,
{
    let (value, _) = deserialize_with_warnings::<D, T>(deserializer)?;
    Ok(value)
}

/// [`deserialize`], also returning what could not be converted.
pub(crate) fn deserialize_with_warnings<'de, D, T>(deserializer: D) -> Result<(T, Vec<super::DecodeWarning>), D::Error>
where
    D: Deserializer<'de>,
    T: ObjectMut + Default,
{
    let json = serde_json::Value::deserialize(deserializer)?;
    if !json.is_object() {
        return Err(serde::de::Error::custom("expected a JSON object"));
    }
    let text = json.to_string();
    let mut reader = Reader::new(&text);
    let mut cx = Context::new();
    let value = T::decode(&mut reader, &mut cx)
        .map_err(serde::de::Error::custom)?
        .unwrap_or_default();
    let warnings = cx.into_warnings();
    super::decode::trace_warnings(&warnings);
    Ok((value, warnings))
}

/// `Serialize` of an open enum: its wire value.
pub fn serialize_enum<E: OpenEnum, S: Serializer>(value: &E, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.as_str())
}

/// `Deserialize` of an open enum: a string, or a number / boolean as its text.
pub fn deserialize_enum<'de, E: OpenEnum, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    struct Wire;
    impl serde::de::Visitor<'_> for Wire {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, number or boolean")
        }
        fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<String, Er> {
            Ok(v.to_owned())
        }
        fn visit_string<Er: serde::de::Error>(self, v: String) -> Result<String, Er> {
            Ok(v)
        }
        fn visit_i64<Er: serde::de::Error>(self, v: i64) -> Result<String, Er> {
            Ok(v.to_string())
        }
        fn visit_u64<Er: serde::de::Error>(self, v: u64) -> Result<String, Er> {
            Ok(v.to_string())
        }
        fn visit_f64<Er: serde::de::Error>(self, v: f64) -> Result<String, Er> {
            Ok(v.to_string())
        }
        fn visit_bool<Er: serde::de::Error>(self, v: bool) -> Result<String, Er> {
            Ok(v.to_string())
        }
    }
    deserializer.deserialize_any(Wire).map(E::from_wire)
}
