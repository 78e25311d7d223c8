//! The envelope rules on real reply shapes, for the typed path ([`decode_typed`], through the
//! generated `taobao.logistics.companies.get` and `taobao.logistics.openalibity.write`
//! responses) and the JSON path ([`extract`]).

use super::*;
use crate::{LogisticsCompaniesGetRequest, LogisticsOpenalibityWriteRequest};
use std::time::Duration;

type Companies = <LogisticsCompaniesGetRequest as TopRequest>::Response;
type Write = <LogisticsOpenalibityWriteRequest as TopRequest>::Response;

fn companies(body: &str) -> Result<Companies, Error> {
    decode_typed(LogisticsCompaniesGetRequest::METHOD, body.as_bytes().to_vec(), false)
}

fn write(body: &str) -> Result<Write, Error> {
    decode_typed(
        LogisticsOpenalibityWriteRequest::METHOD,
        body.as_bytes().to_vec(),
        false,
    )
}

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
fn a_typed_response_keeps_its_request_id_body_and_warnings() {
    let body = r#"{"logistics_companies_get_response":{"logistics_companies":{"logistics_company":[{"id":"1","code":"POST","name":{"x":1}},{"id":1.5}]},"request_id":"r-9"}}"#;
    let response = companies(body).unwrap();
    assert_eq!(response.request_id(), Some("r-9"));
    assert_eq!(response.body(), Some(body));
    let list = response.logistics_companies.as_deref().unwrap();
    assert_eq!(list[0].id, Some(1));
    // An object in a String field becomes its compact JSON text.
    assert_eq!(list[0].name.as_deref(), Some(r#"{"x":1}"#));
    assert_eq!(list[1].id, None);
    let warnings: Vec<String> = response.decode_warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["logistics_companies[1].id: expected an integer, found `1.5`"]
    );
}

#[test]
fn errors_inside_the_success_member_are_platform_errors() {
    let body = r#"{"logistics_openalibity_write_response":{"code":15,"msg":"Remote service error","sub_code":"isp.internal-error","sub_msg":"busy","request_id":"r1"}}"#;
    match write(body) {
        Err(Error::Platform {
            code,
            sub_code,
            transient,
            request_id,
            msg,
            sub_msg,
            ..
        }) => {
            assert_eq!(code, 15);
            assert_eq!(msg, "Remote service error");
            assert_eq!(sub_code.as_deref(), Some("isp.internal-error"));
            assert_eq!(sub_msg.as_deref(), Some("busy"));
            assert!(transient, "isp.* is retried like an error_response");
            assert_eq!(request_id.as_deref(), Some("r1"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // A sub_code alone, and a code without a sub_code, fail the call as the Java SDK's isSuccess.
    assert!(matches!(
        write(r#"{"logistics_openalibity_write_response":{"sub_code":"isv.x"}}"#),
        Err(Error::Platform { code: 0, .. })
    ));
    assert!(matches!(
        write(r#"{"logistics_openalibity_write_response":{"code":"27","msg":"Invalid session"}}"#),
        Err(Error::Platform {
            code: 27,
            transient: false,
            ..
        })
    ));
    // `code` 0 or empty is success.
    assert!(write(r#"{"logistics_openalibity_write_response":{"code":0,"sub_code":""}}"#).is_ok());
}

#[test]
fn error_responses_keep_every_field_and_the_body() {
    let body = r#"{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 31062 more seconds","request_id":"r1"}}"#;
    for result in [
        write(body).map(drop),
        extract(200, body.as_bytes(), "taobao.time.get", false).map(drop),
    ] {
        let err = result.unwrap_err();
        assert_eq!(err.code(), Some(7));
        assert_eq!(err.request_id(), Some("r1"));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(31062)));
        assert!(err.is_transient());
    }
}

#[test]
fn a_reply_for_another_method_is_refused() {
    let body_text = r#"{"time_get_response":{"time":"2024-01-01 00:00:00","request_id":"x"}}"#;
    for err in [
        write(body_text).unwrap_err(),
        extract(200, body_text.as_bytes(), "taobao.logistics.openalibity.write", false).unwrap_err(),
    ] {
        match err {
            Error::WrongMethod {
                expected,
                found,
                request_id,
                body,
            } => {
                assert_eq!(body.as_deref().map(String::as_str), Some(body_text));
                assert_eq!(expected, "logistics_openalibity_write_response");
                assert_eq!(found, "time_get_response");
                assert_eq!(request_id.as_deref(), Some("x"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[test]
fn simplified_replies_are_the_response_itself() {
    let body = r#"{"logistics_companies":[{"id":2}],"request_id":"r2"}"#;
    let response: Companies = decode_typed(LogisticsCompaniesGetRequest::METHOD, body.into(), true).unwrap();
    assert_eq!(response.logistics_companies.as_ref().unwrap()[0].id, Some(2));
    assert_eq!(response.request_id(), Some("r2"));
    // Without the flag, a root without the method's member is no success (the Java SDK's
    // `toResponse` returns null): a proxy's or a wrong URL's JSON must not pass as a reply.
    for body in [body, r#"{"status":"ok"}"#, r#"{"foo_response":null}"#] {
        match companies(body) {
            Err(Error::Decode {
                message,
                body: Some(kept),
                ..
            }) => {
                assert!(message.contains("no member for the method"), "{message}");
                assert_eq!(kept.as_str(), body);
            }
            other => panic!("{body}: unexpected {other:?}"),
        }
    }
    // The member is found wherever it is in the root.
    let later = r#"{"request_id":"r3","logistics_companies_get_response":{"logistics_companies":{"logistics_company":[{"id":3}]}}}"#;
    assert_eq!(companies(later).unwrap().logistics_companies.unwrap()[0].id, Some(3));
    let v = extract(200, br#"{"time":"t"}"#, "taobao.time.get", true).unwrap();
    assert_eq!(v["time"], "t");
}

#[test]
fn malformed_bodies_are_decode_errors_that_keep_the_body() {
    for body in [
        "<html>",
        "[1]",
        "{}",
        r#"{"logistics_companies_get_response":{"a":"#,
        "{\"x\": 1} trailing",
    ] {
        match companies(body) {
            Err(Error::Decode { body: Some(kept), .. }) => assert_eq!(kept.as_str(), body),
            other => panic!("{body}: unexpected {other:?}"),
        }
    }
    let err = companies("{\n  \"a\": tru }").unwrap_err();
    assert!(
        err.to_string().contains("not JSON: invalid literal at line 2 column 8"),
        "{err}"
    );
    assert!(matches!(
        extract(502, b"Bad Gateway", "taobao.time.get", false),
        Err(Error::Http { status: 502, .. })
    ));
    // A status error keeps its whole body beside the snippet.
    let page = format!("<html>{}</html>", "x".repeat(5_000));
    let err = extract(503, page.as_bytes(), "taobao.time.get", false).unwrap_err();
    assert_eq!(err.body(), Some(page.as_str()));
    assert!(matches!(&err, Error::Http { snippet, .. } if snippet.chars().count() <= crate::error::SNIPPET_CHARS + 1));
    let huge = "x".repeat(10_000);
    match companies(&huge) {
        Err(Error::Decode { snippet, .. }) => assert!(snippet.chars().count() <= crate::error::SNIPPET_CHARS + 1),
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        decode_typed::<Companies>("m", vec![0xff, 0xfe], false),
        Err(Error::Decode { .. })
    ));
}
