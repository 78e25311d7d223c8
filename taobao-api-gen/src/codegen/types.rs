//! Rust type tokens of planned field kinds: std types through [`Paths`] (short unless a spec
//! type shadows them), runtime types under the runtime's root path.

use super::model::Kind;
use super::paths::Paths;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The type of a field value (without the `Option`).
pub(crate) fn rust_type(kind: &Kind, paths: &Paths) -> TokenStream {
    let root = paths.root();
    match kind {
        Kind::Text => paths.string(),
        Kind::Number => quote!(i64),
        Kind::Bool => quote!(bool),
        Kind::Date => quote!(#root::Timestamp),
        Kind::Decimal => quote!(#root::Decimal),
        Kind::Value => quote!(#root::JsonValue),
        Kind::Map => {
            let string = paths.string();
            quote!(::std::collections::BTreeMap<#string, #string>)
        }
        Kind::File => quote!(#root::FileItem),
        Kind::Enum(name) | Kind::Object(name) => {
            let id = ident(name);
            quote!(#id)
        }
        Kind::List(inner) => {
            let inner = rust_type(inner, paths);
            let vec = paths.vec();
            quote!(#vec<#inner>)
        }
    }
}

/// `Option<T>`.
pub(crate) fn option(ty: TokenStream, paths: &Paths) -> TokenStream {
    let option = paths.option();
    quote!(#option<#ty>)
}
