//! The JSON text of object parameters, byte for byte as the official Java SDK's `JSONWriter`
//! writes it (docs/protocol.md §5.1): compact, object keys in the order the generated code gives
//! them (alphabetical by Java property name), absent members omitted, non-ASCII raw, `"` `\`
//! and `/` escaped (`\/`), `\b \f \n \r \t` as short escapes and other ISO control characters
//! as `\uXXXX` (upper-case hex). Strings that hold JSON stay JSON strings.
//!
//! Generated DTOs implement [`ToJson`] with [`JsonObject`]; this module knows nothing about
//! any API.

use crate::value::Timestamp;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A value the Java SDK's JSON writer can write.
pub trait ToJson {
    /// Appends this value's JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// The JSON text of a value.
pub fn to_json_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::with_capacity(256);
    value.write_json(&mut out);
    out
}

/// Writes a JSON string literal with the Java SDK's escaping.
///
/// Runs of characters that need no escape are copied at once: this is on the signing hot path
/// (every object parameter of every call).
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let (mut run_start, mut i) = (0, 0);
    while let Some(at) = find_may_escape(bytes, i) {
        i = at;
        // Every flagged byte starts a character (ASCII, or the lead byte 0xC2 of
        // U+0080..=U+00BF), so `i` is a char boundary for the slices below.
        let (escape, width): (Escape, usize) = match bytes[i] {
            b'"' => (Escape::Short("\\\""), 1),
            b'\\' => (Escape::Short("\\\\"), 1),
            b'/' => (Escape::Short("\\/"), 1),
            0x08 => (Escape::Short("\\b"), 1),
            0x0C => (Escape::Short("\\f"), 1),
            b'\n' => (Escape::Short("\\n"), 1),
            b'\r' => (Escape::Short("\\r"), 1),
            b'\t' => (Escape::Short("\\t"), 1),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => (Escape::Unicode(u32::from(bytes[i + 1])), 2),
            0xC2 => {
                i += 1;
                continue;
            }
            b => (Escape::Unicode(u32::from(b)), 1),
        };
        out.push_str(&s[run_start..i]);
        match escape {
            Escape::Short(text) => out.push_str(text),
            Escape::Unicode(code) => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push_str("\\u00");
                out.push(char::from(HEX[(code >> 4) as usize & 0xF]));
                out.push(char::from(HEX[code as usize & 0xF]));
            }
        }
        i += width;
        run_start = i;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

/// The index of the first byte from `from` on that may start an escape ([`MAY_ESCAPE`]):
/// eight bytes per step while none does, then byte by byte.
fn find_may_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        if word_may_escape(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| MAY_ESCAPE[usize::from(b)])
        .map(|k| i + k)
}

/// Whether any of the eight bytes of `w` is in [`MAY_ESCAPE`] (the classic SWAR tests: a byte
/// below 0x20, or a byte equal to one of the others; exact for "any", though not for "which").
#[inline]
fn word_may_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let equal = |c: u8| below(w ^ (ONES * u64::from(c)), 1);
    (below(w, 0x20) | equal(b'"') | equal(b'\\') | equal(b'/') | equal(0x7F) | equal(0xC2)) != 0
}

/// Bytes that may start an escape: ASCII controls, `"`, `\\`, `/`, DEL, and 0xC2 (the lead byte
/// of U+0080..=U+00BF, among them the C1 controls the Java writer escapes).
static MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[b'/' as usize] = true;
    table[0x7F] = true;
    table[0xC2] = true;
    table
};

/// How one character is escaped: a fixed text, or `\u00XX` (the Java writer escapes ISO
/// control characters U+0000..=U+001F and U+007F..=U+009F that have no short form).
enum Escape {
    Short(&'static str),
    Unicode(u32),
}

/// Writes the members of one JSON object; the caller gives them in output order.
pub struct JsonObject<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> JsonObject<'a> {
    /// Starts an object (`{`).
    pub fn begin(out: &'a mut String) -> Self {
        out.push('{');
        JsonObject { out, first: true }
    }

    /// Writes `"key":value`, or nothing when the value is absent (Java's null members).
    pub fn member<T: ToJson + ?Sized>(&mut self, key: &str, value: Option<&T>) {
        let Some(value) = value else { return };
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
    }

