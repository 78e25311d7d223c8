//! Validation from the schema, with the official SDK's `RequestCheckUtils` semantics
//! (docs/protocol.md §10), for the whole request tree at once.
//!
//! - Required text is missing when absent or blank (`trim()` leaves nothing: chars <= U+0020).
//!   A required top-level scalar list is sent comma-joined, so it is missing when that text
//!   would be blank (`vec![]`, `vec![""]`); other required values only when absent (an empty
//!   object list is sent as `[]`).
//! - Lengths count UTF-16 code units (bytes for files); list sizes count the pieces Java's
//!   `text.split(",")` yields for text and top-level scalar lists (the text actually sent), the
//!   array size for object lists; bounds are inclusive.
//! - Inside objects (sent as JSON, where lists are arrays) a list's size is its item count and a
//!   maximum length applies to each item.
//! - Every check but the required ones skips absent values. Paths name fields by wire name with
//!   list indices (`a.b[0].c`); they are formatted only when a violation is found.

use super::{Encoding, FieldSpec, ListRef, Object, Rules, Schema, ValueRef, param_text};
use crate::validation::{ValidationError, Violation, ViolationKind};

/// Checks every documented rule of `object` and everything below it.
pub fn validate(object: &dyn Object) -> Result<(), ValidationError> {
    let mut out = Vec::new();
    violations(object, &mut out);
    ValidationError::check(out)
}

/// Pushes every violation of `object` (a request: its fields are the top-level parameters).
pub fn violations(object: &dyn Object, out: &mut Vec<Violation>) {
    check_object(object, true, None, out);
}

/// Where the check is: the current segment and its parent's path, a chain on the stack that
/// costs nothing to extend and is formatted only for a violation.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment,
}

