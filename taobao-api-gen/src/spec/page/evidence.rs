//! Example evidence: the name trees that the Java request example and the XML/JSON response
//! example show. The page's parameter tables lose depth; these trees restore it, tell example
//! cells from description cells and supply children that a page's table leaves out.

use crate::ir::{ExampleValue, Span};

/// The fields one object of an example shows, in example order (duplicates kept).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// The fields.
    pub entries: Vec<Entry>,
}

/// One field of an example object.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The wire name the example uses (snake case of a Java setter, an XML element name).
    pub key: String,
    /// Its value.
    pub value: EvValue,
    /// Where the example sets it.
    pub span: Span,
}

/// What kind of literal an example value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LitKind {
    /// A string literal (or element text that is not a number or boolean).
    String,
    /// A number.
    Number,
    /// `true` / `false`.
    Boolean,
    /// A date (`StringUtils.parseDateTime(..)`, `new Date()`).
    Date,
    /// A file upload (`new FileItem(..)`).
    File,
    /// `null`.
    Null,
    /// Any other Java expression.
    Other,
}

/// A value in an example.
#[derive(Debug, Clone, PartialEq)]
pub enum EvValue {
    /// A literal, as the page would show it as an example value.
    Scalar {
        /// The literal's text (Java strings unescaped, `10L` -> `10`).
        text: String,
        /// Its kind.
        kind: LitKind,
    },
    /// An object with its fields.
    Object {
        /// The Java class (`OperatorDTO`), when the example names it.
        class: Option<String>,
        /// Its fields.
        fields: Evidence,
    },
    /// A list.
    List {
        /// The element class (`PictureInfoReqDto`), when the example names it.
        class: Option<String>,
        /// Its items.
        items: Vec<EvValue>,
    },
}

/// Compares wire names the way the Java SDK maps them: case, `_` and `.` ignored.
pub fn norm(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Evidence {
    /// Index of the first entry named `name` (normalised) that `used` does not mark.
    pub fn find_unused(&self, name: &str, used: &[bool]) -> Option<usize> {
        let n = norm(name);
        self.entries
            .iter()
            .enumerate()
            .position(|(i, e)| !used.get(i).copied().unwrap_or(false) && norm(&e.key) == n)
    }

    /// The first entry named `name` (normalised).
    pub fn get(&self, name: &str) -> Option<&Entry> {
        let n = norm(name);
        self.entries.iter().find(|e| norm(&e.key) == n)
    }

    /// Entries of `other` whose name is not here yet are appended (list items merge this way).
    fn merge(&mut self, other: &Evidence) {
        for e in &other.entries {
            if self.get(&e.key).is_none() {
                self.entries.push(e.clone());
            }
        }
    }
}

impl EvValue {
    /// The fields of the object(s) this value describes, for a parameter that is a list
    /// (`list == true`) or a single object. XML and JSON wrap list items in an element named
    /// after the item type; such a wrapper is looked through.
    pub fn fields_for(&self, list: bool) -> Option<Evidence> {
        match self {
            // An empty element (`<dto></dto>`) shows an object without fields.
            EvValue::Scalar { text, .. } if text.is_empty() => Some(Evidence::default()),
            EvValue::Scalar { .. } => None,
            EvValue::List { items, .. } => {
                let mut merged = Evidence::default();
                for item in items {
                    if let Some(f) = item.fields_for(false) {
                        merged.merge(&f);
                    }
                }
                Some(merged)
            }
            EvValue::Object { fields, .. } => {
                // An empty item element (`<item></item>`) reads as an empty scalar: still a wrapper.
                let item_like = |v: &EvValue| match v {
                    EvValue::Scalar { text, .. } => text.is_empty(),
                    _ => true,
                };
                let wrapper = list
                    && !fields.entries.is_empty()
                    && fields.entries.iter().all(|e| item_like(&e.value))
                    && fields.entries.iter().all(|e| e.key == fields.entries[0].key);
                if wrapper {
                    let mut merged = Evidence::default();
                    for e in &fields.entries {
                        if let Some(f) = e.value.fields_for(false) {
                            merged.merge(&f);
                        }
                    }
                    Some(merged)
                } else {
                    Some(fields.clone())
                }
            }
        }
    }

    /// The literal text, for scalars.
    pub fn literal(&self) -> Option<&str> {
        match self {
            EvValue::Scalar { text, kind } if *kind != LitKind::Null => Some(text),
            _ => None,
        }
    }

    /// The value as the IR's example tree.
    pub fn to_example(&self) -> ExampleValue {
        match self {
            EvValue::Scalar { text, .. } => ExampleValue::Scalar(text.clone()),
            EvValue::Object { fields, .. } => ExampleValue::Object(
                fields
                    .entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_example()))
                    .collect(),
            ),
            EvValue::List { items, .. } => ExampleValue::List(items.iter().map(EvValue::to_example).collect()),
        }
    }
}

/// The kind of a bare text value (XML element text, a JSON scalar).
pub fn kind_of_text(text: &str) -> LitKind {
    if text == "true" || text == "false" {
        LitKind::Boolean
    } else if !text.is_empty() && text.len() < 19 && text.trim_start_matches('-').chars().all(|c| c.is_ascii_digit()) {
        LitKind::Number
    } else {
        LitKind::String
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(t: &str) -> EvValue {
        EvValue::Scalar {
            text: t.into(),
            kind: LitKind::String,
        }
    }

    fn obj(fields: &[(&str, EvValue)]) -> EvValue {
        EvValue::Object {
            class: None,
            fields: Evidence {
                entries: fields
                    .iter()
                    .map(|(k, v)| Entry {
                        key: k.to_string(),
                        value: v.clone(),
                        span: Span::default(),
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn list_wrappers_are_looked_through() {
        let item = obj(&[("pic_url", scalar("u")), ("pic_upload_time", scalar("t"))]);
        let wrapper = obj(&[
            ("picture_info_req_dto", item.clone()),
            ("picture_info_req_dto", item.clone()),
        ]);
        let keys = |e: Evidence| e.entries.into_iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(keys(wrapper.fields_for(true).unwrap()), ["pic_url", "pic_upload_time"]);
        assert_eq!(
            keys(wrapper.fields_for(false).unwrap()),
            ["picture_info_req_dto", "picture_info_req_dto"]
        );
        let list = EvValue::List {
            class: None,
            items: vec![item.clone(), obj(&[("x", scalar("1"))])],
        };
        assert_eq!(
            keys(list.fields_for(true).unwrap()),
            ["pic_url", "pic_upload_time", "x"]
        );
        assert!(scalar("a").fields_for(false).is_none());
        assert_eq!(scalar("").fields_for(false), Some(Evidence::default()));
    }

    #[test]
    fn names_match_across_case_styles() {
        let ev = obj(&[
            ("min_travel_person", scalar("1")),
            ("a", scalar("x")),
            ("a", scalar("y")),
        ]);
        let f = ev.fields_for(false).unwrap();
        assert_eq!(f.find_unused("minTravelPerson", &[]), Some(0));
        assert_eq!(f.find_unused("a", &[false, true, false]), Some(2));
        assert_eq!(kind_of_text("-12"), LitKind::Number);
        assert_eq!(kind_of_text("2024-03-28 16:38:11"), LitKind::String);
    }
}
