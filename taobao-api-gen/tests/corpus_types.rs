//! The type rule (`spec::types::classify`) over every `type` string of the doc corpus
//! (`../shared/corpus/types.tsv`: type, count, in request, in response, times with
//! `subParams`). The real docs hold no misspelt type: none may be an error, and a type that
//! carries fields somewhere must read as an object (or a TOP type) there.

use std::collections::BTreeMap;
use taobao_api_gen::spec::types::{TypeClass, classify};

const TYPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/types.tsv");

#[test]
fn no_corpus_type_is_an_error_and_fields_make_objects() {
    let Ok(table) = std::fs::read_to_string(TYPES) else {
        eprintln!("note: {TYPES} not found; corpus type check skipped");
        return;
    };
    let mut without_fields: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    let mut rows = 0;
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [ty, count, _, _, with_fields] = cols[..] else {
            panic!("not a types.tsv row: {line:?}")
        };
        let count: u64 = count.parse().expect("count");
        let with_fields: u64 = with_fields.parse().expect("with_subParams");
        // The table writes a missing `type` key as `(missing)`.
        let ty = if ty == "(missing)" { "" } else { ty };
        rows += 1;
        if with_fields > 0 {
            let class = classify(ty, true);
            assert!(
                matches!(class, TypeClass::Known | TypeClass::Object),
                "`{ty}` with fields reads as {class:?}"
            );
        }
        if count > with_fields {
            let kind = match classify(ty, false) {
                TypeClass::Missing => "missing",
                TypeClass::Known => "known",
                TypeClass::Object => unreachable!("no fields, no object"),
                TypeClass::ObjectWithoutFields => "object without fields",
                TypeClass::Misspelled { suggestion } => panic!("`{ty}` reads as a misspelling of `{suggestion}`"),
                TypeClass::Foreign { .. } => "foreign",
            };
            without_fields.entry(kind).or_default().push(ty);
        }
    }
    assert!(rows > 6000, "{rows} rows: not the whole table");
    // The README of the corpus: 27 object type names occur without `subParams`; `null[]` is
    // the only type that is neither a TOP type nor an object name.
    assert_eq!(without_fields["object without fields"].len(), 27, "{without_fields:?}");
    assert_eq!(without_fields["foreign"], ["null[]"]);
    assert_eq!(without_fields["missing"], [""]);
}
