//! Tolerant decoding of replies, straight from the JSON text into the generated types
//! (docs/protocol.md §7).
//!
//! A call never fails on a value the official Java SDK would accept, and nothing is lost
//! silently: a field whose value cannot be converted is left `None` and recorded as a
//! [`DecodeWarning`] (with its path), and the rest decodes. Conversions, by declared type:
//!
//! | declared | accepted | `None` + warning |
//! | --- | --- | --- |
//! | String | a string; a number or boolean as its text; an object or array as its compact JSON text | — |
//! | Number | an integer (or an integral number like `10.0`); a string of digits | `""`, a fraction (`1.5`), other text, booleans, objects, arrays, out-of-range integers |
//! | Boolean | `true`/`false`; the strings `"true"`/`"false"` in any case; the numbers `1`/`0` | `""`, other text, other numbers, objects, arrays |
//! | Date | `yyyy-MM-dd HH:mm:ss` (a prefix, like Java's `SimpleDateFormat`: `…:11.0` parses), `yyyy-MM-dd`; epoch milliseconds | `""`, other text, objects, arrays |
//! | Price, BigDecimal | a decimal string or number, every digit kept | `""`, other text, objects, arrays |
//! | Json, Map | any value | — |
//! | object | an object; a string holding a JSON object | other kinds |
//! | list | an array; the default format's wrapper object (`{"trade": [...]}`, `{"trade": {...}}`) | other kinds |
//!
//! `null` and absent members are `None` without a warning. `""` (or only whitespace) in a Number,
//! Boolean, Date or Price field is `None` with a warning, like any other text that is not a
//! value of the declared type: the gateway sent the member, so the caller can tell an empty value
//! from an absent one (the Java SDK reads `""` as `false` in a Boolean field, and fails the whole
//! call on `""` in a Date field). Undocumented members are skipped (the raw reply is kept by the
//! response). Malformed JSON is the only failure.

use super::reader::{Kind, Reader, compact};
use super::{ObjectMut, OpenEnum};
use crate::value::Timestamp;
use rust_decimal::Decimal;
use serde_json::Value as JsonValue;
use std::borrow::Cow;
use std::fmt;

/// A field of a reply that could not be converted to its declared type: the field is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DecodeWarning {
    /// The field's path by wire names, with list indices: `trades[3].num`.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Where the decoder is, and what it could not convert.
#[derive(Debug, Default)]
pub struct Context {
    path: Vec<Segment>,
    warnings: Vec<DecodeWarning>,
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Key(&'static str),
    Index(usize),
}

impl Context {
    /// A context at the root.
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn enter(&mut self, key: &'static str) {
        self.path.push(Segment::Key(key));
    }

    fn enter_index(&mut self, index: usize) {
        self.path.push(Segment::Index(index));
    }

    pub(crate) fn leave(&mut self) {
        self.path.pop();
    }

    /// The current path as text (`a.b[2].c`).
    fn path_text(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    pub(crate) fn warn(&mut self, message: String) {
        let path = self.path_text();
        self.warnings.push(DecodeWarning { path, message });
    }

    /// The warnings collected so far.
    pub fn into_warnings(self) -> Vec<DecodeWarning> {
        self.warnings
    }
}

/// A value type the decoder can read. Implemented by the scalar types, lists, generated
/// objects (through [`ObjectMut`]) and generated enums (through [`open_enum!`](crate::open_enum)).
pub trait Decode: Sized {
    /// Reads the next value; `Ok(None)` for `null`, `""` in a non-text field, or a value that
    /// could not be converted (recorded in `cx`). `Err` only for malformed JSON.
    #[doc(hidden)]
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError>;
}

/// A field of a generated response type, as the decoder sees it.
pub trait Slot {
    /// Reads the next value into the field (replacing what it held).
    #[doc(hidden)]
    fn fill(&mut self, r: &mut Reader<'_>, cx: &mut Context) -> Result<(), SyntaxError>;
}

impl<T: Decode> Slot for Option<T> {
    fn fill(&mut self, r: &mut Reader<'_>, cx: &mut Context) -> Result<(), SyntaxError> {
        *self = T::decode(r, cx)?;
        Ok(())
    }
}

pub use super::reader::{Reader as JsonReader, SyntaxError};

/// Skips a value of an unexpected kind and records why the field is `None`.
fn mismatch<T>(r: &mut Reader<'_>, cx: &mut Context, expected: &str, found: Kind) -> Result<Option<T>, SyntaxError> {
    let raw = r.raw_value()?;
    cx.warn(format!(
        "expected {expected}, found {} {}",
        found.article(),
        excerpt(raw)
    ));
    Ok(None)
}

/// A short quote of a raw value for warnings.
fn excerpt(raw: &str) -> String {
    const MAX: usize = 80;
    match raw.char_indices().nth(MAX) {
        Some((cut, _)) => format!("`{}…`", &raw[..cut]),
        None => format!("`{raw}`"),
    }
}

/// Records that a non-text field held only whitespace (`None`, with a warning).
fn empty_text<T>(cx: &mut Context, expected: &str) -> Option<T> {
    cx.warn(format!("expected {expected}, found an empty string"));
    None
}

/// Reads a scalar given as text: its text, or `None` after recording a mismatch.
fn scalar_text<'a>(r: &mut Reader<'a>, cx: &mut Context, expected: &str) -> Result<Option<Cow<'a, str>>, SyntaxError> {
    match r.peek()? {
        Kind::String => r.read_str().map(Some),
        Kind::Number => r.read_number().map(|n| Some(Cow::Borrowed(n))),
        Kind::Null => r.read_null().map(|()| None),
        found => mismatch(r, cx, expected, found),
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>, _cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        Ok(match r.peek()? {
            Kind::String => Some(r.read_str()?.into_owned()),
            Kind::Number => Some(r.read_number()?.to_owned()),
            Kind::Bool => Some(r.read_bool()?.to_string()),
            Kind::Null => {
                r.read_null()?;
                None
            }
            Kind::Object | Kind::Array => Some(compact(r.raw_value()?)),
        })
    }
}

impl Decode for i64 {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        let Some(text) = scalar_text(r, cx, "an integer")? else {
            return Ok(None);
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(empty_text(cx, "an integer"));
        }
        match parse_integer(trimmed) {
            Some(n) => Ok(Some(n)),
            None => {
                cx.warn(format!("expected an integer, found {}", excerpt(&text)));
                Ok(None)
            }
        }
    }
}

