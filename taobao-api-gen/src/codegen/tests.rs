//! Codegen unit tests on IR built by hand and on doc-center JSON records read from
//! `../shared/corpus` at test time.

use super::*;
use crate::ir::{EnumValue, Param, Rule, TypeRef};

fn p(name: &str, ty: &str, required: bool, children: Vec<Param>) -> Param {
    Param {
        required,
        children,
        ..Param::new(name, TypeRef::from_declared(ty))
    }
}

/// Parses the tokens as a file: every generated stream must be valid Rust syntax.
fn render(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).expect("generated code parses");
    prettyplease::unparse(&file)
}

/// A test spec whose names are keywords, prelude names and duplicates.
pub(crate) fn awkward_api() -> Api {
    let mut kind = p("type", "String", true, vec![]);
    kind.enum_values = vec![
        EnumValue {
            value: "OTHER".into(),
            label: "其他".into(),
        },
        EnumValue {
            value: "1001".into(),
            label: "无法取件".into(),
        },
    ];
    let mut when = p("Result", "String", false, vec![]);
    when.rules = vec![Rule::RequiredWhen {
        field: "type".into(),
        equals: "1001".into(),
        source: "x".into(),
    }];
    Api {
        name: "taobao.awkward.names.get".into(),
        request: vec![
            kind,
            p("self", "Number", false, vec![]),
            p("client", "String", false, vec![]),
            p("request", "Option", false, vec![p("Some", "String", false, vec![])]),
            p("Option", "Result[]", false, vec![p("build", "String", false, vec![])]),
            when,
            p("fooBar", "String", false, vec![]),
            p("foo_bar", "String", false, vec![]),
            p("foo_bar", "String", false, vec![]),
        ],
        response: vec![p(
            "Result",
            "Result",
            false,
            vec![p("String", "Boolean", false, vec![])],
        )],
        ..Api::default()
    }
}

#[test]
fn awkward_names_get_distinct_identifiers() {
    let api = awkward_api();
    let plan = model::plan(&api);
    let idents: Vec<&str> = plan.request_fields.iter().map(|f| f.ident.as_str()).collect();
    assert_eq!(
        idents,
        [
            "r#type",
            "self_",
            "client",
            "request",
            "option",
            "result",
            "foo_bar",
            "foo_bar_2"
        ]
    );
    let structs: Vec<&str> = plan.structs.iter().map(|s| s.name.as_str()).collect();
    // `Result` is taken by the request DTO, so the response's different `Result` is renamed.
    assert_eq!(structs, ["Option", "Result", "ResponseResult"]);
    let setters: Vec<&str> = plan.structs[1].fields.iter().map(|f| f.setter.as_str()).collect();
    assert_eq!(setters, ["build_2"]);
    let variants: Vec<&str> = plan.enums[0].variants.iter().map(|v| v.0.as_str()).collect();
    assert_eq!(variants, ["Other2", "V1001"]);
    let code = render(generate_all(&[api]));
    assert!(code.contains("pub r#type: Type,"), "{code}");
}

#[test]
fn openalibity_record_from_the_corpus_generates() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/top-docs/taobao.logistics.openalibity.write.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} not found; skipping");
        return;
    };
    let parsed = crate::parse("taobao.logistics.openalibity.write.json", &text);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let code = render(generate(&parsed.api));
    for needle in [
        "pub mod taobao_logistics_openalibity_write {",
        "pub struct LogisticsOpenalibityWriteRequest {",
        "pub general_logistics_data_write_request: GeneralLogisticsDataWriteRequest,",
        "pub struct GeneralLogisticsDataWriteResponse {",
        "const METHOD: &'static str = \"taobao.logistics.openalibity.write\";",
        "pub use self::taobao_logistics_openalibity_write::{",
    ] {
        assert!(code.contains(needle), "missing {needle:?} in:\n{code}");
    }
}

