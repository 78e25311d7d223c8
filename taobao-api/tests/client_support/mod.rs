//! Shared by the client and mock integration tests: hand-written `TopRequest`s (shaped like the
//! generated ones) and helpers to start the mock gateway and a client pointed at it.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

pub mod abnormal;

use serde::Deserialize;
use std::time::Duration;
use taobao_api::mock::MockGateway;
use taobao_api::{
    Access, ApiInfo, ClientBuilder, FileItem, Params, RetryPolicy, TopRequest, ValidationError, Violation,
    ViolationKind,
};

pub const APP_KEY: &str = "23456789";
pub const SECRET: &str = "s3cr3t-Do-Not-Print-0f1e2d3c";
pub const SESSION: &str = "6101session-Do-Not-Print-a4b5c6d7e8f9";

pub const REPORT: &str = "taobao.logistics.express.abnormal.report";
pub const UPLOAD: &str = "taobao.picture.upload";

pub static REPORT_API: ApiInfo = ApiInfo {
    method: REPORT,
    title: "快递异常上报",
    required_params: &["abnormal_report_request"],
    file_params: &[],
    response_example: Some(
        r#"{"logistics_express_abnormal_report_response":{"spi_result":{"abnormal_report_res_dto":{"order_code":"MFA000000012001","related_biz_code":"975732022081832762"},"success":true,"retry":true,"error_code":"CREATE_NOT_EXIST","error_message":"创建错误"},"request_id":"example-id"}}"#,
    ),
    access: Access::Write,
};

pub static UPLOAD_API: ApiInfo = ApiInfo {
    method: UPLOAD,
    title: "上传单张图片",
    required_params: &["img", "picture_category_id"],
    file_params: &["img"],
    response_example: None,
    access: Access::Write,
};

/// A cut-down abnormal.report request: one required DTO field with a length rule.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub abnormal_order_id: String,
    pub abnormal_remark: Option<String>,
}

impl ReportRequest {
    pub fn valid() -> Self {
        ReportRequest {
            abnormal_order_id: "100000001".into(),
            abnormal_remark: Some("天气原因 & 1+1=2".into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReportResponse {
    #[serde(default)]
    pub spi_result: Option<SpiResult>,
    #[serde(default)]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SpiResult {
    #[serde(default)]
    pub success: Option<bool>,
    #[serde(default)]
    pub error_code: Option<String>,
    #[serde(default)]
    pub abnormal_report_res_dto: Option<ResDto>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ResDto {
    #[serde(default)]
    pub order_code: Option<String>,
}

impl TopRequest for ReportRequest {
    const METHOD: &'static str = REPORT;
    type Response = ReportResponse;

    fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Vec::new();
        let path = "abnormal_report_request.abnormal_order_id";
        if self.abnormal_order_id.trim().is_empty() {
            v.push(Violation::new(path, ViolationKind::Missing));
        } else if self.abnormal_order_id.encode_utf16().count() > 32 {
            let actual = self.abnormal_order_id.encode_utf16().count() as u64;
            v.push(Violation::new(path, ViolationKind::TooLong { max: 32, actual }));
        }
        ValidationError::check(v)
    }

    fn write_params(&self, params: &mut Params) {
        let mut dto = serde_json::Map::new();
        dto.insert("abnormal_order_id".into(), self.abnormal_order_id.clone().into());
        if let Some(r) = &self.abnormal_remark {
            dto.insert("abnormal_remark".into(), r.clone().into());
        }
        params.insert_text("abnormal_report_request", serde_json::Value::Object(dto).to_string());
    }

    fn info() -> &'static ApiInfo {
        &REPORT_API
    }
}

/// A file upload: a text and a `byte[]` parameter.
#[derive(Debug, Clone)]
pub struct UploadRequest {
    pub picture_category_id: i64,
    pub img: FileItem,
}

impl TopRequest for UploadRequest {
    const METHOD: &'static str = UPLOAD;
    type Response = serde_json::Value;

    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }

    fn write_params(&self, params: &mut Params) {
        params.insert_text("picture_category_id", self.picture_category_id.to_string());
        params.insert_file("img", self.img.clone());
    }

    fn info() -> &'static ApiInfo {
        &UPLOAD_API
    }
}

/// A mock serving both APIs with [`APP_KEY`] / [`SECRET`].
pub fn mock() -> MockGateway {
    MockGateway::builder()
        .credentials(APP_KEY, SECRET)
        .api(&REPORT_API)
        .api(&UPLOAD_API)
        .start()
        .expect("start the mock gateway")
}

/// Fast retries so tests stay short.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        max_stated_wait: Duration::from_secs(2),
    }
}

/// A client for `gw` with the right credentials and fast retries.
pub fn client_for(gw: &MockGateway) -> ClientBuilder {
    taobao_api::Client::builder(APP_KEY, SECRET)
        .gateway(gw.url())
        .retry(fast_retries())
        .request_timeout(Duration::from_secs(10))
}
