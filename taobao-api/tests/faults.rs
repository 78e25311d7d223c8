//! Fault injection against the scripted mock gateway: what the clients do with a real gateway's
//! bad days, and how many requests the gateway receives for each.
//!
//! The rules under test: a read is retried after any transient failure; a write is sent again
//! only after a failure that proves it was not processed (connect failure, call-limit rejection,
//! 429) unless the caller opted in; the daily quota is never retried; redirects are errors and
//! the signed body never reaches the redirect target; replies are read under a size limit;
//! error fields inside the success member fail the call and are retried exactly like the same
//! fields in `error_response`; a reply for another method is a typed error; a field value the
//! declared type cannot hold is `None` and reported while the rest of the reply decodes.
//! Every test asserts the outcome and the exact number of requests the gateway received.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taobao_api::mock::{DEFAULT_APP_SECRET, MockGateway, Reply};
use taobao_api::taobao_logistics_openalibity_write::GeneralLogisticsDataWriteRequest;
use taobao_api::{
    Access, CallOptions, ClientBuilder, Error, LogisticsCompaniesGetRequest, LogisticsOpenalibityWriteRequest, Params,
    RetryPolicy, TopRequest,
};

const READ: &str = "taobao.logistics.companies.get";
const WRITE: &str = "taobao.logistics.openalibity.write";
const MIB: usize = 1024 * 1024;

fn read() -> LogisticsCompaniesGetRequest {
    LogisticsCompaniesGetRequest::builder()
        .fields("code,name")
        .build()
        .unwrap()
}

fn write() -> LogisticsOpenalibityWriteRequest {
    LogisticsOpenalibityWriteRequest::builder()
        .general_logistics_data_write_request(
            GeneralLogisticsDataWriteRequest::builder()
                .cp_code("ZTO")
                .mail_no("881772767996")
                .extend_param("{}")
                .scene("DELIVERY_HOME")
                .build(),
        )
        .build()
        .unwrap()
}

/// 2 retries with 1–5 ms backoff: every retry test stays fast.
fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        max_stated_wait: Duration::from_secs(2),
    }
}

fn client_at(url: &str) -> ClientBuilder {
    taobao_api::Client::builder(taobao_api::mock::DEFAULT_APP_KEY, DEFAULT_APP_SECRET)
        .gateway(url)
        .retry(fast_retries())
        .request_timeout(Duration::from_secs(10))
}

fn client_for(gw: &MockGateway) -> ClientBuilder {
    client_at(gw.url())
}

fn mock() -> MockGateway {
    MockGateway::start_default().expect("start the mock gateway")
}

fn count(gw: &MockGateway, method: &str) -> usize {
    gw.requests_for(method).len()
}

fn example_company_name() -> Option<String> {
    Some("中国邮政".to_owned())
}

/// The `io::ErrorKind`s in an error's source chain.
fn io_kinds(err: &Error) -> Vec<std::io::ErrorKind> {
    let mut kinds = Vec::new();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            kinds.push(io.kind());
        }
        source = s.source();
    }
    kinds
}

#[test]
fn the_generated_bindings_know_reads_from_writes() {
    assert_eq!(LogisticsCompaniesGetRequest::info().access, Access::Read);
    assert_eq!(LogisticsOpenalibityWriteRequest::info().access, Access::Write);
    assert_eq!(
        taobao_api::LogisticsExpressAbnormalReportRequest::info().access,
        Access::Write
    );
}

// ---- Timeouts: the reply comes after the client gave up -------------------------------------

#[tokio::test]
async fn a_write_that_times_out_is_sent_exactly_once() {
    let gw = mock();
    gw.set_reply(WRITE, Reply::example().delayed(Duration::from_secs(3)));
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.is_transient() && !err.not_processed());
    assert_eq!(count(&gw, WRITE), 1, "the gateway may have written: never sent again");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_read_that_times_out_is_retried_up_to_the_budget() {
    let gw = mock();
    gw.set_reply(READ, Reply::example().delayed(Duration::from_secs(3)));
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, READ), 3, "1 + max_retries");
}

