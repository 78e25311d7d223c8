//! Every wire-name -> Rust-name decision of the code generator, in one place, with table tests.
//!
//! Rules (each one deliberate; the tests below pin them):
//! - **Modules**: snake case of the whole method name, `taobao.logistics.express.abnormal.report` ->
//!   `taobao_logistics_express_abnormal_report` (camelCase segments split: `userInfo` -> `user_info`).
//! - **SDK names**: UpperCamel of the method without a leading `taobao.` (only that prefix is
//!   dropped, as the official SDKs do): `LogisticsExpressAbnormalReport` + `Request`/`Response`.
//! - **Fields**: heck snake case of the wire name (dots and hyphens become `_`, non-ASCII is
//!   dropped); Rust keywords become raw identifiers (`r#type`); `self`, `super`, `crate`, `Self`
//!   and `_`, which cannot be raw, get a trailing `_`; a leading digit gets a `_` prefix. Two wire
//!   names with the same snake case in one struct (`fooBar`, `foo_bar`): the later one gets `_2`,
//!   `_3`... A wire name that occurs twice in one parameter list keeps only its first row.
//! - **Types**: the spec's DTO name verbatim when it is a plain identifier (`OperatorDTO`), else its
//!   UpperCamel (`a.b$C` -> `ABC`); a DTO without a usable name is `<Owner><Field>`. Inside one
//!   module every type name is claimed once ([`Namespace`]): a second, different DTO under a name
//!   already taken becomes `<Owner><Field>`, then `<Name>2`, `<Name>3`... (`<Owner>` is the
//!   enclosing DTO; at the top level it is `Request`/`Response` and the bare `<Field>` is tried
//!   first). Enums are named `<Field>` (`service_type` -> `ServiceType`), `<Owner><Field>` when
//!   taken by another type; one enum is shared by fields with the same name and values.
//! - **Enum variants**: UpperCamel of the value (`DELIVERY_HOME` -> `DeliveryHome`); a value that
//!   starts with a digit gets a `V` prefix (`1001` -> `V1001`, `10-1` -> `V10_1`); a value with no
//!   ASCII letter or digit (Chinese labels used as values) is `V<position>`; `Other` is the
//!   catch-all, so a documented `OTHER` becomes `Other2`; `Self` (a keyword) becomes `Self_`.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Keywords that can be used as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing `_`.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Turns arbitrary text into a snake_case identifier (as a string; raw identifiers keep `r#`).
pub fn snake_ident(wire: &str) -> String {
    let ascii: String = wire
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { ' ' })
        .collect();
    let mut snake = ascii.to_snake_case();
    if snake.is_empty() {
        snake = if wire.trim_matches('_').is_empty() && wire.contains('_') {
            "_".into()
        } else {
            "field".into()
        };
    }
    fix_ident(snake)
}

/// Applies the keyword and leading-digit rules to an identifier candidate.
fn fix_ident(s: String) -> String {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{s}");
    }
    if NON_RAW_KEYWORDS.contains(&s.as_str()) {
        return format!("{s}_");
    }
    if RAW_KEYWORDS.contains(&s.as_str()) {
        return format!("r#{s}");
    }
    s
}

/// The module of one API: snake case of the whole method name.
pub fn module_name(method: &str) -> String {
    snake_ident(method)
}

/// The official SDK's class-name stem: UpperCamel of the method without a leading `taobao.`.
pub fn sdk_name(method: &str) -> String {
    let rest = method.strip_prefix("taobao.").unwrap_or(method);
    upper_camel(rest, "Api")
}

/// UpperCamel of arbitrary text, ASCII only; `fallback` when nothing is left. A leading digit
/// gets a `V` prefix.
fn upper_camel(text: &str, fallback: &str) -> String {
    let ascii: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let camel = ascii.to_upper_camel_case();
    if camel.is_empty() {
        fallback.to_string()
    } else if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else {
        not_self(camel)
    }
}

/// `Self` is the one UpperCamel keyword; it cannot name a type or variant.
fn not_self(name: String) -> String {
    if name == "Self" { "Self_".into() } else { name }
}

/// A type name from a declared DTO name: verbatim when it is a plain identifier, else UpperCamel.
/// `None` when nothing usable is left.
pub fn type_name(declared: &str) -> Option<String> {
    let plain = declared.starts_with(|c: char| c.is_ascii_alphabetic())
        && declared.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let name = if plain {
        declared.to_string()
    } else {
        upper_camel(declared, "")
    };
    match name.as_str() {
        "" => None,
        "Self" => Some("Self_".into()),
        _ => Some(name),
    }
}

