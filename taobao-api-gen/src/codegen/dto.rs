//! Nested request objects (DTOs): every field `Option<T>` (the object's required fields are
//! checked by validation, which runs for the whole tree from the request), a builder whose
//! `build()` never fails, the Java-SDK JSON encoding (`ToJson`, members sorted by Java property
//! name) and the checks (`Validate`).

use super::docs;
use super::model::{Field, Struct};
use super::request::setter;
use super::types::{option, rust_type};
use super::validate::field_checks;
use crate::naming::{self, ident};
use proc_macro2::TokenStream;
use quote::quote;

/// One request DTO with its builder and impls.
pub(crate) fn emit(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let builder = ident(&format!("{}Builder", s.name));
    let mut doc_lines = docs::description(s.owner, &s.name);
    doc_lines.push(String::new());
    doc_lines.push(format!(
        "Type {} of request field {}; sent as JSON text.",
        docs::code(s.owner.ty.display_name()),
        docs::code(&s.owner.name)
    ));
    let doc = docs::attrs(&doc_lines);
    let allow = non_camel(&s.name);
    let fields = s.fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = option(rust_type(&f.kind));
        let d = docs::attrs(&docs::field(f.param, true, f.note.as_deref()));
        quote!(#d pub #id: #ty,)
    });
    let setters = s.fields.iter().map(|f| {
        let id = ident(&f.ident);
        setter(f, quote!(self.inner.#id))
    });

    let mut sorted: Vec<&Field> = s.fields.iter().collect();
    sorted.sort_by_key(|f| naming::java_property(&f.param.name));
    let members = sorted.iter().map(|f| {
        let id = ident(&f.ident);
        let wire = f.param.name.as_str();
        quote!(__obj.member(#wire, self.#id.as_ref());)
    });

    let sibling = |f: &Field| {
        let id = ident(&f.ident);
        quote!(self.#id.as_ref())
    };
    let parent = quote!(path);
    let checks: TokenStream = s
        .fields
        .iter()
        .map(|f| {
            let id = ident(&f.ident);
            field_checks(f, quote!(self.#id.as_ref()), &s.fields, &sibling, &parent)
        })
        .collect();
    let checks = if checks.is_empty() {
        quote!(let _ = (path, __out);)
    } else {
        checks
    };
    let builder_doc = format!(
        " Builder of [`{}`]; `build()` never fails: the request checks the whole tree.",
        s.name
    );

    quote! {
        #doc
        #allow
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct #name {
            #(#fields)*
        }

        #allow
        impl #name {
            /// Starts a builder with nothing set.
            pub fn builder() -> #builder {
                <#builder as ::std::default::Default>::default()
            }
        }

        #[doc = #builder_doc]
        #allow
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[must_use]
        pub struct #builder {
            inner: #name,
        }

        #allow
        impl #builder {
            #(#setters)*

            /// The object (checked when the request is built or validated).
            pub fn build(self) -> #name {
                self.inner
            }
        }

        #allow
        impl ::taobao_api::json::ToJson for #name {
            fn write_json(&self, out: &mut ::std::string::String) {
                let mut __obj = ::taobao_api::json::JsonObject::begin(out);
                #(#members)*
                __obj.end();
            }
        }

        #allow
        impl ::taobao_api::checks::Validate for #name {
            fn validate_into(&self, path: &str, __out: &mut ::std::vec::Vec<::taobao_api::Violation>) {
                #checks
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