#[tokio::test]
async fn a_write_is_retried_after_a_timeout_only_when_opted_in() {
    let gw = mock();
    gw.set_reply(WRITE, Reply::example().delayed(Duration::from_secs(3)));
    let timeout = Duration::from_millis(150);

    // Per client.
    let opted_in = client_for(&gw)
        .request_timeout(timeout)
        .retry_writes(true)
        .build()
        .unwrap();
    let err = opted_in.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, WRITE), 3);

    // Per call, in both directions.
    gw.clear_requests();
    let default = client_for(&gw).request_timeout(timeout).build().unwrap();
    let yes = CallOptions::new().retry_writes(true);
    default.execute_with(&write(), &yes).await.unwrap_err();
    assert_eq!(count(&gw, WRITE), 3, "per-call opt-in");
    gw.clear_requests();
    let no = CallOptions::new().retry_writes(false);
    opted_in.execute_with(&write(), &no).await.unwrap_err();
    assert_eq!(count(&gw, WRITE), 1, "per-call opt-out beats the client's opt-in");
}

#[tokio::test]
async fn a_raw_call_is_a_write_unless_marked_as_a_read() {
    let gw = mock();
    gw.set_reply(READ, Reply::example().delayed(Duration::from_secs(3)));
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(150))
        .build()
        .unwrap();
    let mut params = Params::new();
    params.insert_text("fields", "code");
    let err = client.execute_raw(READ, &params, None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, READ), 1, "no ApiInfo: treated as a write");

    gw.clear_requests();
    let as_read = CallOptions::new().access(Access::Read);
    client.execute_raw_with(READ, &params, &as_read).await.unwrap_err();
    assert_eq!(count(&gw, READ), 3);

    // And a generated read can be marked as a write.
    gw.clear_requests();
    let as_write = CallOptions::new().access(Access::Write);
    client.execute_with(&read(), &as_write).await.unwrap_err();
    assert_eq!(count(&gw, READ), 1);
}

// ---- HTTP statuses and platform errors ------------------------------------------------------

#[tokio::test]
async fn a_5xx_is_retried_for_a_read_and_returned_for_a_write() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    // Scripted by request number: the first request the gateway receives gets a 502.
    gw.reply_to_request(1, Reply::http_status(502, "Bad Gateway"));
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
    assert_eq!(count(&gw, READ), 2);

    gw.clear_requests();
    gw.push_reply(WRITE, Reply::http_status(503, "Service Unavailable"));
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 503, .. }), "{err:?}");
    assert_eq!(count(&gw, WRITE), 1);
}

#[tokio::test]
async fn isp_and_code_10_errors_are_retried_for_reads_only() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    gw.push_replies(
        READ,
        [
            Reply::error(15, "Remote service error").sub("isp.remote-service-timeout", "timeout"),
            Reply::error(10, "Service Currently Unavailable"),
        ],
    );
    client.execute(&read(), None).await.unwrap();
    assert_eq!(count(&gw, READ), 3);

    for reply in [
        Reply::error(15, "Remote service error").sub("isp.remote-service-timeout", "timeout"),
        Reply::error(10, "Service Currently Unavailable"),
    ] {
        gw.clear_requests();
        gw.push_reply(WRITE, reply);
        let err = client.execute(&write(), None).await.unwrap_err();
        assert!(err.is_transient(), "{err}");
        assert_eq!(count(&gw, WRITE), 1, "{err}");
    }
}

#[tokio::test]
async fn a_429_and_call_limits_without_a_stated_wait_are_retried_for_writes_too() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    gw.push_replies(
        WRITE,
        [
            Reply::http_status(429, "Too Many Requests"),
            Reply::error(8, "App Call Exceeds Limited Frequency"),
            Reply::error(7, "App Call Limited").sub("accesscontrol.limited-by-api-access-count", "limited"),
        ],
    );
    let budget = RetryPolicy {
        max_retries: 3,
        ..fast_retries()
    };
    let client3 = client_for(&gw).retry(budget).build().unwrap();
    let ok = client3.execute(&write(), None).await.unwrap();
    assert_eq!(ok.result_success, Some(true));
    assert_eq!(
        count(&gw, WRITE),
        4,
        "rejected before processing, three times, then written"
    );

    gw.clear_requests();
    gw.push_replies(WRITE, (0..3).map(|_| Reply::error(5, "Session Call Limited")));
    let err = client.execute(&write(), None).await.unwrap_err();
    assert_eq!(err.code(), Some(5));
    assert_eq!(count(&gw, WRITE), 3, "still bounded by max_retries");
}

#[tokio::test]
async fn a_short_stated_ban_is_waited_out_even_for_a_write() {
    let gw = mock();
    gw.push_reply(
        WRITE,
        Reply::error(7, "App Call Limited").sub(
            "accesscontrol.limited-by-api-access-count",
            "This ban will last for 1 more seconds",
        ),
    );
    let client = client_for(&gw).build().unwrap();
    let started = Instant::now();
    client.execute(&write(), None).await.unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1), "{:?}", started.elapsed());
    assert_eq!(count(&gw, WRITE), 2);
}

