//! The generated bindings: one module per spec file in this crate's `specs/` (the repository
//! root's `specs/` is a symlink to it, and the published crate carries the folder), expanded by
//! `taobao_api_macros::include_specs!` at build time. Adding an API is dropping its doc page
//! into `specs/`; `build.rs` makes cargo re-expand when a file is added or removed, and the
//! expansion's `include_bytes!` of each spec when one is edited.
//!
//! Each module (`taobao_logistics_express_abnormal_report`) holds the request, its builder,
//! nested DTOs (with infallible builders), open enums, the response, `INFO` and `ERROR_CODES`;
//! the request, builder and response are also re-exported at the crate root under the official
//! SDK names (`LogisticsExpressAbnormalReportRequest`), next to `APIS` and `ALL_METHODS`.
//!
//! # Building a validated request
//!
//! ```
//! use taobao_api::taobao_logistics_express_abnormal_report::AbnormalReportReqDto;
//! use taobao_api::{LogisticsExpressAbnormalReportRequest, Params, TopRequest};
//!
//! let report = AbnormalReportReqDto::builder()
//!     .service_type("10")
//!     .abnormal_type("10001")
//!     .operate_time("2024-03-28 16:38:11")
//!     .abnormal_reason("1001")
//!     .abnormal_order_id("100000001")
//!     .delivery_code("STO")
//!     .build(); // nested builders never fail: the request checks the whole tree
//!
//! // `build()` reports every violated rule of the tree at once, by wire-name path.
//! let err = LogisticsExpressAbnormalReportRequest::builder()
//!     .abnormal_report_request(report.clone())
//!     .build()
//!     .unwrap_err();
//! assert_eq!(err.paths(), ["abnormal_report_request.supplier_id"]);
//! assert_eq!(err.to_string(), "1 invalid field(s)\n  - abnormal_report_request.supplier_id: required but missing");
//!
//! let mut report = report;
//! report.supplier_id = Some("100000001".into());
//! let request = LogisticsExpressAbnormalReportRequest::builder().abnormal_report_request(report).build()?;
//!
//! // Encoded as the official Java SDK does: the object as compact JSON, keys sorted.
//! let mut params = Params::new();
//! request.write_params(&mut params);
//! assert_eq!(
//!     params.text("abnormal_report_request"),
//!     Some(r#"{"abnormal_order_id":"100000001","abnormal_reason":"1001","abnormal_type":"10001","delivery_code":"STO","operate_time":"2024-03-28 16:38:11","service_type":"10","supplier_id":"100000001"}"#)
//! );
//! # Ok::<(), taobao_api::ValidationError>(())
//! ```

taobao_api_macros::include_specs!("specs", features);
