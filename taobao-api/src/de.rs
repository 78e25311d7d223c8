//! Tolerant decoding of response fields: what the gateway really sends, not only what the doc
//! declares (TOP-PROTOCOL.md §7).
//!
//! Every generated response field is `Option<T>` decoded with [`opt`]: absent and `null` give
//! `None`; numbers may arrive as strings (`"10"`) and booleans as `"true"`/`"false"`; strings
//! accept numbers and booleans (their text); lists come either wrapped one level
//! (`{"trade": [...]}`, default JSON) or as plain arrays (`simplify=true`), and a single item
//! where a list is expected is a one-item list; dates accept `yyyy-MM-dd HH:mm:ss`,
//! `yyyy-MM-dd` and epoch milliseconds. A value of a clearly wrong shape (an object where a
//! number is declared) is an error naming what was expected: silently dropping data would hide a
//! changed API.

use crate::value::Timestamp;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A type that can be read from a decoded JSON value, tolerantly.
pub trait FromJson: Sized {
    /// Converts `value` (never `null`); `Err` says what was expected.
    fn from_json(value: Value) -> Result<Self, String>;
}

/// `deserialize_with` helper of every generated response field.
pub fn opt<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromJson,
{
    let value = Value::deserialize(deserializer)?;
    if value.is_null() {
        return Ok(None);
    }
    T::from_json(value).map(Some).map_err(serde::de::Error::custom)
}

/// Reads a generated type that derives `Deserialize` from a JSON value.
pub fn via_serde<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// The wire text of an open enum: a string, or a number / boolean as its text.
pub fn wire_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let value = Value::deserialize(deserializer)?;
    String::from_json(value).map_err(serde::de::Error::custom)
}

fn shape(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, String> {
        match value {
            Value::String(s) => Ok(s),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            other => Err(format!("expected a string, found {}", shape(&other))),
        }
    }
}

impl FromJson for i64 {
    fn from_json(value: Value) -> Result<Self, String> {
        match &value {
            Value::Number(n) => n
                .as_i64()
                .or_else(|| {
                    n.as_f64()
                        .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18)
                        .map(|f| f as i64)
                })
                .ok_or_else(|| format!("expected an integer, found {n}")),
            Value::String(s) => s
                .trim()
                .parse()
                .map_err(|_| format!("expected an integer, found {s:?}")),
            other => Err(format!("expected an integer, found {}", shape(other))),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, String> {
        match &value {
            Value::Bool(b) => Ok(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
            Value::Number(n) if n.as_i64() == Some(1) => Ok(true),
            Value::Number(n) if n.as_i64() == Some(0) => Ok(false),
            other => Err(format!("expected a boolean, found {other}")),
        }
    }
}

impl FromJson for Decimal {
    fn from_json(value: Value) -> Result<Self, String> {
        let text = match &value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            other => return Err(format!("expected a decimal, found {}", shape(other))),
        };
        text.parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|_| format!("expected a decimal, found {text:?}"))
    }
}

impl FromJson for Timestamp {
    fn from_json(value: Value) -> Result<Self, String> {
        match &value {
            Value::String(s) => Timestamp::parse(s).ok_or_else(|| format!("expected yyyy-MM-dd HH:mm:ss, found {s:?}")),
            Value::Number(n) => n
                .as_i64()
                .and_then(Timestamp::from_epoch_millis)
                .ok_or_else(|| format!("expected epoch milliseconds, found {n}")),
            other => Err(format!("expected a date, found {}", shape(other))),
        }
    }
}

impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

/// Lists: a plain array, a wrapper object with one member holding the array (or a single
/// item), or a single item.
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, String> {
        let items = match value {
            Value::Array(items) => items,
            Value::Object(map) if map.len() == 1 && is_wrapper(&map) => match map.into_iter().next().map(|(_, v)| v) {
                Some(Value::Array(items)) => items,
                Some(Value::Null) | None => Vec::new(),
                Some(single) => vec![single],
            },
            Value::Object(map) if map.is_empty() => Vec::new(),
            single => vec![single],
        };
        items
            .into_iter()
            .filter(|v| !v.is_null())
            .enumerate()
            .map(|(i, v)| T::from_json(v).map_err(|e| format!("[{i}]: {e}")))
            .collect()
    }
}

/// `{"trade": [...]}` wraps; `{"trade": {...}}` wraps one item only when that item is an
/// object (a list of objects whose single element was collapsed by the XML-to-JSON converter).
fn is_wrapper(map: &serde_json::Map<String, Value>) -> bool {
    matches!(
        map.values().next(),
        Some(Value::Array(_) | Value::Object(_) | Value::Null)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_accept_their_string_forms() {
        assert_eq!(i64::from_json(json!("10")), Ok(10));
        assert_eq!(i64::from_json(json!(10)), Ok(10));
        assert!(i64::from_json(json!({"a": 1})).is_err());
        assert_eq!(bool::from_json(json!("true")), Ok(true));
        assert_eq!(bool::from_json(json!(false)), Ok(false));
        assert_eq!(
            String::from_json(json!(975732022081832762u64)),
            Ok("975732022081832762".into())
        );
        assert_eq!(Decimal::from_json(json!("0.00")).unwrap().to_string(), "0.00");
        assert_eq!(Decimal::from_json(json!(12.5)).unwrap().to_string(), "12.5");
        assert_eq!(
            Timestamp::from_json(json!("2024-03-28 16:38:11")).unwrap().to_string(),
            "2024-03-28 16:38:11"
        );
    }

    #[test]
    fn lists_come_wrapped_plain_or_single() {
        let want = vec![1i64, 2];
        assert_eq!(Vec::<i64>::from_json(json!({"number": [1, "2"]})), Ok(want.clone()));
        assert_eq!(Vec::<i64>::from_json(json!([1, 2])), Ok(want));
        assert_eq!(Vec::<i64>::from_json(json!(7)), Ok(vec![7]));
        assert_eq!(Vec::<i64>::from_json(json!({})), Ok(vec![]));
        let objs = Vec::<Value>::from_json(json!({"trade": {"tid": 1}})).unwrap();
        assert_eq!(objs, vec![json!({"tid": 1})]);
        let err = Vec::<i64>::from_json(json!([1, "x"])).unwrap_err();
        assert!(err.starts_with("[1]: "), "{err}");
    }
}
