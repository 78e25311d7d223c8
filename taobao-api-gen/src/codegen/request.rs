//! The request type of one API: the struct (public fields; required top-level parameters as
//! `T`, optional ones as `Option<T>`), its builder, and the `taobao_api::TopRequest` impl.
//!
//! Validation lives in one generated associated function, `check_fields`, that takes every
//! checked top-level parameter as `Option<&T>`: the builder's `build()` calls it on what was set
//! (so missing required parameters and every other violation are reported together), and
//! `TopRequest::validate` calls it on a request assembled or decoded at run time. Nested DTOs
//! are checked by the same call, so one `build()` reports the whole tree.

use super::docs;
use super::model::{Field, Kind, Plan};
use super::types::{option, rust_type};
use super::validate::field_checks;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// The request struct, its builder and its `TopRequest` impl.
pub(crate) fn emit(plan: &Plan) -> TokenStream {
    let api = plan.api;
    let name = ident(&plan.request);
    let builder = ident(&plan.builder);
    let response = ident(&plan.response);
    let method = api.name.as_str();
    let fields = &plan.request_fields;

    let mut doc_lines = vec![format!(
        "Request of {}{}.",
        docs::code(method),
        api.title
            .as_deref()
            .map(|t| format!(" ({})", docs::sanitize(t)))
            .unwrap_or_default()
    )];
    if let Some(d) = api.description.as_deref().filter(|d| Some(*d) != api.title.as_deref()) {
        doc_lines.push(String::new());
        doc_lines.extend(d.lines().map(docs::sanitize).filter(|l| !l.is_empty()));
    }
    doc_lines.push(String::new());
    doc_lines.push(format!(
        "Build it with [`{}::builder`]; `build()` reports every violated rule at once.",
        plan.request
    ));
    let doc = docs::attrs(&doc_lines);

    let struct_fields = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = rust_type(&f.kind);
        let ty = if f.param.required { ty } else { option(ty) };
        let d = docs::attrs(&docs::field(f.param, true, f.note.as_deref()));
        quote!(#d pub #id: #ty,)
    });
    let has_required = fields.iter().any(|f| f.param.required);
    let default = if has_required { quote!() } else { quote!(Default,) };

    let used = used_fields(fields);
    let checked: Vec<&Field> = fields.iter().filter(|f| used.contains(f.ident.as_str())).collect();
    let args = checked.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = rust_type(&f.kind);
        quote!(#id: ::std::option::Option<&#ty>)
    });
    let sibling = |f: &Field| {
        let id = ident(&f.ident);
        quote!(#id)
    };
    let parent = quote!("");
    let check_body: TokenStream = checked
        .iter()
        .map(|f| {
            let id = ident(&f.ident);
            field_checks(f, quote!(#id), fields, &sibling, &parent)
        })
        .collect();
    let check_body = if checked.is_empty() {
        quote!(let _ = __out;)
    } else {
        check_body
    };
    let many_args = (checked.len() > 6).then(
        || quote!(#[allow(clippy::too_many_arguments, reason = "one argument per checked parameter of the API")]),
    );

    let from_self = checked.iter().map(|f| {
        let id = ident(&f.ident);
        if f.param.required {
            quote!(::std::option::Option::Some(&self.#id))
        } else {
            quote!(self.#id.as_ref())
        }
    });
    let from_builder = checked.iter().map(|f| {
        let id = ident(&f.ident);
        quote!(self.#id.as_ref())
    });

    let writes = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let wire = f.param.name.as_str();
        let access = if f.param.required {
            quote!(::std::option::Option::Some(&self.#id))
        } else {
            quote!(self.#id.as_ref())
        };
        let put = match &f.kind {
            Kind::File => quote!(put_file),
            k if k.is_json() => quote!(put_json),
            _ => quote!(put_text),
        };
        quote!(::taobao_api::value::#put(__params, #wire, #access);)
    });

    let builder_fields = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = option(rust_type(&f.kind));
        quote!(#id: #ty,)
    });
    let setters = fields.iter().map(|f| {
        let id = ident(&f.ident);
        setter(f, quote!(self.#id))
    });
    let assemble = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let wire = f.param.name.as_str();
        if f.param.required {
            quote! {
                let ::std::option::Option::Some(#id) = self.#id else {
                    return ::std::result::Result::Err(::taobao_api::ValidationError {
                        violations: ::std::vec![::taobao_api::Violation::new(#wire, ::taobao_api::ViolationKind::Missing)],
                    });
                };
            }
        } else {
            quote!(let #id = self.#id;)
        }
    });
    let field_ids = fields.iter().map(|f| ident(&f.ident));
    let builder_doc = format!(
        " Builder of [`{}`]; `build()` checks every documented rule at once.",
        plan.request
    );

    quote! {
        #doc
        #[doc(alias = #method)]
        #[derive(Debug, Clone, PartialEq, Eq, #default)]
        pub struct #name {
            #(#struct_fields)*
        }

        impl #name {
            /// Starts a builder with nothing set.
            pub fn builder() -> #builder {
                <#builder as ::std::default::Default>::default()
            }

            #many_args
            fn check_fields(
                __out: &mut ::std::vec::Vec<::taobao_api::Violation>,
                #(#args),*
            ) {
                #check_body
            }
        }

        impl ::taobao_api::TopRequest for #name {
            const METHOD: &'static str = #method;
            type Response = #response;

            fn validate(&self) -> ::std::result::Result<(), ::taobao_api::ValidationError> {
                let mut __out = ::std::vec::Vec::new();
                Self::check_fields(&mut __out, #(#from_self),*);
                ::taobao_api::ValidationError::check(__out)
            }

            fn write_params(&self, __params: &mut ::taobao_api::Params) {
                #(#writes)*
            }

            fn info() -> &'static ::taobao_api::ApiInfo {
                &INFO
            }
        }

        #[doc = #builder_doc]
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[must_use]
        pub struct #builder {
            #(#builder_fields)*
        }

        impl #builder {
            #(#setters)*

            /// Checks every documented rule of the whole request tree and returns the request,
            /// or every violation with its path.
            pub fn build(self) -> ::std::result::Result<#name, ::taobao_api::ValidationError> {
                let mut __out = ::std::vec::Vec::new();
                #name::check_fields(&mut __out, #(#from_builder),*);
                ::taobao_api::ValidationError::check(__out)?;
                #(#assemble)*
                ::std::result::Result::Ok(#name { #(#field_ids),* })
            }
        }
    }
}

/// A consuming setter: `fn field(mut self, value: impl Into<T>) -> Self`; `target` is the
/// place to store `Some(value)` in.
pub(crate) fn setter(f: &Field, target: TokenStream) -> TokenStream {
    let setter = ident(&f.setter);
    let ty = rust_type(&f.kind);
    let mut lines = docs::description(f.param, &f.param.name);
    lines.truncate(1);
    lines.push(String::new());
    lines.push(format!("Sets {}.", docs::code(&f.param.name)));
    let d = docs::attrs(&lines);
    quote! {
        #d
        pub fn #setter(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
            #target = ::std::option::Option::Some(value.into());
            self
        }
    }
}

/// Idents of the fields `check_fields` needs: those with checks, and siblings that
/// `RequiredWhen` rules read.
fn used_fields<'a>(fields: &'a [Field]) -> BTreeSet<&'a str> {
    let mut used = BTreeSet::new();
    let noop = |_: &Field| quote!(x);
    for f in fields {
        if !field_checks(f, quote!(x), fields, &noop, &quote!("")).is_empty() {
            used.insert(f.ident.as_str());
        }
        for rule in &f.param.rules {
            if let crate::ir::Rule::RequiredWhen { field, .. } = rule
                && let Some(s) = fields.iter().find(|s| &s.param.name == field)
                && !s.kind.is_json()
                && !matches!(s.kind, Kind::File | Kind::Value)
            {
                used.insert(s.ident.as_str());
            }
        }
    }
    used
}
