//! The mock gateway's checks and features over real HTTP: the TOP error codes it answers for
//! bad system parameters, missing arguments, unknown methods and stale timestamps; multipart
//! files; extra parameters; `simplify`; every sign method; hand-made requests (query string,
//! GET, wrong verb); and the blocking client.

mod client_support;

use client_support::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};
use taobao_api::mock::{MockGateway, Reply};
use taobao_api::sign::sign;
use taobao_api::time::now_gmt8;
use taobao_api::{CallOptions, Error, FileItem, Params, SignMethod};

#[tokio::test]
async fn a_timestamp_outside_the_window_is_rejected_with_31() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let stale = CallOptions::new().timestamp(SystemTime::now() - Duration::from_secs(11 * 60));
    let err = client.execute_with(&ReportRequest::valid(), &stale).await.unwrap_err();
    assert_eq!(err.code(), Some(31), "{err}");
    let fresh = CallOptions::new().timestamp(SystemTime::now() - Duration::from_secs(9 * 60));
    client.execute_with(&ReportRequest::valid(), &fresh).await.unwrap();
}

#[tokio::test]
async fn unknown_methods_and_app_keys_are_rejected() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let err = client
        .execute_raw("taobao.no.such.api", &Params::new(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(22));
    // Scripting a method makes it known, for APIs without generated bindings.
    gw.push_reply("taobao.time.get", Reply::object(json!({"time": "2024-01-01 00:00:00"})));
    let v = client
        .execute_raw("taobao.time.get", &Params::new(), None)
        .await
        .unwrap();
    assert_eq!(v["time"], "2024-01-01 00:00:00");

    let other_key = taobao_api::Client::builder("999", SECRET)
        .gateway(gw.url())
        .build()
        .unwrap();
    let err = other_key.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert_eq!(err.code(), Some(29));
}

#[tokio::test]
async fn missing_required_arguments_are_named_in_a_40() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let mut params = Params::new();
    params.insert_text("picture_category_id", "7");
    let err = client.execute_raw(UPLOAD, &params, None).await.unwrap_err();
    assert_eq!(err.code(), Some(40));
    assert!(
        matches!(&err, Error::Platform { msg, .. } if msg == "Missing required arguments:img"),
        "{err}"
    );
    // A file parameter sent as text is invalid (41).
    params.insert_text("img", "not a file");
    let err = client.execute_raw(UPLOAD, &params, None).await.unwrap_err();
    assert_eq!(err.code(), Some(41), "{err}");
}

#[tokio::test]
async fn files_go_as_multipart_parts_and_are_not_signed() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let mut img = FileItem::new("a.png", vec![0x89, b'P', b'N', b'G', 0, 1, 2]);
    img.mime_type = "image/png".into();
    let req = UploadRequest {
        picture_category_id: 7,
        img,
    };
    let resp = client.execute(&req, Some(SESSION)).await.unwrap();
    assert!(resp.request_id().is_some());
    let r = &gw.requests()[0];
    assert_eq!(r.rejected_with, None);
    assert!(r.content_type.as_deref().unwrap().starts_with("multipart/form-data"));
    assert_eq!(r.param("picture_category_id"), Some("7"));
    assert!(r.param("img").is_none());
    let file = &r.files["img"];
    assert_eq!(file.file_name, "a.png");
    assert_eq!(file.content_type.as_deref(), Some("image/png"));
    assert_eq!(file.content, vec![0x89, b'P', b'N', b'G', 0, 1, 2]);
}

