//! The IR: what a TOP API doc says, as plain data.
//!
//! This is the one contract between the spec readers (`spec::*`) and everything downstream
//! (codegen, renderer, CLI). It knows nothing about Rust syntax or about the text layout a spec
//! came from; every reader produces it and nothing downstream reads spec text.

use serde::{Deserialize, Serialize};

/// One TOP API, as its doc page describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Api {
    /// Method name as sent on the wire, e.g. `taobao.logistics.express.abnormal.report`.
    pub name: String,
    /// The Chinese title shown in brackets after the name (`配服务商异常报备`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The API description under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Doc-center category (`淘天物流API`), from the breadcrumb or the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Which reader produced this IR.
    pub source_format: SourceFormat,
    /// The 请求参数 table, in page order.
    pub request: Vec<Param>,
    /// The 响应参数 table, in page order.
    pub response: Vec<Param>,
    /// 请求示例 (the Java example), 响应示例 and 异常示例.
    #[serde(default)]
    pub examples: Examples,
    /// The 错误码解释 table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_codes: Vec<ErrorCode>,
}

/// The input dialect a spec was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Page text copied from the doc center, bullet layout (the seeds).
    #[default]
    PageText,
    /// Page text in the markdown pipe-table layout.
    Markdown,
    /// The doc center's JSON record (`requestParams` / `responseParams` / `subParams`).
    Json,
    /// A doc page saved as HTML.
    Html,
}

/// One parameter row (request or response), with its children for object types.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// Wire name, verbatim (snake_case mostly; camelCase, dots and duplicates are kept).
    pub name: String,
    /// The declared type.
    pub ty: TypeRef,
    /// 是否必须 = 必须. Response rows are never required.
    #[serde(default)]
    pub required: bool,
    /// 示例值.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// 描述, with HTML removed and lines joined by `\n`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 更多限制: length, list size and value bounds.
    #[serde(default, skip_serializing_if = "Limits::is_empty")]
    pub limits: Limits,
    /// 默认值 from the 更多限制 column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Documented values of this field, from its description.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<EnumValue>,
    /// Conditional rules stated in the description.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Phrases of the description that state a constraint the IR cannot express as a rule,
    /// and repairs made while reading it (e.g. a typo fixed in an enum value).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Fields of an object or object-list type, in page order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Param>,
    /// Where this row came from.
    #[serde(default, skip_serializing_if = "ParamOrigin::is_table")]
    pub origin: ParamOrigin,
    /// Byte range of the row in the spec text (absent for readers without positions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Param {
    /// A parameter with a name and type and nothing else set.
    pub fn new(name: impl Into<String>, ty: TypeRef) -> Self {
        Param {
            name: name.into(),
            ty,
            ..Param::default()
        }
    }
}

/// Where a parameter row was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamOrigin {
    /// A row of the parameter table (or a JSON/HTML record).
    #[default]
    Table,
    /// Recovered from the Java request example's setters; the type is inferred from the literal.
    JavaExample,
    /// Recovered from the XML/JSON response example; the type is inferred from the value.
    ResponseExample,
}

impl ParamOrigin {
    fn is_table(&self) -> bool {
        *self == ParamOrigin::Table
    }
}

/// A byte range in the spec text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl From<Span> for std::ops::Range<usize> {
    fn from(s: Span) -> Self {
        s.start..s.end
    }
}

/// A parameter's type: the text the page declares plus what it means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TypeRef {
    /// The type as declared, whitespace removed (`PictureInfoReqDto []` -> `PictureInfoReqDto[]`).
    /// `None` when the page gives no type (treated as `String`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
    /// The meaning of the declared text.
    pub ty: Ty,
    /// True when the type was not declared but inferred (from an example literal).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl TypeRef {
    /// Reads a declared type name as it appears on a page or in a record.
    pub fn from_declared(declared: &str) -> Self {
        let compact: String = declared.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return TypeRef::default();
        }
        TypeRef {
            ty: Ty::parse(&compact),
            declared: Some(compact),
            inferred: false,
        }
    }

    /// The type text the outline prints: as declared, or `String` when missing.
    pub fn display_name(&self) -> &str {
        self.declared.as_deref().unwrap_or("String")
    }
}

/// What a declared type means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "of")]
pub enum Ty {
    /// `String`, and a missing type.
    #[default]
    String,
    /// `Number`: a 64-bit integer.
    Number,
    /// `Boolean`.
    Boolean,
    /// `Date`: `yyyy-MM-dd HH:mm:ss`, GMT+8.
    Date,
    /// `Price`: decimal money text.
    Price,
    /// `BigDecimal`.
    BigDecimal,
    /// `Json`: a JSON text carried in a string.
    Json,
    /// `Map`: a JSON object of string keys.
    Map,
    /// `byte`: a single byte value (treated as a small number).
    Byte,
    /// `byte[]`: a file upload, sent as multipart and never signed.
    File,
    /// `Field List`: a comma-separated list of field names.
    FieldList,
    /// A named object (DTO) type, e.g. `AbnormalReportReqDto`.
    Object(String),
    /// `T[]` / `T []`: a list of `T`.
    List(Box<Ty>),
    /// A name that is not a known scalar and does not look like a type name (`null`, `int`...).
    Unknown(String),
}

