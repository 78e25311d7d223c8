//! Example values and names the rendered page needs but the IR may not hold: invented example
//! values (deterministic, by type), the Java SDK's class and setter names, XML element names.

use crate::ir::{Param, Ty};

/// The example value a page shows for `p`: its own, or one invented from its type. Objects and
/// object lists show none (as on real pages); the value is always on one line.
pub fn example(p: &Param) -> Option<String> {
    if let Some(own) = p.example.as_deref().map(one_line).filter(|s| !s.is_empty()) {
        return Some(own);
    }
    if is_structured(p) {
        return None;
    }
    invented(&p.ty.ty)
}

/// True when the page treats `p` as an object: an object type, or a row with children.
pub fn is_structured(p: &Param) -> bool {
    !p.children.is_empty() || p.ty.ty.is_object()
}

/// A deterministic example for a scalar type (`None` for files and objects).
pub fn invented(ty: &Ty) -> Option<String> {
    Some(
        match ty {
            Ty::String | Ty::Unknown(_) => "abc",
            Ty::Number => "123",
            Ty::Boolean => "true",
            Ty::Date => "2000-01-01 00:00:00",
            Ty::Price => "10.00",
            Ty::BigDecimal => "1.00",
            Ty::Json | Ty::Map => "{}",
            Ty::Byte => "1",
            Ty::FieldList => "abc,def",
            Ty::File | Ty::Object(_) => return None,
            Ty::List(inner) => {
                let one = invented(inner)?;
                let two = match inner.as_ref() {
                    Ty::Number | Ty::Byte => "456".to_string(),
                    Ty::Boolean => "false".to_string(),
                    _ if one == "abc" => "def".to_string(),
                    _ => one.clone(),
                };
                return Some(format!("{one},{two}"));
            }
        }
        .to_string(),
    )
}

/// Collapses a text's whitespace runs (newlines included) into single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The type text a page shows: lists as `Name []` (the doc center's spelling), `Field List`
/// with its space, a missing type as nothing.
pub fn type_text(p: &Param) -> Option<String> {
    let declared = p.ty.declared.as_deref()?;
    if p.ty.ty == Ty::FieldList {
        return Some("Field List".to_string());
    }
    match declared.strip_suffix("[]") {
        Some(inner) if declared != "byte[]" && !inner.is_empty() => Some(format!("{inner} []")),
        _ => Some(declared.to_string()),
    }
}

/// `cp_code` -> `CpCode`, `minTravelPerson` -> `MinTravelPerson`, `a.b-c` -> `ABC`: the Java SDK
/// capitalises each word and keeps the rest of it as written.
pub fn upper_camel(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The Java SDK's class stem of an API: `taobao.logistics.openalibity.write` ->
/// `LogisticsOpenalibityWrite` (only a leading `taobao.` is dropped).
pub fn java_class_stem(api_name: &str) -> String {
    let stem = upper_camel(api_name.strip_prefix("taobao.").unwrap_or(api_name));
    if stem.is_empty() { "Api".to_string() } else { stem }
}

/// The Java class of an object row: its declared object type, or one named after the row.
pub fn java_type_name(p: &Param) -> String {
    match p.ty.ty.element() {
        Ty::Object(name) if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => name.clone(),
        Ty::Object(name) => upper_camel(name),
        _ => {
            let named = upper_camel(&p.name);
            if named.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                named
            } else {
                format!("Obj{named}")
            }
        }
    }
}

/// The root element of the XML response: `taobao.a.b` -> `a_b_response`.
pub fn xml_root(api_name: &str) -> String {
    let stem = api_name.strip_prefix("taobao.").unwrap_or(api_name).replace('.', "_");
    format!("{stem}_response")
}

/// The element wrapping each item of a list in the XML response: the element type in
/// snake case (`TmsSitesDTO` -> `tms_sites_dto`, `String` -> `string`).
pub fn xml_item_name(ty: &Ty, declared: Option<&str>) -> String {
    use heck::ToSnakeCase;
    let name = match ty.element() {
        Ty::Object(name) | Ty::Unknown(name) => name.clone(),
        Ty::Number => "Number".into(),
        Ty::Boolean => "Boolean".into(),
        Ty::Date => "Date".into(),
        Ty::Price => "Price".into(),
        Ty::BigDecimal => "BigDecimal".into(),
        Ty::Json => "Json".into(),
        Ty::Map => "Map".into(),
        Ty::Byte | Ty::File => "Byte".into(),
        Ty::String | Ty::FieldList | Ty::List(_) => declared
            .and_then(|d| d.strip_suffix("[]"))
            .filter(|d| d.chars().all(|c| c.is_ascii_alphanumeric()) && !d.is_empty())
            .unwrap_or("String")
            .to_string(),
    };
    let snake = name.to_snake_case();
    if snake.is_empty() { "item".to_string() } else { snake }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeRef;

    #[test]
    fn names_follow_the_java_sdk() {
        let cases = [
            ("cp_code", "CpCode"),
            ("openid", "Openid"),
            ("minTravelPerson", "MinTravelPerson"),
            ("dimission.employee", "DimissionEmployee"),
            ("AAA_bbb", "AAABbb"),
            ("_x__y_", "XY"),
        ];
        for (wire, camel) in cases {
            assert_eq!(upper_camel(wire), camel, "{wire}");
        }
        assert_eq!(
            java_class_stem("taobao.logistics.openalibity.write"),
            "LogisticsOpenalibityWrite"
        );
        assert_eq!(java_class_stem("tmall.miniapp.userInfo.get"), "TmallMiniappUserInfoGet");
        assert_eq!(
            java_class_stem("account.aliyuncs.com.GetPubKey.2013-07-01"),
            "AccountAliyuncsComGetPubKey20130701"
        );
        assert_eq!(xml_root("taobao.a.b"), "a_b_response");
        assert_eq!(xml_root("tmall.a.b"), "tmall_a_b_response");
    }

    #[test]
    fn types_are_shown_as_the_doc_center_spells_them() {
        let shown = |declared: &str| type_text(&Param::new("x", TypeRef::from_declared(declared)));
        assert_eq!(shown("PictureInfoReqDto[]").as_deref(), Some("PictureInfoReqDto []"));
        assert_eq!(shown("String []").as_deref(), Some("String []"));
        assert_eq!(shown("byte[]").as_deref(), Some("byte[]"));
        assert_eq!(shown("byte[][]").as_deref(), Some("byte[] []"));
        assert_eq!(shown("Field List").as_deref(), Some("Field List"));
        assert_eq!(shown(""), None);
    }

    #[test]
    fn invented_examples_are_deterministic_by_type() {
        let list = |t: Ty| Ty::List(Box::new(t));
        assert_eq!(invented(&Ty::Number).as_deref(), Some("123"));
        assert_eq!(invented(&list(Ty::Number)).as_deref(), Some("123,456"));
        assert_eq!(invented(&list(Ty::String)).as_deref(), Some("abc,def"));
        assert_eq!(invented(&Ty::File), None);
        assert_eq!(invented(&list(Ty::Object("A".into()))), None);
        let mut p = Param::new("p", TypeRef::from_declared("String"));
        p.example = Some(" two\n lines ".into());
        assert_eq!(example(&p).as_deref(), Some("two lines"));
    }
}
