//! Open enums from documented values: a variant per value (its label as the variant's doc) plus
//! `Other(String)`, which keeps any value the docs do not list (the platform adds values before
//! its docs do); decode -> encode is lossless. The impls (wire value both ways, `Display`,
//! `FromStr`, serde, what the runtime needs) come from one `enum_impls!` line that pairs each
//! variant with its wire value.
//! Validation accepts `Other`: it is the explicit escape hatch for sending an undocumented value.

use super::docs;
use super::model::Enum;
use super::paths::Paths;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum and its `enum_impls!` line.
pub(crate) fn emit(e: &Enum, paths: &Paths) -> TokenStream {
    let root = paths.root();
    let string = paths.string();
    let name = ident(&e.name);
    let doc = docs::attrs(&[format!("Documented values of {}.", docs::code(&e.field))]);
    let variants = e.variants.iter().map(|(v, value, label)| {
        let v = ident(v);
        let label = if label.trim().is_empty() {
            value.as_str()
        } else {
            label.as_str()
        };
        let d = docs::attrs(&[format!("{} = {}", docs::code(value), docs::sanitize(label))]);
        quote!(#d #v,)
    });
    let pairs = e.variants.iter().map(|(v, value, _)| {
        let v = ident(v);
        quote!(#v = #value)
    });
    quote! {
        #doc
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value the docs do not list, kept verbatim.
            Other(#string),
        }

        #root::enum_impls! {
            #name { #(#pairs),* }
        }
    }
}
