//! The corpus record of `taobao.logistics.openalibity.write` is an older doc version than the
//! seed page. After NFKC, and ignoring what the JSON does not carry (examples, error codes),
//! they differ in exactly four places: `current_logistics_status` and `package_type` are
//! required in the JSON and optional on the page, and the descriptions of `receiver_phone` and
//! `extend_param` differ.

use std::path::Path;
use taobao_api_gen::ir::{Api, Param};
use unicode_normalization::UnicodeNormalization;

const RECORD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/top-docs/taobao.logistics.openalibity.write.json"
);
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../specs/taobao.logistics.openalibity.write.txt"
);

fn nfkc(s: Option<&str>) -> String {
    s.unwrap_or("").nfkc().collect()
}

/// Every difference between two parameter lists, as `path: what` lines.
fn differences(path: &str, json: &[Param], page: &[Param], out: &mut Vec<String>) {
    if json.len() != page.len() {
        out.push(format!(
            "{path}: {} rows in the JSON, {} on the page",
            json.len(),
            page.len()
        ));
    }
    for (j, p) in json.iter().zip(page) {
        let here = format!("{path}.{}", j.name);
        let mut what = Vec::new();
        if j.name != p.name {
            what.push(format!("name {} vs {}", j.name, p.name));
        }
        if j.ty.display_name() != p.ty.display_name() {
            what.push(format!("type {} vs {}", j.ty.display_name(), p.ty.display_name()));
        }
        if j.required != p.required {
            what.push(format!("required {} vs {}", j.required, p.required));
        }
        if nfkc(j.description.as_deref()) != nfkc(p.description.as_deref()) {
            what.push("description".to_string());
        }
        if j.limits != p.limits || j.default != p.default {
            what.push("limits".to_string());
        }
        let enums = |x: &Param| -> Vec<(String, String)> {
            x.enum_values
                .iter()
                .map(|e| (nfkc(Some(&e.value)), nfkc(Some(&e.label))))
                .collect()
        };
        if enums(j) != enums(p) && nfkc(j.description.as_deref()) == nfkc(p.description.as_deref()) {
            what.push("enum values".to_string());
        }
        if !what.is_empty() {
            out.push(format!("{here}: {}", what.join(", ")));
        }
        differences(&here, &j.children, &p.children, out);
    }
}

fn api_differences(json: &Api, page: &Api) -> Vec<String> {
    let mut out = Vec::new();
    let head = |a: &Api| {
        [
            &a.name,
            a.title.as_deref().unwrap_or(""),
            a.description.as_deref().unwrap_or(""),
            a.category.as_deref().unwrap_or(""),
        ]
        .map(|s| nfkc(Some(s)))
    };
    if head(json) != head(page) {
        out.push(format!("head: {:?} vs {:?}", head(json), head(page)));
    }
    differences("request", &json.request, &page.request, &mut out);
    differences("response", &json.response, &page.response, &mut out);
    out
}

#[test]
fn record_and_seed_differ_exactly_as_documented() {
    if !Path::new(RECORD).is_file() {
        eprintln!("note: {RECORD} not found; comparison skipped");
        return;
    }
    let json = taobao_api_gen::parse(RECORD, &std::fs::read_to_string(RECORD).unwrap());
    let page = taobao_api_gen::parse(SEED, &std::fs::read_to_string(SEED).unwrap());
    assert!(
        !json.has_errors() && !page.has_errors(),
        "{:?}\n{:?}",
        json.diagnostics,
        page.diagnostics
    );
    let w = "request.general_logistics_data_write_request";
    let expected = vec![
        format!("{w}.current_logistics_status: required true vs false"),
        format!("{w}.receiver_phone: description"),
        format!("{w}.extend_param: description"),
        format!("{w}.package_type: required true vs false"),
    ];
    assert_eq!(api_differences(&json.api, &page.api), expected);
}