    /// Ends the object (`}`).
    pub fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(out, "{self}");
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Price and BigDecimal are `String` fields in the Java SDK: written as JSON strings.
impl ToJson for Decimal {
    fn write_json(&self, out: &mut String) {
        write_str(out, &self.to_string());
    }
}

impl ToJson for Timestamp {
    fn write_json(&self, out: &mut String) {
        write_str(out, &self.to_string());
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// A `Map` parameter: keys in sorted order.
impl ToJson for BTreeMap<String, String> {
    fn write_json(&self, out: &mut String) {
        let mut obj = JsonObject::begin(out);
        for (k, v) in self {
            obj.member(k, Some(v));
        }
        obj.end();
    }
}

/// Free-form JSON (objects of undocumented shape): keys in the value's own order; `null`
/// members omitted like Java's.
impl ToJson for serde_json::Value {
    fn write_json(&self, out: &mut String) {
        use serde_json::Value;
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => out.push_str(&n.to_string()),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => {
                let mut obj = JsonObject::begin(out);
                for (k, v) in map {
                    obj.member(k, (!v.is_null()).then_some(v));
                }
                obj.end();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_like_the_java_writer() {
        let cases = [
            ("http://a.b/c.jpg", r#""http:\/\/a.b\/c.jpg""#),
            ("张三", "\"张三\""),
            ("a\"b\\c", r#""a\"b\\c""#),
            ("\n\t\r\u{8}\u{c}", r#""\n\t\r\b\f""#),
            ("\u{1}\u{7f}\u{85}", r#""\u0001\u007F\u0085""#),
            ("{}", r#""{}""#),
            ("😀", "\"😀\""),
            ("\u{9f}\u{a0}é中/x", "\"\\u009F\u{a0}é中\\/x\""),
            ("", "\"\""),
        ];
        for (input, want) in cases {
            assert_eq!(to_json_string(input), want, "{input:?}");
        }
    }

    /// The Java writer's rule, one character at a time: the reference for the fast writer.
    fn reference(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '/' => out.push_str("\\/"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() && (c as u32) <= 0x9F => out.push_str(&format!("\\u{:04X}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn the_fast_writer_agrees_with_the_reference_on_every_bmp_character() {
        for code in (0..0x3100).chain(0xFE00..0x10000).chain([0x1F600, 0x10FFFF]) {
            let Some(c) = char::from_u32(code) else { continue };
            let text = format!("a{c}b{c}{c}");
            assert_eq!(to_json_string(text.as_str()), reference(&text), "U+{code:04X}");
        }
    }

    #[test]
    fn the_word_test_flags_exactly_the_table_bytes_at_every_position() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                // Neighbours that never need escaping, below and above `b`.
                for fill in [b'a', 0xE4, 0x7E, 0x20] {
                    let mut word = [fill; 8];
                    word[pos] = b;
                    assert_eq!(
                        word_may_escape(u64::from_le_bytes(word)),
                        MAY_ESCAPE[usize::from(b)],
                        "byte {b:#04X} at {pos} among {fill:#04X}"
                    );
                }
            }
        }
    }

    #[test]
    fn escapes_are_found_at_every_offset_of_long_strings() {
        for special in ["/", "\"", "\u{1}", "\u{85}", "\u{7f}", "中", "\u{a0}"] {
            for before in 0..20 {
                let text = format!("{}{special}{}", "x".repeat(before), "y".repeat(19 - before));
                assert_eq!(to_json_string(text.as_str()), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn objects_skip_absent_members() {
        let mut out = String::new();
        let mut obj = JsonObject::begin(&mut out);
        obj.member::<String>("a", None);
        obj.member("b", Some(&10i64));
        obj.member("c", Some(&vec![true, false]));
        obj.member::<str>("d", None);
        obj.end();
        assert_eq!(out, r#"{"b":10,"c":[true,false]}"#);
        let v: serde_json::Value = serde_json::from_str(r#"{"z":1,"a":null,"m":"x/y"}"#).unwrap();
        assert_eq!(to_json_string(&v), r#"{"z":1,"m":"x\/y"}"#);
        let price: Decimal = "12.50".parse().unwrap();
        assert_eq!(to_json_string(&price), r#""12.50""#);
    }
}
