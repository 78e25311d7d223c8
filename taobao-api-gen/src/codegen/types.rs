//! Rust type tokens of planned field kinds. Every path is absolute (`::std::...`,
//! `::taobao_api::...`) so a spec type named `Option`, `Result` or `String` cannot shadow one.

use super::model::Kind;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The type of a field value (without the `Option`).
pub(crate) fn rust_type(kind: &Kind) -> TokenStream {
    match kind {
        Kind::Text => quote!(::std::string::String),
        Kind::Number => quote!(i64),
        Kind::Bool => quote!(bool),
        Kind::Date => quote!(::taobao_api::Timestamp),
        Kind::Decimal => quote!(::taobao_api::Decimal),
        Kind::Value => quote!(::taobao_api::JsonValue),
        Kind::Map => quote!(::std::collections::BTreeMap<::std::string::String, ::std::string::String>),
        Kind::File => quote!(::taobao_api::FileItem),
        Kind::Enum(name) | Kind::Object(name) => {
            let id = ident(name);
            quote!(#id)
        }
        Kind::List(inner) => {
            let inner = rust_type(inner);
            quote!(::std::vec::Vec<#inner>)
        }
    }
}

/// `Option<T>`.
pub(crate) fn option(ty: TokenStream) -> TokenStream {
    quote!(::std::option::Option<#ty>)
}