/// An integer, or a number text that is exactly an integer within range (`10.0`, `1e3`).
fn parse_integer(text: &str) -> Option<i64> {
    if let Ok(n) = text.parse::<i64>() {
        return Some(n);
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !looks_numeric {
        return None;
    }
    let exact = text
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())?;
    if exact.fract().is_zero() {
        i64::try_from(exact).ok()
    } else {
        None
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        let text = match r.peek()? {
            Kind::Bool => return r.read_bool().map(Some),
            Kind::Null => return r.read_null().map(|()| None),
            Kind::String => r.read_str()?,
            Kind::Number => Cow::Borrowed(r.read_number()?),
            found => return mismatch(r, cx, "a boolean", found),
        };
        let t = text.trim();
        Ok(if t.eq_ignore_ascii_case("true") || t == "1" {
            Some(true)
        } else if t.eq_ignore_ascii_case("false") || t == "0" {
            Some(false)
        } else if t.is_empty() {
            empty_text(cx, "a boolean")
        } else {
            cx.warn(format!("expected a boolean, found {}", excerpt(&text)));
            None
        })
    }
}

impl Decode for Timestamp {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        match r.peek()? {
            Kind::String => {
                let text = r.read_str()?;
                if text.trim().is_empty() {
                    return Ok(empty_text(cx, "a date"));
                }
                let parsed = Timestamp::parse_prefix(&text);
                if parsed.is_none() {
                    cx.warn(format!("expected yyyy-MM-dd HH:mm:ss, found {}", excerpt(&text)));
                }
                Ok(parsed)
            }
            Kind::Number => {
                let text = r.read_number()?;
                let parsed = text.parse::<i64>().ok().and_then(Timestamp::from_epoch_millis);
                if parsed.is_none() {
                    cx.warn(format!("expected epoch milliseconds, found `{text}`"));
                }
                Ok(parsed)
            }
            Kind::Null => r.read_null().map(|()| None),
            found => mismatch(r, cx, "a date", found),
        }
    }
}

impl Decode for Decimal {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        let Some(text) = scalar_text(r, cx, "a decimal")? else {
            return Ok(None);
        };
        let t = text.trim();
        if t.is_empty() {
            return Ok(empty_text(cx, "a decimal"));
        }
        let parsed = t.parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(t).ok());
        if parsed.is_none() {
            cx.warn(format!("expected a decimal, found {}", excerpt(&text)));
        }
        Ok(parsed)
    }
}

impl Decode for JsonValue {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        if r.peek()? == Kind::Null {
            return r.read_null().map(|()| None);
        }
        let raw = r.raw_value()?;
        // `raw` is one well-formed value (the reader checked it); serde_json still refuses a
        // number beyond f64 (`1e400`) or nesting deeper than its 128 levels. That is this
        // field's problem, not the reply's: `None` and a warning, the rest decodes.
        match serde_json::from_str(raw) {
            Ok(value) => Ok(Some(value)),
            Err(e) => {
                cx.warn(format!(
                    "a JSON value serde_json cannot represent ({e}): {}",
                    excerpt(raw)
                ));
                Ok(None)
            }
        }
    }
}

