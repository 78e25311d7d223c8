//! Codegen: IR -> `proc_macro2::TokenStream` of typed bindings. Never formats, never reads spec
//! text; the CLI and tests format with prettyplease, the macro hands the tokens to rustc.
//!
//! Per API, one module named after the method (`taobao_logistics_express_abnormal_report`)
//! holding the request (`<Sdk>Request` + `<Sdk>RequestBuilder`), every nested DTO and enum, the
//! response (`<Sdk>Response`), `INFO` (the `taobao_api::ApiInfo`) and `ERROR_CODES` (the page's
//! 错误码解释 table). [`generate_all`] adds, for the crate root, `pub use` of the request,
//! builder and response under the official SDK names, `APIS` and `ALL_METHODS`. The generated
//! code names everything by absolute path and must be expanded inside `taobao_api` or a crate
//! that depends on it; serde derives point at `::taobao_api::__private::serde`
//! (`#[serde(crate = ...)]`), so that crate needs no serde dependency of its own. Generated
//! locals start with `__` (`__out`, `__v`, `__params`, `__obj`), which no field name can take.

mod docs;
mod dto;
mod enums;
mod example;
mod model;
mod request;
mod response;
mod types;
mod validate;

pub use response::response_key;

use crate::ir::Api;
use crate::naming::{Namespace, ident};
use model::{Plan, Side};
use proc_macro2::TokenStream;
use quote::quote;

/// The module of one API (no crate-root items).
pub fn generate_module(api: &Api) -> TokenStream {
    module(&model::plan(api))
}

/// The module of one API plus its crate-root re-exports: what [`generate_all`] emits for a
/// single spec, without `APIS`/`ALL_METHODS`.
pub fn generate(api: &Api) -> TokenStream {
    let plan = model::plan(api);
    let mut tokens = module(&plan);
    tokens.extend(reexport(&plan));
    tokens
}

/// Every API's module, the crate-root re-exports (an SDK name two specs share is re-exported
/// for the first spec only; the other stays reachable through its module), `APIS` and
/// `ALL_METHODS`. Output order is the order of `apis` (the macro sorts by file name).
pub fn generate_all(apis: &[Api]) -> TokenStream {
    let plans: Vec<Plan> = apis.iter().map(model::plan).collect();
    let mut tokens = TokenStream::new();
    let mut root = Namespace::with_reserved(&["APIS", "ALL_METHODS", "REQUEST_PROBES"]);
    let mut modules = Namespace::default();
    let mut infos = Vec::new();
    let mut methods = Vec::new();
    let mut probes = Vec::new();
    for plan in &plans {
        if !modules.try_claim(&plan.module) {
            continue;
        }
        tokens.extend(module(plan));
        let names = [&plan.request, &plan.builder, &plan.response];
        if names.iter().all(|n| !root.is_taken(n)) {
            names.iter().for_each(|n| {
                root.try_claim(n);
            });
            tokens.extend(reexport(plan));
        }
        let m = ident(&plan.module);
        let req = ident(&plan.request);
        let method = plan.api.name.as_str();
        infos.push(quote!(&#m::INFO));
        methods.push(quote!(#method));
        probes.push(quote! {
            (#method, || {
                let request = #m::#req::builder().build()?;
                let mut params = ::taobao_api::Params::new();
                ::taobao_api::TopRequest::write_params(&request, &mut params);
                ::std::result::Result::Ok(params)
            })
        });
    }
    tokens.extend(quote! {
        /// Static facts of every generated API (method, required parameters, response example),
        /// in spec file order.
        pub static APIS: &[&::taobao_api::ApiInfo] = &[#(#infos),*];

        /// The method name of every generated API, in spec file order.
        pub static ALL_METHODS: &[&str] = &[#(#methods),*];

        /// For every generated request type: build it from an empty builder and encode it
        /// (tests use this to touch every generated request).
        #[doc(hidden)]
        #[allow(clippy::type_complexity, reason = "a table of plain fn pointers")]
        pub static REQUEST_PROBES: &[(
            &str,
            fn() -> ::std::result::Result<::taobao_api::Params, ::taobao_api::ValidationError>,
        )] = &[#(#probes),*];
    });
    tokens
}

fn reexport(plan: &Plan) -> TokenStream {
    let m = ident(&plan.module);
    let names = [&plan.request, &plan.builder, &plan.response].map(|n| ident(n));
    quote!(pub use self::#m::{#(#names),*};)
}

fn module(plan: &Plan) -> TokenStream {
    let api = plan.api;
    let m = ident(&plan.module);
    let method = api.name.as_str();
    let title = api.title.clone().unwrap_or_default();
    let mut doc = vec![format!(
        "{}{}",
        docs::code(method),
        if title.is_empty() {
            String::new()
        } else {
            format!(": {}", docs::sanitize(&title))
        }
    )];
    if let Some(d) = &api.description {
        doc.push(String::new());
        doc.extend(d.lines().map(docs::sanitize).filter(|l| !l.is_empty()));
    }
    doc.push(String::new());
    doc.push(format!(
        "Request [`{0}`] (official SDK name), built with [`{0}::builder`]; response [`{1}`].",
        plan.request, plan.response
    ));
    let doc: TokenStream = doc
        .iter()
        .map(|l| {
            let l = if l.is_empty() { String::new() } else { format!(" {l}") };
            quote!(#![doc = #l])
        })
        .collect();

    let request = request::emit(plan);
    let response = response::emit_response(plan);
    let dtos = plan.structs.iter().map(|s| match s.side {
        Side::Request => dto::emit(s),
        Side::Response => response::emit_dto(s),
    });
    let enums = plan.enums.iter().map(enums::emit);
    let required: Vec<&str> = plan
        .request_fields
        .iter()
        .filter(|f| f.param.required)
        .map(|f| f.param.name.as_str())
        .collect();
    let files: Vec<&str> = plan
        .request_fields
        .iter()
        .filter(|f| f.kind == model::Kind::File)
        .map(|f| f.param.name.as_str())
        .collect();
    let example = match example::response_example(api) {
        Some(json) => quote!(::std::option::Option::Some(#json)),
        None => quote!(::std::option::Option::None),
    };
    let codes = api.error_codes.iter().map(|e| {
        let (code, description, solution) = (&e.code, &e.description, &e.solution);
        quote!(::taobao_api::ErrorCodeDoc { code: #code, description: #description, solution: #solution })
    });
    let access = match crate::access::classify(method) {
        crate::access::Access::Read => quote!(::taobao_api::Access::Read),
        crate::access::Access::Write => quote!(::taobao_api::Access::Write),
    };
    quote! {
        #[doc(alias = #method)]
        pub mod #m {
            #doc

            /// Static facts of this API, for the client and the mock gateway.
            pub static INFO: ::taobao_api::ApiInfo = ::taobao_api::ApiInfo {
                method: #method,
                title: #title,
                required_params: &[#(#required),*],
                file_params: &[#(#files),*],
                response_example: #example,
                access: #access,
            };

            /// The page's 错误码解释 table: error code, description, solution.
            pub static ERROR_CODES: &[::taobao_api::ErrorCodeDoc] = &[#(#codes),*];

            #request
            #response
            #(#dtos)*
            #(#enums)*
        }
    }
}

#[cfg(test)]
mod tests;
