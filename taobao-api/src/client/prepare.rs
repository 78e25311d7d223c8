//! Turning a request into what goes on the wire, without any I/O: business parameters plus
//! per-call extras, the system parameters (§3), the signature (§4), and the encoded body.
//!
//! Shared by the async and blocking clients, and usable on its own ([`crate::Client::prepare`])
//! to inspect or benchmark exactly what would be sent.

use super::{Client, Config, Secret};
use crate::error::Error;
use crate::request::{Access, FileItem, ParamValue, Params, TopRequest};
use crate::sign::sign_hex;
use crate::time::{now_gmt8, try_format_gmt8};
use std::fmt;
use std::time::SystemTime;

/// Names the client sets itself; business and extra parameters may not use them.
pub const SYSTEM_PARAMS: &[&str] = &[
    "app_key",
    "format",
    "method",
    "partner_id",
    "session",
    "sign",
    "sign_method",
    "simplify",
    "target_app_key",
    "timestamp",
    "v",
];

/// Per-call settings: the user's session (access token), extra text parameters (the official
/// SDKs' `putOtherTextParam`: sent and signed like business parameters), a fixed timestamp, and
/// what may be retried ([`CallOptions::retry_writes`], [`CallOptions::access`]).
#[derive(Clone, Default)]
pub struct CallOptions {
    pub(crate) session: Option<Secret>,
    pub(crate) extra: Vec<(String, String)>,
    pub(crate) timestamp: Option<SystemTime>,
    pub(crate) retry_writes: Option<bool>,
    pub(crate) access: Option<Access>,
}

impl fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallOptions")
            .field("session", &self.session)
            .field("extra", &self.extra)
            .field("timestamp", &self.timestamp)
            .field("retry_writes", &self.retry_writes)
            .field("access", &self.access)
            .finish()
    }
}

impl CallOptions {
    /// No session, no extras, the current time.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends this session (access token); an empty one is not sent.
    pub fn session(mut self, session: impl Into<String>) -> Self {
        let s = session.into();
        self.session = (!s.trim().is_empty()).then_some(Secret(s));
        self
    }

    /// Adds an undocumented text parameter; it overrides a business parameter of the same name.
    /// Empty and blank values are dropped, as for business parameters.
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((name.into(), value.into()));
        self
    }

    /// Sends this instant as `timestamp` instead of the time of each attempt.
    pub fn timestamp(mut self, at: SystemTime) -> Self {
        self.timestamp = Some(at);
        self
    }

    /// Whether this call, if it is a write, may be sent again after an ambiguous failure (a
    /// timeout, a connection lost after sending, HTTP 5xx, an `isp.*` or code 10 error);
    /// overrides [`ClientBuilder::retry_writes`](crate::ClientBuilder::retry_writes) for this
    /// call, in either direction.
    ///
    /// Opt in only when sending the write twice is harmless: the API is idempotent, or the
    /// request carries its own deduplication key (an out-order id the platform checks). Reads
    /// are retried after such failures anyway; failures that prove the request was not processed
    /// (connect failure, call-limit rejection) are retried for writes too.
    pub fn retry_writes(mut self, retry: bool) -> Self {
        self.retry_writes = Some(retry);
        self
    }

    /// Treats this call as a read or a write whatever the API's [`crate::ApiInfo::access`]
    /// says. [`Client::execute_raw`] calls, which have no `ApiInfo`, are writes unless marked
    /// `Access::Read` here; a generated read that changes state in your use can be marked
    /// `Access::Write`.
    pub fn access(mut self, access: Access) -> Self {
        self.access = Some(access);
        self
    }

    pub(crate) fn with_session(session: Option<&str>) -> Self {
        match session {
            Some(s) => CallOptions::new().session(s),
            None => CallOptions::new(),
        }
    }
}

/// One signed call, ready to send: every text field (system, business, `sign`) in name order,
/// plus the file parts.
#[derive(Clone)]
pub struct PreparedCall {
    method: String,
    /// Every name and value, back to back: one allocation instead of two per field.
    text: String,
    /// Per field: start of the name, start of the value (= end of the name), end of the value.
    spans: Vec<(usize, usize, usize)>,
    files: Vec<(String, FileItem)>,
}

impl fmt::Debug for PreparedCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: Vec<(&str, &str)> = self
            .fields()
            .map(|(k, v)| (k, if k == "session" { "***" } else { v }))
            .collect();
        f.debug_struct("PreparedCall")
            .field("method", &self.method)
            .field("fields", &shown)
            .field("files", &self.files)
            .finish()
    }
}

