//! The generated bindings through the client: the vectors' full abnormal.report request signs to
//! the vectors' digests (md5, hmac, hmac-sha256) — which pins the generated JSON encoding to the
//! official Java SDK's bytes — and every generated API round-trips over real HTTP through the
//! mock gateway, which serves `taobao_api::APIS` by default.

mod client_support;

use client_support::abnormal::{T, full_report_request};
use serde_json::Value;
use taobao_api::mock::{MockGateway, Reply};
use taobao_api::time::parse_gmt8;
use taobao_api::{CallOptions, Client, Error, LogisticsOpenalibityWriteRequest, Params, TopRequest};

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/protocol/sign-vectors.json");

fn abnormal_vectors() -> Vec<Value> {
    let text = std::fs::read_to_string(VECTORS).unwrap_or_else(|e| panic!("cannot read {VECTORS}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases: Vec<Value> = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"].as_str().unwrap().ends_with("-abnormal-report"))
        .cloned()
        .collect();
    assert_eq!(cases.len(), 3, "md5, hmac and hmac-sha256 abnormal-report vectors");
    cases
}

#[test]
fn the_generated_abnormal_report_request_signs_like_the_vectors() {
    let req = full_report_request().expect("the vectors' request is valid");
    for case in abnormal_vectors() {
        let name = case["name"].as_str().unwrap();
        let p = |k: &str| case["params"][k].as_str().map(str::to_owned);
        let mut builder = Client::builder(p("app_key").unwrap(), case["secret"].as_str().unwrap())
            .sign_method(p("sign_method").unwrap().parse().unwrap())
            .simplify(p("simplify").as_deref() == Some("true"));
        if let Some(partner) = p("partner_id") {
            builder = builder.partner_id(partner);
        }
        let client = builder.build().unwrap();
        let mut options = CallOptions::new().timestamp(parse_gmt8(&p("timestamp").unwrap()).unwrap());
        if let Some(session) = p("session") {
            options = options.session(session);
        }
        let call = client.prepare(&req, &options).unwrap();
        assert_eq!(call.field("timestamp"), Some(T));
        assert_eq!(
            call.field("abnormal_report_request"),
            p("abnormal_report_request").as_deref(),
            "case {name}: the generated JSON text differs from the Java SDK's"
        );
        assert_eq!(call.sign(), case["expected_sign"].as_str().unwrap(), "case {name}");
    }
}

#[tokio::test]
async fn generated_requests_round_trip_through_the_mock() {
    let gw = MockGateway::start_default().unwrap();
    let client = Client::builder(gw.app_key(), taobao_api::mock::DEFAULT_APP_SECRET)
        .gateway(gw.url())
        .build()
        .unwrap();
    let resp = client
        .execute(&full_report_request().unwrap(), Some("token"))
        .await
        .unwrap();
    let spi = resp.spi_result.expect("the page's example has spi_result");
    assert_eq!(spi.success, Some(true));
    assert_eq!(
        spi.abnormal_report_res_dto.and_then(|d| d.order_code).as_deref(),
        Some("MFA000000012001")
    );
    let r = &gw.requests()[0];
    assert_eq!(r.rejected_with, None);
    assert!(
        r.param("abnormal_report_request")
            .unwrap()
            .contains("\"supplier_id\":\"100000001\"")
    );

    // A scripted platform error comes back typed for generated requests too.
    gw.push_reply(
        LogisticsOpenalibityWriteRequest::METHOD,
        Reply::error(50, "Remote service error").sub("isv.invalid-parameter", "非法参数"),
    );
    let write = LogisticsOpenalibityWriteRequest::builder()
        .general_logistics_data_write_request(
            taobao_api::taobao_logistics_openalibity_write::GeneralLogisticsDataWriteRequest::builder()
                .cp_code("ZTO")
                .mail_no("881772767996")
                .extend_param("{}")
                .scene("DELIVERY_HOME")
                .build(),
        )
        .build()
        .unwrap();
    let err = client.execute(&write, None).await.unwrap_err();
    assert!(
        matches!(&err, Error::Platform { code: 50, sub_msg: Some(m), .. } if m == "非法参数"),
        "{err:?}"
    );
    let ok = client.execute(&write, None).await.unwrap();
    assert_eq!(ok.result_success, Some(true));
}

#[tokio::test]
async fn every_generated_api_is_served_and_checks_its_required_params() {
    let gw = MockGateway::start_default().unwrap();
    let client = Client::builder(gw.app_key(), taobao_api::mock::DEFAULT_APP_SECRET)
        .gateway(gw.url())
        .build()
        .unwrap();
    assert!(!taobao_api::APIS.is_empty());
    for api in taobao_api::APIS {
        let result = client.execute_raw(api.method, &Params::new(), None).await;
        if api.required_params.is_empty() {
            assert!(result.is_ok(), "{}: {result:?}", api.method);
        } else {
            let err = result.unwrap_err();
            assert_eq!(err.code(), Some(40), "{}: {err}", api.method);
            assert!(
                err.to_string().contains(api.required_params[0]),
                "{}: {err}",
                api.method
            );
        }
    }
}
