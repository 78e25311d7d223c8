//! The generated bindings: one module per spec file in `specs/` (the workspace's), expanded by
//! `taobao_api_macros::include_specs!` at build time. Adding an API is dropping its doc page
//! into `specs/`; `build.rs` makes cargo re-expand when a file is added or removed.
//!
//! Each module (`taobao_logistics_express_abnormal_report`) holds the request, its builder,
//! nested DTOs, open enums, the response, `INFO` and `ERROR_CODES`; the request, builder and
//! response are re-exported at the crate root under the official SDK names
//! (`LogisticsExpressAbnormalReportRequest`), next to `APIS` and `ALL_METHODS`.

taobao_api_macros::include_specs!("../specs");
