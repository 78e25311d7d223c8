//! Planning: one API's IR -> the Rust items of its module, with every name and type decided
//! before any token is written (so emitters never invent names).
//!
//! Type mapping (request side / response side):
//! - `String` -> `String`, or an open enum when the description documents values;
//!   `Field List` -> `String` (comma list); `Number`/`byte` -> `i64`; `Boolean` -> `bool`;
//!   `Date` -> `taobao_api::Timestamp`; `Price`/`BigDecimal` -> `taobao_api::Decimal` (exact
//!   decimal, written as its text; the Java SDK types both as `String`).
//! - `Json` -> `String` (the caller's JSON text) / `taobao_api::JsonValue`; `Map` ->
//!   `BTreeMap<String, String>` (sent as a JSON object) / `JsonValue`.
//! - `byte[]` -> `taobao_api::FileItem` for a top-level request parameter (multipart); anywhere
//!   else, and `byte[][]`, it cannot be sent as a file by the SDKs either: `String`.
//! - A row with children is an object whatever its declared type (`Price` with children exists);
//!   an object type without documented children is `JsonValue` (nothing is dropped on decode);
//!   unknown declared names (`null`, `int`) are `String`.
//! - `T[]` -> `Vec<T>`.

use crate::ir::{Api, Param, Ty};
use crate::naming::{self, Namespace};
use std::collections::{BTreeMap, BTreeSet};

/// Which table a type belongs to. Request and response types are never shared: they need
/// different capabilities (encode + validate vs tolerant decode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Side {
    Request,
    Response,
}

/// The Rust shape of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Number,
    Bool,
    Date,
    Decimal,
    Value,
    Map,
    File,
    Enum(String),
    Object(String),
    List(Box<Kind>),
}

impl Kind {
    /// True when the value is sent as JSON text at the top level (objects, maps, free JSON).
    pub(crate) fn is_json(&self) -> bool {
        match self {
            Kind::Object(_) | Kind::Value | Kind::Map => true,
            Kind::List(inner) => inner.is_json(),
            _ => false,
        }
    }
}

/// One field of a generated struct.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    pub param: &'a Param,
    pub ident: String,
    pub setter: String,
    pub kind: Kind,
    /// Why the type differs from what the page declares, for the field's doc.
    pub note: Option<String>,
    /// The member name in request JSON when it differs from the wire name (request DTO fields
    /// with camelCase wire names: the Java SDK's `toUnderlineStyle` key).
    pub json_key: Option<String>,
}

/// A generated struct (a DTO, or the request/response itself).
#[derive(Debug, Clone)]
pub(crate) struct Struct<'a> {
    pub name: String,
    pub side: Side,
    pub owner: &'a Param,
    pub fields: Vec<Field<'a>>,
}

/// A generated open enum.
#[derive(Debug, Clone)]
pub(crate) struct Enum {
    pub name: String,
    /// `(variant, wire value, label)`.
    pub variants: Vec<(String, String, String)>,
    /// Wire name of the (first) field it types.
    pub field: String,
}

/// Everything one API module holds.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    pub api: &'a Api,
    pub module: String,
    pub request: String,
    pub builder: String,
    pub response: String,
    pub request_fields: Vec<Field<'a>>,
    pub response_fields: Vec<Field<'a>>,
    pub structs: Vec<Struct<'a>>,
    pub enums: Vec<Enum>,
}

/// Module-level names generated items use; DTOs and enums never take them.
pub(crate) const RESERVED: &[&str] = &["INFO", "ERROR_CODES", "REQUEST_SCHEMA", "ErrorCode"];

struct Planner<'a> {
    names: Namespace,
    structs: Vec<Struct<'a>>,
    enums: Vec<Enum>,
    struct_keys: BTreeMap<(Side, String, String), String>,
    enum_keys: BTreeMap<(String, Vec<(String, String)>), String>,
}

/// Plans the module of `api`.
pub(crate) fn plan(api: &Api) -> Plan<'_> {
    let sdk = naming::sdk_name(&api.name);
    let mut names = Namespace::with_reserved(RESERVED);
    let request = names.claim(&format!("{sdk}Request"));
    let builder = names.claim(&format!("{sdk}RequestBuilder"));
    let response = names.claim(&format!("{sdk}Response"));
    let mut p = Planner {
        names,
        structs: Vec::new(),
        enums: Vec::new(),
        struct_keys: BTreeMap::new(),
        enum_keys: BTreeMap::new(),
    };
    let request_fields = p.fields(&api.request, Side::Request, "Request", true);
    let response_fields = p.fields(&api.response, Side::Response, "Response", true);
    Plan {
        api,
        module: naming::module_name(&api.name),
        request,
        builder,
        response,
        request_fields,
        response_fields,
        structs: p.structs,
        enums: p.enums,
    }
}

