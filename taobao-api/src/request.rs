//! The contract between generated request types and the client: [`TopRequest`] and the
//! business parameters it writes ([`Params`]).

use crate::model::{Object, encode, validate};
use crate::response::TopResponse;
use crate::validation::ValidationError;
use std::collections::BTreeMap;
use std::fmt;

/// Implemented by every generated request type; the client is generic over it. Validation and
/// encoding come from the request's schema ([`Object`]).
pub trait TopRequest: Object + Sized {
    /// The API method name sent as `method`, e.g. `taobao.logistics.express.abnormal.report`.
    const METHOD: &'static str;
    /// The typed response body (the object under the `<method>_response` key).
    type Response: TopResponse;
    /// Static facts about the API (required parameters, response example).
    fn info() -> &'static ApiInfo;

    /// Checks every documented rule; returns all violations at once.
    fn validate(&self) -> Result<(), ValidationError> {
        validate::validate(self)
    }

    /// Writes the business parameters as the official SDKs encode them.
    fn write_params(&self, params: &mut Params) {
        encode::write_params(self, params);
    }
}

/// What the runtime (and the mock gateway) needs to know about one API without its types:
/// generated for every spec, listed in `taobao_api::APIS`.
#[derive(Debug, Clone, Copy)]
pub struct ApiInfo {
    /// Method name, e.g. `taobao.logistics.express.abnormal.report`.
    pub method: &'static str,
    /// The Chinese title.
    pub title: &'static str,
    /// Wire names of the top-level required business parameters.
    pub required_params: &'static [&'static str],
    /// Wire names of the top-level file (`byte[]`) parameters.
    pub file_params: &'static [&'static str],
    /// The request's fields and rules (what validation and encoding run on).
    pub request_schema: &'static crate::model::Schema,
    /// The page's response example as the JSON body the gateway sends
    /// (`{"<key>_response": {...}}`), when the page has one.
    pub response_example: Option<&'static str>,
    /// Whether a call only reads or may change state; decides what the client retries (see
    /// [`Access`]). The generator derives it from the method name.
    pub access: Access,
}

/// Equal when every fact is; the request schema by identity (each API has its own static).
impl PartialEq for ApiInfo {
    fn eq(&self, other: &Self) -> bool {
        self.method == other.method
            && self.title == other.title
            && self.required_params == other.required_params
            && self.file_params == other.file_params
            && std::ptr::eq(self.request_schema, other.request_schema)
            && self.response_example == other.response_example
            && self.access == other.access
    }
}

impl Eq for ApiInfo {}

/// Whether calling an API only reads or may change state on the platform.
///
/// The client retries a failed call only when repeating it is harmless: after an *ambiguous*
/// failure (a timeout, a connection lost after the request may have been sent, HTTP 5xx, an
/// `isp.*` or code 10 platform error) a [`Access::Read`] is retried, a [`Access::Write`] only
/// when the caller opted in (`ClientBuilder::retry_writes`, `CallOptions::retry_writes`).
/// Failures that prove the request was not processed (a connect failure, a call-limit
/// rejection) are retried for both.
///
/// Generated bindings get it from the method name (`taobao-api-gen`'s `access` module): the
/// verb of the last segment (`get`, `query`, `search`, `list`, ...) makes a read, anything else
/// a write, and a reviewed table turns reads that allocate or create (e.g.
/// `cainiao.waybill.ii.get`, which allocates waybill numbers) into writes. Unknown verbs are
/// writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// Only reads: sending it twice cannot change anything.
    Read,
    /// Creates, changes or allocates something, or is not known to only read.
    Write,
}

impl Access {
    /// `"read"` or `"write"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

/// A file parameter (`byte[]`): sent as a multipart part, never signed.
#[derive(Clone, PartialEq, Eq)]
pub struct FileItem {
    /// File name sent in the part's `Content-Disposition`.
    pub file_name: String,
    /// MIME type of the part.
    pub mime_type: String,
    /// The content.
    pub content: Vec<u8>,
}

impl FileItem {
    /// A file with a name and content; the MIME type is `application/octet-stream`.
    pub fn new(file_name: impl Into<String>, content: impl Into<Vec<u8>>) -> Self {
        FileItem {
            file_name: file_name.into(),
            mime_type: "application/octet-stream".into(),
            content: content.into(),
        }
    }
}

impl fmt::Debug for FileItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileItem")
            .field("file_name", &self.file_name)
            .field("mime_type", &self.mime_type)
            .field("len", &self.content.len())
            .finish()
    }
}

/// One business parameter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    /// A text value: signed and sent as a form field.
    Text(String),
    /// A file: sent as multipart, not signed.
    File(FileItem),
}

/// The business parameters of one call, by wire name (sorted, as the signature needs them).
///
/// Like the official Java SDK's `TaobaoHashMap`, text values that are empty or whitespace-only
/// are dropped on insert, so what is signed is exactly what is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    map: BTreeMap<String, ParamValue>,
}

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a text parameter; empty and whitespace-only values are dropped (and an earlier
    /// value under the same name removed).
    pub fn insert_text(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        let value = value.into();
        if value.chars().all(is_java_whitespace) {
            self.map.remove(&name);
        } else {
            self.map.insert(name, ParamValue::Text(value));
        }
    }

    /// Sets a file parameter.
    pub fn insert_file(&mut self, name: impl Into<String>, file: FileItem) {
        self.map.insert(name.into(), ParamValue::File(file));
    }

    /// The value of a parameter.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.map.get(name)
    }

    /// The text of a text parameter.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.map.get(name) {
            Some(ParamValue::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// Removes a parameter.
    pub fn remove(&mut self, name: &str) -> Option<ParamValue> {
        self.map.remove(name)
    }

    /// All parameters in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ParamValue)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Text parameters in name order (what the signature covers).
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().filter_map(|(k, v)| match v {
            ParamValue::Text(t) => Some((k.as_str(), t.as_str())),
            ParamValue::File(_) => None,
        })
    }

    /// True when any parameter is a file (the body must be multipart).
    pub fn has_files(&self) -> bool {
        self.map.values().any(|v| matches!(v, ParamValue::File(_)))
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Java's `Character.isWhitespace`, which the official SDK's `TaobaoHashMap` uses to drop blank
/// values: Unicode space separators except the no-break ones (U+00A0, U+2007, U+202F), line and
/// paragraph separators, and the controls U+0009–U+000D and U+001C–U+001F. (Rust's
/// `char::is_whitespace` differs: it counts the no-break spaces and U+0085.)
pub fn is_java_whitespace(c: char) -> bool {
    matches!(c,
        '\u{9}'..='\u{D}' | '\u{1C}'..='\u{20}' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}'
        | '\u{2028}' | '\u{2029}' | '\u{205F}' | '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_values_are_dropped_like_the_java_sdk() {
        let mut p = Params::new();
        p.insert_text("b", "1");
        p.insert_text("a", "");
        p.insert_text("c", " \t");
        p.insert_text("d", " x ");
        assert_eq!(p.texts().collect::<Vec<_>>(), vec![("b", "1"), ("d", " x ")]);
        p.insert_text("b", "  ");
        assert_eq!(p.text("b"), None);
        // Java keeps no-break spaces and U+0085; it drops the ideographic space and U+001F.
        p.insert_text("nbsp", "\u{a0}");
        p.insert_text("nel", "\u{85}");
        p.insert_text("ideographic", "\u{3000}\u{1f}");
        assert_eq!(p.text("nbsp"), Some("\u{a0}"));
        assert_eq!(p.text("nel"), Some("\u{85}"));
        assert_eq!(p.text("ideographic"), None);
    }
}
