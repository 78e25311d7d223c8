//! Nested request objects (DTOs): every field `Option<T>` (the object's required fields are
//! checked by validation, which runs for the whole tree from the request), chainable setters on
//! the type itself (`Dto::builder().a(..).b(..).build()`: nothing to fail, the request checks
//! the tree), and the schema the runtime validates and encodes from (members in the Java SDK's
//! JSON order and keys).

use super::docs;
use super::model::Struct;
use super::object::request_dto_entries;
use super::paths::Paths;
use super::types::{option, rust_type};
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// One request DTO with its setters and impls.
pub(crate) fn emit(s: &Struct, paths: &Paths) -> TokenStream {
    let root = paths.root();
    let name = ident(&s.name);
    let doc = docs::attrs(&docs::description(s.owner, || {
        format!("Object of request field {}.", docs::code(&s.owner.name))
    }));
    let allow = non_camel(&s.name);
    let fields = s.fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = option(rust_type(&f.kind, paths), paths);
        let d = docs::attrs(&docs::field(f.param, &f.ident, true, f.note.as_deref()));
        quote!(#d pub #id: #ty,)
    });
    let entries = request_dto_entries(&s.fields, paths);

    quote! {
        #doc
        #allow
        #[derive(Clone, Default)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }

        #root::request_dto! {
            #name {
                #(#entries),*
            }
        }
    }
}

/// `#[allow(non_camel_case_types)]` for spec type names kept verbatim that rustc's lint would
/// reject (`Top_Result`); mirrors the lint's rule: `_` next to a cased letter, `__`, or a
/// lower-case first letter.
pub(crate) fn non_camel(name: &str) -> TokenStream {
    let trimmed = name.trim_matches('_');
    let chars: Vec<char> = trimmed.chars().collect();
    let cased = |c: char| c.is_lowercase() || c.is_uppercase();
    let bad = trimmed.starts_with(char::is_lowercase)
        || trimmed.contains("__")
        || chars
            .windows(2)
            .any(|w| (cased(w[0]) && w[1] == '_') || (w[0] == '_' && cased(w[1])));
    if bad {
        quote!(#[allow(non_camel_case_types, reason = "the spec's type name, kept verbatim")])
    } else {
        quote!()
    }
}
