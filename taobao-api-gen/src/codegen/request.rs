//! The request type of one API: the struct (public fields; required top-level parameters as
//! `T`, optional ones as `Option<T>`), its builder, the schema both share (`REQUEST_SCHEMA`),
//! and the `taobao_api::TopRequest` impl. Validation and encoding are the runtime's, driven by
//! the schema: `build()` checks the builder (where nothing is set yet, so a missing required
//! parameter is reported together with every other violation of the tree), and
//! `TopRequest::validate` checks a request however it was assembled.

use super::docs;
use super::model::{Field, Plan};
use super::object::{object_impl, schema_entries};
use super::paths::Paths;
use super::types::{option, rust_type};
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The request struct, its builder and their impls.
pub(crate) fn emit(plan: &Plan, paths: &Paths) -> TokenStream {
    let api = plan.api;
    let root = paths.root();
    let name = ident(&plan.request);
    let builder = ident(&plan.builder);
    let response = ident(&plan.response);
    let method = api.name.as_str();
    let fields = &plan.request_fields;

    let doc_lines = vec![format!(
        "Request of {}{}.",
        docs::code(method),
        api.title
            .as_deref()
            .map(|t| format!(" ({})", docs::sanitize(t)))
            .unwrap_or_default()
    )];
    let doc = docs::attrs(&doc_lines);

    let struct_fields = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = rust_type(&f.kind, paths);
        let ty = if f.param.required { ty } else { option(ty, paths) };
        let d = docs::attrs(&docs::field(f.param, &f.ident, true, f.note.as_deref()));
        quote!(#d pub #id: #ty,)
    });
    let has_required = fields.iter().any(|f| f.param.required);
    let default = if has_required { quote!() } else { quote!(Default,) };

    let schema_name = ident("REQUEST_SCHEMA");
    let entries = schema_entries(fields);
    let request_object = object_impl(&name, fields, &schema_name, &|f: &Field| f.param.required, paths);
    let builder_object = object_impl(&builder, fields, &schema_name, &|_| false, paths);

    let builder_fields = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = option(rust_type(&f.kind, paths), paths);
        quote!(#id: #ty,)
    });
    let setters = fields.iter().map(|f| setter(f, paths));
    let result = paths.result();
    let ok = paths.ok();
    let err = paths.err();
    let default_trait = paths.default_trait();
    let some = paths.some();
    let required: Vec<&Field> = fields.iter().filter(|f| f.param.required).collect();
    let assigned = fields.iter().map(|f| {
        let id = ident(&f.ident);
        if f.param.required {
            quote!(#id)
        } else {
            quote!(#id: self.#id)
        }
    });
    // Every required parameter is present exactly when validation found nothing missing, so the
    // one match both checks and moves the values; its other arm is the violations' path.
    let build_body = if required.is_empty() {
        quote! {
            #root::ValidationError::check(__violations)?;
            #ok(#name { #(#assigned),* })
        }
    } else {
        let taken = required.iter().map(|f| {
            let id = ident(&f.ident);
            quote!(self.#id)
        });
        let patterns = required.iter().map(|f| {
            let id = ident(&f.ident);
            quote!(#some(#id))
        });
        quote! {
            match (#(#taken,)*) {
                (#(#patterns,)*) if __violations.is_empty() => #ok(#name { #(#assigned),* }),
                _ => #err(#root::ValidationError { violations: __violations }),
            }
        }
    };
    let builder_doc = format!(" Builder of [`{}`].", plan.request);

    quote! {
        #doc
        #[doc(alias = #method)]
        #[derive(Clone, #default)]
        #[non_exhaustive]
        pub struct #name {
            #(#struct_fields)*
        }

        impl #name {
            /// Starts a builder with nothing set.
            #[inline]
            pub fn builder() -> #builder {
                <#builder as #default_trait>::default()
            }
        }

        impl #root::TopRequest for #name {
            const METHOD: &'static str = #method;
            type Response = #response;

            #[inline]
            fn info() -> &'static #root::ApiInfo {
                &INFO
            }
        }

        #request_object
        #root::object_impls!(#name);

        static #schema_name: #root::model::Schema = #root::schema! {
            #name { #(#entries),* }
        };

        #[doc = #builder_doc]
        #[derive(Clone, Default)]
        #[must_use]
        pub struct #builder {
            #(#builder_fields)*
        }

        impl #builder {
            #(#setters)*

            /// Checks every documented rule of the tree; reports all violations at once.
            #[inline]
            pub fn build(self) -> #result<#name, #root::ValidationError> {
                let mut __violations = ::std::vec::Vec::new();
                #root::model::validate::violations(&self, &mut __violations);
                #build_body
            }
        }

        #builder_object
        #root::object_impls!(#builder, builder);
    }
}

/// A consuming setter: `fn field(mut self, value: impl Into<T>) -> Self`, storing `Some(value)`.
pub(crate) fn setter(f: &Field, paths: &Paths) -> TokenStream {
    let setter = ident(&f.setter);
    let id = ident(&f.ident);
    let ty = rust_type(&f.kind, paths);
    let into = paths.into();
    let some = paths.some();
    let doc = format!(" Sets {}.", docs::code(&f.param.name));
    quote! {
        #[doc = #doc]
        pub fn #setter(mut self, value: impl #into<#ty>) -> Self {
            self.#id = #some(value.into());
            self
        }
    }
}
