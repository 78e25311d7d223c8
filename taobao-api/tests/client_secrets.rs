//! The app secret and the session never appear in `Debug` output, error messages or `tracing`
//! output, across every kind of failure; and each call has a `top_call` span with method,
//! attempt and latency.

mod client_support;

use client_support::*;
use std::fmt::{Debug, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use taobao_api::mock::Reply;
use taobao_api::{CallOptions, Error, RetryPolicy};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A subscriber that writes every span name, field and event into one string.
#[derive(Clone, Default)]
struct Capture {
    text: Arc<Mutex<String>>,
    next_id: Arc<AtomicU64>,
}

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut t = self.text.lock().unwrap();
        let _ = write!(t, "\nspan {}", span.metadata().name());
        span.record(&mut Fields(&mut t));
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut t = self.text.lock().unwrap();
        t.push_str("\nrecord");
        values.record(&mut Fields(&mut t));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut t = self.text.lock().unwrap();
        t.push_str("\nevent");
        event.record(&mut Fields(&mut t));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} shows the app secret: {text}");
    assert!(!text.contains(SESSION), "{what} shows the session: {text}");
}

fn assert_error_clean(what: &str, err: &Error) {
    assert_clean(&format!("{what} (Display)"), &err.to_string());
    assert_clean(&format!("{what} (Debug)"), &format!("{err:?}"));
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        assert_clean(&format!("{what} (source)"), &format!("{s} {s:?}"));
        source = s.source();
    }
}

#[tokio::test]
async fn secrets_never_show_in_debug_errors_or_traces() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let gw = mock();
    let builder = client_for(&gw);
    assert_clean("ClientBuilder", &format!("{builder:?}"));
    let client = builder.retry(RetryPolicy::none()).build().unwrap();
    assert_clean("Client", &format!("{client:?}"));
    assert_clean("MockGateway", &format!("{gw:?}"));
    let opts = CallOptions::new().session(SESSION);
    assert_clean("CallOptions", &format!("{opts:?}"));
    let prepared = client.prepare(&ReportRequest::valid(), &opts).unwrap();
    assert_eq!(prepared.field("session"), Some(SESSION), "the session is sent");
    assert_clean("PreparedCall", &format!("{prepared:?}"));

    // Success, then every failure kind, each with the session attached.
    client.execute(&ReportRequest::valid(), Some(SESSION)).await.unwrap();
    assert_clean("ReceivedRequest", &format!("{:?}", gw.requests()));

    gw.push_reply(
        REPORT,
        Reply::error(27, "Invalid session").sub("isv.invalid-session", "session expired"),
    );
    let platform = client
        .execute(&ReportRequest::valid(), Some(SESSION))
        .await
        .unwrap_err();
    assert_eq!(platform.code(), Some(27));
    assert_error_clean("platform error", &platform);

    let wrong_secret = taobao_api::Client::builder(APP_KEY, "wrong-secret")
        .gateway(gw.url())
        .build()
        .unwrap();
    let signature = wrong_secret
        .execute(&ReportRequest::valid(), Some(SESSION))
        .await
        .unwrap_err();
    assert_eq!(signature.code(), Some(25));
    assert_error_clean("signature error", &signature);

    gw.push_reply(REPORT, Reply::example().delayed(Duration::from_secs(2)));
    let slow = client_for(&gw)
        .retry(RetryPolicy::none())
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let timeout = slow.execute(&ReportRequest::valid(), Some(SESSION)).await.unwrap_err();
    assert!(matches!(timeout, Error::Timeout { .. }));
    assert_error_clean("timeout", &timeout);

    gw.push_reply(REPORT, Reply::body("not json"));
    let decode = client
        .execute(&ReportRequest::valid(), Some(SESSION))
        .await
        .unwrap_err();
    assert!(matches!(decode, Error::Decode { .. }));
    assert_error_clean("decode error", &decode);

    gw.push_reply(REPORT, Reply::http_status(503, "unavailable"));
    let http = client
        .execute(&ReportRequest::valid(), Some(SESSION))
        .await
        .unwrap_err();
    assert!(matches!(http, Error::Http { status: 503, .. }));
    assert_error_clean("HTTP error", &http);

    let dead_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let unreachable = client_for(&gw)
        .gateway(format!("http://127.0.0.1:{dead_port}/router/rest"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let transport = unreachable
        .execute(&ReportRequest::valid(), Some(SESSION))
        .await
        .unwrap_err();
    assert!(matches!(transport, Error::Transport(_)));
    assert_error_clean("transport error", &transport);

    let bad = ReportRequest::with("", None);
    assert_error_clean(
        "validation error",
        &client.execute(&bad, Some(SESSION)).await.unwrap_err(),
    );
    let config = taobao_api::Client::builder(APP_KEY, SECRET)
        .gateway("ftp://x")
        .build()
        .unwrap_err();
    assert_error_clean("config error", &config);

    let trace = capture.text.lock().unwrap().clone();
    assert_clean("tracing output", &trace);
    assert!(trace.contains("span top_call"), "{trace}");
    assert!(trace.contains(&format!("method={REPORT:?}")), "{trace}");
    assert!(trace.contains("attempt=1"), "{trace}");
    assert!(trace.contains("latency_ms="), "{trace}");
}

#[test]
fn the_blocking_client_hides_secrets_too() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let gw = mock();
    let client = client_for(&gw).build_blocking().unwrap();
    assert_clean("blocking::Client", &format!("{client:?}"));
    gw.push_reply(REPORT, Reply::error(26, "Missing session"));
    let err = client.execute(&ReportRequest::valid(), Some(SESSION)).unwrap_err();
    assert_eq!(err.code(), Some(26));
    assert_error_clean("blocking platform error", &err);
    // The blocking client traces its attempts like the async one (same retry/log step).
    let traces = capture.text.lock().unwrap().clone();
    assert!(
        traces.contains("TOP call failed") && traces.contains("attempt=1"),
        "{traces}"
    );
    assert_clean("blocking traces", &traces);
}
