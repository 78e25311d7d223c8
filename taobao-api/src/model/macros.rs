//! The `macro_rules!` that generated code invokes for the trait impls every generated type needs:
//! one line in the generated source instead of a page per type. Each impl only delegates to the
//! runtime; nothing in them is specific to an API.

/// Implements `Debug`, `PartialEq` + `Eq` (field by field, through the schema) and `Serialize` for a
/// generated request or request DTO (which implements [`Object`](crate::model::Object)), plus
/// `Deserialize` when given `decode` (response DTOs, which implement
/// [`ObjectMut`](crate::model::ObjectMut)); only `Debug` when given `builder`.
#[macro_export]
macro_rules! object_impls {
    ($name:ident, builder) => {
        impl ::std::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::model::serde_impls::debug(self, f)
            }
        }
    };
    ($name:ident) => {
        $crate::object_impls!($name, builder);

        impl ::std::cmp::PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                $crate::model::serde_impls::eq(self, other)
            }
        }

        // Field values have no floats (TOP numbers are i64 or Decimal): equality is total.
        impl ::std::cmp::Eq for $name {}

        impl $crate::__private::serde::Serialize for $name {
            #[inline]
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::model::serde_impls::serialize(self, serializer)
            }
        }
    };
    ($name:ident, decode) => {
        $crate::object_impls!($name);

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            #[inline]
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::model::serde_impls::deserialize(deserializer)
            }
        }
    };
}

/// Implements everything a generated top-level response needs: `Debug`, `PartialEq` + `Eq` (of the
/// documented fields), `Serialize`, `Deserialize`, [`TopResponse`](crate::response::TopResponse) over its private `__meta` field,
/// and the inherent `request_id()`, `decode_warnings()` and `body()` methods.
#[macro_export]
macro_rules! response_impls {
    ($name:ident) => {
        $crate::object_impls!($name, builder);

        /// The documented fields are compared, not the reply they came from.
        impl ::std::cmp::PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                $crate::model::serde_impls::eq(self, other)
            }
        }

        // Field values have no floats (TOP numbers are i64 or Decimal): equality is total.
        impl ::std::cmp::Eq for $name {}

        impl $crate::__private::serde::Serialize for $name {
            #[inline]
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::model::serde_impls::serialize_response(self, self.__meta.request_id(), serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            #[inline]
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::response::deserialize_response(deserializer)
            }
        }

        impl $crate::response::TopResponse for $name {
            #[inline]
            fn meta(&self) -> &$crate::response::ResponseMeta {
                &self.__meta
            }

            #[inline]
            fn meta_mut(&mut self) -> &mut $crate::response::ResponseMeta {
                &mut self.__meta
            }
        }

        impl $name {
            /// The gateway's `request_id` of the reply this was decoded from (quote it in support
            /// tickets).
            #[inline]
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.__meta.request_id()
            }

            /// Fields of the reply that could not be converted to their declared type (each is
            /// `None` here); empty when everything decoded.
            #[inline]
            pub fn decode_warnings(&self) -> &[$crate::model::DecodeWarning] {
                self.__meta.warnings()
            }

            /// The raw reply body this was decoded from.
            #[inline]
            pub fn body(&self) -> ::std::option::Option<&str> {
                self.__meta.body()
            }
        }
    };
}

/// A [`Schema`](crate::model::Schema) from one entry per field, `"wire"` followed by the field's
/// rules as `FieldSpec` method calls: `schema! { Name { "a".required(), "b" } }`. The entries
/// become the schema's text table at compile time (see [`Schema::from_table`](crate::model::Schema::from_table)).
#[macro_export]
macro_rules! schema {
    ($name:ident { $( $wire:literal $( . $rule:ident ( $($arg:expr),* ) )* ),* $(,)? }) => {
        $crate::model::Schema::from_table(
            ::std::stringify!($name),
            ::std::concat!($( $wire, "\t", ::std::stringify!($( .$rule($($arg),*) )*), "\n", )*),
        )
    };
}