#[test]
fn declared_types_map_to_documented_rust_types() {
    use model::Kind::*;
    let obj = |n: &str| Object(n.to_string());
    let cases: Vec<(&str, Vec<Param>, model::Kind, model::Kind)> = vec![
        ("String", vec![], Text, Text),
        ("Field List", vec![], Text, Text),
        ("Number", vec![], Number, Number),
        ("byte", vec![], Number, Number),
        ("Boolean", vec![], Bool, Bool),
        ("Date", vec![], Date, Date),
        ("Price", vec![], Decimal, Decimal),
        ("BigDecimal", vec![], Decimal, Decimal),
        ("Json", vec![], Text, Value),
        ("Map", vec![], Map, Value),
        ("byte[]", vec![], File, Text),
        ("byte[][]", vec![], Text, Text),
        ("Number[]", vec![], List(Box::new(Number)), List(Box::new(Number))),
        ("Opaque", vec![], Value, Value),
        ("null", vec![], Text, Text),
        (
            "Thing",
            vec![p("a", "String", false, vec![])],
            obj("Thing"),
            obj("Thing"),
        ),
        (
            "Thing[]",
            vec![p("a", "String", false, vec![])],
            List(Box::new(obj("Thing"))),
            List(Box::new(obj("Thing"))),
        ),
        ("Price", vec![p("a", "String", false, vec![])], obj("X"), obj("X")),
    ];
    for (declared, children, request, response) in cases {
        let param = p("x", declared, false, children);
        let api = Api {
            name: "taobao.t.get".into(),
            request: vec![param.clone()],
            response: vec![param],
            ..Api::default()
        };
        let plan = model::plan(&api);
        assert_eq!(plan.request_fields[0].kind, request, "request {declared}");
        // Request and response types never share a struct: the response's `Thing` is renamed.
        let response_kind = match (&plan.response_fields[0].kind, &response) {
            (List(inner), List(_)) if matches!(**inner, Object(_)) => List(Box::new(obj("Thing"))),
            (Object(_), Object(_)) => response.clone(),
            (k, _) => k.clone(),
        };
        assert_eq!(response_kind, response, "response {declared}");
    }
}

#[test]
fn nested_byte_arrays_and_duplicate_dto_shapes() {
    let dto = |name: &str| p(name, "Item", false, vec![p("file", "byte[]", false, vec![])]);
    let api = Api {
        name: "taobao.t.get".into(),
        request: vec![
            dto("a"),
            dto("b"),
            p("c", "Item", false, vec![p("other", "String", false, vec![])]),
        ],
        ..Api::default()
    };
    let plan = model::plan(&api);
    let names: Vec<&str> = plan.structs.iter().map(|s| s.name.as_str()).collect();
    // Same name and shape: one struct; same name, other fields: `<Owner><Field>`.
    assert_eq!(names, ["Item", "C"]);
    assert_eq!(plan.structs[0].fields[0].kind, model::Kind::Text);
    assert!(plan.structs[0].fields[0].note.as_deref().unwrap().contains("byte[]"));
}

#[test]
fn one_dto_name_with_other_limits_or_rules_is_two_types() {
    // The same name and fields, but a rule differs: one shared struct would apply the first
    // use's schema to both, so each gets its own.
    let item = |name: &str, max_length: Option<u64>, required: bool| {
        let mut code = p("code", "String", required, vec![]);
        code.limits.max_length = max_length;
        p(name, "Item", false, vec![code])
    };
    let api = Api {
        name: "taobao.t.get".into(),
        request: vec![
            item("a", Some(10), false),
            item("b", Some(10), false),
            item("c", Some(20), false),
            item("d", Some(10), true),
        ],
        ..Api::default()
    };
    let plan = model::plan(&api);
    let names: Vec<&str> = plan.structs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Item", "C", "D"],
        "a and b share one struct; c and d differ by a rule"
    );
    let code = render(generate(&api));
    assert!(
        code.contains(".max_length(10)") && code.contains(".max_length(20)"),
        "{code}"
    );
}

#[test]
fn feature_gates_cover_the_module_its_reexports_and_the_tables() {
    let mut other = awkward_api();
    other.name = "cainiao.waybill.test.get".into();
    let apis = [awkward_api(), other];
    let gated = render(generate_all_with(
        &apis,
        &Options {
            feature_gates: true,
            ..Options::default()
        },
    ));
    let family = |api: &Api| crate::families::family(&api.name);
    for api in &apis {
        let gate = format!("#[cfg(feature = \"{}\")]", family(api));
        let module = crate::naming::module_name(&api.name);
        for item in [
            format!("{gate}\n#[doc(alias = \"{}\")]\npub mod {module} {{", api.name),
            format!("{gate}\npub use self::{module}::{{"),
            format!("    {gate}\n    &{module}::INFO,"),
            format!("    {gate}\n    \"{}\",", api.name),
        ] {
            assert_eq!(gated.matches(&item).count(), 1, "missing `{item}` in:\n{gated}");
        }
    }
    let plain = render(generate_all_with(&apis, &Options::default()));
    assert!(!plain.contains("#[cfg(feature"), "{plain}");
}
