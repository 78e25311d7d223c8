//! Reading a gateway reply (docs/protocol.md §7–8): the HTTP status first, then the envelope —
//! `error_response` → [`Error::Platform`]; the `<key>_response` member (or, with
//! `simplify=true`, the root itself) → the response; error fields inside that member (`code`,
//! `sub_code`, as the Java SDK reads them) → [`Error::Platform`] as well; a member for another
//! method → [`Error::WrongMethod`].
//!
//! [`decode_response`] is what the typed `execute` runs on every reply body: one pass over the
//! text, no intermediate JSON tree, the raw body kept in the response. A business failure inside
//! a successful reply (e.g. `"success": false` in the API's own result object) is not an error
//! here: it stays in the typed response.

use crate::error::{Error, is_transient_platform, snippet_bytes};
use crate::model::ValueRef;
use crate::model::decode::{Context, JsonReader, SyntaxError, fill_object_with};
use crate::request::TopRequest;
use crate::response::{ResponseMeta, TopResponse};
use crate::retry::parse_ban_wait;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::sync::Arc;

/// What one attempt brought back: the HTTP status and the whole body (within the size limit,
/// gzip decoded). Redirects never get here (the transport turns them into errors).
#[derive(Debug)]
pub(crate) struct RawReply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

/// Turns one attempt's reply into the typed result of [`crate::Client::execute`]: the single
/// place where the async and blocking clients read a reply for a typed call (inside the retry
/// loop, so an error found in the reply is retried by the same rules). The body moves into the
/// response.
pub(crate) fn read_typed<R: TopRequest>(reply: RawReply, simplify: bool) -> Result<R::Response, Error> {
    check_status(reply.status, &reply.body)?;
    decode_typed::<R::Response>(R::METHOD, reply.body, simplify)
}

/// Turns one attempt's reply into the JSON result of [`crate::Client::execute_raw`].
pub(crate) fn read_raw(reply: RawReply, method: &str, simplify: bool) -> Result<Value, Error> {
    extract(reply.status, &reply.body, method, simplify)
}

/// The member holding a successful response: the method minus a leading `taobao.`, dots turned
/// into `_`, plus `_response` (`taobao.trades.sold.get` → `trades_sold_get_response`).
pub fn response_key(method: &str) -> String {
    let short = method.strip_prefix("taobao.").unwrap_or(method);
    let mut key = short.replace('.', "_");
    key.push_str("_response");
    key
}

/// Turns a reply body into the typed response of `R`, exactly as `execute` does: the envelope
/// rules of this module, then the tolerant decoding of `taobao_api::model::decode` (a field
/// that cannot be converted is `None` and listed in `decode_warnings()`).
///
/// ```
/// use taobao_api::LogisticsOpenalibityWriteRequest;
/// let body = br#"{"logistics_openalibity_write_response":{"success":"true","request_id":"r1"}}"#;
/// let response = taobao_api::client::decode_response::<LogisticsOpenalibityWriteRequest>(body)?;
/// assert_eq!(response.request_id(), Some("r1"));
/// # Ok::<(), taobao_api::Error>(())
/// ```
///
/// The response keeps a copy of `body` (its `body()`); [`decode_response_owned`] takes the
/// buffer instead, as `execute` does.
pub fn decode_response<R: TopRequest>(body: &[u8]) -> Result<R::Response, Error> {
    decode_typed::<R::Response>(R::METHOD, body.to_vec(), false)
}

/// [`decode_response`] on a body the caller hands over: the buffer itself becomes the raw body
/// the response keeps, so a big reply is held once (what `execute` does with the buffer it
/// read). A body that is not UTF-8 is an [`Error::Decode`] like any other malformed reply.
///
/// ```
/// use taobao_api::LogisticsCompaniesGetRequest;
/// let body = br#"{"logistics_companies_get_response":{"logistics_companies":{"logistics_company":[{"id":1}]}}}"#;
/// let response = taobao_api::client::decode_response_owned::<LogisticsCompaniesGetRequest>(body.to_vec())?;
/// assert_eq!(response.logistics_companies.unwrap()[0].id, Some(1));
/// # Ok::<(), taobao_api::Error>(())
/// ```
pub fn decode_response_owned<R: TopRequest>(body: Vec<u8>) -> Result<R::Response, Error> {
    decode_typed::<R::Response>(R::METHOD, body, false)
}

/// [`decode_response`] on an owned body (no copy: the body moves into the response);
/// `simplify`: the client sent `simplify=true`, so the root is the response.
pub(crate) fn decode_typed<T: TopResponse>(method: &str, body: Vec<u8>, simplify: bool) -> Result<T, Error> {
    let body = match String::from_utf8(body) {
        Ok(text) => Arc::new(text),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Err(Error::decode("the body is not UTF-8", Arc::new(text), None));
        }
    };
    let mut reader = JsonReader::new(&body);
    match read_envelope::<T>(&mut reader, method, simplify) {
        Ok(Outcome::Response(mut value, extras, warnings)) => {
            crate::model::decode::trace_warnings(&warnings);
            *value.meta_mut() = ResponseMeta::new(extras.request_id, Some(body.clone()), warnings);
            Ok(value)
        }
        Ok(Outcome::Platform(extras)) => Err(extras.into_error()),
        Ok(Outcome::WrongMethod(found, request_id)) => Err(Error::WrongMethod {
            expected: response_key(method),
            found,
            request_id,
            body: Some(body),
        }),
        Err(e) => {
            let message = e.describe(&body);
            Err(Error::decode(message, body, None))
        }
    }
}