#[tokio::test]
async fn extra_params_are_sent_and_signed_and_system_names_refused() {
    let gw = mock();
    let client = client_for(&gw).build().unwrap();
    let opts = CallOptions::new()
        .session(SESSION)
        .param("x_extra", "a b&c")
        .param("blank", "  ");
    client.execute_with(&ReportRequest::valid(), &opts).await.unwrap();
    let r = &gw.requests()[0];
    assert_eq!(r.param("x_extra"), Some("a b&c"));
    assert_eq!(r.param("blank"), None, "blank extras are dropped like business params");
    let err = client
        .execute_with(
            &ReportRequest::valid(),
            &CallOptions::new().param("sign_method", "hmac"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(gw.requests().len(), 1);
}

#[tokio::test]
async fn every_sign_method_and_the_simplified_shape_are_accepted() {
    let gw = mock();
    for method in [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256] {
        let client = client_for(&gw)
            .sign_method(method)
            .partner_id("taobao-api-rust-test")
            .build()
            .unwrap();
        let resp = client.execute(&ReportRequest::valid(), Some(SESSION)).await.unwrap();
        assert_eq!(resp.spi_result.unwrap().success, Some(true), "{method}");
    }
    let simple = client_for(&gw).simplify(true).build().unwrap();
    let v = simple
        .execute_raw(REPORT, &ReportRequest::valid_params(), None)
        .await
        .unwrap();
    assert_eq!(v["spi_result"]["success"], true);
    let seen = gw.requests();
    assert_eq!(seen.len(), 4);
    assert!(seen.iter().all(|r| r.rejected_with.is_none()));
    assert_eq!(seen[2].param("sign_method"), Some("hmac-sha256"));
    assert_eq!(seen[2].param("partner_id"), Some("taobao-api-rust-test"));
    assert_eq!(seen[3].param("simplify"), Some("true"));
}

trait ValidParams {
    fn valid_params() -> Params;
}

impl ValidParams for ReportRequest {
    fn valid_params() -> Params {
        let mut p = Params::new();
        taobao_api::TopRequest::write_params(&ReportRequest::valid(), &mut p);
        p
    }
}

/// A hand-made request: `query` in the URL, `form` in the body, signed over both.
async fn raw_call(gw: &MockGateway, verb: reqwest::Method, query: &[(&str, &str)], form: &[(&str, &str)]) -> Value {
    let all: Vec<(&str, &str)> = query.iter().chain(form).copied().collect();
    let signature = sign(
        all.iter().copied().filter(|(k, _)| *k != "sign"),
        SECRET,
        SignMethod::Md5,
    );
    let mut url = reqwest::Url::parse(gw.url()).unwrap();
    url.query_pairs_mut()
        .extend_pairs(query)
        .append_pair("sign", &signature);
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let resp = reqwest::Client::new()
        .request(verb, url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    resp.json().await.unwrap()
}

fn system(overrides: &[(&'static str, &'static str)]) -> BTreeMap<&'static str, String> {
    let mut m: BTreeMap<&str, String> = [
        ("method", REPORT.to_owned()),
        ("app_key", APP_KEY.to_owned()),
        ("timestamp", now_gmt8()),
        ("format", "json".to_owned()),
        ("v", "2.0".to_owned()),
        ("sign_method", "md5".to_owned()),
    ]
    .into_iter()
    .collect();
    for (k, v) in overrides {
        if v.is_empty() {
            m.remove(k);
        } else {
            m.insert(k, (*v).to_owned());
        }
    }
    m
}

#[tokio::test]
async fn hand_made_requests_get_top_error_codes() {
    let gw = mock();
    let business = [("abnormal_report_request", r#"{"abnormal_order_id":"1"}"#)];
    let code = |v: &Value| v["error_response"]["code"].as_i64();
    // Java-SDK style: system params in the query string, business params in the body.
    let sys = system(&[]);
    let q: Vec<(&str, &str)> = sys.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let ok = raw_call(&gw, reqwest::Method::POST, &q, &business).await;
    assert!(ok.get("logistics_express_abnormal_report_response").is_some(), "{ok}");
    let ok = raw_call(&gw, reqwest::Method::GET, &[q.clone(), business.to_vec()].concat(), &[]).await;
    assert!(ok.get("logistics_express_abnormal_report_response").is_some(), "{ok}");
    assert_eq!(code(&raw_call(&gw, reqwest::Method::PUT, &q, &business).await), Some(9));
    for (overrides, want) in [
        (&[("method", "")][..], 21),
        (&[("app_key", "")][..], 28),
        (&[("timestamp", "")][..], 30),
        (&[("timestamp", "yesterday")][..], 31),
        (&[("v", "")][..], 32),
        (&[("v", "1.0")][..], 34),
        (&[("format", "xml")][..], 23),
        (&[("sign_method", "sha1")][..], 25),
        (&[("simplify", "yes")][..], 41),
    ] {
        let sys = system(overrides);
        let q: Vec<(&str, &str)> = sys.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let v = raw_call(&gw, reqwest::Method::POST, &q, &business).await;
        assert_eq!(code(&v), Some(want), "{overrides:?}: {v}");
        assert!(v["error_response"]["request_id"].is_string());
    }
    // The signature covers the body: change a business value after signing.
    let sys = system(&[]);
    let mut q: Vec<(&str, &str)> = sys.iter().map(|(k, v)| (*k, v.as_str())).collect();
    q.extend(business);
    let signature = sign(q.iter().copied(), SECRET, SignMethod::Md5);
    q.pop();
    q.push(("sign", &signature));
    let tampered = [("abnormal_report_request", r#"{"abnormal_order_id":"2"}"#)];
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(tampered)
        .finish();
    let mut url = reqwest::Url::parse(gw.url()).unwrap();
    url.query_pairs_mut().extend_pairs(&q);
    let v: Value = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(code(&v), Some(25), "{v}");
}

#[test]
fn the_blocking_client_talks_to_the_mock() {
    let gw = mock();
    gw.push_reply(REPORT, Reply::error(15, "Remote service error").sub("isp.busy", "busy"));
    let client = client_for(&gw).build_blocking().unwrap();
    // abnormal.report writes: this call opts in to retrying it after an ambiguous failure.
    let options = taobao_api::CallOptions::new().session(SESSION).retry_writes(true);
    let resp = client.execute_with(&ReportRequest::valid(), &options).unwrap();
    assert_eq!(resp.spi_result.unwrap().success, Some(true));
    assert_eq!(gw.requests().len(), 2, "the isp error was retried");
    let err = client
        .execute_raw("taobao.no.such.api", &Params::new(), None)
        .unwrap_err();
    assert_eq!(err.code(), Some(22));
}

#[tokio::test]
async fn queued_replies_come_first_then_the_fallback() {
    let gw = mock();
    let client = client_for(&gw).retry(taobao_api::RetryPolicy::none()).build().unwrap();
    gw.set_reply(REPORT, Reply::object(json!({"spi_result": {"success": false}})));
    gw.push_reply(REPORT, Reply::error(15, "Remote service error").sub("isv.x", "first"));
    let first = client.execute(&ReportRequest::valid(), None).await.unwrap_err();
    assert_eq!(first.sub_code(), Some("isv.x"));
    for _ in 0..2 {
        let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
        assert_eq!(
            resp.spi_result.unwrap().success,
            Some(false),
            "the fallback, every time"
        );
    }
    gw.set_reply(REPORT, Reply::example());
    let resp = client.execute(&ReportRequest::valid(), None).await.unwrap();
    assert_eq!(resp.spi_result.unwrap().success, Some(true));
    assert_eq!(gw.requests_for(REPORT).len(), 4);
    assert!(gw.requests_for(UPLOAD).is_empty());
}

#[tokio::test]
async fn configured_sessions_are_checked_with_26_and_27() {
    let gw = MockGateway::builder()
        .credentials(APP_KEY, SECRET)
        .api(&REPORT_API)
        .sessions([SESSION])
        .start()
        .unwrap();
    let client = client_for(&gw).build().unwrap();
    assert_eq!(
        client.execute(&ReportRequest::valid(), None).await.unwrap_err().code(),
        Some(26)
    );
    let expired = client
        .execute(&ReportRequest::valid(), Some("expired"))
        .await
        .unwrap_err();
    assert_eq!(expired.code(), Some(27));
    assert!(!expired.is_transient());
    client.execute(&ReportRequest::valid(), Some(SESSION)).await.unwrap();
    assert_eq!(gw.requests().len(), 3);
}

#[test]
fn the_blocking_client_sends_files_and_extras_too() {
    let gw = mock();
    let client = client_for(&gw)
        .sign_method(SignMethod::HmacSha256)
        .build_blocking()
        .unwrap();
    let req = UploadRequest {
        picture_category_id: 9,
        img: FileItem::new("b.bin", vec![1, 2, 3]),
    };
    client.execute(&req, Some(SESSION)).unwrap();
    let mut params = Params::new();
    params.insert_text("fields", "nick");
    gw.push_reply("taobao.user.seller.get", Reply::object(json!({"user": {"nick": "n"}})));
    let opts = CallOptions::new().session(SESSION).param("x_extra", "1");
    let v = client
        .execute_raw_with("taobao.user.seller.get", &params, &opts)
        .unwrap();
    assert_eq!(v["user"]["nick"], "n");
    let seen = gw.requests();
    assert!(seen.iter().all(|r| r.rejected_with.is_none()), "{seen:?}");
    assert_eq!(seen[0].files["img"].content, vec![1, 2, 3]);
    assert_eq!(seen[1].param("x_extra"), Some("1"));
    assert_eq!(seen[1].param("fields"), Some("nick"));
}
