//! The async client over real HTTP against the embedded mock gateway: typed success, platform
//! errors with every field, retries of transient failures only, stated waits, the invalid
//! signature of a wrong secret, timeouts, and business failures that stay typed.

mod client_support;

use client_support::*;
use serde_json::json;
use std::time::{Duration, Instant};
use taobao_api::mock::Reply;
use taobao_api::{Error, RetryPolicy};

#[tokio::test]
async fn a_valid_request_returns_the_typed_response() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let resp = client.execute(&ReportRequest::valid(), Some(SESSION)).await.unwrap();
    let spi = resp.spi_result.clone().expect("spi_result");
    assert_eq!(spi.success, Some(true));
    assert_eq!(
        spi.abnormal_report_res_dto.unwrap().order_code.as_deref(),
        Some("MFA000000012001")
    );
    assert_eq!(resp.request_id(), Some("example-id"));

    let seen = gw.requests();
    assert_eq!(seen.len(), 1);
    let r = &seen[0];
    assert_eq!(r.http_method, "POST");
    assert_eq!(r.rejected_with, None);
    assert_eq!(r.method(), Some(REPORT));
    assert_eq!(r.param("session"), Some(SESSION));
    assert_eq!(r.param("sign_method"), Some("md5"));
    assert_eq!(r.param("format"), Some("json"));
    assert_eq!(r.param("v"), Some("2.0"));
    assert_eq!(
        r.param("abnormal_report_request"),
        Some(r#"{"abnormal_order_id":"100000001","abnormal_remark":"天气原因 & 1+1=2"}"#)
    );
    assert!(
        r.content_type
            .as_deref()
            .unwrap()
            .starts_with("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn a_platform_error_is_mapped_with_every_field_and_not_retried() {
    let gw = mock();
    gw.push_reply(
        REPORT,
        Reply::error(50, "Remote service error").sub("isv.invalid-parameter", "非法参数"),
    );
    let client = client_for(&gw).build().unwrap();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    match &err {
        Error::Platform {
            code,
            msg,
            sub_code,
            sub_msg,
            request_id,
            transient,
            retry_after,
        } => {
            assert_eq!(*code, 50);
            assert_eq!(msg, "Remote service error");
            assert_eq!(sub_code.as_deref(), Some("isv.invalid-parameter"));
            assert_eq!(sub_msg.as_deref(), Some("非法参数"));
            assert!(request_id.as_deref().is_some_and(|id| id.starts_with("mock")));
            assert!(!transient);
            assert_eq!(*retry_after, None);
        }
        other => panic!("expected a platform error, got {other:?}"),
    }
    assert_eq!(gw.requests().len(), 1, "isv.* errors are never retried");
}

#[tokio::test]
async fn a_transient_error_is_retried_and_then_succeeds() {
    let gw = mock();
    gw.push_replies(
        REPORT,
        [
            Reply::error(15, "Remote service error").sub("isp.remote-service-timeout", "timeout"),
            Reply::http_status(502, "Bad Gateway"),
        ],
    );
    // abnormal.report is a write: ambiguous failures are retried only with the opt-in
    // (tests/faults.rs covers the default).
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
    assert_eq!(resp.spi_result.unwrap().success, Some(true));
    let seen = gw.requests_for(REPORT);
    assert_eq!(seen.len(), 3);
    // Each attempt is signed afresh and accepted by the mock.
    assert!(seen.iter().all(|r| r.rejected_with.is_none()));
}

#[tokio::test]
async fn retries_stop_at_the_configured_bound_and_can_be_turned_off() {
    let gw = mock();
    let isp = || Reply::error(10, "Service Currently Unavailable").sub("isp.service-unavailable", "busy");
    gw.push_replies(REPORT, [isp(), isp(), isp(), isp()]);
    let client = client_for(&gw).retry_writes(true).build().unwrap();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert_eq!(err.code(), Some(10));
    assert!(err.is_transient());
    assert_eq!(gw.requests().len(), 3, "first attempt + max_retries (2)");

    gw.clear_requests();
    let no_retry = client_for(&gw)
        .retry_writes(true)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = no_retry.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert_eq!(err.code(), Some(10));
    assert_eq!(gw.requests().len(), 1);
}

#[tokio::test]
async fn a_caller_error_is_not_retried() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    // Validation: nothing is sent at all.
    let bad = ReportRequest::with(&"x".repeat(33), None);
    match client.execute(&bad, None).await.unwrap_err() {
        Error::Validation(v) => assert_eq!(v.paths(), ["abnormal_report_request.abnormal_order_id"]),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(gw.requests().is_empty(), "no HTTP request on a validation failure");
    // A missing-argument answer (code 40) from the gateway: returned at once.
    let err = client
        .execute_raw(REPORT, &taobao_api::Params::new(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(40));
    assert!(!err.is_transient());
    assert_eq!(gw.requests().len(), 1);
}

#[tokio::test]
async fn a_wrong_secret_is_rejected_with_the_invalid_signature_error() {
    let gw = mock();
    let client = taobao_api::Client::builder(APP_KEY, "not-the-secret")
        .gateway(gw.url())
        .retry(fast_retries())
        .build()
        .unwrap();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert_eq!(err.code(), Some(25), "{err}");
    assert!(matches!(&err, Error::Platform { msg, transient: false, .. } if msg == "Invalid signature"));
    assert_eq!(gw.requests().len(), 1, "signature errors are never retried");
    assert_eq!(gw.requests()[0].rejected_with, Some(25));
}

#[tokio::test]
async fn a_slow_response_hits_the_timeout() {
    let gw = mock();
    gw.push_reply(REPORT, Reply::example().delayed(Duration::from_secs(3)));
    let client = client_for(&gw)
        .request_timeout(Duration::from_millis(300))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert!(
        matches!(err, Error::Timeout { after: Some(d) } if d == Duration::from_millis(300)),
        "{err:?}"
    );
    assert!(err.is_transient());
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "gave up after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_short_stated_ban_is_waited_out_and_a_long_one_returned_at_once() {
    let gw = mock();
    let ban = |secs: u64| {
        Reply::error(7, "App Call Limited").sub(
            "accesscontrol.limited-by-api-access-count",
            format!("This ban will last for {secs} more seconds"),
        )
    };
    gw.push_reply(REPORT, ban(1));
    let client = client_for(&gw).build().unwrap();
    let started = Instant::now();
    client.execute(&ReportRequest::valid(), None).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(gw.requests().len(), 2);

    gw.clear_requests();
    gw.push_reply(REPORT, ban(31062));
    let started = Instant::now();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(31062)));
    assert!(err.is_transient());
    assert_eq!(gw.requests().len(), 1);
}

#[tokio::test]
async fn a_business_failure_in_a_success_envelope_stays_typed() {
    let gw = mock();
    gw.push_reply(
        REPORT,
        Reply::object(json!({"spi_result": {"success": false, "error_code": "CREATE_NOT_EXIST"}, "request_id": "r"})),
    );
    let client = client_for(&gw).build().unwrap();
    let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
    let spi = resp.spi_result.unwrap();
    assert_eq!(spi.success, Some(false));
    assert_eq!(spi.error_code.as_deref(), Some("CREATE_NOT_EXIST"));
}

#[tokio::test]
async fn an_undecodable_body_is_a_decode_error_and_an_odd_field_a_warning() {
    let gw = mock();
    gw.push_reply(REPORT, Reply::body(format!("<html>{}</html>", "x".repeat(5000))));
    gw.push_reply(REPORT, Reply::object(json!({"spi_result": "not an object"})));
    let client = client_for(&gw).build().unwrap();
    match client.execute(&ReportRequest::valid(), None).await.unwrap_err() {
        Error::Decode { snippet, .. } => {
            assert!(snippet.starts_with("<html>"));
            assert!(snippet.chars().count() <= taobao_api::error::SNIPPET_CHARS + 1);
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    // A field of the wrong kind is no decode error: the field is `None` and reported.
    let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
    assert_eq!(resp.spi_result, None);
    let warnings: Vec<String> = resp.decode_warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["spi_result: expected an object, found a string `not an object`"]
    );
    assert_eq!(gw.requests().len(), 2, "decode errors are not retried");
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = taobao_api::Client::builder(APP_KEY, SECRET)
        .gateway(format!("http://127.0.0.1:{port}/router/rest"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.is_transient());
}

#[tokio::test]
async fn a_caller_supplied_http_client_is_used() {
    let gw = mock();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-caller", reqwest::header::HeaderValue::from_static("my-app"));
    let http = reqwest::Client::builder().default_headers(headers).build().unwrap();
    let client = client_for(&gw).http_client(http).build().unwrap();
    let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
    assert_eq!(resp.spi_result.unwrap().success, Some(true));
    let seen = gw.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].headers.get("x-caller").map(String::as_str), Some("my-app"));
    assert!(seen[0].headers["user-agent"].starts_with("taobao-api-rust/"));
}

#[test]
fn gateways_default_to_production_and_switch_to_sandbox_or_custom() {
    let prod = taobao_api::Client::new(APP_KEY, SECRET).unwrap();
    assert_eq!(prod.gateway(), "https://eco.taobao.com/router/rest");
    assert_eq!(prod.gateway(), taobao_api::PRODUCTION_GATEWAY);
    let sandbox = taobao_api::Client::sandbox(APP_KEY, SECRET).unwrap();
    assert_eq!(sandbox.gateway(), "https://gw.api.tbsandbox.com/router/rest");
    let custom = taobao_api::Client::with_gateway("http://127.0.0.1:1/router/rest", APP_KEY, SECRET).unwrap();
    assert_eq!(custom.gateway(), "http://127.0.0.1:1/router/rest");
    for bad in ["not a url", "ftp://example.com/router/rest"] {
        let err = taobao_api::Client::with_gateway(bad, APP_KEY, SECRET).unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{bad}: {err:?}");
    }
    assert!(matches!(taobao_api::Client::new("", SECRET), Err(Error::Config(_))));
    assert!(matches!(taobao_api::Client::new(APP_KEY, ""), Err(Error::Config(_))));
}
