//! Reading a gateway answer (TOP-PROTOCOL.md §7–8): HTTP status first, then `error_response` →
//! [`Error::Platform`], else the `<key>_response` member (or the root with `simplify=true`),
//! then the typed response.
//!
//! A business failure inside a success envelope (e.g. `"success": false` in the API's own
//! result object) is not an error here: it stays in the typed response.

use crate::error::{Error, is_transient_platform, snippet_bytes};
use crate::request::TopRequest;
use crate::retry::parse_ban_wait;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// What one attempt brought back: the HTTP status and the whole body (within the size limit,
/// gzip decoded). Redirects never get here (the transport turns them into errors).
#[derive(Debug)]
pub(crate) struct RawReply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

/// Turns one attempt's reply into the typed result of [`crate::Client::execute`]: the single
/// place where the async and blocking clients read a reply for a typed call. Its error feeds
/// the retry decision (an `isp.*` error is retried, a decode error is not).
pub(crate) fn read_typed<R: TopRequest>(reply: &RawReply, simplify: bool) -> Result<R::Response, Error> {
    let value = extract(reply.status, &reply.body, R::METHOD, simplify)?;
    typed(value, &reply.body)
}

/// Turns one attempt's reply into the JSON result of [`crate::Client::execute_raw`].
pub(crate) fn read_raw(reply: &RawReply, method: &str, simplify: bool) -> Result<Value, Error> {
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

/// Checks the status and extracts the response object of a body.
pub(crate) fn extract(status: u16, body: &[u8], method: &str, simplify: bool) -> Result<Value, Error> {
    // Like the Java SDK: bodies of 2xx and 400 are TOP answers; other statuses are HTTP errors.
    if !(200..300).contains(&status) && status != 400 {
        return Err(Error::Http {
            status,
            snippet: snippet_bytes(body),
        });
    }
    let root: Value = serde_json::from_slice(body).map_err(|e| Error::decode(format!("not JSON: {e}"), body))?;
    let Value::Object(mut root) = root else {
        return Err(Error::decode("the body is not a JSON object", body));
    };
    if let Some(err) = root.get("error_response") {
        return Err(platform_error(err));
    }
    if simplify {
        return Ok(Value::Object(root));
    }
    let key = response_key(method);
    if let Some(v) = root.remove(&key) {
        return Ok(v);
    }
    // The Java SDK does not rely on the name (it takes the first object member); accept one
    // lone `*_response` member the same way, in case a method's key is irregular.
    let mut candidates = root.iter().filter(|(k, v)| k.ends_with("_response") && v.is_object());
    match (candidates.next(), candidates.next()) {
        (Some((_, v)), None) => Ok(v.clone()),
        _ => Err(Error::decode(format!("no `{key}` member"), body)),
    }
}

/// Decodes the response object into the API's type.
pub(crate) fn typed<T: DeserializeOwned>(value: Value, body: &[u8]) -> Result<T, Error> {
    serde_json::from_value(value).map_err(|e| Error::decode(format!("response does not match its type: {e}"), body))
}

fn platform_error(v: &Value) -> Error {
    let empty = Map::new();
    let obj = v.as_object().unwrap_or(&empty);
    let code = match obj.get("code") {
        Some(Value::Number(n)) => n.as_i64().and_then(|c| i32::try_from(c).ok()).unwrap_or(0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    };
    let sub_code = text(obj, "sub_code");
    let sub_msg = text(obj, "sub_msg");
    let msg = text(obj, "msg").unwrap_or_default();
    let retry_after = sub_msg
        .as_deref()
        .and_then(parse_ban_wait)
        .or_else(|| parse_ban_wait(&msg));
    Error::Platform {
        code,
        transient: is_transient_platform(code, sub_code.as_deref()),
        msg,
        sub_code,
        sub_msg,
        request_id: text(obj, "request_id"),
        retry_after,
    }
}

fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn response_keys_follow_the_protocol() {
        assert_eq!(
            response_key("taobao.logistics.express.abnormal.report"),
            "logistics_express_abnormal_report_response"
        );
        assert_eq!(response_key("taobao.trades.sold.get"), "trades_sold_get_response");
        assert_eq!(
            response_key("alibaba.alihealth.booking.reserve.cancel"),
            "alibaba_alihealth_booking_reserve_cancel_response"
        );
        assert_eq!(response_key("tmall.item.get"), "tmall_item_get_response");
    }

    #[test]
    fn error_responses_become_platform_errors_with_every_field() {
        let body = r#"{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 31062 more seconds","request_id":"r1"}}"#;
        match extract(200, body.as_bytes(), "taobao.time.get", false) {
            Err(Error::Platform {
                code,
                msg,
                sub_code,
                sub_msg,
                request_id,
                transient,
                retry_after,
            }) => {
                assert_eq!(code, 7);
                assert_eq!(msg, "App Call Limited");
                assert_eq!(sub_code.as_deref(), Some("accesscontrol.limited-by-app-access-count"));
                assert_eq!(sub_msg.as_deref(), Some("This ban will last for 31062 more seconds"));
                assert_eq!(request_id.as_deref(), Some("r1"));
                assert!(transient);
                assert_eq!(retry_after, Some(Duration::from_secs(31062)));
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = extract(
            400,
            br#"{"error_response":{"code":"25","msg":"Invalid signature"}}"#,
            "m.x",
            false,
        );
        assert_eq!(err.unwrap_err().code(), Some(25));
    }

    #[test]
    fn success_members_are_found_by_key_or_simplified_root() {
        let body = r#"{"time_get_response":{"time":"2024-01-01 00:00:00","request_id":"x"}}"#;
        let v = extract(200, body.as_bytes(), "taobao.time.get", false).unwrap();
        assert_eq!(v["time"], "2024-01-01 00:00:00");
        let v = extract(200, br#"{"time":"t"}"#, "taobao.time.get", true).unwrap();
        assert_eq!(v["time"], "t");
        let v = extract(200, br#"{"odd_name_response":{"a":1}}"#, "taobao.time.get", false).unwrap();
        assert_eq!(v["a"], 1);
    }

    #[test]
    fn bad_bodies_are_decode_errors_or_http_errors() {
        assert!(matches!(
            extract(200, b"<html>", "taobao.time.get", false),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            extract(200, b"[1]", "taobao.time.get", false),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            extract(200, br#"{"x":1}"#, "taobao.time.get", false),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            extract(502, b"Bad Gateway", "taobao.time.get", false),
            Err(Error::Http { status: 502, .. })
        ));
        let huge = "x".repeat(10_000);
        match extract(200, huge.as_bytes(), "taobao.time.get", false) {
            Err(Error::Decode { snippet, .. }) => assert!(snippet.chars().count() <= crate::error::SNIPPET_CHARS + 1),
            other => panic!("unexpected {other:?}"),
        }
    }
}
