//! The description analysis never panics, whatever the text, and what it finds is well formed:
//! descriptions built from the characters enums and rules are made of, plus mutated seed texts.

use proptest::prelude::*;
use taobao_api_gen::describe::enrich;
use taobao_api_gen::ir::{Api, Param, TypeRef};

/// Pieces real descriptions are made of, so random texts hit the interesting paths.
const PIECES: &[&str] = &[
    "1",
    "10",
    "-1",
    "A",
    "NOT",
    "_CONNECT",
    "TMS_SIGN",
    "phoneCallInfo",
    "key",
    "date",
    ":",
    "：",
    "-",
    "--",
    "=",
    ",",
    "，",
    ";",
    "；",
    "。",
    "、",
    "/",
    " ",
    "\n",
    "(",
    ")",
    "（",
    "）",
    "\"",
    "“",
    "”",
    "送货上门",
    "场景",
    "必传",
    "必填",
    "必须",
    "不",
    "有值时",
    "时",
    "为",
    "此项",
    "可为空",
    "二选一",
    "{\"",
    "http://",
    "0和2",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn ty() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["String", "Number", "Boolean", "String[]", "Date", "", "Foo[]"][..])
}

fn check(api: &Api) {
    fn walk(params: &[Param]) {
        for p in params {
            if !p.enum_values.is_empty() {
                assert!(p.enum_values.len() >= 2, "{p:?}");
            }
            for v in &p.enum_values {
                assert!(!v.value.is_empty() && !v.value.contains(char::is_whitespace), "{p:?}");
                assert!(!v.label.trim().is_empty(), "{p:?}");
            }
            walk(&p.children);
        }
    }
    walk(&api.request);
    walk(&api.response);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_descriptions(texts in prop::collection::vec((text(), ty(), prop::option::of(text())), 1..5)) {
        let children: Vec<Param> = texts
            .iter()
            .enumerate()
            .map(|(i, (d, t, e))| Param {
                description: Some(d.clone()),
                example: e.clone(),
                ..Param::new(format!("f{i}"), TypeRef::from_declared(t))
            })
            .collect();
        let parent = Param {
            description: Some("phoneCallInfo".into()),
            children,
            ..Param::new("phone_call_info_list", TypeRef::from_declared("PhoneCallInfoReqDto[]"))
        };
        let mut api = Api { request: vec![parent.clone()], response: vec![parent], ..Api::default() };
        let mut diags = Vec::new();
        enrich(&mut api, &mut diags);
        check(&api);
    }

    #[test]
    fn mutated_seed_descriptions(cut in 0usize..200, insert in text(), at in 0usize..200) {
        let seed = "通话状态,phoneCallInfo有值时,必需。NOT _CONNECT, 未拨通;CONNECTED,已接通; NOBODY_ANSWER,无人接听;送货上门场景必传,异常处理结果: 1001-无法取件;服务类型(1-送货上门;10-官方取退-上门取退)";
        let chars: Vec<char> = seed.chars().collect();
        let (cut, at) = (cut.min(chars.len()), at.min(chars.len()));
        let mut mutated: String = chars[..at].iter().collect();
        mutated.push_str(&insert);
        mutated.extend(&chars[at..]);
        let mutated: String = mutated.chars().skip(cut / 4).collect();
        let mut api = Api {
            request: vec![Param {
                description: Some(mutated),
                ..Param::new("service_type", TypeRef::from_declared("String"))
            }],
            ..Api::default()
        };
        enrich(&mut api, &mut Vec::new());
        check(&api);
    }
}