/// UpperCamel of a wire name, for `<Owner><Field>` type names and enum type names.
pub fn camel_of_wire(wire: &str) -> String {
    upper_camel(wire, "Field")
}

/// The enum variant of a documented value (`position` is 1-based, for values without ASCII).
pub fn variant_name(value: &str, position: usize) -> String {
    let ascii: String = value
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    if ascii.trim().is_empty() {
        return format!("V{position}");
    }
    if ascii.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        // Digit groups keep a separator so `10-1` and `101` stay different.
        let words: Vec<&str> = ascii.split_whitespace().collect();
        return format!("V{}", words.join("_"));
    }
    not_self(ascii.to_upper_camel_case())
}

/// The Java bean property of a wire name, as the official SDK's generator names it: split at
/// `_`, keep the first piece, upper-case the first character of each later piece and keep the
/// rest as it is (`abnormal_report_request` -> `abnormalReportRequest`, `image_1` -> `image1`,
/// `is_3D` -> `is3D`); a camelCase wire name is its own property (docs/protocol.md §5).
pub fn java_property(wire: &str) -> String {
    let mut pieces = wire.split('_');
    let mut property = pieces.next().unwrap_or_default().to_string();
    for piece in pieces {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            property.extend(first.to_uppercase());
            property.push_str(chars.as_str());
        }
    }
    property
}

/// The member name the Java SDK's JSON writer gives a nested request field:
/// `toUnderlineStyle` of its bean property (every upper-case letter becomes `_` + its lower case,
/// without `_` at the start): `deliveryOrderCode` -> `delivery_order_code`, `senderID` ->
/// `sender_i_d`; a snake_case wire name is its own key (docs/protocol.md §5).
/// `image_1` -> `image1` (the generator drops the `_` before a digit).
pub fn java_json_key(wire: &str) -> String {
    let property = java_property(wire);
    let mut key = String::with_capacity(property.len() + 4);
    for (i, c) in property.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                key.push('_');
            }
            key.extend(c.to_lowercase());
        } else {
            key.push(c);
        }
    }
    key
}

/// The inner key of a wrapped response list (`"trades": {"trade": [...]}`): snake case of the
/// item type (`Trade` -> `trade`, `String` -> `string`).
pub fn list_item_key(item_type: &str) -> String {
    let s = item_type.to_snake_case();
    if s.is_empty() { "item".into() } else { s }
}

/// Names claimed in one Rust namespace; later claims of a taken name get a number.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    used: BTreeSet<String>,
}

impl Namespace {
    /// A namespace with some names already reserved.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Namespace {
            used: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// True when `name` is taken.
    pub fn is_taken(&self, name: &str) -> bool {
        self.used.contains(name)
    }

    /// Claims `name` if free (returns true).
    pub fn try_claim(&mut self, name: &str) -> bool {
        self.used.insert(name.to_string())
    }

    /// Claims `name`, or `name2`, `name3`... (with `_` before the number when `name` ends in a
    /// digit or is a snake_case identifier).
    pub fn claim(&mut self, name: &str) -> String {
        if self.try_claim(name) {
            return name.to_string();
        }
        let sep = if name.ends_with(|c: char| c.is_ascii_digit()) || name.contains('_') || is_lower(name) {
            "_"
        } else {
            ""
        };
        let base = name.strip_prefix("r#").unwrap_or(name);
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|candidate| self.try_claim(candidate))
            .unwrap_or_default()
    }
}