impl PreparedCall {
    /// The API method.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// Every text field sent, `sign` included, in name order.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.spans
            .iter()
            .map(|&(name, value, end)| (&self.text[name..value], &self.text[value..end]))
    }

    /// The value of one text field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The `sign` field.
    pub fn sign(&self) -> &str {
        self.field("sign").unwrap_or("")
    }

    /// The file parts (sent as multipart, not signed).
    pub fn files(&self) -> &[(String, FileItem)] {
        &self.files
    }

    /// Whether the body must be `multipart/form-data`.
    pub fn is_multipart(&self) -> bool {
        !self.files.is_empty()
    }

    /// The `application/x-www-form-urlencoded` body of the text fields (the WHATWG/Java
    /// `URLEncoder` form: alphanumerics and `*-._` kept, space as `+`, other bytes `%XX`).
    pub fn form_body(&self) -> String {
        // Each byte becomes at most 3, plus one `&` or `=` per name and value; the encoder
        // writes whole windows, hence the slack.
        let mut out = vec![0; self.text.len() * 3 + self.spans.len() * 2 + WINDOW];
        let mut at = 0;
        for (i, &(name, value, end)) in self.spans.iter().enumerate() {
            if i > 0 {
                out[at] = b'&';
                at += 1;
            }
            at = form_encode_at(&mut out, at, &self.text.as_bytes()[name..value]);
            out[at] = b'=';
            at += 1;
            at = form_encode_at(&mut out, at, &self.text.as_bytes()[value..end]);
        }
        out.truncate(at);
        // Every byte written is ASCII, so this conversion cannot fail.
        String::from_utf8(out).unwrap_or_default()
    }
}

/// Per byte, its form-urlencoded text in the low three bytes (little-endian: first byte lowest)
/// and that text's length in the high byte: the byte itself for alphanumerics and `*-._`, `+`
/// for a space, `%XX` for the rest.
static FORM: [u32; 256] = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || matches!(c, b'*' | b'-' | b'.' | b'_') {
            c as u32 | 1 << 24
        } else if c == b' ' {
            b'+' as u32 | 1 << 24
        } else {
            b'%' as u32 | (HEX[b >> 4] as u32) << 8 | (HEX[b & 15] as u32) << 16 | 3 << 24
        };
        b += 1;
    }
    t
};

/// What [`form_encode_at`] may write past the end of its output.
const WINDOW: usize = 68;

/// Writes `s` form-urlencoded into `out` at `start`, returning the end; `out` must have room
/// for `3 * s.len() + WINDOW` bytes from `start` on. Each byte is one table lookup and one
/// 4-byte write, with no branch on its value: several times faster than byte-wise serializers
/// on the JSON and Chinese text that parameters carry.
fn form_encode_at(out: &mut [u8], start: usize, s: &[u8]) -> usize {
    let mut at = start;
    for chunk in s.chunks(16) {
        // 16 bytes encode to at most 48, so every write below starts before 64 and ends within
        // the window: the compiler sees that too and checks no bound per byte.
        let window: &mut [u8; WINDOW] = (&mut out[at..at + WINDOW])
            .try_into()
            .expect("the range is WINDOW bytes long");
        let mut len = 0;
        for &b in chunk {
            let code = FORM[usize::from(b)];
            let i = len & 63;
            window[i..i + 4].copy_from_slice(&code.to_le_bytes());
            len += (code >> 24) as usize;
        }
        at += len;
    }
    at
}

impl Client {
    /// Validates `request` and prepares the signed call that [`Client::execute_with`] would send
    /// now (no I/O). Useful to inspect the wire form or to sign for another transport.
    pub fn prepare<R: TopRequest>(&self, request: &R, options: &CallOptions) -> Result<PreparedCall, Error> {
        request.validate()?;
        let mut params = Params::new();
        request.write_params(&mut params);
        self.config.prepare(R::METHOD, &params, options)
    }

    /// Prepares the signed call that [`Client::execute_raw_with`] would send now (no I/O, no
    /// validation).
    pub fn prepare_raw(&self, method: &str, params: &Params, options: &CallOptions) -> Result<PreparedCall, Error> {
        self.config.prepare(method, params, options)
    }
}

