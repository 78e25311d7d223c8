//! Codegen: IR -> `proc_macro2::TokenStream` of typed bindings. Never formats, never reads spec
//! text; the CLI and tests format with prettyplease, the macro hands the tokens to rustc.
//!
//! Per API, one module named after the method (`taobao_logistics_express_abnormal_report`)
//! holding the request (`<Sdk>Request` + `<Sdk>RequestBuilder`), every nested DTO and enum, the
//! response (`<Sdk>Response`), `INFO` (the `taobao_api::ApiInfo`) and `ERROR_CODES` (the page's
//! 错误码解释 table). [`generate_all`] adds, for the crate root, `pub use` of the request,
//! builder and response under the official SDK names, `APIS` and `ALL_METHODS`.
//!
//! The code is lean by design (docs/generated-code.md): each struct is its fields, a static
//! schema (one line per field: wire name, JSON key, rules) and a match from field index to
//! field; validation, encoding, decoding, `Debug` and serde are the runtime's
//! (`taobao_api::model`), reached through `object_impls!` / `response_impls!` / `open_enum!`.
//! Runtime items are named under [`Options::root`] (`::taobao_api`); std prelude names are
//! short unless a spec type shadows them (`paths`).

mod docs;
mod dto;
mod enums;
mod example;
pub(crate) mod model;
pub(crate) mod object;
pub(crate) mod paths;
mod request;
mod response;
pub(crate) mod types;

pub use response::response_key;

use crate::ir::Api;
use crate::naming::{Namespace, ident};
use model::{Plan, Side};
use paths::Paths;
use proc_macro2::TokenStream;
use quote::quote;

/// How bindings are generated.
#[derive(Debug, Clone)]
pub struct Options {
    /// Path of the runtime crate in the expanding crate (`::taobao_api`, or e.g. `::tb` when an
    /// application renamed its dependency).
    pub root: TokenStream,
    /// Puts each API behind the cargo feature of its family ([`family`]): the `taobao-api`
    /// crate's own bindings, so an application compiles only the families it enables.
    pub feature_gates: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            root: quote!(::taobao_api),
            feature_gates: false,
        }
    }
}

/// The API family of a method: its first two segments, lower case, joined by `-`
/// (`taobao.logistics.express.abnormal.report` -> `taobao-logistics`, `cainiao.waybill.ii.get`
/// -> `cainiao-waybill`); the cargo feature that gates it in `taobao-api`.
pub fn family(method: &str) -> String {
    let segments: Vec<String> = method
        .split('.')
        .take(2)
        .map(|s| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect()
        })
        .collect();
    segments.join("-")
}

/// The module of one API (no crate-root items).
pub fn generate_module(api: &Api) -> TokenStream {
    module(&model::plan(api), &Options::default())
}

/// The module of one API plus its crate-root re-exports: what [`generate_all`] emits for a
/// single spec, without `APIS`/`ALL_METHODS`.
pub fn generate(api: &Api) -> TokenStream {
    let plan = model::plan(api);
    let options = Options::default();
    let mut tokens = module(&plan, &options);
    tokens.extend(reexport(&plan, &options));
    tokens
}

/// [`generate_all_with`] and the default options.
pub fn generate_all(apis: &[Api]) -> TokenStream {
    generate_all_with(apis, &Options::default())
}

