//! taobao-api: typed, validated, signed bindings for the Taobao Open Platform (TOP) APIs.
#![deny(missing_docs)]

// Generated code names runtime items as `::taobao_api::...`; this makes that path work inside
// this crate too.
extern crate self as taobao_api;

pub mod request;
pub mod validation;

pub use request::{ApiInfo, FileItem, ParamValue, Params, TopRequest};
pub use validation::{ValidationError, Violation, ViolationKind};