impl Config {
    /// Adds the system parameters to `params` and `options`, and signs.
    pub(crate) fn prepare(&self, method: &str, params: &Params, options: &CallOptions) -> Result<PreparedCall, Error> {
        if method.trim().is_empty() {
            return Err(Error::Config("the method name is empty".into()));
        }
        let mut extras = Params::new();
        for (k, v) in &options.extra {
            extras.insert_text(k.as_str(), v.as_str());
        }
        let mut files = Vec::new();
        let mut texts: Vec<(&str, &str)> = Vec::with_capacity(params.len() + extras.len() + 10);
        for (name, value) in params.iter() {
            if SYSTEM_PARAMS.contains(&name) {
                return Err(reserved(name));
            }
            match value {
                ParamValue::Text(t) if extras.get(name).is_none() => texts.push((name, t)),
                ParamValue::Text(_) => {}
                ParamValue::File(f) => files.push((name.to_owned(), f.clone())),
            }
        }
        for (name, value) in extras.texts() {
            if SYSTEM_PARAMS.contains(&name) {
                return Err(reserved(name));
            }
            texts.push((name, value));
        }
        let timestamp = match options.timestamp {
            Some(at) => try_format_gmt8(at)
                .ok_or_else(|| Error::Config("the call's timestamp is beyond the calendar's range".into()))?,
            None => now_gmt8(),
        };
        texts.extend([
            ("method", method),
            ("app_key", self.app_key.as_str()),
            ("timestamp", timestamp.as_str()),
            ("format", "json"),
            ("v", "2.0"),
            ("sign_method", self.sign_method.as_str()),
        ]);
        if let Some(s) = &options.session {
            texts.push(("session", s.0.as_str()));
        }
        if let Some(p) = self.partner_id.as_deref().filter(|p| !p.trim().is_empty()) {
            texts.push(("partner_id", p));
        }
        if let Some(t) = self.target_app_key.as_deref().filter(|t| !t.trim().is_empty()) {
            texts.push(("target_app_key", t));
        }
        if self.simplify {
            texts.push(("simplify", "true"));
        }
        texts.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        // The fields back to back, with `sign` at its place in name order (its value first a
        // placeholder), are the form's fields; without `sign` they are the canonical string,
        // which is signed from that same buffer in two pieces.
        let at = texts.partition_point(|(k, _)| k.as_bytes() < b"sign".as_slice());
        let sign_len = self.sign_method.hex_len();
        let total: usize = texts.iter().map(|(k, v)| k.len() + v.len()).sum();
        let mut text = String::with_capacity(total + 4 + sign_len);
        let mut spans = Vec::with_capacity(texts.len() + 1);
        let mut push = |text: &mut String, k: &str, v: &str| {
            let name = text.len();
            text.push_str(k);
            let value = text.len();
            text.push_str(v);
            spans.push((name, value, text.len()));
        };
        for (k, v) in &texts[..at] {
            push(&mut text, k, v);
        }
        let sign_at = text.len();
        push(&mut text, "sign", &SIGN_PLACEHOLDER[..sign_len]);
        let slot = sign_at + 4..text.len();
        for (k, v) in &texts[at..] {
            push(&mut text, k, v);
        }
        let sign = sign_hex(
            [(&text[..sign_at], &text[slot.end..])],
            &self.secret.0,
            self.sign_method,
        );
        text.replace_range(slot, sign.as_str());
        Ok(PreparedCall {
            method: method.to_owned(),
            text,
            spans,
            files,
        })
    }
}

/// Where the signature goes until it is computed: as long as the longest (hmac-sha256).
const SIGN_PLACEHOLDER: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn reserved(name: &str) -> Error {
    Error::Config(format!(
        "parameter `{name}` is a system parameter set by the client; it cannot be a business or extra parameter"
    ))
}

#[cfg(test)]
mod tests {
    use super::form_encode_at;
    use crate::{CallOptions, Client, Error, Params};
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn a_timestamp_beyond_the_calendar_is_a_config_error_not_a_panic() {
        let client = Client::builder("k", "s").build().unwrap();
        let options = CallOptions::new().timestamp(UNIX_EPOCH + Duration::from_secs(1 << 50));
        let got = client.prepare_raw("taobao.time.get", &Params::new(), &options);
        assert!(matches!(got, Err(Error::Config(_))), "{got:?}");
    }

    #[test]
    fn form_encoding_matches_the_standard_serializer() {
        let ascii: String = (1u8..=127).map(char::from).collect();
        for s in [
            "",
            "abc",
            "a b&c=d+e%f",
            "天气原因 {\"a\":\"http://x/y\"}",
            "*-._~!'()",
            ascii.as_str(),
        ] {
            let mut ours = vec![b'!'; 3 * s.len() + 2 + super::WINDOW];
            let end = form_encode_at(&mut ours, 2, s.as_bytes());
            assert_eq!(&ours[..2], b"!!", "nothing is written before the start");
            ours.truncate(end);
            ours.drain(..2);
            let std: String = form_urlencoded::byte_serialize(s.as_bytes()).collect();
            assert_eq!(String::from_utf8(ours).unwrap(), std, "{s:?}");
        }
    }
}