/// The impls of a generated request DTO, from one entry per field: `index field: Type = "wire"`
/// followed by the field's rules as `FieldSpec` method calls (`.required()`, `.max_length(64)`,
/// `.json_key("k")`...), and `field as setter` when the setter's name differs from the field's.
/// Gives the chainable setters (`Dto::builder().a(..).b(..).build()`), the schema and
/// [`Object`](crate::model::Object) impl, `Debug` and `Serialize`.
#[macro_export]
macro_rules! request_dto {
    (
        $name:ident {
            $( $index:literal $field:ident $(as $setter:ident)? : $ty:ty = $wire:literal
               $( . $rule:ident ( $($arg:expr),* ) )* ),* $(,)?
        }
    ) => {
        impl $name {
            /// Starts an object with nothing set.
            #[inline]
            pub fn builder() -> Self {
                <Self as ::std::default::Default>::default()
            }

            $( $crate::request_dto!(@setter $field $(as $setter)? : $ty = $wire); )*

            /// The object (checked when the request is built or validated).
            #[inline]
            pub fn build(self) -> Self {
                self
            }
        }

        impl $crate::model::Object for $name {
            #[inline]
            fn schema(&self) -> &'static $crate::model::Schema {
                static SCHEMA: $crate::model::Schema =
                    $crate::schema!($name { $( $wire $( .$rule($($arg),*) )* ),* });
                &SCHEMA
            }

            #[inline]
            fn field(&self, index: usize) -> ::std::option::Option<$crate::model::ValueRef<'_>> {
                match index {
                    $( $index => $crate::model::get(&self.$field), )*
                    _ => ::std::option::Option::None,
                }
            }
        }

        $crate::object_impls!($name);
    };
    (@setter $field:ident : $ty:ty = $wire:literal) => {
        $crate::request_dto!(@setter $field as $field : $ty = $wire);
    };
    (@setter $field:ident as $setter:ident : $ty:ty = $wire:literal) => {
        #[doc = ::std::concat!("Sets `", $wire, "`.")]
        // Always inlined: a chain of by-value setters then writes one object in place instead
        // of copying the whole struct at each call.
        #[inline(always)]
        pub fn $setter(mut self, value: impl ::std::convert::Into<$ty>) -> Self {
            self.$field = ::std::option::Option::Some(value.into());
            self
        }
    };
}

/// The impls of a generated response type, from one entry per field: `index field = "wire"`.
/// Gives the schema, [`Object`](crate::model::Object) and
/// [`ObjectMut`](crate::model::ObjectMut) impls, and what [`object_impls!`](crate::object_impls)
/// (`decode`) gives a nested object, or, after `top`, what
/// [`response_impls!`](crate::response_impls) gives a top-level response.
#[macro_export]
macro_rules! response_object {
    (top $name:ident { $( $index:literal $field:ident = $wire:literal ),* $(,)? }) => {
        $crate::response_object!(@object $name { $( $index $field = $wire ),* });
        $crate::response_impls!($name);
    };
    ($name:ident { $( $index:literal $field:ident = $wire:literal ),* $(,)? }) => {
        $crate::response_object!(@object $name { $( $index $field = $wire ),* });
        $crate::object_impls!($name, decode);
    };
    (@object $name:ident { $( $index:literal $field:ident = $wire:literal ),* }) => {
        impl $crate::model::Object for $name {
            #[inline]
            fn schema(&self) -> &'static $crate::model::Schema {
                static SCHEMA: $crate::model::Schema = $crate::schema!($name { $( $wire ),* });
                &SCHEMA
            }

            #[inline]
            fn field(&self, index: usize) -> ::std::option::Option<$crate::model::ValueRef<'_>> {
                match index {
                    $( $index => $crate::model::get(&self.$field), )*
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl $crate::model::ObjectMut for $name {
            #[inline]
            fn field_mut(&mut self, index: usize) -> ::std::option::Option<&mut dyn $crate::model::Slot> {
                match index {
                    $( $index => ::std::option::Option::Some(&mut self.$field), )*
                    _ => ::std::option::Option::None,
                }
            }
        }
    };
}

/// Defines an open enum from documented values: the variants as given (each with its wire
/// value), plus `Other(String)`, which keeps any value the docs do not list (the platform adds
/// values before its docs do); decode -> encode is lossless. Derives `Clone`, `PartialEq`,
/// `Eq` and `Hash`, and implements the rest (`Debug` included) with
/// [`enum_impls!`](crate::enum_impls).
///
/// ```
/// taobao_api::open_enum! {
///     /// Documented values of `service_type`.
///     pub enum ServiceType {
///         /// `1` = 送货上门
///         V1 = "1",
///         /// `2` = 放指定驿站
///         V2 = "2",
///     }
/// }
/// assert_eq!(ServiceType::from("1"), ServiceType::V1);
/// assert_eq!(ServiceType::from("9"), ServiceType::Other("9".into()));
/// assert_eq!(ServiceType::V2.to_string(), "2");
/// assert_eq!(ServiceType::DOCUMENTED, ["1", "2"]);
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )*
            /// A value the docs do not list, kept verbatim.
            Other(::std::string::String),
        }

        $crate::enum_impls!($name { $($variant = $value),* });
    };
}

