//! The one error type of the client, and the transient/caller classification of TOP errors
//! (docs/protocol.md §8).
//!
//! No variant ever holds the app secret or a session: parameters are sent in the request body,
//! never in the URL, and transport errors are stripped of their URL anyway.

use crate::validation::ValidationError;
use std::sync::Arc;
use std::time::Duration;

/// Longest body excerpt (in characters) kept in [`Error::Decode`] and [`Error::Http`].
pub const SNIPPET_CHARS: usize = 512;

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke documented rules; nothing was sent.
    #[error("invalid request: {0}")]
    Validation(#[from] ValidationError),
    /// The gateway answered with an `error_response`.
    #[error(
        "TOP error {code}: {msg}{}{}{}",
        opt(" sub_code=", sub_code),
        opt(" sub_msg=", sub_msg),
        opt(" request_id=", request_id)
    )]
    Platform {
        /// The platform (parent) code, e.g. 25 for an invalid signature.
        code: i32,
        /// The platform message, e.g. `Invalid signature`.
        msg: String,
        /// The detailed code (`isv.*` = caller's fault, `isp.*` = service side).
        sub_code: Option<String>,
        /// The detailed message.
        sub_msg: Option<String>,
        /// The gateway's request id, for support tickets.
        request_id: Option<String>,
        /// Whether trying again later may succeed (§8).
        transient: bool,
        /// The wait the platform stated (`This ban will last for N more seconds`), if any.
        retry_after: Option<Duration>,
    },
    /// The gateway answered with an HTTP status other than 2xx and 400.
    #[error("HTTP status {status} from the gateway: {snippet}")]
    Http {
        /// The status code.
        status: u16,
        /// The start of the body (at most [`SNIPPET_CHARS`] characters).
        snippet: String,
        /// The whole body (shared, not copied; also [`Error::body`]).
        body: Option<Arc<String>>,
    },
    /// The connection failed (DNS, connect, TLS, reset, body read). A failure to connect —
    /// including a connect timeout — has `is_connect()` true: nothing was sent.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// No complete answer within the request timeout (the request may have been processed).
    #[error("timed out{}", after.map(|d| format!(" after {d:?}")).unwrap_or_default())]
    Timeout {
        /// The configured request timeout, when known.
        after: Option<Duration>,
    },
    /// The body was not JSON of the reply's shape (malformed, truncated, not an object).
    #[error("undecodable response: {message}; body starts: {snippet}")]
    Decode {
        /// What did not fit.
        message: String,
        /// The start of the body (at most [`SNIPPET_CHARS`] characters).
        snippet: String,
        /// The gateway's request id, when the body had one.
        request_id: Option<String>,
        /// The whole body it failed on (shared, not copied).
        body: Option<Arc<String>>,
    },
    /// The reply answers another method (`{"time_get_response": …}` to a
    /// `taobao.logistics.companies.get` call): a misrouted or mixed-up reply, never accepted.
    #[error("the reply is `{found}`, not `{expected}`{}", opt(" request_id=", request_id))]
    WrongMethod {
        /// The member the call expects.
        expected: String,
        /// The member the reply has.
        found: String,
        /// The gateway's request id, when the reply had one.
        request_id: Option<String>,
        /// The whole reply body (shared, not copied; also [`Error::body`]).
        body: Option<Arc<String>>,
    },
    /// The client was configured with something unusable (e.g. a gateway that is not a URL).
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The gateway answered with a redirect (HTTP 3xx). Redirects are never followed: the signed
    /// body (session included) goes to the configured gateway only. Not retried.
    #[error("{}", redirect_message(*status, location.as_deref(), *followed))]
    Redirect {
        /// The 3xx status; with `followed`, the status of the final reply.
        status: u16,
        /// The `Location` header; with `followed`, the URL the reply finally came from.
        location: Option<String>,
        /// True when a caller-supplied `reqwest::Client` followed the redirect itself: the
        /// request has then been sent to `location` too, and its reply is discarded.
        followed: bool,
    },
    /// The reply is larger than the client's `max_response_size`: rejected as soon as the
    /// declared `Content-Length` or the bytes read (after gzip decoding) exceed it, without
    /// reading the rest. Not retried.
    #[error(
        "the reply exceeds the {limit}-byte limit{}",
        content_length.map(|n| format!(" (Content-Length: {n})")).unwrap_or_default()
    )]
    ResponseTooLarge {
        /// The limit in bytes.
        limit: u64,
        /// The `Content-Length` the gateway declared, if it declared one.
        content_length: Option<u64>,
    },
}

