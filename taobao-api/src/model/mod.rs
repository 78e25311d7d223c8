//! The object model that generated types plug into: each generated struct describes its fields
//! once, in a static [`Schema`], and hands out borrowed views of them ([`Object::field`]); the
//! runtime does everything else from that description, once for all APIs: validation
//! ([`validate`]), the business parameters and their Java-SDK JSON ([`encode`]), tolerant
//! decoding of replies ([`decode`]), `Debug` and serde's `Serialize` / `Deserialize`
//! ([`serde_impls`]).
//!
//! Why this shape: the bindings of hundreds of APIs are compiled into every application that
//! depends on this crate. A per-field line in a table and a per-field match arm compile in a
//! fraction of the time that per-type derived code and hand-expanded checks take, and nothing of
//! an API is turned into machine code unless the application calls it
//! (docs/generated-code.md).
//!
//! Generated code only implements [`Object`] (and [`ObjectMut`] for response types), invokes
//! [`object_impls!`](crate::object_impls) for the std and serde traits, and [`open_enum!`](crate::open_enum)
//! for enums. It never calls the rest of this module directly.

pub mod decode;
pub mod encode;
mod macros;
mod reader;
pub mod serde_impls;
mod table;
pub mod validate;

pub use decode::{Decode, DecodeWarning, Slot};

use crate::request::FileItem;
use crate::value::Timestamp;
use rust_decimal::Decimal;
use serde_json::Value as JsonValue;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One generated struct: its fields, in declaration order, with their wire names and rules.
pub trait Object {
    /// The static description of this type's fields.
    fn schema(&self) -> &'static Schema;
    /// The value of field `index` (an index into [`Schema::fields`]); `None` when absent.
    fn field(&self, index: usize) -> Option<ValueRef<'_>>;
}

/// A generated response type or response DTO: fields can be written by the decoder.
pub trait ObjectMut: Object {
    /// The slot of field `index`, for the decoder to fill (`None` only for an index that is
    /// not one of the schema's).
    fn field_mut(&mut self, index: usize) -> Option<&mut dyn Slot>;
}

/// How a value is sent when it is a top-level business parameter or a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// As text (numbers in decimal, dates in GMT+8, scalar lists comma-joined).
    Text,
    /// As JSON text (objects, lists of objects, maps, free JSON).
    Json,
    /// As a multipart file part, never signed.
    File,
}

