//! Every generated request is touched: `ALL_METHODS` is exactly the specs in `specs/` (so a
//! dropped-in spec adds a module with no other edit), and each request's schema, seen with
//! nothing set (an empty builder), reports exactly its required parameters as missing.

use std::collections::BTreeSet;
use taobao_api::model::{Object, Schema, ValueRef, validate};
use taobao_api::{ALL_METHODS, APIS, ViolationKind};

/// A request with nothing set, over a generated request schema.
struct Empty(&'static Schema);

impl Object for Empty {
    fn schema(&self) -> &'static Schema {
        self.0
    }

    fn field(&self, _index: usize) -> Option<ValueRef<'_>> {
        None
    }
}

#[test]
fn all_methods_are_the_specs_in_the_specs_directory() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs");
    let mut want = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = taobao_api_gen::parse(&path.display().to_string(), &text);
        want.push(parsed.api.name);
    }
    assert_eq!(ALL_METHODS, want.as_slice());
    let infos: Vec<&str> = APIS.iter().map(|i| i.method).collect();
    assert_eq!(infos, ALL_METHODS);
}

#[test]
fn every_request_reports_exactly_its_required_parameters() {
    for info in APIS {
        let method = info.method;
        let required: BTreeSet<&str> = info.required_params.iter().copied().collect();
        match validate::validate(&Empty(info.request_schema)) {
            Ok(()) => assert!(required.is_empty(), "{method}: valid without {required:?}"),
            Err(err) => {
                assert!(
                    err.violations.iter().all(|v| v.kind == ViolationKind::Missing),
                    "{method}: {err}"
                );
                let missing: BTreeSet<&str> = err.paths().into_iter().collect();
                assert_eq!(missing, required, "{method}");
            }
        }
        // An empty builder reports the same (the generated builder runs this schema).
        let names: Vec<&str> = info.request_schema.fields().iter().map(|f| f.name).collect();
        assert!(required.iter().all(|r| names.contains(r)), "{method}");
    }
}

#[test]
fn companies_get_encodes_scalars_and_decodes_both_list_shapes() {
    use taobao_api::taobao_logistics_companies_get as cg;
    use taobao_api::{Params, TopRequest};
    let req = cg::LogisticsCompaniesGetRequest::builder()
        .fields("id,code,name,reg_mail_no")
        .is_recommended(true)
        .order_mode("online")
        .build()
        .unwrap();
    let mut params = Params::new();
    req.write_params(&mut params);
    let texts: Vec<(&str, &str)> = params.texts().collect();
    assert_eq!(
        texts,
        [
            ("fields", "id,code,name,reg_mail_no"),
            ("is_recommended", "true"),
            ("order_mode", "online")
        ]
    );
    // 最大列表长度:20 on a Field List counts comma-separated names.
    let too_many = vec!["f"; 21].join(",");
    let err = cg::LogisticsCompaniesGetRequest::builder()
        .fields(too_many)
        .build()
        .unwrap_err();
    assert_eq!(
        err.violations[0].kind,
        ViolationKind::TooManyItems { max: 20, actual: 21 }
    );

    let wrapped = r#"{"logistics_companies":{"logistics_company":[{"id":"1","code":"POST","extra":true}]}}"#;
    let plain = r#"{"logistics_companies":[{"id":1,"code":"POST"}]}"#;
    for body in [wrapped, plain] {
        let rsp: cg::LogisticsCompaniesGetResponse = serde_json::from_str(body).unwrap();
        let list = rsp.logistics_companies.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, Some(1));
        assert_eq!(list[0].code.as_deref(), Some("POST"));
    }
    let example = cg::INFO.response_example.unwrap();
    let body: serde_json::Value = serde_json::from_str(example).unwrap();
    let rsp: cg::LogisticsCompaniesGetResponse =
        serde_json::from_value(body["logistics_companies_get_response"].clone()).unwrap();
    assert_eq!(rsp.logistics_companies.unwrap()[0].name.as_deref(), Some("中国邮政"));
}

#[test]
fn openalibity_write_lists_its_error_codes() {
    use taobao_api::taobao_logistics_openalibity_write as ow;
    let codes: Vec<&str> = ow::ERROR_CODES.iter().map(|e| e.code).collect();
    assert_eq!(codes, ["noFoundOrder", "noFoundBuyer", "findNoPackage"]);
    assert_eq!(ow::ERROR_CODES[2].solution, "淘外包裹,可忽略");
}
