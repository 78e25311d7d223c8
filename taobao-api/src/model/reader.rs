//! A pull reader over JSON text, for the decoder: no intermediate tree, strings borrowed when they
//! hold no escapes, numbers handed over as their exact text (so a `Price` keeps every digit
//! without serde_json's `arbitrary_precision`), and values skipped or captured without being
//! built. Lenient where real gateways are sloppy (raw control characters inside strings, lone
//! surrogate escapes become U+FFFD); strict about structure, with the byte offset of every
//! syntax error and a nesting limit instead of unbounded recursion.

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting than this is rejected (a reply is never this deep; a hostile one could be).
const MAX_DEPTH: u32 = 256;

/// The kind of the next value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    /// "an object", "a number", ... for messages.
    pub(crate) fn article(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Bool => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// Malformed JSON, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What was wrong.
    pub message: &'static str,
    /// Byte offset in the text.
    pub offset: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for SyntaxError {}

/// Bytes that end a run of plain string content: the quote and the backslash.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// A pull reader over one JSON text (the decoder's input; its methods are internal).
#[derive(Debug)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
    /// Set by `begin_*`, cleared by the first `next_*` after it: a comma is only expected
    /// before later entries. One flag suffices because a nested value can only start after
    /// the enclosing container's first entry has been read.
    first: bool,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            first: false,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    pub(crate) fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError {
            message,
            offset: self.pos,
        }
    }

    fn skip_ws(&mut self) {
        let bytes = self.bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The kind of the next value (whitespace skipped).
    pub(crate) fn peek(&mut self) -> Result<Kind, SyntaxError> {
        self.skip_ws();
        match self.bytes().get(self.pos) {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end of the text")),
        }
    }

    /// Whether the next value is an object.
    pub(crate) fn peek_is_object(&mut self) -> Result<bool, SyntaxError> {
        Ok(self.peek()? == Kind::Object)
    }

    /// The next value as text when it is a scalar (strings as they are, numbers and booleans
    /// as written); `None` for `null`, objects and arrays (skipped).
    pub(crate) fn scalar_text(&mut self) -> Result<Option<String>, SyntaxError> {
        Ok(match self.peek()? {
            Kind::String => Some(self.read_str()?.into_owned()),
            Kind::Number => Some(self.read_number()?.to_owned()),
            Kind::Bool => Some(self.read_bool()?.to_string()),
            Kind::Null => {
                self.read_null()?;
                None
            }
            Kind::Object | Kind::Array => {
                self.skip_value()?;
                None
            }
        })
    }

    /// Checks that only whitespace follows.
    pub(crate) fn end(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(self.error("trailing characters after the value"))
        }
    }

    fn literal(&mut self, word: &'static str) -> Result<(), SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("invalid literal"))
        }
    }

    /// `null`.
    pub(crate) fn read_null(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws();
        self.literal("null")
    }

    /// `true` / `false`.
    pub(crate) fn read_bool(&mut self) -> Result<bool, SyntaxError> {
        self.skip_ws();
        if self.bytes().get(self.pos) == Some(&b't') {
            self.literal("true").map(|()| true)
        } else {
            self.literal("false").map(|()| false)
        }
    }

    /// A number's exact text (`-12.50e3`).
    pub(crate) fn read_number(&mut self) -> Result<&'a str, SyntaxError> {
        self.skip_ws();
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == int_start {
            self.pos = i;
            return Err(self.error("invalid number"));
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            let frac = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == frac {
                self.pos = i;
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            let exp = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == exp {
                self.pos = i;
                return Err(self.error("invalid number"));
            }
        }
        self.pos = i;
        Ok(&self.text[start..i])
    }

    /// A string, borrowed from the text when it holds no escapes.
    pub(crate) fn read_str(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.skip_ws();
        if self.bytes().get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a string"));
        }
        self.pos += 1;
        let start = self.pos;
        let stop = self.scan_plain();
        match self.bytes().get(stop) {
            Some(b'"') => {
                self.pos = stop + 1;
                Ok(Cow::Borrowed(&self.text[start..stop]))
            }
            Some(_) => {
                // The decoded text is never longer than the escaped one: find the closing quote
                // first so the string is allocated once, at (about) its final size.
                self.pos = stop;
                let end = self.string_end()?;
                let mut owned = String::with_capacity(end - start);
                owned.push_str(&self.text[start..stop]);
                self.read_escaped_tail(&mut owned)?;
                Ok(Cow::Owned(owned))
            }
            None => {
                self.pos = stop;
                Err(self.error("unterminated string"))
            }
        }
    }

    /// The index of the next `"` or `\` from the current position (or the end).
    fn scan_plain(&self) -> usize {
        let bytes = self.bytes();
        let rest = &bytes[self.pos.min(bytes.len())..];
        // Short runs (most keys and values) are cheaper byte by byte than through a vector
        // search's setup.
        for (i, &b) in rest.iter().take(16).enumerate() {
            if STRING_STOP[usize::from(b)] {
                return self.pos + i;
            }
        }
        if rest.len() <= 16 {
            return bytes.len();
        }
        match memchr::memchr2(b'"', b'\\', &rest[16..]) {
            Some(i) => self.pos + 16 + i,
            None => bytes.len(),
        }
    }

    /// The offset of the closing quote of the string the reader is inside (the position is
    /// unchanged).
    fn string_end(&mut self) -> Result<usize, SyntaxError> {
        let save = self.pos;
        let mut i = self.pos;
        let end = loop {
            self.pos = i;
            let stop = self.scan_plain();
            match self.bytes().get(stop) {
                Some(b'"') => break Ok(stop),
                Some(_) => i = stop + 2,
                None => {
                    self.pos = stop;
                    break Err(self.error("unterminated string"));
                }
            }
        };
        if end.is_ok() {
            self.pos = save;
        }
        end
    }

    /// Continues a string at an escape, appending to `out`, through the closing quote.
    fn read_escaped_tail(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        loop {
            let stop = self.scan_plain();
            out.push_str(&self.text[self.pos..stop]);
            self.pos = stop;
            match self.bytes().get(stop) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.read_escape(out)?;
                }
                _ => return Err(self.error("unterminated string")),
            }
        }
    }

    fn read_escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(&b) = self.bytes().get(self.pos) else {
            return Err(self.error("unterminated string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.read_unicode_escape()?,
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    fn read_hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\u escape"))
    }

    /// After `\u`: a BMP character, a surrogate pair, or U+FFFD for a lone surrogate.
    fn read_unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.read_hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text[self.pos..].starts_with("\\u") {
            let save = self.pos;
            self.pos += 2;
            let second = self.read_hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    /// Enters an object: `{`.
    pub(crate) fn begin_object(&mut self) -> Result<(), SyntaxError> {
        self.open(b'{')
    }

    /// Enters an array: `[`.
    pub(crate) fn begin_array(&mut self) -> Result<(), SyntaxError> {
        self.open(b'[')
    }

    fn open(&mut self, bracket: u8) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.bytes().get(self.pos) != Some(&bracket) {
            return Err(self.error(if bracket == b'{' {
                "expected an object"
            } else {
                "expected an array"
            }));
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        self.depth += 1;
        self.pos += 1;
        self.first = true;
        Ok(())
    }

    /// The next member's key inside an object (after [`Reader::begin_object`]), or `None` at
    /// its end (the `}` is consumed). The reader is left before the member's value.
    pub(crate) fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        if !self.next_entry(b'}')? {
            return Ok(None);
        }
        let key = self.read_str()?;
        self.skip_ws();
        if self.bytes().get(self.pos) != Some(&b':') {
            return Err(self.error("expected `:` after an object key"));
        }
        self.pos += 1;
        Ok(Some(key))
    }

    /// Whether another item follows inside an array (after [`Reader::begin_array`]); at its
    /// end the `]` is consumed.
    pub(crate) fn next_item(&mut self) -> Result<bool, SyntaxError> {
        self.next_entry(b']')
    }

    fn next_entry(&mut self, close: u8) -> Result<bool, SyntaxError> {
        self.skip_ws();
        let first = std::mem::replace(&mut self.first, false);
        match self.bytes().get(self.pos) {
            Some(&b) if b == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_ws();
                if self.bytes().get(self.pos) == Some(&close) {
                    return Err(self.error("trailing comma"));
                }
                Ok(true)
            }
            Some(_) if first => Ok(true),
            Some(_) => Err(self.error(if close == b'}' {
                "expected `,` or `}`"
            } else {
                "expected `,` or `]`"
            })),
            None => Err(self.error("unexpected end of the text")),
        }
    }

    /// Skips one value of any kind.
    pub(crate) fn skip_value(&mut self) -> Result<(), SyntaxError> {
        match self.peek()? {
            Kind::Object => {
                self.begin_object()?;
                while self.next_key()?.is_some() {
                    self.skip_value()?;
                }
                Ok(())
            }
            Kind::Array => {
                self.begin_array()?;
                while self.next_item()? {
                    self.skip_value()?;
                }
                Ok(())
            }
            Kind::String => self.skip_str(),
            Kind::Number => self.read_number().map(drop),
            Kind::Bool => self.read_bool().map(drop),
            Kind::Null => self.read_null(),
        }
    }

    fn skip_str(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1;
        loop {
            let stop = self.scan_plain();
            match self.bytes().get(stop) {
                Some(b'"') => {
                    self.pos = stop + 1;
                    return Ok(());
                }
                Some(_) => self.pos = stop + 2,
                None => {
                    self.pos = stop;
                    return Err(self.error("unterminated string"));
                }
            }
        }
    }

    /// Skips one value and returns its text as it appears (whitespace inside included).
    pub(crate) fn raw_value(&mut self) -> Result<&'a str, SyntaxError> {
        self.skip_ws();
        let start = self.pos;
        self.skip_value()?;
        Ok(&self.text[start..self.pos])
    }
}