/// A borrowed view of one present field value.
#[derive(Clone, Copy)]
pub enum ValueRef<'a> {
    /// Text, and the wire value of an open enum.
    Text(&'a str),
    /// A `Number` (64-bit integer).
    Number(i64),
    /// A `Boolean`.
    Bool(bool),
    /// A `Date` (GMT+8).
    Date(&'a Timestamp),
    /// A `Price` / `BigDecimal`.
    Decimal(&'a Decimal),
    /// Free JSON (`Json` / `Map` responses, objects without documented fields).
    Json(&'a JsonValue),
    /// A `Map` request parameter.
    Map(&'a BTreeMap<String, String>),
    /// A file (`byte[]`) request parameter.
    File(&'a FileItem),
    /// A nested object.
    Object(&'a dyn Object),
    /// A list.
    List(&'a dyn ListRef),
}

/// Every type a generated field can hold (inside its `Option`).
pub trait FieldValue {
    /// How this value is sent as a parameter or list item.
    const ENCODING: Encoding;
    /// The borrowed view of this value.
    fn value_ref(&self) -> ValueRef<'_>;
}

/// A list, seen item by item.
pub trait ListRef {
    /// Number of items.
    fn len(&self) -> usize;
    /// True when there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `index` (< `len()`).
    fn item(&self, index: usize) -> ValueRef<'_>;
    /// How the items are sent: scalar lists are comma-joined text, object lists JSON arrays.
    fn item_encoding(&self) -> Encoding;
}

/// The view of an optional field (generated `field` arms call this).
#[inline]
pub fn get<T: FieldValue>(value: &Option<T>) -> Option<ValueRef<'_>> {
    value.as_ref().map(T::value_ref)
}

/// The view of a required top-level request field, which is always present.
#[inline]
pub fn val<T: FieldValue>(value: &T) -> Option<ValueRef<'_>> {
    Some(value.value_ref())
}

macro_rules! scalar_value {
    ($($ty:ty => $encoding:ident, |$v:ident| $view:expr;)*) => {$(
        impl FieldValue for $ty {
            const ENCODING: Encoding = Encoding::$encoding;
            #[inline]
            fn value_ref(&self) -> ValueRef<'_> {
                let $v = self;
                $view
            }
        }
    )*};
}

scalar_value! {
    String => Text, |v| ValueRef::Text(v);
    i64 => Text, |v| ValueRef::Number(*v);
    bool => Text, |v| ValueRef::Bool(*v);
    Timestamp => Text, |v| ValueRef::Date(v);
    Decimal => Text, |v| ValueRef::Decimal(v);
    JsonValue => Json, |v| ValueRef::Json(v);
    BTreeMap<String, String> => Json, |v| ValueRef::Map(v);
    FileItem => File, |v| ValueRef::File(v);
}

impl<T: FieldValue> FieldValue for Vec<T> {
    const ENCODING: Encoding = match T::ENCODING {
        Encoding::Text => Encoding::Text,
        Encoding::Json | Encoding::File => Encoding::Json,
    };
    #[inline]
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::List(self)
    }
}

impl<T: FieldValue> ListRef for Vec<T> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn item(&self, index: usize) -> ValueRef<'_> {
        self[index].value_ref()
    }
    fn item_encoding(&self) -> Encoding {
        T::ENCODING
    }
}

/// Every generated object is a field value of its own (a nested DTO).
impl<T: Object> FieldValue for T {
    const ENCODING: Encoding = Encoding::Json;
    #[inline]
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::Object(self)
    }
}

/// The fields of one generated struct.
///
/// Generated code describes its fields as a compact text table ([`Schema::from_table`], written
/// by the [`schema!`](crate::schema) macro), read into [`FieldSpec`]s the first time the type is
/// used: a string literal costs the compiler next to nothing to evaluate, where a static array of
/// `FieldSpec`s built by `const fn` calls is interpreted call by call for every type of every API.
pub struct Schema {
    /// The Rust type name (for `Debug`).
    pub name: &'static str,
    source: Source,
    fields: OnceLock<Box<[FieldSpec]>>,
    /// Field indices sorted by [`FieldSpec::key`], computed on first use.
    sorted: OnceLock<Box<[u16]>>,
    /// The decoder's lookup of wire names, computed on first use.
    names: OnceLock<NameTable>,
    /// Per field in [`Schema::by_key`] order: its index and `,"key":` as request JSON writes it,
    /// computed on first use.
    members: OnceLock<Box<[JsonMember]>>,
}

/// An open-addressing hash table from wire name to field index: the decoder looks up every
/// member of every object of a reply, so this is one hash of the key and (almost always) one
/// comparison, where a binary search costs a string comparison per step.
struct NameTable {
    /// `index + 1` per slot, 0 for an empty slot; the length is a power of two, at least twice
    /// the number of fields.
    slots: Box<[u16]>,
}

impl NameTable {
    fn new(fields: &[FieldSpec]) -> Self {
        let size = (fields.len() * 2).next_power_of_two().max(4);
        let mut slots = vec![0u16; size].into_boxed_slice();
        let mask = size - 1;
        for (index, field) in fields.iter().enumerate() {
            let mut at = name_hash(field.name) & mask;
            loop {
                match slots[at] {
                    0 => {
                        // Field counts come from `u16` indices (the generator's limit).
                        slots[at] = u16::try_from(index + 1).unwrap_or(u16::MAX);
                        break;
                    }
                    // A duplicate name: the first field keeps it, as `position` does.
                    taken if fields[usize::from(taken) - 1].name == field.name => break,
                    _ => at = (at + 1) & mask,
                }
            }
        }
        NameTable { slots }
    }

