//! Response types: the object under the `<key>_response` member (or the root with
//! `simplify=true`), and its nested objects. Tolerant by design: every field is `Option<T>`
//! decoded by `taobao_api::de::opt` (numbers as strings, `"true"`/`"false"`, lists wrapped or
//! plain), absent fields are `None`, unknown fields are ignored (no `deny_unknown_fields`).

use super::docs;
use super::dto::non_camel;
use super::model::{Field, Plan, Struct};
use super::types::{option, rust_type};
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The top-level response struct.
pub(crate) fn emit_response(plan: &Plan) -> TokenStream {
    let name = ident(&plan.response);
    let method = plan.api.name.as_str();
    let doc = docs::attrs(&[
        format!(
            "Response of {}: the object under {}.",
            docs::code(method),
            docs::code(&response_key(method))
        ),
        String::new(),
        "Every field is optional; numbers sent as strings, booleans sent as `\"true\"`/`\"false\"` and \
         lists wrapped one level or sent as plain arrays all decode."
            .into(),
    ]);
    emit_struct(&name, doc, &plan.response_fields, quote!(#[doc(alias = #method)]))
}

/// A nested response object.
pub(crate) fn emit_dto(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let mut lines = docs::description(s.owner, &s.name);
    lines.push(String::new());
    lines.push(format!(
        "Type {} of response field {}.",
        docs::code(s.owner.ty.display_name()),
        docs::code(&s.owner.name)
    ));
    let allow = non_camel(&s.name);
    let body = emit_struct(&name, docs::attrs(&lines), &s.fields, allow.clone());
    quote! {
        #body

        #allow
        impl ::taobao_api::de::FromJson for #name {
            fn from_json(value: ::taobao_api::JsonValue) -> ::std::result::Result<Self, ::std::string::String> {
                ::taobao_api::de::via_serde(value)
            }
        }
    }
}

fn emit_struct(name: &proc_macro2::Ident, doc: TokenStream, fields: &[Field], attrs: TokenStream) -> TokenStream {
    let fields = fields.iter().map(|f| {
        let id = ident(&f.ident);
        let ty = option(rust_type(&f.kind));
        let d = docs::attrs(&docs::field(f.param, false, f.note.as_deref()));
        let unraw = f.ident.strip_prefix("r#").unwrap_or(&f.ident);
        let wire = f.param.name.as_str();
        let rename = (unraw != wire).then(|| quote!(#[serde(rename = #wire)]));
        quote! {
            #d
            #rename
            #[serde(deserialize_with = "::taobao_api::de::opt")]
            pub #id: #ty,
        }
    });
    quote! {
        #doc
        #attrs
        #[derive(Debug, Clone, Default, PartialEq, Eq, ::taobao_api::__private::serde::Deserialize)]
        #[serde(crate = "::taobao_api::__private::serde", default)]
        pub struct #name {
            #(#fields)*
        }
    }
}

/// `<key>_response`: the method without a leading `taobao.`, dots as `_` (TOP-PROTOCOL.md §7).
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
