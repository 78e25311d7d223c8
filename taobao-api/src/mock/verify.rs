//! The mock gateway's checks, in the order it applies them, each answering with the platform
//! code of docs/protocol.md §8.1: HTTP method (9), method (21), app key (28/29), sign method and
//! signature presence (25/24), timestamp (30/31), version (32/34), format (23), `simplify` (41),
//! signature (25), session when configured (26/27), method known (22), required parameters
//! (40), file parameters (41).

use super::{ReceivedRequest, Shared};
use crate::sign::{SignMethod, sign_sorted, signatures_equal};
use crate::time::parse_timestamp;
use std::time::SystemTime;

/// Why the mock refused a request: the `error_response` it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejection {
    pub(crate) code: i32,
    pub(crate) msg: String,
    pub(crate) sub_code: Option<String>,
    pub(crate) sub_msg: Option<String>,
}

fn reject(code: i32, msg: &str) -> Rejection {
    Rejection {
        code,
        msg: msg.to_owned(),
        sub_code: None,
        sub_msg: None,
    }
}

fn reject_sub(code: i32, msg: &str, sub_code: &str, sub_msg: impl Into<String>) -> Rejection {
    Rejection {
        code,
        msg: msg.to_owned(),
        sub_code: Some(sub_code.to_owned()),
        sub_msg: Some(sub_msg.into()),
    }
}

/// Checks one request; `scripted` tells whether a test scripted replies for its method (which
/// makes an otherwise unknown method known).
pub(crate) fn check(
    shared: &Shared,
    req: &ReceivedRequest,
    scripted: impl Fn(&str) -> bool,
    now: SystemTime,
) -> Result<(), Rejection> {
    if req.http_method != "POST" && req.http_method != "GET" {
        return Err(reject(9, "Http Action Not Allowed"));
    }
    let p = |name: &str| req.param(name).filter(|v| !v.trim().is_empty());
    let method = p("method").ok_or_else(|| reject(21, "Missing Method"))?;
    let app_key = p("app_key").ok_or_else(|| reject(28, "Missing App Key"))?;
    if app_key != shared.app_key {
        return Err(reject(29, "Invalid App Key"));
    }
    let sign_method: SignMethod = p("sign_method").unwrap_or("").parse().map_err(|_| {
        reject_sub(
            25,
            "Invalid signature",
            "isv.invalid-sign-method",
            "sign_method must be md5, hmac or hmac-sha256",
        )
    })?;
    let sign = p("sign").ok_or_else(|| reject(24, "Missing signature"))?;
    let timestamp = p("timestamp").ok_or_else(|| reject(30, "Missing timestamp"))?;
    let sent_at = parse_timestamp(timestamp).ok_or_else(|| {
        reject_sub(
            31,
            "Invalid timestamp",
            "isv.invalid-timestamp",
            "expected yyyy-MM-dd HH:mm:ss (GMT+8)",
        )
    })?;
    let skew = now.duration_since(sent_at).unwrap_or_else(|e| e.duration());
    if skew > shared.timestamp_window {
        return Err(reject_sub(
            31,
            "Invalid timestamp",
            "isv.invalid-timestamp",
            format!(
                "timestamp {timestamp} is {}s away from the gateway's GMT+8 clock",
                skew.as_secs()
            ),
        ));
    }
    match p("v") {
        None => return Err(reject(32, "Missing version")),
        Some("2.0") => {}
        Some(_) => return Err(reject(34, "Unsupported version")),
    }
    match p("format") {
        Some("json") => {}
        Some("xml") | None => {
            return Err(reject_sub(
                23,
                "Invalid format",
                "isv.invalid-format",
                "the mock gateway answers format=json only",
            ));
        }
        Some(_) => return Err(reject(23, "Invalid format")),
    }
    if let Some(s) = req.param("simplify")
        && s != "true"
        && s != "false"
    {
        return Err(reject_sub(
            41,
            "Invalid arguments:simplify",
            "isv.invalid-parameter",
            "simplify must be true or false",
        ));
    }
    let expected = sign_sorted(
        req.params
            .iter()
            .filter(|(k, _)| k.as_str() != "sign")
            .map(|(k, v)| (k.as_str(), v.as_str())),
        &shared.secret.0,
        sign_method,
    );
    if !signatures_equal(sign, &expected) {
        return Err(reject(25, "Invalid signature"));
    }
    if !shared.sessions.is_empty() {
        let session = p("session").ok_or_else(|| reject(26, "Missing session"))?;
        if !shared.sessions.iter().any(|s| s.0 == session) {
            return Err(reject_sub(
                27,
                "Invalid session",
                "isv.invalid-session",
                "the session is unknown or expired",
            ));
        }
    }
    let api = shared.apis.get(method).copied();
    if api.is_none() && !scripted(method) {
        return Err(reject(22, "Invalid method"));
    }
    if let Some(api) = api {
        let missing: Vec<&str> = api
            .required_params
            .iter()
            .copied()
            .filter(|name| p(name).is_none() && !req.files.contains_key(*name))
            .collect();
        if !missing.is_empty() {
            let names = missing.join(",");
            return Err(reject_sub(
                40,
                &format!("Missing required arguments:{names}"),
                "isv.missing-parameter",
                format!("missing required parameter(s): {names}"),
            ));
        }
        if let Some(name) = api.file_params.iter().find(|name| req.params.contains_key(**name)) {
            return Err(reject_sub(
                41,
                &format!("Invalid arguments:{name}"),
                "isv.invalid-parameter",
                format!("{name} must be sent as a multipart file part"),
            ));
        }
    }
    Ok(())
}