#[tokio::test]
async fn a_ban_longer_than_max_stated_wait_is_returned_at_once_with_its_wait() {
    let gw = mock();
    gw.push_reply(
        READ,
        Reply::error(7, "App Call Limited").sub(
            "accesscontrol.limited-by-app-api-access-count",
            "This ban will last for 3 more seconds",
        ),
    );
    let client = client_for(&gw).build().unwrap();
    let started = Instant::now();
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(err.is_transient());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
    assert_eq!(count(&gw, READ), 1);
}

#[tokio::test]
async fn the_daily_quota_is_never_retried() {
    let gw = mock();
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    let daily =
        |sub_msg: &str| Reply::error(7, "App Call Limited").sub("accesscontrol.limited-by-app-access-count", sub_msg);
    for (method, sub_msg, wait) in [
        (READ, "This ban will last for 31062 more seconds", Some(31062)),
        (READ, "App call limited", None),
        // Even a stated wait within max_stated_wait: the next attempt is refused too.
        (READ, "This ban will last for 1 more seconds", Some(1)),
        (WRITE, "App call limited", None),
    ] {
        gw.clear_requests();
        gw.set_reply(method, daily(sub_msg));
        let err = if method == READ {
            client.execute(&read(), None).await.map(|_| ()).unwrap_err()
        } else {
            client.execute(&write(), None).await.map(|_| ()).unwrap_err()
        };
        assert_eq!(err.code(), Some(7), "{err}");
        assert!(err.is_transient());
        assert_eq!(err.retry_after(), wait.map(Duration::from_secs), "{sub_msg}");
        assert_eq!(count(&gw, method), 1, "{method}: {sub_msg}");
    }
}

// ---- Connections refused, closed and reset --------------------------------------------------

/// A port nothing listens on (bound, then released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A `tracing` subscriber that counts the client's "retrying TOP call" events and runs a hook
/// on each: it sees retries as they are decided, before the backoff sleep.
#[derive(Clone)]
struct OnRetry {
    retries: Arc<AtomicUsize>,
    hook: Arc<dyn Fn() + Send + Sync>,
    next_id: Arc<AtomicU64>,
}

impl OnRetry {
    fn new(hook: impl Fn() + Send + Sync + 'static) -> Self {
        OnRetry {
            retries: Arc::default(),
            hook: Arc::new(hook),
            next_id: Arc::default(),
        }
    }
}

struct Message(String);

impl tracing::field::Visit for Message {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl tracing::Subscriber for OnRetry {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        if message.0 == "retrying TOP call" {
            self.retries.fetch_add(1, Ordering::SeqCst);
            (self.hook)();
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_a_write_then_sent_once() {
    let port = free_port();
    // The gateway starts listening when the client decides to retry: the first attempt is
    // refused, the second reaches it. No timing involved.
    let gateway: Arc<Mutex<Option<MockGateway>>> = Arc::default();
    let on_retry = OnRetry::new({
        let gateway = gateway.clone();
        move || {
            let mut gw = gateway.lock().unwrap();
            if gw.is_none() {
                *gw = Some(MockGateway::builder().port(port).start().expect("bind the freed port"));
            }
        }
    });
    let _guard = tracing::subscriber::set_default(on_retry.clone());
    let client = client_at(&format!("http://127.0.0.1:{port}/router/rest"))
        .build()
        .unwrap();
    let ok = client.execute(&write(), None).await.unwrap();
    assert_eq!(ok.result_success, Some(true));
    assert_eq!(on_retry.retries.load(Ordering::SeqCst), 1);
    let gw = gateway.lock().unwrap().take().unwrap();
    assert_eq!(count(&gw, WRITE), 1, "the refused attempt never reached it");
}

#[tokio::test]
async fn a_connection_that_stays_refused_is_a_connect_error_after_every_retry() {
    let on_retry = OnRetry::new(|| {});
    let _guard = tracing::subscriber::set_default(on_retry.clone());
    let client = client_at(&format!("http://127.0.0.1:{}/router/rest", free_port()))
        .build()
        .unwrap();
    let err = client.execute(&write(), None).await.unwrap_err();
    match &err {
        Error::Transport(e) => assert!(e.is_connect(), "{e:?}"),
        other => panic!("expected a connect error, got {other:?}"),
    }
    assert!(err.not_processed());
    assert_eq!(on_retry.retries.load(Ordering::SeqCst), 2, "1 + max_retries attempts");
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_retried_for_a_read_only() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    gw.push_reply(READ, Reply::example().cut_after(20));
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
    assert_eq!(count(&gw, READ), 2);

    gw.push_reply(WRITE, Reply::example().cut_after(20));
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!err.not_processed(), "the reply had started: the write was processed");
    assert_eq!(count(&gw, WRITE), 1);

