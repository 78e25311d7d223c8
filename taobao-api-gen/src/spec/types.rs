//! Declared type names: which are TOP types, which are object (DTO) names, which are
//! misspellings of a TOP type and which are names from elsewhere (`int`, `null`). One
//! classification and one set of messages for every reader; each reader only says where the
//! type was written.
//!
//! It reads the same text [`Ty::parse`] reads and never changes what the IR holds: it only
//! decides what `check` says about it.
//!
//! The rule, for the element name (the declared text without whitespace and trailing `[]`):
//! 1. a TOP type (`String`, `Number`, `Boolean`, `Date`, `Price`, `BigDecimal`, `Json`, `Map`,
//!    `byte`, `Field List`) -> fine;
//! 2. a row with fields (children) is an object whatever its type says -> fine (the corpus has
//!    DTOs called `Data`, one edit from `Date`);
//! 3. one edit from a TOP type, ignoring case (`Nubmer`, `Strng`, `string`, `NUMBER`) -> error
//!    with "did you mean";
//! 4. a type name of another language (`int`, `Long`, `bool`, `datetime`) -> warning that names
//!    the TOP type;
//! 5. an object type name without fields (`TimeNodeDO[]`) -> warning: it loses its typing and
//!    becomes free JSON;
//! 6. anything else (`null[]`, `object`) -> warning.

use crate::diag::Diagnostic;
use crate::ir::{Span, Ty};

/// The type names a spec may declare, for hints.
pub const KNOWN_TYPES: &str = "String, Number, Boolean, Date, Price, BigDecimal, Json, Map, byte, byte[], Field List";

/// TOP scalar type names as compared (whitespace removed) and as suggested.
const KNOWN: [(&str, &str); 10] = [
    ("String", "String"),
    ("Number", "Number"),
    ("Boolean", "Boolean"),
    ("Date", "Date"),
    ("Price", "Price"),
    ("BigDecimal", "BigDecimal"),
    ("Json", "Json"),
    ("Map", "Map"),
    ("byte", "byte"),
    ("FieldList", "Field List"),
];

/// Type names of Java and other languages, with the TOP type that means the same (compared
/// ignoring case).
const ALIASES: [(&str, &str); 14] = [
    ("int", "Number"),
    ("integer", "Number"),
    ("long", "Number"),
    ("short", "Number"),
    ("double", "Number"),
    ("float", "Number"),
    ("bool", "Boolean"),
    ("datetime", "Date"),
    ("timestamp", "Date"),
    ("decimal", "BigDecimal"),
    ("str", "String"),
    ("text", "String"),
    ("char", "String"),
    ("file", "byte[]"),
];

/// What a declared type is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeClass {
    /// No type declared (each reader reports that in its own words).
    Missing,
    /// A TOP type or a list of one.
    Known,
    /// An object (or object list) with its fields.
    Object,
    /// An object type name without fields: free JSON.
    ObjectWithoutFields,
    /// One edit (or only case) away from a TOP type: an error.
    Misspelled {
        /// The TOP type it is close to.
        suggestion: &'static str,
    },
    /// Not a TOP type and not an object type name.
    Foreign {
        /// The TOP type of the same meaning, when the name is another language's (`int`).
        suggestion: Option<&'static str>,
    },
}

/// Classifies a declared type (`Nubmer`, `String []`, `null[]`) of a row with or without fields.
pub fn classify(declared: &str, has_children: bool) -> TypeClass {
    let compact: String = declared.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return TypeClass::Missing;
    }
    let element = element_name(&compact);
    if KNOWN.iter().any(|(name, _)| *name == element) {
        return TypeClass::Known;
    }
    if has_children {
        return TypeClass::Object;
    }
    let lower = element.to_lowercase();
    let close = |max: usize| {
        KNOWN
            .iter()
            .find(|(name, _)| within_edits(&lower, &name.to_lowercase(), max))
            .map(|(_, shown)| *shown)
    };
    if let Some(suggestion) = close(0).or_else(|| close(1)) {
        return TypeClass::Misspelled { suggestion };
    }
    if let Some((_, top)) = ALIASES.iter().find(|(alias, _)| *alias == lower) {
        return TypeClass::Foreign { suggestion: Some(top) };
    }
    if matches!(Ty::parse(element), Ty::Object(_)) {
        return TypeClass::ObjectWithoutFields;
    }
    TypeClass::Foreign { suggestion: None }
}