/// JSON text without insignificant whitespace (the compact form a String field receives when
/// the reply puts an object or array there). `raw` must be one valid JSON value.
pub(crate) fn compact(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in raw.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds(text: &str) -> Result<Vec<String>, SyntaxError> {
        // Flattens a document into tokens, to test the reader's walk.
        fn walk(r: &mut Reader<'_>, out: &mut Vec<String>) -> Result<(), SyntaxError> {
            match r.peek()? {
                Kind::Object => {
                    r.begin_object()?;
                    out.push("{".into());
                    while let Some(k) = r.next_key()? {
                        out.push(format!("{k}:"));
                        walk(r, out)?;
                    }
                    out.push("}".into());
                }
                Kind::Array => {
                    r.begin_array()?;
                    out.push("[".into());
                    while r.next_item()? {
                        walk(r, out)?;
                    }
                    out.push("]".into());
                }
                Kind::String => out.push(format!("s:{}", r.read_str()?)),
                Kind::Number => out.push(format!("n:{}", r.read_number()?)),
                Kind::Bool => out.push(format!("b:{}", r.read_bool()?)),
                Kind::Null => {
                    r.read_null()?;
                    out.push("null".into());
                }
            }
            Ok(())
        }
        let mut r = Reader::new(text);
        let mut out = Vec::new();
        walk(&mut r, &mut out)?;
        r.end()?;
        Ok(out)
    }

    #[test]
    fn reads_every_kind() {
        let got = all_kinds(r#" {"a": [1, -2.50e3, "x\"y\u00e9\ud83d\ude00", true, null, {}], "b" : []} "#).unwrap();
        assert_eq!(
            got,
            [
                "{",
                "a:",
                "[",
                "n:1",
                "n:-2.50e3",
                "s:x\"yé😀",
                "b:true",
                "null",
                "{",
                "}",
                "]",
                "b:",
                "[",
                "]",
                "}"
            ]
        );
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let mut r = Reader::new(r#""plain 中文 text that is longer than eight bytes""#);
        assert!(matches!(r.read_str().unwrap(), Cow::Borrowed(_)));
        let mut r = Reader::new(r#""a\/b""#);
        assert_eq!(r.read_str().unwrap(), "a/b");
    }

    #[test]
    fn lone_surrogates_and_raw_controls_are_tolerated() {
        let mut r = Reader::new("\"\\ud800x\tline\nbreak\"");
        assert_eq!(r.read_str().unwrap(), "\u{FFFD}x\tline\nbreak");
    }

    #[test]
    fn syntax_errors_carry_offsets() {
        for (text, message, offset) in [
            ("{\"a\" 1}", "expected `:` after an object key", 5),
            ("[1,]", "trailing comma", 3),
            ("[1 2]", "expected `,` or `]`", 3),
            ("\"abc", "unterminated string", 4),
            ("{\"a\":tru}", "invalid literal", 5),
            ("-", "invalid number", 1),
            ("1.", "invalid number", 2),
            ("\"\\x\"", "invalid escape", 2),
            ("", "unexpected end of the text", 0),
            ("[1] x", "trailing characters after the value", 4),
        ] {
            let err = all_kinds(text).unwrap_err();
            assert_eq!((err.message, err.offset), (message, offset), "{text}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(10_000);
        let err = all_kinds(&deep).unwrap_err();
        assert_eq!(err.message, "nesting too deep");
        let mut r = Reader::new(&deep);
        assert_eq!(r.skip_value().unwrap_err().message, "nesting too deep");
    }

    #[test]
    fn raw_values_and_compaction() {
        let mut r = Reader::new(r#"{"k": { "a" : [1, 2], "s": "x y" } }"#);
        r.begin_object().unwrap();
        r.next_key().unwrap();
        let raw = r.raw_value().unwrap();
        assert_eq!(raw, r#"{ "a" : [1, 2], "s": "x y" }"#);
        assert_eq!(compact(raw), r#"{"a":[1,2],"s":"x y"}"#);
        assert_eq!(compact(r#"[ "a\" b" ]"#), r#"["a\" b"]"#);
    }

    #[test]
    fn strings_of_every_length_around_the_vector_search() {
        for len in 0..48 {
            let plain = "中".repeat(len / 3) + &"a".repeat(len % 3);
            let doc = format!("\"{plain}\",1");
            let mut r = Reader::new(&doc);
            assert_eq!(r.read_str().unwrap(), plain.as_str());
            for at in 0..=len {
                // An escape at every position, then more text.
                let text: String = "x".repeat(at) + "\\n" + &"y".repeat(len - at);
                let doc = format!("[\"{text}\", \"{text}\"]");
                let mut r = Reader::new(&doc);
                r.begin_array().unwrap();
                assert!(r.next_item().unwrap());
                r.skip_value().unwrap();
                assert!(r.next_item().unwrap());
                let want = "x".repeat(at) + "\n" + &"y".repeat(len - at);
                assert_eq!(r.read_str().unwrap(), want.as_str(), "{len} {at}");
                assert!(!r.next_item().unwrap());
            }
            let doc = format!("\"{}", "z".repeat(len));
            let mut r = Reader::new(&doc);
            assert_eq!(r.read_str().unwrap_err().message, "unterminated string");
        }
    }
}