enum Outcome<T> {
    Response(T, Extras, Vec<crate::model::DecodeWarning>),
    Platform(Extras),
    WrongMethod(String, Option<String>),
}

/// A failure to read the envelope: malformed JSON, or a well-formed body of the wrong shape.
enum EnvelopeError {
    Syntax(SyntaxError),
    Shape(&'static str),
}

impl From<SyntaxError> for EnvelopeError {
    fn from(e: SyntaxError) -> Self {
        EnvelopeError::Syntax(e)
    }
}

impl EnvelopeError {
    fn describe(&self, body: &str) -> String {
        match self {
            EnvelopeError::Syntax(e) => {
                let (line, column) = line_column(body, e.offset);
                format!("not JSON: {} at line {line} column {column}", e.message)
            }
            EnvelopeError::Shape(what) => (*what).to_owned(),
        }
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

fn read_envelope<T: TopResponse>(
    r: &mut JsonReader<'_>,
    method: &str,
    simplify: bool,
) -> Result<Outcome<T>, EnvelopeError> {
    if r.peek_is_object()? {
        r.begin_object()?;
    } else {
        return Err(EnvelopeError::Shape("the body is not a JSON object"));
    }
    let expected = response_key(method);
    let Some(first) = r.next_key()? else {
        return Err(EnvelopeError::Shape("the body is an empty JSON object"));
    };
    if simplify {
        let outcome = if first == "error_response" {
            let mut extras = Extras::default();
            read_error_object(r, &mut extras)?;
            Outcome::Platform(extras)
        } else if first == expected || first.eq_ignore_ascii_case(&expected) {
            read_response(r, None)?
        } else {
            // `simplify=true`: the root object is the response.
            let members = read_response_members::<T>(r, Some(first))?;
            r.end()?;
            return Ok(finish_response(members));
        };
        return skip_rest(r, outcome);
    }
    // The Java SDK looks the member up by its key, wherever it is in the root; a root without
    // it is no success (its `toResponse` returns null), whatever else the object holds.
    let mut key = Some(first);
    let mut other_method: Option<(String, Option<String>)> = None;
    while let Some(k) = key {
        if k == "error_response" {
            let mut extras = Extras::default();
            read_error_object(r, &mut extras)?;
            return skip_rest(r, Outcome::Platform(extras));
        }
        if k == expected || k.eq_ignore_ascii_case(&expected) {
            let outcome = read_response(r, None)?;
            return skip_rest(r, outcome);
        }
        if other_method.is_none() && k.ends_with("_response") && r.peek_is_object()? {
            let request_id = read_request_id(r)?;
            other_method = Some((k.into_owned(), request_id));
        } else {
            r.skip_value()?;
        }
        key = r.next_key()?;
    }
    r.end()?;
    match other_method {
        Some((found, request_id)) => Ok(Outcome::WrongMethod(found, request_id)),
        None => Err(EnvelopeError::Shape(
            "the reply has no member for the method called (`<method>_response` or `error_response`)",
        )),
    }
}

/// Skips the root's remaining members after the one that decided the outcome.
fn skip_rest<T>(r: &mut JsonReader<'_>, outcome: Outcome<T>) -> Result<Outcome<T>, EnvelopeError> {
    while r.next_key()?.is_some() {
        r.skip_value()?;
    }
    r.end()?;
    Ok(outcome)
}

fn read_response<T: TopResponse>(
    r: &mut JsonReader<'_>,
    first: Option<Cow<'_, str>>,
) -> Result<Outcome<T>, EnvelopeError> {
    if !r.peek_is_object()? {
        return Err(EnvelopeError::Shape("the response member is not a JSON object"));
    }
    r.begin_object()?;
    Ok(finish_response(read_response_members::<T>(r, first)?))
}

fn finish_response<T: TopResponse>(
    (value, extras, warnings): (T, Extras, Vec<crate::model::DecodeWarning>),
) -> Outcome<T> {
    if extras.is_error() {
        Outcome::Platform(extras)
    } else {
        Outcome::Response(value, extras, warnings)
    }
}

/// Reads the members of the response object (after its `{`, and after `first` when that key
/// was already read): declared fields into the typed value, the error and id fields aside.
fn read_response_members<T: TopResponse>(
    r: &mut JsonReader<'_>,
    first: Option<Cow<'_, str>>,
) -> Result<(T, Extras, Vec<crate::model::DecodeWarning>), EnvelopeError> {
    let mut value = T::default();
    let mut extras = Extras::default();
    let mut cx = Context::new();
    fill_object_with(r, &mut cx, &mut value, first, &mut |key, r| extras.read(key, r))?;
    // Declared fields named like the envelope's own (a `request_id` or `code` in the API's
    // response table) were decoded as fields: take the id from there, and treat a declared
    // `code` / `sub_code` as business data, not as an error signal.
    let schema = value.schema();
    if extras.request_id.is_none()
        && let Some(i) = schema.position("request_id")
        && let Some(ValueRef::Text(id)) = value.field(i)
    {
        extras.request_id = Some(id.to_owned());
    }
    Ok((value, extras, cx.into_warnings()))
}

fn read_request_id(r: &mut JsonReader<'_>) -> Result<Option<String>, SyntaxError> {
    let mut extras = Extras::default();
    read_error_object(r, &mut extras)?;
    Ok(extras.request_id)
}

/// The envelope fields the Java SDK reads from the member it decodes.
#[derive(Debug, Default)]
struct Extras {
    code: Option<String>,
    msg: Option<String>,
    sub_code: Option<String>,
    sub_msg: Option<String>,
    request_id: Option<String>,
}

impl Extras {
    /// Reads `key`'s value when it is an envelope field; `false` leaves it to the caller.
    fn read(&mut self, key: &str, r: &mut JsonReader<'_>) -> Result<bool, SyntaxError> {
        let slot = match key {
            "code" => &mut self.code,
            "msg" => &mut self.msg,
            "sub_code" => &mut self.sub_code,
            "sub_msg" => &mut self.sub_msg,
            "request_id" => &mut self.request_id,
            _ => return Ok(false),
        };
        *slot = r.scalar_text()?.filter(|t| !t.is_empty());
        Ok(true)
    }

    /// The Java SDK's `isSuccess()` negated: a non-empty `code` other than `0`, or a non-empty
    /// `sub_code`.
    fn is_error(&self) -> bool {
        self.code.as_deref().is_some_and(|c| c.trim() != "0") || self.sub_code.is_some()
    }

    fn into_error(self) -> Error {
        let code = self.code.as_deref().and_then(|c| c.trim().parse().ok()).unwrap_or(0);
        let msg = self.msg.unwrap_or_default();
        let retry_after = self
            .sub_msg
            .as_deref()
            .and_then(parse_ban_wait)
            .or_else(|| parse_ban_wait(&msg));
        Error::Platform {
            code,
            transient: is_transient_platform(code, self.sub_code.as_deref()),
            msg,
            sub_code: self.sub_code,
            sub_msg: self.sub_msg,
            request_id: self.request_id,
            retry_after,
        }
    }
}

fn read_error_object(r: &mut JsonReader<'_>, extras: &mut Extras) -> Result<(), SyntaxError> {
    if !r.peek_is_object()? {
        return r.skip_value();
    }
    r.begin_object()?;
    while let Some(key) = r.next_key()? {
        if !extras.read(&key, r)? {
            r.skip_value()?;
        }
    }
    Ok(())
}

/// Like the Java SDK: bodies of 2xx and 400 are TOP answers; other statuses are HTTP errors.
pub(crate) fn check_status(status: u16, body: &[u8]) -> Result<(), Error> {
    if !(200..300).contains(&status) && status != 400 {
        return Err(Error::Http {
            status,
            snippet: snippet_bytes(body),
            body: Some(Arc::new(String::from_utf8_lossy(body).into_owned())),
        });
    }
    Ok(())
}

/// Checks the status and extracts the response object of a body as JSON (for `execute_raw`):
/// the same envelope rules as the typed path.
pub(crate) fn extract(status: u16, body: &[u8], method: &str, simplify: bool) -> Result<Value, Error> {
    check_status(status, body)?;
    let shared = || Arc::new(String::from_utf8_lossy(body).into_owned());
    let root: Value =
        serde_json::from_slice(body).map_err(|e| Error::decode(format!("not JSON: {e}"), shared(), None))?;
    let Value::Object(mut root) = root else {
        return Err(Error::decode("the body is not a JSON object", shared(), None));
    };
    if let Some(err) = root.get("error_response") {
        return Err(extras_of(err).into_error());
    }
    let key = response_key(method);
    let member = match root.remove(&key) {
        Some(v) => v,
        None if simplify => Value::Object(root),
        None => match root
            .into_iter()
            .find(|(k, v)| k.ends_with("_response") && v.is_object())
        {
            Some((found, v)) => {
                return Err(Error::WrongMethod {
                    expected: key,
                    found,
                    request_id: extras_of(&v).request_id,
                    body: Some(shared()),
                });
            }
            None => return Err(Error::decode(format!("no `{key}` member"), shared(), None)),
        },
    };
    let extras = extras_of(&member);
    if extras.is_error() {
        return Err(extras.into_error());
    }
    Ok(member)
}

fn extras_of(v: &Value) -> Extras {
    let empty = Map::new();
    let obj = v.as_object().unwrap_or(&empty);
    let text = |key: &str| match obj.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    Extras {
        code: text("code"),
        msg: text("msg"),
        sub_code: text("sub_code"),
        sub_msg: text("sub_msg"),
        request_id: text("request_id"),
    }
}

#[cfg(test)]
mod tests;