/// Lists: an array (`null` items skipped, indices in warnings as in the reply), or the default
/// JSON format's wrapper object whose members hold the items (`{"trade": [...]}`, or a single
/// item when the list had one element: `{"trade": {...}}`).
impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        match r.peek()? {
            Kind::Array => read_items(r, cx).map(Some),
            Kind::Object => {
                let mut items = Vec::new();
                r.begin_object()?;
                while r.next_key()?.is_some() {
                    match r.peek()? {
                        // Usually the wrapper's only member: take its list as it is (no copy).
                        Kind::Array if items.is_empty() => items = read_items(r, cx)?,
                        Kind::Array => items.append(&mut read_items(r, cx)?),
                        Kind::Null => r.read_null()?,
                        _ => {
                            cx.enter_index(items.len());
                            let item = T::decode(r, cx)?;
                            cx.leave();
                            items.extend(item);
                        }
                    }
                }
                Ok(Some(items))
            }
            Kind::Null => r.read_null().map(|()| None),
            found => mismatch(r, cx, "a list", found),
        }
    }
}

fn read_items<T: Decode>(r: &mut Reader<'_>, cx: &mut Context) -> Result<Vec<T>, SyntaxError> {
    let mut items = Vec::new();
    r.begin_array()?;
    let mut index = 0;
    while r.next_item()? {
        cx.enter_index(index);
        let item = T::decode(r, cx)?;
        cx.leave();
        items.extend(item);
        index += 1;
    }
    // Growth by doubling leaves up to half the capacity unused; a big list gives it back.
    if items.capacity() - items.len() > 64 {
        items.shrink_to_fit();
    }
    Ok(items)
}

/// Generated objects: a JSON object, or a string holding one.
impl<T: ObjectMut + Default> Decode for T {
    fn decode(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<Self>, SyntaxError> {
        match r.peek()? {
            Kind::Object => {
                let mut value = T::default();
                fill_object(r, cx, &mut value)?;
                Ok(Some(value))
            }
            Kind::String => {
                let text = r.read_str()?;
                let mut inner = Reader::new(&text);
                let mut value = T::default();
                let nested = inner.peek() == Ok(Kind::Object) && fill_object(&mut inner, cx, &mut value).is_ok();
                if nested && inner.end().is_ok() {
                    Ok(Some(value))
                } else if text.trim().is_empty() {
                    Ok(None)
                } else {
                    cx.warn(format!("expected an object, found a string {}", excerpt(&text)));
                    Ok(None)
                }
            }
            Kind::Null => r.read_null().map(|()| None),
            found => mismatch(r, cx, "an object", found),
        }
    }
}

/// Reads a JSON object's members into `target`'s fields by wire name; members it does not
/// declare are skipped.
pub fn fill_object(r: &mut Reader<'_>, cx: &mut Context, target: &mut dyn ObjectMut) -> Result<(), SyntaxError> {
    r.begin_object()?;
    fill_object_with(r, cx, target, None, &mut |_, _| Ok(false))
}

/// The members of an object whose `{` (and, when `first` is given, first key) were already
/// read; `other` may consume the value of an undeclared member (returning `true`), else it is
/// skipped.
pub(crate) fn fill_object_with(
    r: &mut Reader<'_>,
    cx: &mut Context,
    target: &mut dyn ObjectMut,
    first: Option<Cow<'_, str>>,
    other: &mut dyn FnMut(&str, &mut Reader<'_>) -> Result<bool, SyntaxError>,
) -> Result<(), SyntaxError> {
    let schema = target.schema();
    let fields = schema.fields();
    // Replies usually list members in the documented order: try the field after the last one
    // found before looking the key up.
    let mut guess = 0;
    let mut key = match first {
        Some(k) => Some(k),
        None => r.next_key()?,
    };
    while let Some(k) = key {
        let index = match fields.get(guess) {
            Some(f) if f.name == k => Some(guess),
            _ => schema.find(&k),
        };
        let slot = index.and_then(|index| Some((index, target.field_mut(index)?)));
        match slot {
            Some((index, slot)) => {
                guess = index + 1;
                cx.enter(fields[index].name);
                slot.fill(r, cx)?;
                cx.leave();
            }
            None => {
                if !other(&k, r)? {
                    r.skip_value()?;
                }
            }
        }
        key = r.next_key()?;
    }
    Ok(())
}

/// Logs decode warnings (at most the first few, then a count).
pub(crate) fn trace_warnings(warnings: &[DecodeWarning]) {
    const SHOWN: usize = 8;
    for w in warnings.iter().take(SHOWN) {
        tracing::warn!(path = %w.path, "TOP reply field not converted: {}", w.message);
    }
    if warnings.len() > SHOWN {
        tracing::warn!("{} more TOP reply fields not converted", warnings.len() - SHOWN);
    }
}

/// Open enums: the wire text (a string, or a number / boolean as text).
pub fn decode_enum<E: OpenEnum>(r: &mut Reader<'_>, cx: &mut Context) -> Result<Option<E>, SyntaxError> {
    Ok(String::decode(r, cx)?.map(E::from_wire))
}

#[cfg(test)]
mod tests;
