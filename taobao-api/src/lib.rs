//! taobao-api: typed, validated, signed bindings for the Taobao Open Platform (TOP) APIs.
#![deny(missing_docs)]

// Generated code names runtime items as `::taobao_api::...`; this makes that path work inside
// this crate too.
extern crate self as taobao_api;

pub mod client;
pub mod error;
#[cfg(feature = "mock")]
pub mod mock;
pub mod request;
pub mod retry;
pub mod sign;
pub mod time;
pub mod validation;

pub use request::{ApiInfo, FileItem, ParamValue, Params, TopRequest};
pub use validation::{ValidationError, Violation, ViolationKind};
#[cfg(feature = "blocking")]
pub use client::blocking;
pub use client::{CallOptions, Client, ClientBuilder, PRODUCTION_GATEWAY, PreparedCall, SANDBOX_GATEWAY};
pub use error::Error;
pub use retry::RetryPolicy;
pub use sign::SignMethod;