    // Chunked replies cut before their last chunk too.
    gw.push_reply(WRITE, Reply::example().chunked().cut_after(20));
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(count(&gw, WRITE), 2);
}

#[tokio::test]
async fn a_connection_reset_mid_body_is_a_transport_error_and_a_write_is_not_resent() {
    let gw = mock();
    gw.push_reply(WRITE, Reply::example().reset_after(10));
    let client = client_for(&gw).build().unwrap();
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(
        io_kinds(&err).contains(&std::io::ErrorKind::ConnectionReset),
        "a reset, not a close: {err:?}"
    );
    assert_eq!(count(&gw, WRITE), 1);

    gw.push_reply(READ, Reply::example().reset_after(10));
    client.execute(&read(), None).await.unwrap();
    assert_eq!(count(&gw, READ), 2);
}

// ---- Bodies that are not what they should be ------------------------------------------------

#[tokio::test]
async fn truncated_or_non_json_bodies_are_decode_errors_and_not_retried() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    for body in [
        r#"{"logistics_companies_get_response":{"logistics_companies":{"logis"#,
        "<html><body>502 Bad Gateway</body></html>",
        "",
    ] {
        gw.clear_requests();
        gw.push_reply(READ, Reply::body(body));
        let err = client.execute(&read(), None).await.unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{body:?}: {err:?}");
        assert_eq!(count(&gw, READ), 1, "{body:?}");
    }
}

#[tokio::test]
async fn a_trickling_body_is_read_when_it_ends_in_time_and_times_out_otherwise() {
    let gw = mock();
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(250))
        .build()
        .unwrap();
    // About 190 bytes, 64 at a time: done in ~20 ms.
    gw.push_reply(READ, Reply::example().trickled(64, Duration::from_millis(5)));
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
    assert_eq!(count(&gw, READ), 1);

    // One byte every 50 ms: the headers come at once, the body would take ~10 s.
    gw.clear_requests();
    gw.set_reply(READ, Reply::example().trickled(1, Duration::from_millis(50)));
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, READ), 3, "a read: 1 + max_retries");

    gw.set_reply(WRITE, Reply::example().trickled(1, Duration::from_millis(50)));
    let err = client.execute(&write(), None).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, WRITE), 1);
}

// ---- Errors inside the success member --------------------------------------------------------

/// Where a reply puts its error fields: the Java SDK reads `code`, `msg`, `sub_code`, `sub_msg`
/// and `request_id` from the member it decodes, so the gateway's `error_response` and the same
/// fields inside `<method>_response` both fail the call (docs/protocol.md §7).
#[derive(Debug, Clone, Copy)]
enum ErrorPlace {
    ErrorResponse,
    SuccessMember,
}

/// A platform error with these fields, in `place`, as the gateway sends it.
fn platform_error(place: ErrorPlace, code: i32, msg: &str, sub: Option<(&str, &str)>, request_id: &str) -> Reply {
    match place {
        ErrorPlace::ErrorResponse => {
            let body = serde_json::json!({"error_response": {
                "code": code, "msg": msg,
                "sub_code": sub.map(|s| s.0), "sub_msg": sub.map(|s| s.1),
                "request_id": request_id,
            }});
            Reply::body(body.to_string())
        }
        ErrorPlace::SuccessMember => {
            let mut member = serde_json::json!({"code": code, "msg": msg, "request_id": request_id});
            if let Some((sub_code, sub_msg)) = sub {
                member["sub_code"] = sub_code.into();
                member["sub_msg"] = sub_msg.into();
            }
            Reply::object(member)
        }
    }
}

const PLACES: [ErrorPlace; 2] = [ErrorPlace::ErrorResponse, ErrorPlace::SuccessMember];

