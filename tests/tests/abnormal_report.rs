//! issue 4 "Done when" on taobao.logistics.express.abnormal.report: whole-tree validation with
//! exact paths, the conditional rule, the enum escape hatch, the Java-SDK encoding byte for
//! byte, and tolerant response decoding. Run against the test fixture (enums and rules as
//! issue 3 specifies them) and, where no enum or rule is involved, against `taobao_api` itself
//! (the bindings of `specs/`).

mod common;

use common::fixtures::taobao_logistics_express_abnormal_report as ar;
use common::{JAVA_JSON, shared};
use std::collections::BTreeMap;
use taobao_api::{Params, TopRequest, ViolationKind};

fn texts(params: &Params) -> BTreeMap<String, String> {
    params.texts().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn build_reports_missing_supplier_id_and_the_bad_list_element_together() {
    let mut dto = java_example!(ar).build();
    dto.supplier_id = None;
    let mut call = phone_call!(ar).build();
    call.phone_call_type = None;
    call.call_time = Some("  ".into());
    dto.phone_call_info_list = Some(vec![phone_call!(ar).build(), call]);
    let err = ar::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(dto)
        .build()
        .unwrap_err();
    assert_eq!(
        err.paths(),
        [
            "abnormal_report_request.supplier_id",
            "abnormal_report_request.phone_call_info_list[1].phone_call_type",
            "abnormal_report_request.phone_call_info_list[1].call_time",
        ]
    );
    assert!(err.violations.iter().all(|v| v.kind == ViolationKind::Missing));
    assert_eq!(
        err.to_string(),
        "3 invalid field(s)\n  - abnormal_report_request.supplier_id: required but missing\n  \
         - abnormal_report_request.phone_call_info_list[1].phone_call_type: required but missing\n  \
         - abnormal_report_request.phone_call_info_list[1].call_time: required but missing"
    );
}

#[test]
fn a_request_assembled_at_run_time_validates_the_same_way() {
    let mut req = ar::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(java_example!(ar).build())
        .build()
        .unwrap();
    assert_eq!(req.validate(), Ok(()));
    req.abnormal_report_request.delivery_code = Some(String::new());
    let err = req.validate().unwrap_err();
    assert_eq!(err.paths(), ["abnormal_report_request.delivery_code"]);
    // A missing top-level object is reported by the builder.
    let err = ar::LogisticsExpressAbnormalReportRequest::builder()
        .build()
        .unwrap_err();
    assert_eq!(err.paths(), ["abnormal_report_request"]);
}

#[test]
fn abnormal_result_is_required_when_service_type_is_1() {
    let mut dto = java_example!(ar).service_type("1").build();
    dto.abnormal_result = None;
    let err = ar::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(dto.clone())
        .build()
        .unwrap_err();
    assert_eq!(err.paths(), ["abnormal_report_request.abnormal_result"]);
    assert_eq!(
        err.violations[0].kind,
        ViolationKind::MissingWhen {
            field: "abnormal_report_request.service_type".into(),
            equals: "1".into()
        }
    );
    dto.service_type = Some(ar::ServiceType::V10);
    assert!(
        ar::LogisticsExpressAbnormalReportRequest::builder()
            .abnormal_report_request(dto)
            .build()
            .is_ok()
    );
}

#[test]
fn undocumented_enum_values_round_trip_through_other() {
    let node: ar::AbnormalNode = "TMS_NEW_NODE".parse().unwrap();
    assert_eq!(node, ar::AbnormalNode::Other("TMS_NEW_NODE".into()));
    assert!(!node.is_documented());
    assert_eq!(ar::AbnormalNode::from("TMS_SIGN"), ar::AbnormalNode::TmsSign);
    assert_eq!(
        ar::ConnectionStatus::DOCUMENTED,
        ["NOT_CONNECT", "CONNECTED", "NOBODY_ANSWER"]
    );
    // Encode: the caller's undocumented value is sent verbatim and passes validation.
    let req = ar::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(java_example!(ar).abnormal_node(node.clone()).build())
        .build()
        .unwrap();
    let mut params = Params::new();
    req.write_params(&mut params);
    let json = params.text("abnormal_report_request").unwrap();
    assert!(json.starts_with(r#"{"abnormal_node":"TMS_NEW_NODE","#), "{json}");
    // Decode: serde and FromStr keep it; Display gives it back.
    let back: ar::AbnormalNode = serde_json::from_str(r#""TMS_NEW_NODE""#).unwrap();
    assert_eq!(back, node);
    assert_eq!(back.to_string(), "TMS_NEW_NODE");
    assert_eq!(serde_json::to_string(&back).unwrap(), r#""TMS_NEW_NODE""#);
    let numeric: ar::ServiceType = serde_json::from_str("12").unwrap();
    assert_eq!(numeric, ar::ServiceType::Other("12".into()));
    assert_eq!(
        serde_json::from_str::<ar::ServiceType>("1").unwrap(),
        ar::ServiceType::V1
    );
}

/// The encoded params of the full Java example equal the hand-written map, in the fixture
/// bindings (typed enums) and in `taobao_api`'s own (from `specs/`).
#[test]
fn encoded_params_equal_the_java_sdk() {
    let expected = BTreeMap::from([("abnormal_report_request".to_string(), JAVA_JSON.to_string())]);
    let fixture = ar::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(java_example!(ar).build())
        .build()
        .unwrap();
    let mut params = Params::new();
    fixture.write_params(&mut params);
    assert_eq!(texts(&params), expected);
    assert!(!params.has_files());

    let seed = taobao_api::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(java_example!(taobao_api::taobao_logistics_express_abnormal_report).build())
        .build()
        .unwrap();
    let mut params = Params::new();
    seed.write_params(&mut params);
    assert_eq!(texts(&params), expected);
}

#[test]
fn encoding_matches_the_sign_vector_file_byte_for_byte() {
    let Some(path) = shared("protocol/sign-vectors.json") else {
        return;
    };
    let vectors: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let case = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "md5-abnormal-report")
        .expect("the md5-abnormal-report case");
    let want = case["params"]["abnormal_report_request"].as_str().unwrap();
    let req = taobao_api::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(java_example!(taobao_api::taobao_logistics_express_abnormal_report).build())
        .build()
        .unwrap();
    let mut params = Params::new();
    req.write_params(&mut params);
    assert_eq!(params.text("abnormal_report_request"), Some(want));
    assert_eq!(want, JAVA_JSON);
}

#[test]
fn responses_decode_tolerantly() {
    // Unknown members, a boolean as a string, a number where a string is declared, nulls.
    let body = r#"{"spi_result":{"abnormal_report_res_dto":{"order_code":"MFA1","related_biz_code":975732022081832762,
        "new_field":[1,2]},"success":"true","retry":false,"error_code":null,"brand_new":{"x":1}},"request_id":"abc"}"#;
    let rsp: ar::LogisticsExpressAbnormalReportResponse = serde_json::from_str(body).unwrap();
    let spi = rsp.spi_result.unwrap();
    assert_eq!(spi.success, Some(true));
    assert_eq!(spi.retry, Some(false));
    assert_eq!(spi.error_code, None);
    let dto = spi.abnormal_report_res_dto.unwrap();
    assert_eq!(dto.related_biz_code.as_deref(), Some("975732022081832762"));
    assert_eq!(
        serde_json::from_str::<ar::LogisticsExpressAbnormalReportResponse>("{}").unwrap(),
        Default::default()
    );
    // A clearly wrong shape leaves the field `None` and says so: nothing is dropped silently.
    let rsp: ar::LogisticsExpressAbnormalReportResponse =
        serde_json::from_str(r#"{"spi_result":{"success":[1],"retry":true}}"#).unwrap();
    assert_eq!(rsp.spi_result.as_ref().unwrap().success, None);
    assert_eq!(rsp.spi_result.as_ref().unwrap().retry, Some(true));
    let warnings: Vec<String> = rsp.decode_warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["spi_result.success: expected a boolean, found an array `[1]`"]
    );
}

#[test]
fn the_response_example_is_the_json_body_and_decodes() {
    let example = taobao_api::taobao_logistics_express_abnormal_report::INFO
        .response_example
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(example).unwrap();
    let inner = &body["logistics_express_abnormal_report_response"];
    assert_eq!(inner["spi_result"]["success"], serde_json::Value::Bool(true));
    assert_eq!(
        inner["spi_result"]["abnormal_report_res_dto"]["order_code"],
        "MFA000000012001"
    );
    let rsp: taobao_api::LogisticsExpressAbnormalReportResponse = serde_json::from_value(inner.clone()).unwrap();
    assert_eq!(rsp.spi_result.unwrap().error_message.as_deref(), Some("创建错误"));
}

/// `taobao_api`'s own bindings (from `specs/`, with the parser's enums and rules) enforce the
/// same rules as the fixture.
#[test]
fn the_seed_bindings_enforce_the_same_rules() {
    use taobao_api::taobao_logistics_express_abnormal_report as seed;
    let mut dto = java_example!(seed).service_type("1").build();
    dto.supplier_id = None;
    dto.abnormal_result = None;
    let mut call = phone_call!(seed).build();
    call.phone_call_type = None;
    dto.phone_call_info_list = Some(vec![call]);
    let err = seed::LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(dto)
        .build()
        .unwrap_err();
    assert_eq!(
        err.paths(),
        [
            "abnormal_report_request.supplier_id",
            "abnormal_report_request.abnormal_result",
            "abnormal_report_request.phone_call_info_list[0].phone_call_type",
        ]
    );
    assert_eq!(
        seed::AbnormalNode::from("TMS_X"),
        seed::AbnormalNode::Other("TMS_X".into())
    );
}