/// Every API's module, the crate-root re-exports (an SDK name two specs share is re-exported
/// for the first spec only; the other stays reachable through its module), `APIS` and
/// `ALL_METHODS`. Output order is the order of `apis` (the macro sorts by file name); two APIs
/// with one method must not be given (callers report that as an error first).
pub fn generate_all_with(apis: &[Api], options: &Options) -> TokenStream {
    let root = &options.root;
    let plans: Vec<Plan> = apis.iter().map(model::plan).collect();
    let mut tokens = TokenStream::new();
    let mut names = Namespace::with_reserved(&["APIS", "ALL_METHODS"]);
    let mut modules = Namespace::default();
    let mut infos = Vec::new();
    let mut methods = Vec::new();
    for plan in &plans {
        if !modules.try_claim(&plan.module) {
            continue;
        }
        tokens.extend(module(plan, options));
        let sdk = [&plan.request, &plan.builder, &plan.response];
        if sdk.iter().all(|n| !names.is_taken(n)) {
            sdk.iter().for_each(|n| {
                names.try_claim(n);
            });
            tokens.extend(reexport(plan, options));
        }
        let m = ident(&plan.module);
        let gate = gate(plan, options);
        let method = plan.api.name.as_str();
        infos.push(quote!(#gate &#m::INFO));
        methods.push(quote!(#gate #method));
    }
    tokens.extend(quote! {
        /// Static facts of every generated API (method, required parameters, request schema,
        /// response example), in spec file order.
        pub static APIS: &[&#root::ApiInfo] = &[#(#infos),*];

        /// The method name of every generated API, in spec file order.
        pub static ALL_METHODS: &[&str] = &[#(#methods),*];
    });
    tokens
}

/// `#[cfg(feature = "<family>")]` when feature gates are on.
fn gate(plan: &Plan, options: &Options) -> TokenStream {
    if options.feature_gates {
        let feature = family(&plan.api.name);
        quote!(#[cfg(feature = #feature)])
    } else {
        quote!()
    }
}

fn reexport(plan: &Plan, options: &Options) -> TokenStream {
    let m = ident(&plan.module);
    let gate = gate(plan, options);
    let names = [&plan.request, &plan.builder, &plan.response].map(|n| ident(n));
    quote!(#gate pub use self::#m::{#(#names),*};)
}

fn module(plan: &Plan, options: &Options) -> TokenStream {
    let api = plan.api;
    let root = &options.root;
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
    if uses_qimen_protocol(plan) {
        doc.push(String::new());
        doc.push(
            "The official Java SDK sends this method to the Qimen endpoint as XML with these \
             camelCase names (docs/protocol.md §1); this crate sends it through the REST router \
             like every TOP API, with the nested keys the Java SDK's REST encoding would use \
             (`deliveryOrderCode` -> `delivery_order_code`)."
                .into(),
        );
    }
    doc.push(String::new());
    doc.push(format!(
        "Request [`{0}`], response [`{1}`].",
        plan.request, plan.response
    ));
    let doc: TokenStream = doc
        .iter()
        .map(|l| {
            let l = docs::str_lit(&if l.is_empty() { String::new() } else { format!(" {l}") });
            quote!(#![doc = #l])
        })
        .collect();

    let type_names = plan
        .structs
        .iter()
        .map(|s| s.name.as_str())
        .chain(plan.enums.iter().map(|e| e.name.as_str()))
        .chain([plan.request.as_str(), plan.builder.as_str(), plan.response.as_str()]);
    let paths = Paths::new(root, type_names);
    let request = request::emit(plan, &paths);
    let response = response::emit_response(plan, &paths);
    let dtos = plan.structs.iter().map(|s| match s.side {
        Side::Request => dto::emit(s, &paths),
        Side::Response => response::emit_dto(s, &paths),
    });
    let enums = plan.enums.iter().map(|e| enums::emit(e, &paths));
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
        Some(json) => {
            let json = docs::str_lit(&json);
            let some = paths.some();
            quote!(#some(#json))
        }
        None => paths.none(),
    };
    let codes = api.error_codes.iter().map(|e| {
        let [code, description, solution] = [&e.code, &e.description, &e.solution].map(|s| docs::str_lit(s));
        quote!(#root::ErrorCodeDoc { code: #code, description: #description, solution: #solution })
    });
    let access = match crate::access::classify(method) {
        crate::access::Access::Read => quote!(#root::Access::Read),
        crate::access::Access::Write => quote!(#root::Access::Write),
    };
    let gate = gate(plan, options);
    let title = docs::str_lit(&title);
    quote! {
        #gate
        #[doc(alias = #method)]
        pub mod #m {
            #doc

            /// Static facts of this API.
            pub static INFO: #root::ApiInfo = #root::ApiInfo {
                method: #method,
                title: #title,
                required_params: &[#(#required),*],
                file_params: &[#(#files),*],
                request_schema: &REQUEST_SCHEMA,
                response_example: #example,
                access: #access,
            };

            /// The page's 错误码解释 table.
            pub static ERROR_CODES: &[#root::ErrorCodeDoc] = &[#(#codes),*];

            #request
            #response
            #(#dtos)*
            #(#enums)*
        }
    }
}

/// The warehouse-protocol `taobao.qimen.*` methods: camelCase names inside a request object,
/// which the Java SDK sends to the Qimen endpoint rather than the REST router.
fn uses_qimen_protocol(plan: &Plan) -> bool {
    plan.api.name.starts_with("taobao.qimen.")
        && plan
            .structs
            .iter()
            .filter(|s| s.side == Side::Request)
            .flat_map(|s| &s.fields)
            .any(|f| f.json_key.is_some())
}

#[cfg(test)]
mod tests;