fn is_lower(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Makes a `syn::Ident` from a name produced here (`r#` prefix -> raw identifier).
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        let cases = [
            ("supplier_id", "supplier_id"),
            ("phoneCallInfo", "phone_call_info"),
            ("minTravelPerson", "min_travel_person"),
            ("dimission.employee", "dimission_employee"),
            ("site-code", "site_code"),
            ("type", "r#type"),
            ("match", "r#match"),
            ("ref", "r#ref"),
            ("gen", "r#gen"),
            ("self", "self_"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("_", "__"),
            ("client", "client"),
            ("request", "request"),
            ("Option", "option"),
            ("Result", "result"),
            ("2013-07-01", "_2013_07_01"),
            ("1st_name", "_1st_name"),
            ("名称", "field"),
            ("NOT_CONNECT", "not_connect"),
        ];
        for (wire, want) in cases {
            assert_eq!(snake_ident(wire), want, "{wire}");
            let _ = ident(&snake_ident(wire));
        }
    }

    #[test]
    fn module_and_sdk_names() {
        let cases = [
            (
                "taobao.logistics.express.abnormal.report",
                "taobao_logistics_express_abnormal_report",
                "LogisticsExpressAbnormalReport",
            ),
            ("tmall.item.get", "tmall_item_get", "TmallItemGet"),
            (
                "cainiao.waybill.ii.get",
                "cainiao_waybill_ii_get",
                "CainiaoWaybillIiGet",
            ),
            (
                "taobao.miniapp.userInfo.get",
                "taobao_miniapp_user_info_get",
                "MiniappUserInfoGet",
            ),
            (
                "account.aliyuncs.com.GetPubKey.2013-07-01",
                "account_aliyuncs_com_get_pub_key_2013_07_01",
                "AccountAliyuncsComGetPubKey20130701",
            ),
            ("taobao.2fa.get", "taobao_2fa_get", "V2faGet"),
        ];
        for (method, module, sdk) in cases {
            assert_eq!(module_name(method), module, "{method}");
            assert_eq!(sdk_name(method), sdk, "{method}");
        }
    }

    #[test]
    fn type_names() {
        let cases = [
            ("AbnormalReportReqDto", Some("AbnormalReportReqDto")),
            ("OperatorDTO", Some("OperatorDTO")),
            ("Top_Result", Some("Top_Result")),
            ("a.b$C", Some("ABC")),
            ("Self", Some("Self_")),
            ("null", Some("null")),
            ("$", None),
        ];
        for (declared, want) in cases {
            assert_eq!(type_name(declared).as_deref(), want, "{declared}");
        }
    }

    #[test]
    fn variant_names() {
        let cases = [
            ("DELIVERY_HOME", 1, "DeliveryHome"),
            ("TMS_CHECK_SHIPPING_CODE_PASS", 1, "TmsCheckShippingCodePass"),
            ("1001", 1, "V1001"),
            ("10-1", 1, "V10_1"),
            ("yzsm_cn_1", 1, "YzsmCn1"),
            ("BCYC-001", 1, "Bcyc001"),
            ("online", 1, "Online"),
            ("是", 3, "V3"),
            ("self", 1, "Self_"),
            ("SELF", 1, "Self_"),
        ];
        for (value, pos, want) in cases {
            assert_eq!(variant_name(value, pos), want, "{value}");
        }
        assert_eq!(camel_of_wire("self"), "Self_");
        assert_eq!(sdk_name("taobao.self"), "Self_");
    }

    #[test]
    fn java_properties_sort_like_the_sdk() {
        assert_eq!(java_property("abnormal_report_request"), "abnormalReportRequest");
        assert_eq!(java_property("minTravelPerson"), "minTravelPerson");
        assert_eq!(java_property("site_code"), "siteCode");
        assert_eq!(java_property("image_1"), "image1");
        assert_eq!(java_property("is_3D"), "is3D");
        assert_eq!(java_property("f_status"), "fStatus");
        // The request JSON key: toUnderlineStyle of the property (docs/protocol.md §5).
        for (wire, key) in [
            ("abnormal_report_request", "abnormal_report_request"),
            ("deliveryOrderCode", "delivery_order_code"),
            ("senderID", "sender_i_d"),
            ("image_1", "image1"),
            ("seller_2_ac_mail_no", "seller2_ac_mail_no"),
            ("is_3D", "is3_d"),
            ("URL", "u_r_l"),
            ("_t", "t"),
            ("plain", "plain"),
        ] {
            assert_eq!(java_json_key(wire), key, "{wire}");
        }
        assert_eq!(list_item_key("TmsSitesDTO"), "tms_sites_dto");
        assert_eq!(list_item_key("String"), "string");
    }

    #[test]
    fn namespace_numbers_taken_names() {
        let mut ns = Namespace::with_reserved(&["INFO"]);
        assert_eq!(ns.claim("Result"), "Result");
        assert_eq!(ns.claim("Result"), "Result2");
        assert_eq!(ns.claim("INFO"), "INFO2");
        assert_eq!(ns.claim("foo_bar"), "foo_bar");
        assert_eq!(ns.claim("foo_bar"), "foo_bar_2");
        assert_eq!(ns.claim("r#type"), "r#type");
        assert_eq!(ns.claim("r#type"), "type_2");
        assert_eq!(ns.claim("V1"), "V1");
        assert_eq!(ns.claim("V1"), "V1_2");
    }
}
