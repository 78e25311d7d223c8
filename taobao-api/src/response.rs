//! What every typed response carries besides its documented fields: the reply's `request_id`,
//! the raw body it was decoded from, and the fields that could not be converted
//! ([`DecodeWarning`]s). Generated responses expose them as `request_id()`, `body()` and
//! `decode_warnings()`.

use crate::model::{DecodeWarning, ObjectMut};
use serde::Deserializer;
use std::fmt;
use std::sync::Arc;

/// Implemented by every generated response type.
pub trait TopResponse: ObjectMut + Default {
    /// The reply's metadata.
    fn meta(&self) -> &ResponseMeta;
    /// The reply's metadata, for the decoder.
    #[doc(hidden)]
    fn meta_mut(&mut self) -> &mut ResponseMeta;
}

/// The reply a response was decoded from. Equality compares the `request_id` and the warnings,
/// not the body.
#[derive(Clone, Default)]
pub struct ResponseMeta {
    request_id: Option<String>,
    body: Option<Arc<String>>,
    warnings: Vec<DecodeWarning>,
}

impl ResponseMeta {
    /// Metadata of a decoded reply.
    pub fn new(request_id: Option<String>, body: Option<Arc<String>>, warnings: Vec<DecodeWarning>) -> Self {
        ResponseMeta {
            request_id,
            body,
            warnings,
        }
    }

    /// The gateway's `request_id`.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The raw body.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref().map(String::as_str)
    }

    /// Fields that could not be converted.
    pub fn warnings(&self) -> &[DecodeWarning] {
        &self.warnings
    }
}

impl PartialEq for ResponseMeta {
    fn eq(&self, other: &Self) -> bool {
        self.request_id == other.request_id && self.warnings == other.warnings
    }
}

impl Eq for ResponseMeta {}

impl fmt::Debug for ResponseMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseMeta")
            .field("request_id", &self.request_id)
            .field("body_len", &self.body.as_ref().map(|b| b.len()))
            .field("warnings", &self.warnings)
            .finish()
    }
}

/// `Deserialize` of a generated response: the documented fields through the tolerant decoder,
/// plus `request_id` when the input has one (as `Serialize` writes it).
pub fn deserialize_response<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TopResponse,
{
    let json = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
    let request_id = json.get("request_id").and_then(|v| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let (mut value, warnings): (T, _) =
        crate::model::serde_impls::deserialize_with_warnings(json).map_err(serde::de::Error::custom)?;
    *value.meta_mut() = ResponseMeta::new(request_id, None, warnings);
    Ok(value)
}