#[tokio::test]
async fn an_isp_error_in_the_success_member_is_retried_for_a_read_and_not_for_a_write() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let isp = |place| {
        platform_error(
            place,
            15,
            "Remote service error",
            Some(("isp.internal-error", "busy")),
            "r-isp",
        )
    };
    for place in PLACES {
        // A read: retried, and the next answer is the response.
        gw.clear_requests();
        gw.push_reply(READ, isp(place));
        let resp = client.execute(&read(), None).await.unwrap();
        assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
        assert_eq!(count(&gw, READ), 2, "{place:?}");

        // A read that keeps failing: 1 + max_retries, then the last error with its request_id.
        gw.clear_requests();
        gw.push_replies(READ, (0..3).map(|_| isp(place)));
        let err = client.execute(&read(), None).await.unwrap_err();
        match &err {
            Error::Platform {
                code,
                sub_code,
                sub_msg,
                transient,
                request_id,
                ..
            } => {
                assert_eq!(*code, 15);
                assert_eq!(sub_code.as_deref(), Some("isp.internal-error"));
                assert_eq!(sub_msg.as_deref(), Some("busy"));
                assert!(*transient);
                assert_eq!(request_id.as_deref(), Some("r-isp"));
            }
            other => panic!("{place:?}: expected a platform error, got {other:?}"),
        }
        assert_eq!(count(&gw, READ), 3, "{place:?}");

        // A write: ambiguous (the service may have acted), sent once.
        gw.clear_requests();
        gw.push_reply(WRITE, isp(place));
        let err = client.execute(&write(), None).await.unwrap_err();
        assert_eq!((err.code(), err.request_id()), (Some(15), Some("r-isp")), "{place:?}");
        assert!(err.is_transient());
        assert_eq!(count(&gw, WRITE), 1, "{place:?}");
    }
}

#[tokio::test]
async fn an_isv_error_in_the_success_member_is_returned_at_once() {
    let gw = mock();
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    for place in PLACES {
        for method in [READ, WRITE] {
            gw.clear_requests();
            gw.push_reply(
                method,
                platform_error(
                    place,
                    15,
                    "Remote service error",
                    Some(("isv.invalid-parameter", "bad mail_no")),
                    "r-isv",
                ),
            );
            let err = if method == READ {
                client.execute(&read(), None).await.map(drop).unwrap_err()
            } else {
                client.execute(&write(), None).await.map(drop).unwrap_err()
            };
            assert!(
                matches!(&err, Error::Platform { code: 15, transient: false, sub_code: Some(s), .. } if s == "isv.invalid-parameter"),
                "{place:?} {method}: {err:?}"
            );
            assert_eq!(err.request_id(), Some("r-isv"));
            assert_eq!(count(&gw, method), 1, "{place:?} {method}");
        }
    }
}

#[tokio::test]
async fn code_7_bans_in_the_success_member_are_handled_like_error_responses() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    for place in PLACES {
        // A short stated ban: waited out and sent again, even for a write.
        gw.clear_requests();
        gw.push_reply(
            WRITE,
            platform_error(
                place,
                7,
                "App Call Limited",
                Some((
                    "accesscontrol.limited-by-api-access-count",
                    "This ban will last for 1 more seconds",
                )),
                "r-ban",
            ),
        );
        let started = Instant::now();
        let ok = client.execute(&write(), None).await.unwrap();
        assert_eq!(ok.result_success, Some(true));
        assert!(started.elapsed() >= Duration::from_secs(1), "{place:?}");
        assert_eq!(count(&gw, WRITE), 2, "{place:?}");

        // The daily quota: never sent again, its wait reported.
        gw.clear_requests();
        gw.push_reply(
            READ,
            platform_error(
                place,
                7,
                "App Call Limited",
                Some((
                    "accesscontrol.limited-by-app-access-count",
                    "This ban will last for 31062 more seconds",
                )),
                "r-quota",
            ),
        );
        let err = client.execute(&read(), None).await.unwrap_err();
        assert_eq!(err.code(), Some(7));
        assert!(err.is_transient());
        assert_eq!(err.retry_after(), Some(Duration::from_secs(31062)), "{place:?}");
        assert_eq!(err.request_id(), Some("r-quota"));
        assert_eq!(count(&gw, READ), 1, "{place:?}");
    }
}

#[tokio::test]
async fn a_reply_for_another_method_is_a_typed_error_and_not_retried() {
    let gw = mock();
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    let other = r#"{"time_get_response":{"time":"2024-03-28 16:38:11","request_id":"r-time"}}"#;
    for method in [READ, WRITE] {
        gw.clear_requests();
        gw.push_reply(method, Reply::body(other));
        let err = if method == READ {
            client.execute(&read(), None).await.map(drop).unwrap_err()
        } else {
            client.execute(&write(), None).await.map(drop).unwrap_err()
        };
        match &err {
            Error::WrongMethod {
                expected,
                found,
                request_id,
                body,
            } => {
                assert!(
                    body.as_deref().is_some_and(|b| b.contains("\"time_get_response\"")),
                    "{body:?}"
                );
                assert_eq!(*expected, taobao_api::client::response_key(method));
                assert_eq!(found, "time_get_response");
                assert_eq!(request_id.as_deref(), Some("r-time"));
            }
            other => panic!("{method}: expected WrongMethod, got {other:?}"),
        }
        assert_eq!(count(&gw, method), 1, "{method}");
    }
}

