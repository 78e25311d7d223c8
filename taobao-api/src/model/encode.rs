//! What a request sends (docs/protocol.md §5): each top-level field as one business parameter —
//! scalars as text (numbers in decimal, booleans `true`/`false`, dates `yyyy-MM-dd HH:mm:ss`
//! GMT+8, decimals as written), scalar lists comma-joined, objects, object lists, maps and free
//! JSON as the JSON text the official Java SDK's `JSONWriter` produces (compact, members sorted
//! by key, absent members omitted, `/` escaped), files as multipart parts.

use super::{Encoding, Object, ValueRef, param_text};
use crate::json::{ToJson, write_str};
use crate::request::Params;

/// Writes every present field of `request` into `params`.
pub fn write_params(request: &dyn Object, params: &mut Params) {
    let schema = request.schema();
    for (index, spec) in schema.fields().iter().enumerate() {
        let Some(value) = request.field(index) else { continue };
        match value {
            ValueRef::File(file) => params.insert_file(spec.name, file.clone()),
            value => {
                // Object parameters are typically hundreds of bytes: start big enough to not
                // grow several times.
                let json = match value {
                    ValueRef::Object(_) | ValueRef::Json(_) | ValueRef::Map(_) => true,
                    ValueRef::List(items) => items.item_encoding() != Encoding::Text,
                    _ => false,
                };
                let mut text = String::with_capacity(if json { 1024 } else { 0 });
                write_param(value, &mut text);
                params.insert_text(spec.name, text);
            }
        }
    }
}

/// The text of one top-level parameter value.
pub fn write_param(value: ValueRef<'_>, out: &mut String) {
    match value {
        ValueRef::Object(_) | ValueRef::Json(_) | ValueRef::Map(_) => write_json(value, out),
        ValueRef::List(items) if items.item_encoding() != Encoding::Text => write_json(value, out),
        value => param_text(value, out),
    }
}

/// Appends the Java-SDK JSON text of a value.
pub fn write_json(value: ValueRef<'_>, out: &mut String) {
    write_json_at(&value, out);
}

/// [`write_json`] of a value left where `Object::field` returned it: moving the freshly written
/// view into an argument slot costs a stalled load per member (written in parts, read whole).
fn write_json_at(value: &ValueRef<'_>, out: &mut String) {
    match *value {
        ValueRef::Text(text) => write_str(out, text),
        ValueRef::Number(n) => n.write_json(out),
        ValueRef::Bool(b) => b.write_json(out),
        ValueRef::Date(date) => {
            out.push('"');
            date.write_to(out);
            out.push('"');
        }
        // Price and BigDecimal are `String` properties in the Java SDK: JSON strings.
        ValueRef::Decimal(d) => {
            use std::fmt::Write;
            let _ = write!(out, "\"{d}\"");
        }
        ValueRef::Json(json) => json.write_json(out),
        ValueRef::Map(map) => map.write_json(out),
        ValueRef::File(file) => write_str(out, &file.file_name),
        ValueRef::Object(object) => {
            out.push('{');
            let mut first = true;
            for (index, prefix) in object.schema().json_members() {
                let Some(member) = &object.field(*index) else { continue };
                // `prefix` is `,"key":`, ASCII first.
                out.push_str(if first { &prefix[1..] } else { prefix });
                first = false;
                write_json_at(member, out);
            }
            out.push('}');
        }
        ValueRef::List(items) => {
            out.push('[');
            for i in 0..items.len() {
                if i > 0 {
                    out.push(',');
                }
                write_json_at(&items.item(i), out);
            }
            out.push(']');
        }
    }
}
