//! The test-only spec `tests/fixtures/taobao.test.awkward.names.json`: parameters named `type`,
//! `self`, `client`, `request`, `Option`, `Result`, `match`, `__out`, duplicates and dotted
//! names, DTOs named `Request`/`Result`, and every TOP type once. That it compiles is the first
//! test; these check that the names map as naming.rs documents and that each type encodes,
//! validates and decodes.

mod common;

use common::fixtures::taobao_test_awkward_names as aw;
use taobao_api::{FileItem, Params, Timestamp, TopRequest, ViolationKind};

fn full() -> aw::TestAwkwardNamesRequestBuilder {
    aw::TestAwkwardNamesRequest::builder()
        .r#type("t")
        .self_(5)
        .client("c")
        .request(aw::Request::builder().some("s").none(false).path("p").build())
        .option(vec![
            aw::Result::builder()
                .build_2("b")
                .self_("2024-03-28 16:38:11".parse::<Timestamp>().unwrap())
                .build(),
        ])
        .result("r")
        .foo_bar("camel")
        .foo_bar_2("snake")
        .dimission_employee("d")
        ._2nd_name("2")
        .r#match(vec!["a".to_string(), "b".to_string()])
        .out("id,name")
        .upload(FileItem::new("a.txt", b"hello".to_vec()))
        .when("2024-03-28 16:38:11".parse::<Timestamp>().unwrap())
        .price(taobao_api::Decimal::new(1250, 2))
        .ids(vec![1, 2, 3])
        .extra(r#"{"k":"v/w"}"#)
        .attrs(
            [("b".to_string(), "2".to_string()), ("a".to_string(), "1/".to_string())]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        .blob(serde_json::json!({"z": 1, "a": null}))
        .odd("o")
}

#[test]
fn every_type_encodes_like_the_java_sdk() {
    let req = full().build().unwrap();
    let mut params = Params::new();
    req.write_params(&mut params);
    let texts: Vec<(&str, &str)> = params.texts().collect();
    assert_eq!(
        texts,
        [
            ("2nd_name", "2"),
            ("Option", r#"[{"build":"b","self":"2024-03-28 16:38:11"}]"#),
            ("Result", "r"),
            ("__out", "id,name"),
            ("attrs", r#"{"a":"1\/","b":"2"}"#),
            ("blob", r#"{"z":1}"#),
            ("client", "c"),
            ("dimission.employee", "d"),
            ("extra", r#"{"k":"v/w"}"#),
            ("fooBar", "camel"),
            ("foo_bar", "snake"),
            ("ids", "1,2,3"),
            ("match", "a,b"),
            ("odd", "o"),
            ("price", "12.50"),
            // Nested keys are the Java SDK's: the bean property `some` of `Some`, toUnderlineStyle.
            ("request", r#"{"none":false,"path":"p","some":"s"}"#),
            ("self", "5"),
            ("type", "t"),
            ("when", "2024-03-28 16:38:11"),
        ]
    );
    assert!(params.has_files());
    assert_eq!(aw::INFO.file_params, ["upload"]);
    assert_eq!(aw::INFO.required_params, ["type"]);
}

#[test]
fn limits_are_checked_with_java_semantics() {
    let err = full()
        .r#type("长度超过八个字符了吗?")
        .self_(0)
        .r#match(vec!["a".to_string(); 4])
        .out("a,b,c")
        .upload(FileItem::new("big", vec![0u8; 1025]))
        .request(aw::Request::builder().build())
        .build()
        .unwrap_err();
    let got: Vec<(String, ViolationKind)> = err.violations.into_iter().map(|v| (v.path, v.kind)).collect();
    assert_eq!(
        got,
        [
            ("type".to_string(), ViolationKind::TooLong { max: 8, actual: 11 }),
            ("self".to_string(), ViolationKind::TooSmall { min: 1, actual: 0 }),
            ("request.Some".to_string(), ViolationKind::Missing),
            ("match".to_string(), ViolationKind::TooManyItems { max: 3, actual: 4 }),
            ("__out".to_string(), ViolationKind::TooManyItems { max: 2, actual: 3 }),
            (
                "upload".to_string(),
                ViolationKind::TooLong {
                    max: 1024,
                    actual: 1025
                }
            ),
        ]
    );
    let err = aw::TestAwkwardNamesRequest::builder().self_(101).build().unwrap_err();
    assert_eq!(err.paths(), ["type", "self"]);
}

#[test]
fn responses_with_awkward_names_decode() {
    let body = r#"{"Result":{"String":"false","Option":"7","type":"x"},"self":"0.10","list":{"number":[1,"2"]}}"#;
    let rsp: aw::TestAwkwardNamesResponse = serde_json::from_str(body).unwrap();
    let result = rsp.result.unwrap();
    assert_eq!(result.string, Some(false));
    assert_eq!(result.option, Some(7));
    assert_eq!(result.r#type.as_deref(), Some("x"));
    assert_eq!(rsp.self_.unwrap().to_string(), "0.10");
    assert_eq!(rsp.list, Some(vec![1, 2]));
}