impl Ty {
    /// Reads a declared type with whitespace already removed.
    pub fn parse(compact: &str) -> Ty {
        if compact == "byte[]" {
            return Ty::File;
        }
        if let Some(inner) = compact.strip_suffix("[]") {
            return Ty::List(Box::new(Ty::parse(inner)));
        }
        match compact {
            "" | "String" => Ty::String,
            "Number" => Ty::Number,
            "Boolean" => Ty::Boolean,
            "Date" => Ty::Date,
            "Price" => Ty::Price,
            "BigDecimal" => Ty::BigDecimal,
            "Json" => Ty::Json,
            "Map" => Ty::Map,
            "byte" => Ty::Byte,
            "FieldList" => Ty::FieldList,
            other if is_type_name(other) => Ty::Object(other.to_string()),
            other => Ty::Unknown(other.to_string()),
        }
    }

    /// The element type of a list, or the type itself.
    pub fn element(&self) -> &Ty {
        match self {
            Ty::List(inner) => inner.element(),
            other => other,
        }
    }

    /// True for `T[]`.
    pub fn is_list(&self) -> bool {
        matches!(self, Ty::List(_))
    }

    /// True when the type (or its list element) is a named object type.
    pub fn is_object(&self) -> bool {
        matches!(self.element(), Ty::Object(_))
    }
}

/// `UpperCamel`-ish identifiers: the shape of a DTO type name.
fn is_type_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.')
}

/// 更多限制 of a request parameter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Limits {
    /// 最大长度: in UTF-16 code units (file size in bytes for `byte[]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// 最大列表长度: items of a list, or of a comma-separated string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_list_size: Option<u64>,
    /// 最小值 (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<i64>,
    /// 最大值 (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<i64>,
}

impl Limits {
    /// True when no limit is set.
    pub fn is_empty(&self) -> bool {
        *self == Limits::default()
    }
}

/// One documented value of a field, e.g. `1001` = `无法取件`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EnumValue {
    /// The value as sent on the wire.
    pub value: String,
    /// Its meaning, as the description gives it.
    pub label: String,
}

/// A conditional constraint stated in a description.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Rule {
    /// Required in every instance of the enclosing object when that object is present
    /// (`phoneCallInfo有值时,必需`: required in every element of `phone_call_info_list`).
    RequiredInParent {
        /// The phrase the rule was read from.
        source: String,
    },
    /// Required when a sibling field has a given value
    /// (`送货上门场景必传` on `abnormal_result`: required when `service_type` = `1`).
    RequiredWhen {
        /// Wire name of the sibling field.
        field: String,
        /// The value that makes this field required.
        equals: String,
        /// The phrase the rule was read from.
        source: String,
    },
}

/// 请求示例, 响应示例 and 异常示例.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Examples {
    /// The Java request example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<CodeExample>,
    /// The response example (XML or JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<CodeExample>,
    /// The error example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<CodeExample>,
}

/// A code example as the page shows it, plus the value it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeExample {
    /// Language of the text.
    pub language: ExampleLanguage,
    /// The text, with line numbers of flattened copies removed.
    pub text: String,
    /// The structured value: for Java, the request object built by the setters (wire names);
    /// for XML/JSON, the document under its root element / key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ExampleValue>,
    /// Byte range in the spec text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Language of a code example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleLanguage {
    /// The official Java SDK call.
    Java,
    /// An XML document.
    Xml,
    /// A JSON document.
    Json,
}

/// A value tree read from an example. Object members keep their order and duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExampleValue {
    /// An object: `(wire name, value)` in document order.
    Object(Vec<(String, ExampleValue)>),
    /// A list.
    List(Vec<ExampleValue>),
    /// A scalar, as text (numbers and booleans included).
    Scalar(String),
}

/// One row of the 错误码解释 table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ErrorCode {
    /// 错误码.
    pub code: String,
    /// 错误描述.
    pub description: String,
    /// 解决方案.
    pub solution: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types_are_read() {
        let cases: &[(&str, Ty, &str)] = &[
            ("String", Ty::String, "String"),
            (
                "PictureInfoReqDto []",
                Ty::List(Box::new(Ty::Object("PictureInfoReqDto".into()))),
                "PictureInfoReqDto[]",
            ),
            ("String []", Ty::List(Box::new(Ty::String)), "String[]"),
            ("byte[]", Ty::File, "byte[]"),
            ("byte[][]", Ty::List(Box::new(Ty::File)), "byte[][]"),
            ("byte", Ty::Byte, "byte"),
            ("Field List", Ty::FieldList, "FieldList"),
            ("null[]", Ty::List(Box::new(Ty::Unknown("null".into()))), "null[]"),
            ("Json", Ty::Json, "Json"),
            ("Map", Ty::Map, "Map"),
        ];
        for (declared, ty, shown) in cases {
            let t = TypeRef::from_declared(declared);
            assert_eq!(&t.ty, ty, "{declared}");
            assert_eq!(t.display_name(), *shown, "{declared}");
        }
        assert_eq!(TypeRef::from_declared("  ").display_name(), "String");
        assert_eq!(TypeRef::from_declared("").ty, Ty::String);
    }
}
