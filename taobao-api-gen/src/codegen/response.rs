//! Response types: the object under the `<key>_response` member (or the root with
//! `simplify=true`), and its nested objects. Every field is `Option<T>`; the runtime decodes
//! them tolerantly from the schema (a value it cannot convert leaves the field `None` and is
//! listed in `decode_warnings()`), undocumented members are skipped. The top-level response also
//! keeps the reply's `request_id` and raw body (a private `__meta` field behind methods).

use super::docs;
use super::dto::non_camel;
use super::model::{Field, Plan, Struct};
use super::object::response_entries;
use super::paths::Paths;
use super::types::{option, rust_type};
use crate::naming::ident;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The top-level response struct.
pub(crate) fn emit_response(plan: &Plan, paths: &Paths) -> TokenStream {
    let root = paths.root();
    let name = ident(&plan.response);
    let method = plan.api.name.as_str();
    let doc = docs::attrs(&[format!(
        "Response of {}: the object under {}.",
        docs::code(method),
        docs::code(&response_key(method))
    )]);
    let fields = struct_fields(&plan.response_fields, paths);
    let entries = response_entries(&plan.response_fields);
    quote! {
        #doc
        #[doc(alias = #method)]
        #[derive(Clone, Default)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            __meta: #root::response::ResponseMeta,
        }

        #root::response_object! {
            top #name {
                #(#entries),*
            }
        }
    }
}

/// A nested response object.
pub(crate) fn emit_dto(s: &Struct, paths: &Paths) -> TokenStream {
    let root = paths.root();
    let name = ident(&s.name);
    let lines = docs::description(s.owner, || {
        format!("Object of response field {}.", docs::code(&s.owner.name))
    });
    let allow = non_camel(&s.name);
    let doc = docs::attrs(&lines);
    let fields = struct_fields(&s.fields, paths);
    let entries = response_entries(&s.fields);
    quote! {
        #doc
        #allow
        #[derive(Clone, Default)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }

        #root::response_object! {
            #name {
                #(#entries),*
            }
        }
    }
}

fn struct_fields(fields: &[Field], paths: &Paths) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|f| {
            let id: Ident = ident(&f.ident);
            let ty = option(rust_type(&f.kind, paths), paths);
            let d = docs::attrs(&docs::field(f.param, &f.ident, false, f.note.as_deref()));
            quote!(#d pub #id: #ty,)
        })
        .collect()
}

/// `<key>_response`: the method without a leading `taobao.`, dots as `_` (docs/protocol.md §7).
pub fn response_key(method: &str) -> String {
    let rest = method.strip_prefix("taobao.").unwrap_or(method);
    format!("{}_response", rest.replace('.', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_keys() {
        assert_eq!(
            response_key("taobao.logistics.express.abnormal.report"),
            "logistics_express_abnormal_report_response"
        );
        assert_eq!(
            response_key("alibaba.alihealth.booking.reserve.cancel"),
            "alibaba_alihealth_booking_reserve_cancel_response"
        );
        assert_eq!(response_key("tmall.item.get"), "tmall_item_get_response");
    }
}
