//! Shared by the test files: the test-only bindings of `tests/fixtures/` and the seed page's
//! Java example as a builder call.
#![allow(dead_code, reason = "each test file uses a part")]

/// Bindings of the fixtures: the abnormal.report IR with the enums and rules of issue 3
/// (what the description analysis yields), and a record whose names are keywords and prelude
/// names.
pub mod fixtures {
    taobao_api_macros::include_specs!("fixtures");
}

/// Path of a file under `../shared` (next to the repository), if that folder exists.
pub fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")).join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("note: {} not found; skipping", path.display());
        None
    }
}

/// The seed page's Java request example, as a builder call, for any module generated from the
/// abnormal.report spec (`$m`): with or without typed enums (setters take `impl Into<_>`).
#[macro_export]
macro_rules! java_example {
    ($m:path) => {{
        use $m as m;
        m::AbnormalReportReqDto::builder()
            .service_type("10")
            .abnormal_remark("天气原因")
            .supplier_id("100000001")
            .abnormal_type("10001")
            .picture_info_list(vec![
                m::PictureInfoReqDto::builder()
                    .pic_url("http://ssss.xxxx.com/xxx.jpg")
                    .pic_upload_time("2024-03-28 16:38:11")
                    .build(),
            ])
            .operate_time("2024-03-28 16:38:11")
            .abnormal_result("1001")
            .abnormal_reason("1001")
            .abnormal_node("TMS_DELIVERING")
            .abnormal_order_id("100000001")
            .mail_no("773277523041406")
            .extend_props("{}")
            .phone_call_info_list(vec![$crate::phone_call!(m).build()])
            .related_biz_code("LSO174Z0029753003_1713246414922")
            .delivery_code("STO")
            .operator(m::OperatorDTO::builder().name("张三").mobile("18044455999").build())
            .abnormal_sites(vec![
                m::TmsSitesDTO::builder()
                    .site_type("1")
                    .site_code("234")
                    .site_name("杭州站点")
                    .build(),
            ])
    }};
}

/// The example's phone-call element builder.
#[macro_export]
macro_rules! phone_call {
    ($m:ident) => {
        $m::PhoneCallInfoReqDto::builder()
            .connect_time_length(10)
            .phone_call_type("NORMAL")
            .hang_up_type("CUSTOMER_HAND_UP")
            .phone_call_result_remark("放门卫处,放楼下便利店")
            .phone_call_operator_phone("13600000000")
            .phone_call_consumer_phone("13600000000")
            .phone_call_operator_name("张三")
            .phone_chat_url("http://ssss.xxxx.com/xxx.mp3")
            .phone_call_demand_change_time("2024-03-28 16:38:11")
            .connect_time("2024-03-28 16:38:11")
            .connection_status("CONNECTED")
            .call_time("2024-03-28 16:38:11")
            .hang_up_time("2024-03-28 16:38:11")
    };
}

/// What the official Java SDK sends as `abnormal_report_request` for the Java example
/// (hand-copied from the `md5-abnormal-report` sign vector; a test also compares with the file).
pub const JAVA_JSON: &str = r#"{"abnormal_node":"TMS_DELIVERING","abnormal_order_id":"100000001","abnormal_reason":"1001","abnormal_remark":"天气原因","abnormal_result":"1001","abnormal_sites":[{"site_code":"234","site_name":"杭州站点","site_type":"1"}],"abnormal_type":"10001","delivery_code":"STO","extend_props":"{}","mail_no":"773277523041406","operate_time":"2024-03-28 16:38:11","operator":{"mobile":"18044455999","name":"张三"},"phone_call_info_list":[{"call_time":"2024-03-28 16:38:11","connect_time":"2024-03-28 16:38:11","connect_time_length":10,"connection_status":"CONNECTED","hang_up_time":"2024-03-28 16:38:11","hang_up_type":"CUSTOMER_HAND_UP","phone_call_consumer_phone":"13600000000","phone_call_demand_change_time":"2024-03-28 16:38:11","phone_call_operator_name":"张三","phone_call_operator_phone":"13600000000","phone_call_result_remark":"放门卫处,放楼下便利店","phone_call_type":"NORMAL","phone_chat_url":"http:\/\/ssss.xxxx.com\/xxx.mp3"}],"picture_info_list":[{"pic_upload_time":"2024-03-28 16:38:11","pic_url":"http:\/\/ssss.xxxx.com\/xxx.jpg"}],"related_biz_code":"LSO174Z0029753003_1713246414922","service_type":"10","supplier_id":"100000001"}"#;