#[derive(Clone, Copy)]
enum Segment {
    Name(&'static str),
    Index(usize),
}

impl Path<'_> {
    fn text(&self) -> String {
        let mut segments = vec![self.segment];
        let mut at = self.parent;
        while let Some(path) = at {
            segments.push(path.segment);
            at = path.parent;
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            match segment {
                Segment::Name(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
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

    /// The path of a sibling of the current segment.
    fn sibling(&self, name: &'static str) -> String {
        Path {
            parent: self.parent,
            segment: Segment::Name(name),
        }
        .text()
    }

    fn violation(&self, kind: ViolationKind) -> Violation {
        Violation::new(self.text(), kind)
    }

    fn item(&self, index: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }
}

fn check_object(object: &dyn Object, top: bool, parent: Option<&Path<'_>>, out: &mut Vec<Violation>) {
    let schema = object.schema();
    for (index, spec) in schema.fields().iter().enumerate() {
        // Kept where `field` wrote it and looked at through a reference (see `encode`).
        let value = &object.field(index);
        // Most fields have no rule: only what nests objects needs a look then.
        if !has_rules(&spec.rules) && !matches!(value, Some(ValueRef::Object(_) | ValueRef::List(_))) {
            continue;
        }
        let path = Path {
            parent,
            segment: Segment::Name(spec.name),
        };
        check_field(object, schema, spec, value.as_ref(), top, &path, out);
    }
}

/// Whether any rule is set (destructured, so a new rule cannot be forgotten here).
fn has_rules(rules: &Rules) -> bool {
    let Rules {
        required,
        required_when,
        max_length,
        max_list_size,
        min_value,
        max_value,
    } = rules;
    *required
        || required_when.is_some()
        || max_length.is_some()
        || max_list_size.is_some()
        || min_value.is_some()
        || max_value.is_some()
}

fn check_field(
    object: &dyn Object,
    schema: &Schema,
    spec: &FieldSpec,
    value: Option<&ValueRef<'_>>,
    top: bool,
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    let rules = &spec.rules;
    let missing = is_missing(value, top);
    if rules.required && missing {
        out.push(path.violation(ViolationKind::Missing));
    } else if let Some((sibling, equals)) = rules.required_when
        && missing
        && sibling_is(object, schema, sibling, equals)
    {
        let field = path.sibling(sibling);
        out.push(path.violation(ViolationKind::MissingWhen {
            field,
            equals: equals.to_owned(),
        }));
    }
    let Some(value) = value else { return };
    if let Some(max) = rules.max_length {
        let actual = match *value {
            ValueRef::Text(text) => Some(utf16_len(text)),
            ValueRef::File(file) => Some(file.content.len() as u64),
            ValueRef::List(items) if top && items.item_encoding() == Encoding::Text => Some(utf16_len(&joined(items))),
            ValueRef::List(items) => {
                for i in 0..items.len() {
                    if let ValueRef::Text(text) = items.item(i) {
                        let actual = utf16_len(text);
                        if actual > max {
                            out.push(path.item(i).violation(ViolationKind::TooLong { max, actual }));
                        }
                    }
                }
                None
            }
            _ => None,
        };
        if let Some(actual) = actual.filter(|&n| n > max) {
            out.push(path.violation(ViolationKind::TooLong { max, actual }));
        }
    }
    if let Some(max) = rules.max_list_size {
        let actual = match *value {
            ValueRef::Text(text) => Some(java_split_count(text)),
            ValueRef::List(items) if top && items.item_encoding() == Encoding::Text => {
                Some(java_split_count(&joined(items)))
            }
            ValueRef::List(items) => Some(items.len() as u64),
            _ => None,
        };
        if let Some(actual) = actual.filter(|&n| n > max) {
            out.push(path.violation(ViolationKind::TooManyItems { max, actual }));
        }
    }
    if let ValueRef::Number(actual) = *value {
        if let Some(min) = rules.min_value.filter(|&min| actual < min) {
            out.push(path.violation(ViolationKind::TooSmall { min, actual }));
        }
        if let Some(max) = rules.max_value.filter(|&max| actual > max) {
            out.push(path.violation(ViolationKind::TooLarge { max, actual }));
        }
    }
    match *value {
        ValueRef::Object(nested) => check_object(nested, false, Some(path), out),
        ValueRef::List(items) if items.item_encoding() != Encoding::Text => {
            for i in 0..items.len() {
                if let ValueRef::Object(nested) = items.item(i) {
                    check_object(nested, false, Some(&path.item(i)), out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a required field counts as missing.
fn is_missing(value: Option<&ValueRef<'_>>, top: bool) -> bool {
    match value {
        None => true,
        Some(ValueRef::Text(text)) => is_blank(text),
        // Sent comma-joined: blank exactly when empty or a single blank item.
        Some(ValueRef::List(items)) if top && items.item_encoding() == Encoding::Text => match items.len() {
            0 => true,
            1 => {
                let mut text = String::new();
                param_text(items.item(0), &mut text);
                is_blank(&text)
            }
            _ => false,
        },
        Some(_) => false,
    }
}

/// Whether the sibling named `name` is present with the wire text `equals`.
fn sibling_is(object: &dyn Object, schema: &Schema, name: &str, equals: &str) -> bool {
    let Some(value) = schema.position(name).and_then(|index| object.field(index)) else {
        return false;
    };
    match value {
        // Text and open enums, the usual case, compare without formatting anything.
        ValueRef::Text(text) => text == equals,
        value => {
            let mut text = String::new();
            param_text(value, &mut text);
            text == equals
        }
    }
}

fn joined(items: &dyn ListRef) -> String {
    let mut text = String::new();
    param_text(ValueRef::List(items), &mut text);
    text
}

/// Java's `String.trim().isEmpty()`.
pub fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| b <= b' ')
}

/// Length in UTF-16 code units, as Java's `String.length()`.
pub fn utf16_len(text: &str) -> u64 {
    // ASCII and 2- and 3-byte UTF-8 sequences are one unit; 4-byte ones are two.
    text.bytes().filter(|&b| (b & 0xC0) != 0x80).count() as u64 + text.bytes().filter(|&b| b >= 0xF0).count() as u64
}

/// The number of pieces Java's `text.split(",")` returns: trailing empty pieces removed, and
/// `""` is one piece.
pub fn java_split_count(text: &str) -> u64 {
    if text.is_empty() {
        return 1;
    }
    let trimmed = text.trim_end_matches(',');
    if trimmed.is_empty() {
        0
    } else {
        trimmed.bytes().filter(|&b| b == b',').count() as u64 + 1
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
        assert_eq!(java_split_count("a,,"), 1);
        assert!(is_blank(" \t\n"));
        assert!(!is_blank(" x "));
        assert_eq!(utf16_len("中文中文"), 4);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("aé"), 2);
        for s in ["", "abc", "中文", "😀x😀", "é\u{10FFFF}"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count() as u64, "{s}");
        }
    }
}