    fn get(&self, fields: &[FieldSpec], name: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = name_hash(name) & mask;
        loop {
            match self.slots[at] {
                0 => return None,
                slot => {
                    let index = usize::from(slot) - 1;
                    if fields[index].name == name {
                        return Some(index);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// FNV-1a over the name's bytes (names are short ASCII: cheap and well spread).
#[inline]
fn name_hash(name: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in name.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

/// A field's index and its request JSON key with separators: `,"key":`.
pub(crate) type JsonMember = (usize, Box<str>);

enum Source {
    Specs(&'static [FieldSpec]),
    Table(&'static str),
}

impl Schema {
    /// A schema from field specs (for hand-written types).
    pub const fn new(name: &'static str, fields: &'static [FieldSpec]) -> Self {
        Schema {
            name,
            source: Source::Specs(fields),
            fields: OnceLock::new(),
            sorted: OnceLock::new(),
            names: OnceLock::new(),
            members: OnceLock::new(),
        }
    }

    /// A schema from a field table: one line per field, `wire\t.rule(args)...\n`, the rules
    /// as `FieldSpec` method calls (what [`schema!`](crate::schema) writes).
    pub const fn from_table(name: &'static str, table: &'static str) -> Self {
        Schema {
            name,
            source: Source::Table(table),
            fields: OnceLock::new(),
            sorted: OnceLock::new(),
            names: OnceLock::new(),
            members: OnceLock::new(),
        }
    }

    /// The fields, in declaration order (the order of the doc page).
    pub fn fields(&self) -> &[FieldSpec] {
        match self.source {
            Source::Specs(fields) => fields,
            Source::Table(table) => self.fields.get_or_init(|| table::parse(table)),
        }
    }

    /// Field indices in the order of their JSON keys: the member order of the Java SDK's JSON
    /// writer (it sorts bean properties by name), and the lookup table of the decoder.
    pub fn by_key(&self) -> &[u16] {
        self.sorted.get_or_init(|| {
            let fields = self.fields();
            let mut order: Vec<u16> = (0..fields.len() as u16).collect();
            order.sort_by(|&a, &b| {
                let (a, b) = (&fields[usize::from(a)], &fields[usize::from(b)]);
                a.key().as_bytes().cmp(b.key().as_bytes())
            });
            order.into_boxed_slice()
        })
    }

    /// The members of request JSON in output order: each field's index and its escaped key
    /// with the separators around it (`,"key":`; the first member written drops the comma).
    pub(crate) fn json_members(&self) -> &[JsonMember] {
        self.members.get_or_init(|| {
            let fields = self.fields();
            self.by_key()
                .iter()
                .map(|&index| {
                    let index = usize::from(index);
                    let mut prefix = String::from(",");
                    crate::json::write_str(&mut prefix, fields[index].key());
                    prefix.push(':');
                    (index, prefix.into_boxed_str())
                })
                .collect()
        })
    }

    /// The index of the field whose wire name is `name` (the decoder's lookup of a reply
    /// member; the first such field, like [`Schema::position`]).
    pub fn find(&self, name: &str) -> Option<usize> {
        let fields = self.fields();
        self.names.get_or_init(|| NameTable::new(fields)).get(fields, name)
    }

    /// The index of the field whose wire name is `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.fields().iter().position(|f| f.name == name)
    }
}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schema")
            .field("name", &self.name)
            .field("fields", &self.fields())
            .finish()
    }
}

/// One field: wire name, JSON key and the documented rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The documented wire name: the form field name at the top level, the member name in
    /// replies, and the name in violation paths.
    pub name: &'static str,
    /// The member name in request JSON when it differs from `name` (the Java SDK writes
    /// `toUnderlineStyle` of the property name: `deliveryOrderCode` -> `delivery_order_code`).
    pub json_key: Option<&'static str>,
    /// The rules.
    pub rules: Rules,
}

/// The documented rules of a field (the official SDK's `RequestCheckUtils` semantics,
/// docs/protocol.md §10).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// Required (at the top level; inside an object: in every present instance).
    pub required: bool,
    /// Required when the sibling with this wire name has this wire value.
    pub required_when: Option<(&'static str, &'static str)>,
    /// Maximum length in UTF-16 code units (bytes for files; the comma-joined text for
    /// scalar lists).
    pub max_length: Option<u64>,
    /// Maximum number of items (the comma-split pieces of the text sent, for scalar lists
    /// and text; the JSON array size for object lists).
    pub max_list_size: Option<u64>,
    /// Inclusive minimum of a number.
    pub min_value: Option<i64>,
    /// Inclusive maximum of a number.
    pub max_value: Option<i64>,
}

impl FieldSpec {
    /// A field with no rules.
    pub const fn new(name: &'static str) -> Self {
        FieldSpec {
            name,
            json_key: None,
            rules: Rules {
                required: false,
                required_when: None,
                max_length: None,
                max_list_size: None,
                min_value: None,
                max_value: None,
            },
        }
    }

    /// The JSON member name (requests: the Java SDK's key; replies: the wire name).
    pub fn key(&self) -> &'static str {
        self.json_key.unwrap_or(self.name)
    }

    /// Sends the member under `key` in request JSON.
    pub const fn json_key(mut self, key: &'static str) -> Self {
        self.json_key = Some(key);
        self
    }

    /// Required.
    pub const fn required(mut self) -> Self {
        self.rules.required = true;
        self
    }

    /// Required when sibling `field` has wire value `equals`.
    pub const fn required_when(mut self, field: &'static str, equals: &'static str) -> Self {
        self.rules.required_when = Some((field, equals));
        self
    }

    /// Maximum length.
    pub const fn max_length(mut self, max: u64) -> Self {
        self.rules.max_length = Some(max);
        self
    }

    /// Maximum number of items.
    pub const fn max_list_size(mut self, max: u64) -> Self {
        self.rules.max_list_size = Some(max);
        self
    }

    /// Inclusive minimum.
    pub const fn min_value(mut self, min: i64) -> Self {
        self.rules.min_value = Some(min);
        self
    }

    /// Inclusive maximum.
    pub const fn max_value(mut self, max: i64) -> Self {
        self.rules.max_value = Some(max);
        self
    }
}

/// An open enum generated from documented values: the documented variants plus `Other`.
pub trait OpenEnum: Sized {
    /// The documented wire values, in page order.
    const DOCUMENTED: &'static [&'static str];
    /// The wire value.
    fn as_str(&self) -> &str;
    /// The variant of a wire value (`Other` for an undocumented one).
    fn from_wire(value: String) -> Self;
}

/// The `Display` text of a value as a parameter would send it (used by rules that compare a
/// sibling's value, and by `Debug`).
pub(crate) fn param_text(value: ValueRef<'_>, out: &mut String) {
    use std::fmt::Write;
    match value {
        ValueRef::Text(t) => out.push_str(t),
        ValueRef::Number(n) => {
            let _ = write!(out, "{n}");
        }
        ValueRef::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        ValueRef::Date(d) => d.write_to(out),
        ValueRef::Decimal(d) => {
            let _ = write!(out, "{d}");
        }
        ValueRef::List(items) if items.item_encoding() == Encoding::Text => {
            for i in 0..items.len() {
                if i > 0 {
                    out.push(',');
                }
                param_text(items.item(i), out);
            }
        }
        ValueRef::Json(_) | ValueRef::Map(_) | ValueRef::Object(_) | ValueRef::List(_) => {
            encode::write_json(value, out);
        }
        ValueRef::File(f) => out.push_str(&f.file_name),
    }
}

#[cfg(test)]
mod tests;