/// The impls of an open enum (an enum of unit variants plus `Other(String)`), given each
/// documented variant's wire value: `DOCUMENTED`, `as_str()` and `is_documented()`, `Debug`, `Display`
/// and `FromStr` (the wire value), `From<&str>` / `From<String>` (an undocumented value becomes
/// `Other`), serde, and what the runtime needs. Generated enums invoke it after their definition.
#[macro_export]
macro_rules! enum_impls {
    ($name:ident { $($variant:ident = $value:literal),* $(,)? }) => {
        impl $name {
            /// The documented wire values, in page order.
            pub const DOCUMENTED: &'static [&'static str] = &[$($value),*];

            /// The wire value.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )*
                    Self::Other(value) => value.as_str(),
                }
            }

            /// True for a documented value.
            #[inline]
            pub fn is_documented(&self) -> bool {
                !::std::matches!(self, Self::Other(_))
            }
        }

        impl $crate::model::OpenEnum for $name {
            const DOCUMENTED: &'static [&'static str] = Self::DOCUMENTED;

            #[inline]
            fn as_str(&self) -> &str {
                self.as_str()
            }

            #[inline]
            fn from_wire(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $( $value => Self::$variant, )*
                    _ => Self::Other(value),
                }
            }
        }

        // A documented value allocates nothing; only `Other` keeps a copy.
        impl ::std::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    $( $value => Self::$variant, )*
                    _ => Self::Other(::std::string::ToString::to_string(value)),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            #[inline]
            fn from(value: ::std::string::String) -> Self {
                <Self as $crate::model::OpenEnum>::from_wire(value)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( Self::$variant => f.write_str(::std::stringify!($variant)), )*
                    Self::Other(value) => f.debug_tuple("Other").field(value).finish(),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            #[inline]
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::model::serde_impls::serialize_enum(self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            #[inline]
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::model::serde_impls::deserialize_enum(deserializer)
            }
        }

        impl $crate::model::FieldValue for $name {
            const ENCODING: $crate::model::Encoding = $crate::model::Encoding::Text;

            #[inline]
            fn value_ref(&self) -> $crate::model::ValueRef<'_> {
                $crate::model::ValueRef::Text(self.as_str())
            }
        }

        impl $crate::model::Decode for $name {
            #[inline]
            fn decode(
                reader: &mut $crate::model::decode::JsonReader<'_>,
                cx: &mut $crate::model::decode::Context,
            ) -> ::std::result::Result<::std::option::Option<Self>, $crate::model::decode::SyntaxError> {
                $crate::model::decode::decode_enum(reader, cx)
            }
        }
    };
}