// ---- Odd field values: the call succeeds, the field is None and reported ---------------------

/// The warnings of a response as `path: message`.
fn warnings_of(warnings: &[taobao_api::model::DecodeWarning]) -> Vec<String> {
    warnings.iter().map(ToString::to_string).collect()
}

#[tokio::test]
async fn odd_values_in_a_list_reply_spoil_only_their_field() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    // The default format's list wrapper, as the gateway sends companies.get.
    gw.push_reply(
        READ,
        Reply::object(serde_json::json!({
            "logistics_companies": {"logistics_company": [
                {"id": "", "code": "POST", "name": "中国邮政", "reg_mail_no": {"re": "^[A-Z]{2}$", "n": [1, 2]}},
                {"id": 1.5, "code": "ZTO", "name": 975_732_022_081_832_762_u64},
                {"id": "505", "code": "STO", "name": true},
            ]},
            "request_id": "r-odd",
        })),
    );
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(resp.request_id(), Some("r-odd"));
    let list = resp.logistics_companies.as_deref().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!((list[0].id, list[0].code.as_deref()), (None, Some("POST")));
    // An object in a String field: its compact JSON text.
    assert_eq!(list[0].reg_mail_no.as_deref(), Some(r#"{"re":"^[A-Z]{2}$","n":[1,2]}"#));
    assert_eq!((list[1].id, list[1].code.as_deref()), (None, Some("ZTO")));
    // Numbers and booleans in a String field: their text as sent.
    assert_eq!(list[1].name.as_deref(), Some("975732022081832762"));
    assert_eq!((list[2].id, list[2].name.as_deref()), (Some(505), Some("true")));
    assert_eq!(
        warnings_of(resp.decode_warnings()),
        [
            "logistics_companies[0].id: expected an integer, found an empty string",
            "logistics_companies[1].id: expected an integer, found `1.5`",
        ]
    );
    assert_eq!(count(&gw, READ), 1);
}

#[tokio::test]
async fn an_empty_boolean_in_a_write_reply_does_not_hide_that_the_write_happened() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    gw.push_reply(
        WRITE,
        Reply::object(serde_json::json!({
            "result_success": "",
            "result_code": 200,
            "write_response": {"success": "TRUE", "error_code": null},
            "request_id": "r-write",
        })),
    );
    let resp = client.execute(&write(), None).await.unwrap();
    assert_eq!(resp.request_id(), Some("r-write"));
    assert_eq!(resp.result_success, None);
    assert_eq!(resp.result_code.as_deref(), Some("200"));
    assert_eq!(resp.write_response.as_ref().and_then(|w| w.success), Some(true));
    assert_eq!(
        warnings_of(resp.decode_warnings()),
        ["result_success: expected a boolean, found an empty string"]
    );
    assert_eq!(count(&gw, WRITE), 1);
}

#[tokio::test]
async fn dates_with_a_fraction_and_wrong_kinds_for_lists_and_objects() {
    use taobao_api::LogisticsOrdersDetailGetRequest;
    const DETAIL: &str = "taobao.logistics.orders.detail.get";
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    gw.push_reply(
        DETAIL,
        Reply::object(serde_json::json!({
            "total_results": "2",
            "shippings": {"shipping": [
                {
                    "tid": "975732022081832762",
                    "created": "2024-03-28 16:38:11.0",
                    "modified": 1711615091000_i64,
                    "is_quick_cod_order": "",
                    "sub_tids": 7,
                    "location": 5,
                    "mails": {"logistics_mail": [{"out_sid": 881772767996_i64, "company_name": "ZTO"}]},
                },
                {
                    "tid": 2,
                    "created": "",
                    "is_quick_cod_order": "false",
                    "sub_tids": {"number": ["1", 2]},
                    "location": {"city": "杭州", "zip": 310000},
                },
            ]},
            "request_id": "r-detail",
        })),
    );
    let request = LogisticsOrdersDetailGetRequest::builder()
        .fields("tid,created,modified,sub_tids,receiver_location,mails")
        .build()
        .unwrap();
    let resp = client.execute(&request, None).await.unwrap();
    assert_eq!(resp.request_id(), Some("r-detail"));
    assert_eq!(resp.total_results, Some(2));
    let shippings = resp.shippings.as_deref().unwrap();
    assert_eq!(shippings.len(), 2);
    let (a, b) = (&shippings[0], &shippings[1]);
    assert_eq!(a.tid, Some(975_732_022_081_832_762));
    let created = taobao_api::Timestamp::parse("2024-03-28 16:38:11").unwrap();
    assert_eq!(a.created, Some(created));
    assert_eq!(a.modified, Some(created), "epoch milliseconds");
    assert_eq!((a.is_quick_cod_order, a.sub_tids.as_ref()), (None, None));
    assert!(a.location.is_none());
    let mails = a.mails.as_deref().unwrap();
    assert_eq!(mails[0].out_sid.as_deref(), Some("881772767996"));
    assert_eq!((b.tid, b.created, b.is_quick_cod_order), (Some(2), None, Some(false)));
    assert_eq!(b.sub_tids.as_deref(), Some(&[1, 2][..]));
    let location = b.location.as_ref().unwrap();
    assert_eq!(
        (location.city.as_deref(), location.zip.as_deref()),
        (Some("杭州"), Some("310000"))
    );
    assert_eq!(
        warnings_of(resp.decode_warnings()),
        [
            "shippings[0].is_quick_cod_order: expected a boolean, found an empty string",
            "shippings[0].sub_tids: expected a list, found a number `7`",
            "shippings[0].location: expected an object, found a number `5`",
            "shippings[1].created: expected a date, found an empty string",
        ]
    );
    assert_eq!(count(&gw, DETAIL), 1);
}

