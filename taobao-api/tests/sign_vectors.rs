//! Every case of `shared/protocol/sign-vectors.json`, read at test time: the signing functions
//! reproduce each `expected_sign` and `string_to_sign`; `caller_params` turn into `params`
//! through [`Params`]' empty-value rule; and the client's own preparation path (system
//! parameters added by the client) signs the same.

use serde_json::Value;
use taobao_api::sign::{sign, string_to_sign};
use taobao_api::time::parse_gmt8;
use taobao_api::{CallOptions, Client, Params, SignMethod};

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/protocol/sign-vectors.json");

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(VECTORS).unwrap_or_else(|e| panic!("cannot read {VECTORS}: {e}"));
    let doc: Value = serde_json::from_str(&text).expect("sign-vectors.json is JSON");
    let cases = doc["cases"].as_array().expect("a `cases` array").clone();
    assert!(
        cases.len() >= 25,
        "expected the 25 documented cases, found {}",
        cases.len()
    );
    cases
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_object()
        .expect("params is an object")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("values are strings").to_owned()))
        .collect()
}

fn method_of(case: &Value) -> SignMethod {
    case["sign_method"].as_str().unwrap().parse().unwrap()
}

#[test]
fn every_vector_signs_to_its_expected_digest() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let secret = case["secret"].as_str().unwrap();
        let params = pairs(&case["params"]);
        let borrowed = params.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        assert_eq!(
            sign(borrowed.clone(), secret, method_of(&case)),
            case["expected_sign"].as_str().unwrap(),
            "case {name}"
        );
        assert_eq!(
            string_to_sign(borrowed),
            case["string_to_sign"].as_str().unwrap(),
            "case {name}"
        );
    }
}

#[test]
fn caller_params_become_params_by_dropping_empty_and_blank_values() {
    let mut seen = 0;
    for case in cases().iter().filter(|c| c.get("caller_params").is_some()) {
        seen += 1;
        let name = case["name"].as_str().unwrap();
        let mut params = Params::new();
        for (k, v) in pairs(&case["caller_params"]) {
            params.insert_text(k, v);
        }
        let got: Vec<(&str, &str)> = params.texts().collect();
        let mut want = pairs(&case["params"]);
        want.sort();
        let want: Vec<(&str, &str)> = want.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, want, "case {name}");
        let signed = sign(params.texts(), case["secret"].as_str().unwrap(), method_of(case));
        assert_eq!(signed, case["expected_sign"].as_str().unwrap(), "case {name}");
    }
    assert_eq!(seen, 3, "the three *-dropped cases carry caller_params");
}

const SYSTEM_SET_BY_CLIENT: &[&str] = &[
    "app_key",
    "format",
    "method",
    "partner_id",
    "session",
    "sign_method",
    "simplify",
    "target_app_key",
    "timestamp",
    "v",
];

/// Cases the client can reproduce exactly: JSON format, a `yyyy-MM-dd HH:mm:ss` timestamp (not
/// the Python SDK's epoch milliseconds), and no empty values kept (the client drops them like the
/// Java SDK).
fn client_reproducible(case: &Value) -> bool {
    case["params"]["format"] == "json"
        && case["params"]["timestamp"].as_str().and_then(parse_gmt8).is_some()
        && case["empty_value_policy"] != "kept"
}

#[test]
fn the_client_preparation_path_signs_like_the_vectors() {
    let mut checked = 0;
    for case in cases().iter().filter(|c| client_reproducible(c)) {
        let name = case["name"].as_str().unwrap();
        let input = case.get("caller_params").unwrap_or(&case["params"]);
        let sys = |k: &str| case["params"][k].as_str().map(str::to_owned);
        let mut builder = Client::builder(sys("app_key").unwrap(), case["secret"].as_str().unwrap())
            .sign_method(method_of(case))
            .simplify(sys("simplify").as_deref() == Some("true"));
        if let Some(p) = sys("partner_id") {
            builder = builder.partner_id(p);
        }
        if let Some(t) = sys("target_app_key") {
            builder = builder.target_app_key(t);
        }
        let client = builder.build().unwrap();
        let mut options = CallOptions::new().timestamp(parse_gmt8(&sys("timestamp").unwrap()).unwrap());
        if let Some(s) = sys("session") {
            options = options.session(s);
        }
        let mut business = Params::new();
        for (k, v) in pairs(input) {
            if !SYSTEM_SET_BY_CLIENT.contains(&k.as_str()) {
                business.insert_text(k, v);
            }
        }
        let call = client
            .prepare_raw(&sys("method").unwrap(), &business, &options)
            .unwrap();
        assert_eq!(call.sign(), case["expected_sign"].as_str().unwrap(), "case {name}");
        let sent: Vec<(&str, &str)> = call.fields().filter(|(k, _)| *k != "sign").collect();
        let mut want = pairs(&case["params"]);
        want.sort();
        let want: Vec<(&str, &str)> = want.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(sent, want, "case {name}: the client sends exactly the signed set");
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} cases went through the client");
}
