//! The rule checks generated `validate` code calls, with the official Java SDK's semantics
//! (`RequestCheckUtils`, TOP-PROTOCOL.md §10): text is blank when `trim()` (chars <= U+0020)
//! leaves nothing; lengths count UTF-16 code units; comma lists split like Java's
//! `String.split(",")`; bounds are inclusive; every check but the required ones skips absent
//! values. Each violation names its field by path: `parent.wire` (just `wire` at the top).

use crate::request::FileItem;
use crate::validation::{Violation, ViolationKind};

/// Implemented by generated request DTOs: checks the object and everything below it.
pub trait Validate {
    /// Pushes every violation of this object, with paths under `path`.
    fn validate_into(&self, path: &str, out: &mut Vec<Violation>);
}

/// `parent.wire`, or `wire` at the top level.
pub fn field_path(parent: &str, wire: &str) -> String {
    if parent.is_empty() {
        wire.to_string()
    } else {
        format!("{parent}.{wire}")
    }
}

/// Java's `String.trim().isEmpty()`.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c <= '\u{20}')
}

/// A required text field: absent or blank is [`ViolationKind::Missing`].
pub fn required_text(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&str>) {
    if value.is_none_or(is_blank) {
        out.push(Violation::new(field_path(parent, wire), ViolationKind::Missing));
    }
}

/// A required non-text field: only absence is [`ViolationKind::Missing`] (an empty list passes,
/// as in the Java SDK).
pub fn required(out: &mut Vec<Violation>, parent: &str, wire: &str, present: bool) {
    if !present {
        out.push(Violation::new(field_path(parent, wire), ViolationKind::Missing));
    }
}

/// Required when a sibling has a given value (`sibling` is the sibling's wire text, if set).
pub fn required_when(
    out: &mut Vec<Violation>,
    parent: &str,
    wire: &str,
    present: bool,
    sibling_wire: &str,
    sibling: Option<String>,
    equals: &str,
) {
    if !present && sibling.as_deref() == Some(equals) {
        out.push(Violation::new(
            field_path(parent, wire),
            ViolationKind::MissingWhen {
                field: field_path(parent, sibling_wire),
                equals: equals.to_string(),
            },
        ));
    }
}

/// Max length in UTF-16 code units.
pub fn max_length(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&str>, max: u64) {
    if let Some(v) = value {
        let actual = v.encode_utf16().count() as u64;
        if actual > max {
            out.push(Violation::new(
                field_path(parent, wire),
                ViolationKind::TooLong { max, actual },
            ));
        }
    }
}

/// Max file size in bytes.
pub fn max_file_size(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&FileItem>, max: u64) {
    if let Some(f) = value {
        let actual = f.content.len() as u64;
        if actual > max {
            out.push(Violation::new(
                field_path(parent, wire),
                ViolationKind::TooLong { max, actual },
            ));
        }
    }
}

/// The number of pieces Java's `text.split(",")` returns: trailing empty pieces removed.
pub fn java_split_count(text: &str) -> u64 {
    let pieces: Vec<&str> = text.split(',').collect();
    let kept = pieces.iter().rposition(|p| !p.is_empty()).map_or(0, |i| i + 1);
    if text.is_empty() { 1 } else { kept as u64 }
}

/// Max list size of a comma-separated text (`Field List`, `String` lists sent as text).
pub fn max_list_text(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&str>, max: u64) {
    if let Some(v) = value {
        let actual = java_split_count(v);
        if actual > max {
            out.push(Violation::new(
                field_path(parent, wire),
                ViolationKind::TooManyItems { max, actual },
            ));
        }
    }
}

/// Max list size of a list.
pub fn max_items(out: &mut Vec<Violation>, parent: &str, wire: &str, len: Option<usize>, max: u64) {
    if let Some(actual) = len.map(|n| n as u64).filter(|&n| n > max) {
        out.push(Violation::new(
            field_path(parent, wire),
            ViolationKind::TooManyItems { max, actual },
        ));
    }
}

/// Inclusive minimum.
pub fn min_value(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<i64>, min: i64) {
    if let Some(actual) = value.filter(|&v| v < min) {
        out.push(Violation::new(
            field_path(parent, wire),
            ViolationKind::TooSmall { min, actual },
        ));
    }
}

/// Inclusive maximum.
pub fn max_value(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<i64>, max: i64) {
    if let Some(actual) = value.filter(|&v| v > max) {
        out.push(Violation::new(
            field_path(parent, wire),
            ViolationKind::TooLarge { max, actual },
        ));
    }
}

/// Checks a nested object under `parent.wire`.
pub fn nested<T: Validate>(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&T>) {
    if let Some(v) = value {
        v.validate_into(&field_path(parent, wire), out);
    }
}

/// Checks every element of a nested list under `parent.wire[i]`.
pub fn nested_list<T: Validate>(out: &mut Vec<Violation>, parent: &str, wire: &str, value: Option<&[T]>) {
    if let Some(items) = value {
        let base = field_path(parent, wire);
        for (i, item) in items.iter().enumerate() {
            item.validate_into(&format!("{base}[{i}]"), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_semantics() {
        assert_eq!(java_split_count("a,b,"), 2);
        assert_eq!(java_split_count("a,,b"), 3);
        assert_eq!(java_split_count(",,,"), 0);
        assert_eq!(java_split_count(""), 1);
        assert!(is_blank(" \t\n"));
        assert!(!is_blank(" x "));
        let mut out = Vec::new();
        max_length(&mut out, "", "a", Some("中文中文"), 4);
        max_length(&mut out, "r", "b", Some("😀😀😀"), 5);
        required_text(&mut out, "r", "c", Some("  "));
        min_value(&mut out, "", "d", Some(0), 1);
        max_items(&mut out, "", "e", Some(3), 3);
        let paths: Vec<String> = out.iter().map(|v| v.to_string()).collect();
        assert_eq!(
            paths,
            vec![
                "r.b: length 6 is larger than 5",
                "r.c: required but missing",
                "d: value 0 is less than 1"
            ]
        );
    }
}
