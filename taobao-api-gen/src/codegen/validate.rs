//! The checks of one field, generated from the IR: required (present and not blank), the
//! 更多限制 limits, `RequiredInParent`, `RequiredWhen` and recursion into nested objects.
//! Each check is a call into `taobao_api::checks` with the parent path and the wire name, so
//! violations carry full paths like `abnormal_report_request.phone_call_info_list[0].call_time`.
//!
//! Enum membership needs no check: a typed field holds a documented variant or the explicit
//! `Other` escape hatch. Checks the Java SDK does not make on a type are not invented either
//! (`max length` only on text and files, `min`/`max` only on numbers).

use super::model::{Field, Kind};
use crate::ir::Rule;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The checks of `field`; `access` is an expression of type `Option<&T>`, `sibling` gives the
/// same for another field of the same struct, `parent` is a `&str` expression.
pub(crate) fn field_checks(
    field: &Field,
    access: TokenStream,
    siblings: &[Field],
    sibling: &dyn Fn(&Field) -> TokenStream,
    parent: &TokenStream,
) -> TokenStream {
    let p = field.param;
    let wire = p.name.as_str();
    let v = quote!(__v);
    let as_str = match &field.kind {
        Kind::Text => Some(quote!(#v.map(::std::string::String::as_str))),
        Kind::Enum(name) => {
            let name = ident(name);
            Some(quote!(#v.map(#name::as_str)))
        }
        _ => None,
    };
    let checks = quote!(::taobao_api::checks);
    let mut body = TokenStream::new();
    let required_in_parent = p.rules.iter().any(|r| matches!(r, Rule::RequiredInParent { .. }));
    if p.required || required_in_parent {
        body.extend(match &as_str {
            Some(s) => quote!(#checks::required_text(__out, #parent, #wire, #s);),
            None => quote!(#checks::required(__out, #parent, #wire, #v.is_some());),
        });
    }
    if let Some(max) = p.limits.max_length {
        match (&as_str, &field.kind) {
            (Some(s), _) => body.extend(quote!(#checks::max_length(__out, #parent, #wire, #s, #max);)),
            (None, Kind::File) => body.extend(quote!(#checks::max_file_size(__out, #parent, #wire, #v, #max);)),
            _ => {}
        }
    }
    if let Some(max) = p.limits.max_list_size {
        match (&as_str, &field.kind) {
            (Some(s), _) => body.extend(quote!(#checks::max_list_text(__out, #parent, #wire, #s, #max);)),
            (None, Kind::List(_)) => {
                body.extend(quote!(#checks::max_items(__out, #parent, #wire, #v.map(::std::vec::Vec::len), #max);))
            }
            _ => {}
        }
    }
    if field.kind == Kind::Number {
        if let Some(min) = p.limits.min_value {
            body.extend(quote!(#checks::min_value(__out, #parent, #wire, #v.copied(), #min);));
        }
        if let Some(max) = p.limits.max_value {
            body.extend(quote!(#checks::max_value(__out, #parent, #wire, #v.copied(), #max);));
        }
    }
    for rule in &p.rules {
        let Rule::RequiredWhen {
            field: other, equals, ..
        } = rule
        else {
            continue;
        };
        let Some(sib) = siblings.iter().find(|s| &s.param.name == other) else {
            continue;
        };
        if sib.kind.is_json() || matches!(sib.kind, Kind::File | Kind::Value) {
            continue;
        }
        let present = match &as_str {
            Some(s) => quote!(#s.is_some_and(|s| !#checks::is_blank(s))),
            None => quote!(#v.is_some()),
        };
        let sib_value = sibling(sib);
        body.extend(quote! {
            #checks::required_when(
                __out, #parent, #wire, #present, #other,
                #sib_value.map(::taobao_api::ParamText::param_text), #equals,
            );
        });
    }
    match &field.kind {
        Kind::Object(_) => body.extend(quote!(#checks::nested(__out, #parent, #wire, #v);)),
        Kind::List(inner) if matches!(**inner, Kind::Object(_)) => {
            body.extend(quote!(#checks::nested_list(__out, #parent, #wire, #v.map(::std::vec::Vec::as_slice));))
        }
        _ => {}
    }
    if body.is_empty() {
        return body;
    }
    quote!({
        let __v = #access;
        #body
    })
}