/// `Name[][]` -> `Name`.
fn element_name(compact: &str) -> &str {
    let mut element = compact;
    while let Some(inner) = element.strip_suffix("[]") {
        element = inner;
    }
    element
}

/// True when `a` becomes `b` with at most `max` (0 or 1) edits: inserting, deleting or
/// substituting one character, or swapping two adjacent ones (Damerau-Levenshtein distance).
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    if a == b {
        return true;
    }
    if max == 0 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (long, short) = if a.len() >= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let i = long.iter().zip(short.iter()).take_while(|(x, y)| x == y).count();
    if long.len() > short.len() {
        return long[i + 1..] == short[i..];
    }
    let substituted = long[i + 1..] == short[i + 1..];
    let swapped =
        i + 1 < long.len() && long[i] == short[i + 1] && long[i + 1] == short[i] && long[i + 2..] == short[i + 2..];
    substituted || swapped
}

/// What a spec calls the place that should list an object's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Page text (bullet or markdown layout): child rows, or the example's setters.
    Page,
    /// A saved HTML page read from its tables: child rows.
    HtmlTable,
    /// A JSON record: `subParams`.
    Record,
}

/// The diagnostic for parameter `param` declared `declared` (at `span`, the type as written),
/// or `None` when the type is fine or missing.
pub fn diagnose(param: &str, declared: &str, has_children: bool, span: Span, listing: Listing) -> Option<Diagnostic> {
    let compact: String = declared.chars().filter(|c| !c.is_whitespace()).collect();
    let class = classify(&compact, has_children);
    let element = element_name(&compact);
    // `Strng []` -> `String[]`: the suggestion keeps the list brackets.
    let instead = |top: &str| format!("{top}{}", &compact[element.len()..]);
    let read_as = match Ty::parse(element) {
        Ty::Object(_) => "kept as free JSON",
        _ => "read as text",
    };
    match class {
        TypeClass::Missing | TypeClass::Known | TypeClass::Object => None,
        TypeClass::Misspelled { suggestion } => Some(
            Diagnostic::error(span, format!("unknown type `{compact}` for `{param}`"))
                .with_hint(format!("did you mean `{}`?", instead(suggestion))),
        ),
        TypeClass::Foreign { suggestion } => {
            let hint = match suggestion {
                Some(top) => format!("write `{}`, TOP's name for this type", instead(top)),
                None if element == "null" => {
                    "the doc center declares no real type here; write the real one (String, Number, ...)".to_string()
                }
                None => format!("use one of {KNOWN_TYPES}, or an object type name such as `OrderDTO` with its fields"),
            };
            Some(
                Diagnostic::warning(span, format!("unknown type `{compact}` for `{param}`; {read_as}")).with_hint(hint),
            )
        }
        TypeClass::ObjectWithoutFields => {
            let (noun, hint) = match listing {
                Listing::Page => ("page", "add its child rows, or the example that sets them"),
                Listing::HtmlTable => ("page", "add its child rows (a nested table, a list or `└` rows)"),
                Listing::Record => (
                    "record",
                    "add its fields as `subParams`; until then the bindings keep it as free JSON",
                ),
            };
            Some(
                Diagnostic::warning(
                    span,
                    format!("`{param}` is an object (`{compact}`) but the {noun} lists none of its fields"),
                )
                .with_hint(hint),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_of_one() {
        let cases = [
            ("number", "number", 0, true),
            ("nubmer", "number", 1, true),
            ("nubmer", "number", 0, false),
            ("strng", "string", 1, true),
            ("strings", "string", 1, true),
            ("strnig", "string", 1, true),
            ("xtring", "string", 1, true),
            ("sting", "string", 1, true),
            ("srting", "string", 1, true),
            ("stirgn", "string", 1, false),
            ("data", "date", 1, true),
            ("page", "date", 1, false),
            ("map", "json", 1, false),
            ("", "map", 1, false),
            ("ma", "map", 1, true),
            ("名称", "map", 1, false),
            ("bytes", "byte", 1, true),
            ("abcdef", "abc", 1, false),
        ];
        for (a, b, max, expected) in cases {
            assert_eq!(within_edits(a, b, max), expected, "{a} vs {b} within {max}");
            assert_eq!(within_edits(b, a, max), expected, "{b} vs {a} within {max}");
        }
    }

    #[test]
    fn classification_table() {
        use TypeClass::*;
        let misspelled = |s| Misspelled { suggestion: s };
        let foreign = |s| Foreign { suggestion: s };
        // (declared, has fields, class)
        let cases = [
            ("String", false, Known),
            ("String []", false, Known),
            ("Number[]", false, Known),
            ("byte[]", false, Known),
            ("byte[][]", false, Known),
            ("byte []", false, Known),
            ("Field List", false, Known),
            ("FieldList", false, Known),
            ("Json []", false, Known),
            ("Price", true, Known),
            ("", false, Missing),
            ("  ", false, Missing),
            ("Nubmer", false, misspelled("Number")),
            ("Strng", false, misspelled("String")),
            ("Strng[]", false, misspelled("String")),
            ("string", false, misspelled("String")),
            ("NUMBER", false, misspelled("Number")),
            ("boolean", false, misspelled("Boolean")),
            ("Bolean", false, misspelled("Boolean")),
            ("Dat", false, misspelled("Date")),
            ("Data", false, misspelled("Date")),
            ("Byte", false, misspelled("byte")),
            ("JSON", false, misspelled("Json")),
            ("Bigdecimal", false, misspelled("BigDecimal")),
            ("Field Lists", false, misspelled("Field List")),
            ("Prcie", false, misspelled("Price")),
            ("Maps", false, misspelled("Map")),
            ("Data", true, Object),
            ("Strng", true, Object),
            ("ResultDto", true, Object),
            ("orderDto", true, Object),
            ("TimeNodeDO[]", false, ObjectWithoutFields),
            ("RichClientInfo", false, ObjectWithoutFields),
            ("DicControlApkDO []", false, ObjectWithoutFields),
            ("Tips", false, ObjectWithoutFields),
            ("int", false, foreign(Some("Number"))),
            ("long", false, foreign(Some("Number"))),
            ("Long", false, foreign(Some("Number"))),
            ("Integer[]", false, foreign(Some("Number"))),
            ("bool", false, foreign(Some("Boolean"))),
            ("datetime", false, foreign(Some("Date"))),
            ("null[]", false, foreign(None)),
            ("null", false, foreign(None)),
            ("object", false, foreign(None)),
            ("[]", false, foreign(None)),
            ("List<Long>", false, foreign(None)),
            ("物流公司编码", false, foreign(None)),
        ];
        for (declared, children, class) in cases {
            assert_eq!(classify(declared, children), class, "{declared:?} (fields: {children})");
        }
    }

    #[test]
    fn messages_name_the_type_and_the_fix() {
        let at = Span::new(3, 9);
        let d = diagnose("cp_code", "Strng []", false, at, Listing::Record).unwrap();
        assert!(d.is_error());
        assert_eq!(d.span, at);
        assert_eq!(d.message, "unknown type `Strng[]` for `cp_code`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `String[]`?"));

        let d = diagnose("ids", "null[]", false, at, Listing::Record).unwrap();
        assert_eq!(d.severity, crate::Severity::Warning);
        assert_eq!(d.message, "unknown type `null[]` for `ids`; read as text");

        let d = diagnose("n", "Long []", false, at, Listing::Page).unwrap();
        assert_eq!(d.message, "unknown type `Long[]` for `n`; kept as free JSON");
        assert_eq!(d.hint.as_deref(), Some("write `Number[]`, TOP's name for this type"));

        let d = diagnose("info", "RichClientInfo", false, at, Listing::Record).unwrap();
        assert_eq!(d.severity, crate::Severity::Warning);
        assert_eq!(
            d.message,
            "`info` is an object (`RichClientInfo`) but the record lists none of its fields"
        );

        for (declared, children) in [("String", false), ("Data", true), ("", false), ("Number []", false)] {
            assert_eq!(diagnose("x", declared, children, at, Listing::Page), None, "{declared}");
        }
    }
}
