//! What the runtime needs of a generated struct: its schema (wire name, JSON key and rules per
//! field) and a match from field index to field, which is all it takes to validate, encode,
//! decode, serialize and debug-print the type (taobao_api::model). DTOs and responses hand these
//! to the runtime's `request_dto!` / `response_object!` as one entry per field; the top-level
//! request and its builder share a module-level schema and get their `Object` impls here.
//!
//! Rules go into the schema only where the runtime applies them to that shape of value: required
//! and `RequiredWhen` everywhere (a `RequiredWhen` whose sibling is sent as JSON or a file is
//! dropped: its value cannot be compared), maximum length on text, files and scalar lists,
//! list size on text and lists, bounds on numbers. Response fields carry no rules.

use super::model::{Field, Kind};
use super::paths::Paths;
use crate::ir::Rule;
use crate::naming::ident;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The entries of `schema!` for `fields`: `"wire" .rules()`.
pub(crate) fn schema_entries(fields: &[Field]) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|f| {
            let wire = f.param.name.as_str();
            let chain = spec_calls(f, fields, true);
            quote!(#wire #chain)
        })
        .collect()
}

/// The `FieldSpec` method calls after the constructor: the JSON key, then the rules.
fn spec_calls(f: &Field, siblings: &[Field], rules: bool) -> TokenStream {
    let mut chain = TokenStream::new();
    if let Some(key) = &f.json_key {
        chain.extend(quote!(.json_key(#key)));
    }
    if rules {
        chain.extend(rule_calls(f, siblings));
    }
    chain
}

/// One rule the runtime applies to a field, as the schema carries it. `diff` compares these,
/// so what it calls a tighter rule is exactly what the generated schema enforces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Check {
    /// `.required()`: a required field, or `RequiredInParent`.
    Required,
    /// `.required_when(field, equals)`.
    RequiredWhen { field: String, equals: String },
    /// `.max_length(n)`.
    MaxLength(u64),
    /// `.max_list_size(n)`.
    MaxListSize(u64),
    /// `.min_value(n)`.
    MinValue(i64),
    /// `.max_value(n)`.
    MaxValue(i64),
}

/// The rules of `f` the runtime applies (see the module docs for which apply where), in
/// schema order.
pub(crate) fn checks(f: &Field, siblings: &[Field]) -> Vec<Check> {
    let p = f.param;
    let mut out = Vec::new();
    let required_in_parent = p.rules.iter().any(|r| matches!(r, Rule::RequiredInParent { .. }));
    if p.required || required_in_parent {
        out.push(Check::Required);
    }
    for rule in &p.rules {
        if let Rule::RequiredWhen { field, equals, .. } = rule
            && siblings.iter().any(|s| &s.param.name == field && comparable(&s.kind))
        {
            out.push(Check::RequiredWhen {
                field: field.clone(),
                equals: equals.clone(),
            });
        }
    }
    let text_like = |k: &Kind| matches!(k, Kind::Text | Kind::Enum(_));
    let limits = &p.limits;
    if let Some(max) = limits.max_length
        && match &f.kind {
            Kind::File => true,
            Kind::List(inner) => text_like(inner),
            k => text_like(k),
        }
    {
        out.push(Check::MaxLength(max));
    }
    if let Some(max) = limits.max_list_size
        && (text_like(&f.kind) || matches!(f.kind, Kind::List(_)))
    {
        out.push(Check::MaxListSize(max));
    }
    if f.kind == Kind::Number {
        out.extend(limits.min_value.map(Check::MinValue));
        out.extend(limits.max_value.map(Check::MaxValue));
    }
    out
}

fn rule_calls(f: &Field, siblings: &[Field]) -> TokenStream {
    let unsigned = proc_macro2::Literal::u64_unsuffixed;
    let signed = proc_macro2::Literal::i64_unsuffixed;
    checks(f, siblings)
        .into_iter()
        .map(|check| match check {
            Check::Required => quote!(.required()),
            Check::RequiredWhen { field, equals } => quote!(.required_when(#field, #equals)),
            Check::MaxLength(max) => {
                let max = unsigned(max);
                quote!(.max_length(#max))
            }
            Check::MaxListSize(max) => {
                let max = unsigned(max);
                quote!(.max_list_size(#max))
            }
            Check::MinValue(min) => {
                let min = signed(min);
                quote!(.min_value(#min))
            }
            Check::MaxValue(max) => {
                let max = signed(max);
                quote!(.max_value(#max))
            }
        })
        .collect()
}

/// Whether a sibling's value can be compared with a documented value (sent as text).
fn comparable(kind: &Kind) -> bool {
    !kind.is_json() && !matches!(kind, Kind::File | Kind::Value)
}

/// The field entries of a request DTO for `request_dto!`: `index field [as setter]: Type =
/// "wire" .rules()`.
pub(crate) fn request_dto_entries(fields: &[Field], paths: &Paths) -> Vec<TokenStream> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let index = proc_macro2::Literal::usize_unsuffixed(i);
            let id = ident(&f.ident);
            let setter = (f.setter != f.ident).then(|| {
                let s = ident(&f.setter);
                quote!(as #s)
            });
            let ty = super::types::rust_type(&f.kind, paths);
            let rules = spec_calls(f, fields, true);
            let wire = f.param.name.as_str();
            quote!(#index #id #setter: #ty = #wire #rules)
        })
        .collect()
}

/// The field entries of a response type for `response_object!`: `index field = "wire"`.
pub(crate) fn response_entries(fields: &[Field]) -> Vec<TokenStream> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let index = proc_macro2::Literal::usize_unsuffixed(i);
            let id = ident(&f.ident);
            let wire = f.param.name.as_str();
            quote!(#index #id = #wire)
        })
        .collect()
}

/// The `Object` impl of a top-level request or its builder, whose schema is the module's
/// `static` `schema`; `present` says, per field, whether it is stored as `T` (a required
/// top-level request field, always present) rather than `Option<T>`.
pub(crate) fn object_impl(
    ty: &Ident,
    fields: &[Field],
    schema: &Ident,
    present: &dyn Fn(&Field) -> bool,
    paths: &Paths,
) -> TokenStream {
    let root = paths.root();
    let model = quote!(#root::model);
    let option = paths.option();
    let none = paths.none();
    let schema_body = quote!(&#schema);
    let (mut uses_get, mut uses_val) = (false, false);
    let arms: Vec<TokenStream> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let id = ident(&f.ident);
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            if present(f) {
                uses_val = true;
                quote!(#i => val(&self.#id),)
            } else {
                uses_get = true;
                quote!(#i => get(&self.#id),)
            }
        })
        .collect();
    let imports = match (uses_get, uses_val) {
        (true, true) => quote!(use #model::{get, val};),
        (true, false) => quote!(use #model::get;),
        (false, true) => quote!(use #model::val;),
        (false, false) => quote!(),
    };
    let field_body = if fields.is_empty() {
        quote!(let _ = index; #none)
    } else {
        quote! {
            #imports
            match index {
                #(#arms)*
                _ => #none,
            }
        }
    };
    quote! {
        impl #model::Object for #ty {
            #[inline]
            fn schema(&self) -> &'static #model::Schema {
                #schema_body
            }

            #[inline]
            fn field(&self, index: usize) -> #option<#model::ValueRef<'_>> {
                #field_body
            }
        }
    }
}