fn redirect_message(status: u16, location: Option<&str>, followed: bool) -> String {
    let location = location.unwrap_or("(no Location)");
    if followed {
        format!(
            "the HTTP client followed a redirect away from the gateway to {location} (status {status}); the reply is discarded"
        )
    } else {
        format!("the gateway redirected (HTTP {status}) to {location}; redirects are not followed")
    }
}

fn opt(label: &str, v: &Option<String>) -> String {
    v.as_deref().map(|v| format!("{label}{v}")).unwrap_or_default()
}

impl Error {
    /// Whether retrying the same call later may succeed: transport failures, timeouts, HTTP
    /// 5xx/429 and the platform errors §8 marks as transient.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Platform { transient, .. } => *transient,
            Error::Http { status, .. } => *status >= 500 || *status == 429,
            Error::Transport(_) | Error::Timeout { .. } => true,
            Error::Validation(_)
            | Error::Decode { .. }
            | Error::Config(_)
            | Error::Redirect { .. }
            | Error::ResponseTooLarge { .. }
            | Error::WrongMethod { .. } => false,
        }
    }

    /// Whether the failure proves that the API did not act on the request, so that sending it
    /// again cannot repeat a write:
    ///
    /// * nothing was sent: validation and configuration errors, and transport errors from
    ///   connecting (refused, DNS, TLS handshake, connect timeout: `reqwest::Error::is_connect`);
    /// * the gateway's flow control refused it before the API ran: platform codes 4–8 (user,
    ///   session, partner and app call limits, frequency) unless their `sub_code` is `isv.*` or
    ///   `isp.*`, and HTTP 429.
    ///
    /// Everything else is ambiguous — a timeout or a connection lost after the request may have
    /// been sent, HTTP 5xx, an `isp.*` or code 10 error — and the client retries it only for
    /// reads, or for writes when the caller opted in (`ClientBuilder::retry_writes`).
    pub fn not_processed(&self) -> bool {
        match self {
            Error::Validation(_) | Error::Config(_) => true,
            Error::Transport(e) => e.is_connect(),
            Error::Http { status, .. } => *status == 429,
            Error::Platform { code, sub_code, .. } => {
                let sub = sub_code.as_deref().unwrap_or("");
                matches!(code, 4..=8) && !sub.starts_with("isv.") && !sub.starts_with("isp.")
            }
            Error::Timeout { .. }
            | Error::Decode { .. }
            | Error::WrongMethod { .. }
            | Error::Redirect { .. }
            | Error::ResponseTooLarge { .. } => false,
        }
    }

    /// The wait the platform asked for, if it stated one.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Platform { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The platform code of an [`Error::Platform`].
    pub fn code(&self) -> Option<i32> {
        match self {
            Error::Platform { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The `sub_code` of an [`Error::Platform`].
    pub fn sub_code(&self) -> Option<&str> {
        match self {
            Error::Platform { sub_code, .. } => sub_code.as_deref(),
            _ => None,
        }
    }

    /// A transport failure. Connect failures stay [`Error::Transport`] even when they timed out
    /// (`is_connect()` and `is_timeout()` both true): nothing was sent, which
    /// [`Error::not_processed`] needs to know; other timeouts become [`Error::Timeout`].
    pub(crate) fn from_reqwest(e: reqwest::Error, timeout: Option<Duration>) -> Error {
        if e.is_timeout() && !e.is_connect() {
            Error::Timeout { after: timeout }
        } else {
            Error::Transport(e.without_url())
        }
    }

    /// The gateway's `request_id` of the reply the error came from, when it had one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Platform { request_id, .. }
            | Error::Decode { request_id, .. }
            | Error::WrongMethod { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The whole reply body the error came from: the reply a [`Error::Decode`] failed on, an
    /// [`Error::WrongMethod`] answered with, or an [`Error::Http`] status carried, kept whole
    /// (up to the client's `max_response_size`). A [`Error::Platform`] keeps what its reply said in its fields
    /// (`code`, `msg`, `sub_code`, `sub_msg`, `request_id`): one more field would make `Error`
    /// 128 bytes, the size at which clippy flags every `Result<_, Error>` of its callers.
    pub fn body(&self) -> Option<&str> {
        match self {
            Error::Decode { body, .. } | Error::WrongMethod { body, .. } | Error::Http { body, .. } => {
                body.as_deref().map(String::as_str)
            }
            _ => None,
        }
    }

    pub(crate) fn decode(message: impl Into<String>, body: Arc<String>, request_id: Option<String>) -> Error {
        Error::Decode {
            message: message.into(),
            snippet: snippet(&body),
            request_id,
            body: Some(body),
        }
    }
}

/// Whether a platform error is worth retrying (§8): never for `isv.*` (caller's fault), nor for
/// the codes the table marks as the caller's (upload, HTTP action, permissions, method, format,
/// signature, session, app key, timestamp, version, forbidden, security level) whatever their
/// `sub_code`; always for 4–8 (call limits) and 10 (service unavailable); otherwise (15, 50, 560,
/// unknown codes) by `sub_code`: `isp.*` (service side) and `accesscontrol.*` (flow control).
pub fn is_transient_platform(code: i32, sub_code: Option<&str>) -> bool {
    let sub = sub_code.unwrap_or("");
    if sub.starts_with("isv.") || matches!(code, 3 | 9 | 11..=13 | 21..=34 | 42 | 43 | 53) {
        return false;
    }
    if matches!(code, 4..=8 | 10) {
        return true;
    }
    sub.starts_with("isp.") || sub.starts_with("accesscontrol.")
}

/// At most [`SNIPPET_CHARS`] characters of `body`, with `…` when cut.
pub fn snippet(body: &str) -> String {
    match body.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &body[..cut]),
        None => body.to_owned(),
    }
}

/// [`snippet`] of a body that may not be UTF-8 (invalid sequences become `U+FFFD`); only the
/// first bytes are looked at, so a 50 MiB body is not converted to cut 512 characters.
pub(crate) fn snippet_bytes(body: &[u8]) -> String {
    // SNIPPET_CHARS characters take at most 4 bytes each; one more character tells whether
    // the text was cut.
    let head = &body[..body.len().min((SNIPPET_CHARS + 1) * 4)];
    let text = String::from_utf8_lossy(head);
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None if head.len() < body.len() => format!("{text}…"),
        None => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_classification_follows_the_protocol_table() {
        let cases: &[(i32, Option<&str>, bool)] = &[
            (7, Some("accesscontrol.limited-by-app-access-count"), true),
            (7, None, true),
            (4, None, true),
            (8, None, true),
            (10, None, true),
            (15, Some("isp.remote-service-timeout"), true),
            (50, Some("isp.unknown-error"), true),
            (15, Some("isv.invalid-parameter"), false),
            (560, Some("isv.user-not-exist:invalid-nick"), false),
            (7, Some("isv.something"), false),
            (25, None, false),
            (24, None, false),
            (27, None, false),
            (40, None, false),
            (41, None, false),
            (31, None, false),
            (15, None, false),
            (999, None, false),
            (999, Some("isp.unknown-error"), true),
            // Signature, session, timestamp and permission failures are the caller's, whatever
            // the sub_code says: retrying the same request cannot fix them.
            (25, Some("isp.signature-check-error"), false),
            (27, Some("isp.session-expired"), false),
            (31, Some("accesscontrol.clock"), false),
            (11, Some("isp.permission"), false),
        ];
        for &(code, sub, want) in cases {
            assert_eq!(is_transient_platform(code, sub), want, "code {code} sub {sub:?}");
        }
    }

    #[test]
    fn only_unsent_requests_and_flow_control_rejections_are_not_processed() {
        let platform = |code: i32, sub: Option<&str>| Error::Platform {
            code,
            msg: String::new(),
            sub_code: sub.map(str::to_owned),
            sub_msg: None,
            request_id: None,
            transient: is_transient_platform(code, sub),
            retry_after: None,
        };
        let http = |status: u16| Error::Http {
            status,
            snippet: String::new(),
            body: None,
        };
        let not_processed = [
            platform(4, None),
            platform(5, None),
            platform(6, None),
            platform(7, Some("accesscontrol.limited-by-api-access-count")),
            platform(8, None),
            http(429),
            Error::Config("x".into()),
        ];
        for e in &not_processed {
            assert!(e.not_processed(), "{e}");
        }
        let ambiguous = [
            platform(10, None),
            platform(15, Some("isp.remote-service-timeout")),
            platform(7, Some("isp.flow-control")),
            platform(3, None),
            http(500),
            http(502),
            http(503),
            http(404),
            Error::Timeout { after: None },
            Error::Decode {
                message: String::new(),
                snippet: String::new(),
                request_id: None,
                body: None,
            },
            Error::Redirect {
                status: 307,
                location: None,
                followed: false,
            },
            Error::ResponseTooLarge {
                limit: 1,
                content_length: None,
            },
        ];
        for e in &ambiguous {
            assert!(!e.not_processed(), "{e}");
        }
    }

    #[test]
    fn redirects_and_oversized_replies_are_final_and_say_what_happened() {
        let r = Error::Redirect {
            status: 307,
            location: Some("http://elsewhere/x".into()),
            followed: false,
        };
        assert!(!r.is_transient());
        assert_eq!(
            r.to_string(),
            "the gateway redirected (HTTP 307) to http://elsewhere/x; redirects are not followed"
        );
        let f = Error::Redirect {
            status: 200,
            location: Some("http://elsewhere/x".into()),
            followed: true,
        };
        assert!(
            f.to_string()
                .contains("followed a redirect away from the gateway to http://elsewhere/x")
        );
        let big = Error::ResponseTooLarge {
            limit: 100,
            content_length: Some(200),
        };
        assert!(!big.is_transient());
        assert_eq!(
            big.to_string(),
            "the reply exceeds the 100-byte limit (Content-Length: 200)"
        );
    }

    #[test]
    fn byte_snippets_match_text_snippets_and_read_only_the_head() {
        for body in [
            "short",
            "中文",
            "",
            &"x".repeat(SNIPPET_CHARS),
            &"中".repeat(SNIPPET_CHARS + 3),
        ] {
            assert_eq!(snippet_bytes(body.as_bytes()), snippet(body), "{body:?}");
        }
        let huge = vec![b'a'; 50 << 20];
        assert_eq!(snippet_bytes(&huge).chars().count(), SNIPPET_CHARS + 1);
        assert_eq!(snippet_bytes(b"\xff\xfeok"), "\u{fffd}\u{fffd}ok");
    }

    #[test]
    fn the_error_stays_small_enough_to_return_by_value() {
        // clippy's `result_large_err` fires at 128 bytes, in every caller's closure.
        assert!(std::mem::size_of::<Error>() < 128, "{}", std::mem::size_of::<Error>());
    }

    #[test]
    fn snippets_are_bounded_by_characters_not_bytes() {
        assert_eq!(snippet("short"), "short");
        let long = "中".repeat(SNIPPET_CHARS + 10);
        let s = snippet(&long);
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
        assert!(s.ends_with('…'));
        let exact = "x".repeat(SNIPPET_CHARS);
        assert_eq!(snippet(&exact), exact);
    }

    #[test]
    fn display_lists_every_platform_field() {
        let e = Error::Platform {
            code: 15,
            msg: "Remote service error".into(),
            sub_code: Some("isv.invalid-parameter".into()),
            sub_msg: Some("非法参数".into()),
            request_id: Some("abc".into()),
            transient: false,
            retry_after: None,
        };
        assert_eq!(
            e.to_string(),
            "TOP error 15: Remote service error sub_code=isv.invalid-parameter sub_msg=非法参数 request_id=abc"
        );
        assert!(!e.is_transient());
        assert_eq!(e.code(), Some(15));
        let t = Error::Timeout {
            after: Some(Duration::from_millis(200)),
        };
        assert_eq!(t.to_string(), "timed out after 200ms");
        assert!(t.is_transient());
        assert!(
            Error::Http {
                status: 502,
                snippet: String::new(),
                body: None,
            }
            .is_transient()
        );
        assert!(
            !Error::Http {
                status: 404,
                snippet: String::new(),
                body: None,
            }
            .is_transient()
        );
    }
}
