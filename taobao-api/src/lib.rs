// The crate documentation is the package README, so crates.io and docs.rs show one page and
// its examples run as doctests (`cargo test -p taobao-api --doc`).
#![doc = include_str!("../README.md")]
// The README shows an application's build script, whose `fn main` is the point of the example.
#![allow(clippy::needless_doctest_main)]
#![deny(missing_docs)]
// docs.rs (nightly, `--cfg docsrs`): badge feature-gated items such as `mock` and `blocking`.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names runtime items as `::taobao_api::...`; this makes that path work inside
// this crate too.
extern crate self as taobao_api;

pub mod client;
pub mod error;
pub mod json;
#[cfg(feature = "mock")]
pub mod mock;
pub mod model;
pub mod request;
pub mod response;
pub mod retry;
pub mod sign;
pub mod time;
pub mod validation;
pub mod value;

/// Date and time types of the `chrono` version this crate uses (for [`Timestamp`] conversions).
pub use chrono;
#[cfg(feature = "blocking")]
pub use client::blocking;
pub use client::{CallOptions, Client, ClientBuilder, PRODUCTION_GATEWAY, PreparedCall, SANDBOX_GATEWAY};
pub use error::Error;
pub use model::DecodeWarning;
pub use request::{Access, ApiInfo, FileItem, ParamValue, Params, TopRequest};
pub use response::TopResponse;
pub use retry::RetryPolicy;
/// Decimal money and `BigDecimal` values (Price fields).
pub use rust_decimal::Decimal;
/// Free-form JSON values (`Json`/`Map` response fields, objects without documented fields).
pub use serde_json::Value as JsonValue;
pub use sign::SignMethod;
/// Expands an application's own spec files into bindings, as this crate does for its `specs/`:
/// `taobao_api::include_specs!("specs");` (see [Your own specs](crate#your-own-specs)).
pub use taobao_api_macros::include_specs;
pub use validation::{ValidationError, Violation, ViolationKind};
pub use value::{ErrorCodeDoc, Timestamp};

/// Crates that generated bindings name through this crate, so users need no extra dependency.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}

// The generated bindings: one module per spec file in this crate's `specs/` (the repository
// root's `specs/` is a symlink to it, and the published crate carries the folder), each behind
// the cargo feature of its API family, plus the official-name re-exports, `APIS` and
// `ALL_METHODS` (docs/generated-code.md, docs/families.md). Expanded here, at the crate root,
// so the APIs are documented at the paths applications use (`taobao_api::taobao_logistics_…`).
// Adding an API is dropping its doc page into `specs/`: `build.rs` makes cargo re-expand when a
// file is added or removed, and the expansion's `include_bytes!` of each spec when one is edited.
taobao_api_macros::include_specs!("specs", features);
