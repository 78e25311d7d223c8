//! Where each value of a JSON text sits: serde_json keeps no positions, so the text it has
//! already accepted is scanned once more for the byte spans of objects, members and items.
//! The reader walks this tree beside the `serde_json::Value` and points diagnostics at the exact
//! member (`"type": "Nubmer"`), whatever the order of the keys.

use crate::ir::Span;

/// Deeper than serde_json's own limit (128): such a text never reaches the scanner.
const MAX_DEPTH: usize = 256;

/// A JSON value's position, with the positions of what it holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `{...}`.
    Object {
        /// From `{` to `}`.
        span: Span,
        /// Members in text order (duplicates kept).
        members: Vec<Member>,
    },
    /// `[...]`.
    Array {
        /// From `[` to `]`.
        span: Span,
        /// Items in text order.
        items: Vec<Node>,
    },
    /// A string (quotes included), number, `true`, `false` or `null`.
    Scalar {
        /// The literal.
        span: Span,
    },
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key, unescaped.
    pub key: String,
    /// The key's literal, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

impl Node {
    /// The whole value.
    pub fn span(&self) -> Span {
        match self {
            Node::Object { span, .. } | Node::Array { span, .. } | Node::Scalar { span } => *span,
        }
    }

    /// The member called `key`; the last one when the key repeats, as serde_json keeps the last.
    pub fn member(&self, key: &str) -> Option<&Member> {
        match self {
            Node::Object { members, .. } => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    /// The items of an array (none for anything else).
    pub fn items(&self) -> &[Node] {
        match self {
            Node::Array { items, .. } => items,
            _ => &[],
        }
    }
}

/// The tree of a JSON text; `None` when the text is not one JSON value (or nests too deep).
pub fn scan(text: &str) -> Option<Node> {
    let mut s = Scanner { text, pos: 0 };
    let node = s.value(0)?;
    s.skip_space();
    (s.pos == text.len()).then_some(node)
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after whitespace) or fails.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        let start = self.pos;
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                self.skip_space();
                if self.peek() != Some(b'}') {
                    loop {
                        self.skip_space();
                        let key_span = self.string()?;
                        self.expect(b':')?;
                        let value = self.value(depth + 1)?;
                        members.push(Member {
                            key: unescape(&self.text[key_span.start..key_span.end])?,
                            key_span,
                            value,
                        });
                        self.skip_space();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b'}' => break,
                            _ => return None,
                        }
                    }
                }
                self.pos += 1;
                Some(Node::Object {
                    span: Span::new(start, self.pos),
                    members,
                })
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() != Some(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        self.skip_space();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b']' => break,
                            _ => return None,
                        }
                    }
                }
                self.pos += 1;
                Some(Node::Array {
                    span: Span::new(start, self.pos),
                    items,
                })
            }
            b'"' => self.string().map(|span| Node::Scalar { span }),
            _ => {
                let len = self.text[start..]
                    .find([',', ']', '}', ' ', '\t', '\n', '\r'])
                    .unwrap_or(self.text.len() - start);
                if len == 0 {
                    return None;
                }
                self.pos += len;
                Some(Node::Scalar {
                    span: Span::new(start, self.pos),
                })
            }
        }
    }

    /// A string literal at the cursor: its span, quotes included.
    fn string(&mut self) -> Option<Span> {
        let start = self.pos;
        if self.peek() != Some(b'"') {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return Some(Span::new(start, self.pos));
                }
                _ => i += 1,
            }
        }
        None
    }
}

/// A key literal's text (quotes included) as a string.
fn unescape(literal: &str) -> Option<String> {
    if literal.contains('\\') {
        serde_json::from_str(literal).ok()
    } else {
        literal.get(1..literal.len() - 1).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_members_and_items() {
        let text = r#" {"a": [1, {"b\"": "x"}], "a": true , "c" : null}"#;
        let root = scan(text).expect("valid");
        let at = |span: Span| &text[span.start..span.end];
        assert_eq!(at(root.span()), &text[1..]);
        assert_eq!(at(root.member("a").unwrap().value.span()), "true", "the last `a` wins");
        let Node::Object { members, .. } = &root else {
            panic!("an object")
        };
        let list = &members[0].value;
        assert_eq!(at(list.span()), r#"[1, {"b\"": "x"}]"#);
        assert_eq!(at(list.items()[0].span()), "1");
        let inner = list.items()[1].member("b\"").unwrap();
        assert_eq!(at(inner.key_span), r#""b\"""#);
        assert_eq!(at(inner.value.span()), r#""x""#);
        assert_eq!(at(root.member("c").unwrap().value.span()), "null");
        assert!(root.member("missing").is_none());
    }

    #[test]
    fn broken_text_gives_no_tree() {
        for text in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"open",
            "[1] x",
            "{\"a\":}",
            r#"["中\"] "#,
        ] {
            assert_eq!(scan(text), None, "{text:?}");
        }
        let deep = "[".repeat(300) + &"]".repeat(300);
        assert_eq!(scan(&deep), None);
        assert!(scan("[\"中\", -1.5e3, {}]").is_some());
    }
}
