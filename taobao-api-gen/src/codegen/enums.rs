//! Open enums from documented values: a variant per value (label as its doc) plus
//! `Other(String)`, which keeps any value the docs do not list (the platform adds values before
//! its docs do). `Display`/`FromStr`/serde use the wire string; `From<&str>` maps a documented
//! value to its variant and anything else to `Other`, so decode -> encode is lossless.
//! Validation accepts `Other`: it is the explicit escape hatch for sending an undocumented value.

use super::docs;
use super::model::Enum;
use crate::naming::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum and its impls.
pub(crate) fn emit(e: &Enum) -> TokenStream {
    let name = ident(&e.name);
    let doc = docs::attrs(&[
        format!("Documented values of {}.", docs::code(&e.field)),
        String::new(),
        "Unknown values are kept in `Other`; `Display` and serde use the wire value.".into(),
    ]);
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
    let to_str = e.variants.iter().map(|(v, value, _)| {
        let v = ident(v);
        quote!(Self::#v => #value,)
    });
    let from_str = e.variants.iter().map(|(v, value, _)| {
        let v = ident(v);
        quote!(#value => Self::#v,)
    });
    let values = e.variants.iter().map(|(_, value, _)| value);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value the docs do not list, kept verbatim.
            Other(::std::string::String),
        }

        impl #name {
            /// The documented wire values, in page order.
            pub const DOCUMENTED: &'static [&'static str] = &[#(#values),*];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::Other(value) => value.as_str(),
                }
            }

            /// True for a documented value.
            pub fn is_documented(&self) -> bool {
                !::std::matches!(self, Self::Other(_))
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::Other(::std::string::ToString::to_string(other)),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::taobao_api::__private::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::taobao_api::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::taobao_api::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::taobao_api::__private::serde::Deserializer<'de>,
            {
                ::taobao_api::de::wire_string(deserializer).map(Self::from)
            }
        }

        impl ::taobao_api::de::FromJson for #name {
            fn from_json(value: ::taobao_api::JsonValue) -> ::std::result::Result<Self, ::std::string::String> {
                <::std::string::String as ::taobao_api::de::FromJson>::from_json(value).map(Self::from)
            }
        }

        impl ::taobao_api::ParamText for #name {
            fn param_text(&self) -> ::std::string::String {
                ::std::string::ToString::to_string(self.as_str())
            }
        }

        impl ::taobao_api::json::ToJson for #name {
            fn write_json(&self, out: &mut ::std::string::String) {
                ::taobao_api::json::write_str(out, self.as_str());
            }
        }
    }
}