// ---- Size limit -----------------------------------------------------------------------------

/// A companies.get reply whose one company has a `name` of `len` bytes.
fn big_companies_reply(len: usize) -> Reply {
    Reply::object(serde_json::json!({
        "logistics_companies": {"logistics_company": [{"code": "BIG", "name": "x".repeat(len)}]}
    }))
}

#[tokio::test]
async fn a_50_mib_reply_is_read_whole_under_the_default_limit() {
    let gw = mock();
    gw.push_reply(READ, big_companies_reply(50 * MIB));
    let client = client_for(&gw).build().unwrap();
    let resp = client.execute(&read(), None).await.unwrap();
    let companies = resp.logistics_companies.unwrap();
    assert_eq!(companies[0].code.as_deref(), Some("BIG"));
    assert_eq!(companies[0].name.as_ref().map(String::len), Some(50 * MIB));
    assert_eq!(count(&gw, READ), 1);
}

#[tokio::test]
async fn a_declared_length_over_the_limit_fails_before_the_body_is_read() {
    let gw = mock();
    // 2 MiB at 1 KiB per 100 ms would take minutes to arrive: only the headers are looked at.
    gw.push_reply(
        READ,
        big_companies_reply(2 * MIB).trickled(1024, Duration::from_millis(100)),
    );
    let client = client_for(&gw).max_response_size(MIB as u64).build().unwrap();
    let started = Instant::now();
    let err = client.execute(&read(), None).await.unwrap_err();
    match err {
        Error::ResponseTooLarge { limit, content_length } => {
            assert_eq!(limit, MIB as u64);
            assert!(content_length.is_some_and(|n| n > 2 * MIB as u64), "{content_length:?}");
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert_eq!(count(&gw, READ), 1, "not retried");
}

#[tokio::test]
async fn a_reply_without_a_length_is_cut_off_at_the_limit() {
    let gw = mock();
    gw.push_reply(READ, big_companies_reply(2 * MIB).chunked());
    let client = client_for(&gw).max_response_size(MIB as u64).build().unwrap();
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit, content_length: None } if limit == MIB as u64),
        "{err:?}"
    );
    assert_eq!(count(&gw, READ), 1);

    // Just under the limit is read.
    gw.push_reply(READ, big_companies_reply(MIB - 200).chunked());
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(
        resp.logistics_companies.unwrap()[0].name.as_ref().map(String::len),
        Some(MIB - 200)
    );
    assert_eq!(count(&gw, READ), 2);
}

#[tokio::test]
async fn the_limit_counts_gzip_decoded_bytes() {
    let gw = mock();
    let client = client_for(&gw).max_response_size(MIB as u64).build().unwrap();
    // A few KiB on the wire, 2 MiB decoded.
    gw.push_reply(READ, big_companies_reply(2 * MIB).gzip());
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(count(&gw, READ), 1);

    gw.push_reply(READ, Reply::example().gzip());
    let resp = client.execute(&read(), None).await.unwrap();
    assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
    assert_eq!(count(&gw, READ), 2);
}

// ---- Redirects ------------------------------------------------------------------------------

