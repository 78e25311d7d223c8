//! Shared by the client and mock integration tests: hand-written `TopRequest`s (shaped like the
//! generated ones) and helpers to start the mock gateway and a client pointed at it.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

pub mod abnormal;

use std::time::Duration;
use taobao_api::mock::MockGateway;
use taobao_api::model::{FieldSpec, Object, Schema, ValueRef};
use taobao_api::{
    Access, ApiInfo, ClientBuilder, FileItem, LogisticsCompaniesGetResponse, LogisticsExpressAbnormalReportResponse,
    RetryPolicy, TopRequest,
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
    request_schema: &REPORT_SCHEMA,
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
    request_schema: &UPLOAD_SCHEMA,
    response_example: None,
    access: Access::Write,
};

/// A cut-down abnormal.report request, written by hand against the object model the generated
/// requests use: one required DTO parameter with a required field that has a length rule.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub abnormal_report_request: ReportDto,
}

/// The DTO of [`ReportRequest`].
#[derive(Debug, Clone)]
pub struct ReportDto {
    pub abnormal_order_id: String,
    pub abnormal_remark: Option<String>,
}

impl ReportRequest {
    pub fn valid() -> Self {
        Self::with("100000001", Some("天气原因 & 1+1=2"))
    }

    pub fn with(order_id: &str, remark: Option<&str>) -> Self {
        ReportRequest {
            abnormal_report_request: ReportDto {
                abnormal_order_id: order_id.into(),
                abnormal_remark: remark.map(Into::into),
            },
        }
    }
}

static REPORT_SCHEMA: Schema = Schema::new("ReportRequest", &[FieldSpec::new("abnormal_report_request").required()]);

impl Object for ReportRequest {
    fn schema(&self) -> &'static Schema {
        &REPORT_SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        (index == 0).then_some(ValueRef::Object(&self.abnormal_report_request))
    }
}

impl Object for ReportDto {
    fn schema(&self) -> &'static Schema {
        static SCHEMA: Schema = Schema::new(
            "ReportDto",
            &[
                FieldSpec::new("abnormal_order_id").required().max_length(32),
                FieldSpec::new("abnormal_remark"),
            ],
        );
        &SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        match index {
            0 => Some(ValueRef::Text(&self.abnormal_order_id)),
            1 => self.abnormal_remark.as_deref().map(ValueRef::Text),
            _ => None,
        }
    }
}

impl TopRequest for ReportRequest {
    const METHOD: &'static str = REPORT;
    type Response = LogisticsExpressAbnormalReportResponse;

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

static UPLOAD_SCHEMA: Schema = Schema::new(
    "UploadRequest",
    &[
        FieldSpec::new("picture_category_id").required(),
        FieldSpec::new("img").required(),
    ],
);

impl Object for UploadRequest {
    fn schema(&self) -> &'static Schema {
        &UPLOAD_SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        match index {
            0 => Some(ValueRef::Number(self.picture_category_id)),
            1 => Some(ValueRef::File(&self.img)),
            _ => None,
        }
    }
}

impl TopRequest for UploadRequest {
    const METHOD: &'static str = UPLOAD;
    type Response = LogisticsCompaniesGetResponse;

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