impl<'a> Planner<'a> {
    fn fields(&mut self, params: &'a [Param], side: Side, owner: &str, top: bool) -> Vec<Field<'a>> {
        let mut idents = Namespace::default();
        let mut setters = Namespace::with_reserved(&["build", "builder"]);
        let mut wires = BTreeSet::new();
        let mut out = Vec::new();
        for param in params {
            // A wire name twice in one list: only the first row can be sent or decoded.
            if !wires.insert(param.name.as_str()) {
                continue;
            }
            let ident = idents.claim(&naming::snake_ident(&param.name));
            let setter = setters.claim(&ident);
            let mut note = None;
            let kind = self.kind(param, &param.ty.ty, side, owner, top, &mut note);
            let json_key = (side == Side::Request && !top)
                .then(|| naming::java_json_key(&param.name))
                .filter(|key| *key != param.name);
            out.push(Field {
                param,
                ident,
                setter,
                kind,
                note,
                json_key,
            });
        }
        out
    }

    fn kind(&mut self, p: &'a Param, ty: &Ty, side: Side, owner: &str, top: bool, note: &mut Option<String>) -> Kind {
        if !p.children.is_empty() {
            let name = self.object(p, side, owner);
            return if ty.is_list() {
                Kind::List(Box::new(Kind::Object(name)))
            } else {
                Kind::Object(name)
            };
        }
        let declared = p.ty.display_name().to_string();
        match ty {
            Ty::String if !p.enum_values.is_empty() => Kind::Enum(self.enumeration(p, owner)),
            Ty::String | Ty::FieldList => Kind::Text,
            Ty::Number | Ty::Byte => Kind::Number,
            Ty::Boolean => Kind::Bool,
            Ty::Date => Kind::Date,
            Ty::Price | Ty::BigDecimal => Kind::Decimal,
            Ty::Json if side == Side::Request => Kind::Text,
            Ty::Map if side == Side::Request => Kind::Map,
            Ty::Json | Ty::Map => Kind::Value,
            Ty::File if side == Side::Request && top => Kind::File,
            Ty::File => {
                *note = Some(format!(
                    "declared `{declared}`; only top-level request files are sent as files"
                ));
                Kind::Text
            }
            Ty::Object(_) => {
                *note = Some(format!(
                    "declared `{declared}` without documented fields: kept as free JSON"
                ));
                Kind::Value
            }
            Ty::Unknown(_) => {
                *note = Some(format!("declared `{declared}`, an unknown type: read as text"));
                Kind::Text
            }
            Ty::List(inner) if matches!(**inner, Ty::File) => {
                *note = Some(format!("declared `{declared}`: sent and read as text"));
                Kind::Text
            }
            Ty::List(inner) => Kind::List(Box::new(self.kind(p, inner, side, owner, false, note))),
        }
    }

    fn object(&mut self, p: &'a Param, side: Side, owner: &str) -> String {
        let declared = match p.ty.ty.element() {
            Ty::Object(n) => naming::type_name(n),
            _ => None,
        };
        let key = (side, declared.clone().unwrap_or_default(), shape(&p.children));
        if let Some(name) = self.struct_keys.get(&key) {
            return name.clone();
        }
        let field = naming::camel_of_wire(&p.name);
        let anonymous = format!("{owner}{field}");
        // At the top level `owner` is just `Request`/`Response`: try the bare field name first.
        let bare = (owner == "Request" || owner == "Response").then_some(field.as_str());
        let name = [declared.as_deref(), bare, Some(anonymous.as_str())]
            .into_iter()
            .flatten()
            .find(|n| self.free_type_name(n, side))
            .map(str::to_string)
            .unwrap_or_else(|| self.numbered_type_name(declared.as_deref().unwrap_or(&anonymous), side));
        self.names.try_claim(&name);
        if side == Side::Request {
            self.names.try_claim(&format!("{name}Builder"));
        }
        self.struct_keys.insert(key, name.clone());
        let index = self.structs.len();
        self.structs.push(Struct {
            name: name.clone(),
            side,
            owner: p,
            fields: Vec::new(),
        });
        let fields = self.fields(&p.children, side, &name, false);
        self.structs[index].fields = fields;
        name
    }

    fn free_type_name(&self, name: &str, side: Side) -> bool {
        !self.names.is_taken(name) && (side == Side::Response || !self.names.is_taken(&format!("{name}Builder")))
    }

    fn numbered_type_name(&self, base: &str, side: Side) -> String {
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|c| self.free_type_name(c, side))
            .unwrap_or_default()
    }

    fn enumeration(&mut self, p: &Param, owner: &str) -> String {
        let values: Vec<(String, String)> = p
            .enum_values
            .iter()
            .map(|v| (v.value.clone(), v.label.clone()))
            .collect();
        let base = naming::camel_of_wire(&p.name);
        let key = (base.clone(), values.clone());
        if let Some(name) = self.enum_keys.get(&key) {
            return name.clone();
        }
        let name = if !self.names.is_taken(&base) {
            self.names.claim(&base)
        } else {
            self.names.claim(&format!("{owner}{base}"))
        };
        let mut variants_ns = Namespace::with_reserved(&["Other"]);
        let mut seen = BTreeSet::new();
        let variants = values
            .iter()
            .enumerate()
            .filter(|(_, (value, _))| seen.insert(value.clone()))
            .map(|(i, (value, label))| {
                (
                    variants_ns.claim(&naming::variant_name(value, i + 1)),
                    value.clone(),
                    label.clone(),
                )
            })
            .collect();
        self.enum_keys.insert(key, name.clone());
        self.enums.push(Enum {
            name: name.clone(),
            variants,
            field: p.name.clone(),
        });
        name
    }
}

/// A fingerprint of a DTO's fields and everything its schema holds (types, required flags,
/// rules, limits, documented values): equal fingerprints share one Rust type, so a DTO type
/// used twice with different limits or rules becomes two types.
fn shape(children: &[Param]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for c in children {
        s.push_str(&c.name);
        s.push(':');
        s.push_str(c.ty.display_name());
        if c.required {
            s.push('!');
        }
        if !c.limits.is_empty() {
            let _ = write!(s, "{:?}", c.limits);
        }
        for rule in &c.rules {
            match rule {
                crate::ir::Rule::RequiredInParent { .. } => s.push_str("^!"),
                crate::ir::Rule::RequiredWhen { field, equals, .. } => {
                    let _ = write!(s, "?{field}={equals}");
                }
            }
        }
        for e in &c.enum_values {
            s.push('|');
            s.push_str(&e.value);
        }
        if !c.children.is_empty() {
            s.push('{');
            s.push_str(&shape(&c.children));
            s.push('}');
        }
        s.push(';');
    }
    s
}