#[tokio::test]
async fn a_redirect_is_an_error_and_the_signed_body_goes_nowhere_else() {
    let gw = mock();
    // Another gateway that records whatever it receives.
    let target = mock();
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    for status in [307, 308, 301, 302] {
        gw.clear_requests();
        gw.push_reply(WRITE, Reply::redirect(status, target.url()));
        let err = client.execute(&write(), Some("session-key")).await.unwrap_err();
        match &err {
            Error::Redirect {
                status: s,
                location,
                followed,
            } => {
                assert_eq!(*s, status);
                assert_eq!(location.as_deref(), Some(target.url()));
                assert!(!followed);
            }
            other => panic!("{status}: expected a redirect error, got {other:?}"),
        }
        assert!(!err.is_transient());
        assert_eq!(count(&gw, WRITE), 1, "{status}: not retried, even with retry_writes");
    }
    gw.push_reply(READ, Reply::redirect(307, target.url()));
    let err = client.execute(&read(), None).await.unwrap_err();
    assert!(matches!(err, Error::Redirect { status: 307, .. }), "{err:?}");
    assert_eq!(count(&gw, READ), 1, "a read is not retried either");
    assert!(
        target.requests().is_empty(),
        "the target received {:?}",
        target.requests()
    );
}

#[tokio::test]
async fn a_caller_supplied_client_that_follows_a_redirect_gets_no_ok_reply() {
    let gw = mock();
    let target = mock();
    gw.set_reply(WRITE, Reply::redirect(307, target.url()));
    // reqwest's default policy follows the 307 and re-sends the body: the documented limit.
    let following = client_for(&gw).http_client(reqwest::Client::new()).build().unwrap();
    let err = following.execute(&write(), Some("session-key")).await.unwrap_err();
    match &err {
        Error::Redirect {
            status,
            location,
            followed,
        } => {
            assert!(followed);
            assert_eq!(*status, 200, "the target's reply, discarded");
            assert_eq!(location.as_deref(), Some(target.url()));
        }
        other => panic!("expected a followed-redirect error, got {other:?}"),
    }
    assert_eq!(count(&gw, WRITE), 1);
    assert_eq!(count(&target, WRITE), 1, "a following client did send it on");

    // Configured as the builder's docs say, it does not.
    target.clear_requests();
    let careful = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = client_for(&gw).http_client(careful).build().unwrap();
    let err = client.execute(&write(), Some("session-key")).await.unwrap_err();
    assert!(matches!(err, Error::Redirect { followed: false, .. }), "{err:?}");
    assert!(target.requests().is_empty());
    assert_eq!(count(&gw, WRITE), 2, "one more request, not retried");
}

// ---- The blocking client follows the same rules ---------------------------------------------

#[test]
fn the_blocking_client_refuses_redirects_limits_replies_and_sends_a_timed_out_write_once() {
    let gw = mock();
    let target = mock();
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(200))
        .max_response_size(MIB as u64)
        .build_blocking()
        .unwrap();

    gw.push_reply(WRITE, Reply::redirect(308, target.url()));
    let err = client.execute(&write(), None).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Redirect {
                status: 308,
                followed: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(target.requests().is_empty());
    assert_eq!(count(&gw, WRITE), 1, "a redirect is not retried");

    // The size limit on a client whose timeout cannot fire first on a loaded machine (building
    // and sending the 2 MiB replies takes a while in a debug build): a timed-out read would be
    // retried and get the next scripted reply.
    let sized = client_for(&gw).max_response_size(MIB as u64).build_blocking().unwrap();
    gw.clear_requests();
    gw.push_reply(
        READ,
        big_companies_reply(2 * MIB).trickled(1024, Duration::from_millis(100)),
    );
    let err = sized.execute(&read(), None).unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                content_length: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    gw.push_reply(READ, big_companies_reply(2 * MIB).chunked());
    let err = sized.execute(&read(), None).unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    gw.push_reply(READ, big_companies_reply(2 * MIB).gzip());
    let err = sized.execute(&read(), None).unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(count(&gw, READ), 3, "none retried");

    gw.set_reply(WRITE, Reply::example().delayed(Duration::from_secs(3)));
    gw.clear_requests();
    let err = client.execute(&write(), None).unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, WRITE), 1);

    gw.set_reply(READ, Reply::example().delayed(Duration::from_secs(3)));
    let err = client.execute(&read(), None).unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(count(&gw, READ), 3);

    gw.set_reply(READ, Reply::example().gzip().trickled(16, Duration::from_millis(1)));
    let resp = client.execute(&read(), None).unwrap();
    assert_eq!(resp.logistics_companies.unwrap()[0].name, example_company_name());
    assert_eq!(count(&gw, READ), 4);
}
