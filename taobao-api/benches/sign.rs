//! Issues 8 and 12: build + validate + encode + sign + form body of the full `abnormal.report`
//! request of the sign vectors (nested DTOs, lists, Chinese text, built with the generated
//! builders), against the floor of MD5 over the same canonical string alone (secret + string +
//! secret, upper-case hex). `cargo bench -p taobao-api --bench sign`.
//!
//! `full_path` is what a call costs before the network, timed the way an outside caller sees it
//! (`scripts/sign-probe.sh` times the same from a crate outside the workspace): a fresh builder
//! chain (whose `build()` validates), `Client::prepare` (validates again as `execute` does,
//! encodes the DTO as the Java SDK's JSON, adds the system parameters, signs) and the
//! form-urlencoded body. `sign_ready` stops before the body. The `split/` entries time the pieces
//! for diagnosis.

#[path = "../tests/client_support/abnormal.rs"]
mod abnormal;

use abnormal::full_report_request;
use criterion::{Criterion, criterion_group, criterion_main};
use md5::{Digest, Md5};
use std::hint::black_box;
use std::time::{Duration, UNIX_EPOCH};
use taobao_api::{CallOptions, Client, Params, SignMethod, TopRequest};

const SECRET: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const SESSION: &str = "6101e0a9f8b5c2d4e3f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2";

/// `expected_sign` of the `md5-abnormal-report` vector.
fn md5_vector_sign() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/protocol/sign-vectors.json");
    let text = std::fs::read_to_string(path).expect("sign-vectors.json");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let cases = doc["cases"].as_array().expect("cases");
    let case = cases
        .iter()
        .find(|c| c["name"] == "md5-abnormal-report")
        .expect("md5-abnormal-report");
    case["expected_sign"].as_str().expect("expected_sign").to_owned()
}

fn bench(c: &mut Criterion) {
    let client = Client::builder("12345678", SECRET)
        .sign_method(SignMethod::Md5)
        .partner_id("top-sdk-java-20240328")
        .simplify(true)
        .build()
        .expect("client");
    // The vectors' timestamp, so the benchmarked call is exactly `md5-abnormal-report`.
    let options = CallOptions::new()
        .session(SESSION)
        .timestamp(UNIX_EPOCH + Duration::from_secs(1_711_615_091));
    let request = full_report_request().expect("valid request");
    let call = client.prepare(&request, &options).expect("valid request");
    assert_eq!(
        call.sign(),
        md5_vector_sign(),
        "the benchmarked call is the `md5-abnormal-report` vector"
    );

    // The canonical string of exactly this call, to time MD5 alone over the same bytes.
    let canonical: String = call
        .fields()
        .filter(|(k, _)| *k != "sign")
        .flat_map(|(k, v)| [k, v])
        .collect();
    let md5_only = |s: &str| {
        let mut h = Md5::new();
        h.update(SECRET.as_bytes());
        h.update(s.as_bytes());
        h.update(SECRET.as_bytes());
        hex::encode_upper(h.finalize())
    };
    assert_eq!(
        md5_only(&canonical),
        call.sign(),
        "the floor hashes the same bytes the client signs"
    );
    let mut params = Params::new();
    request.write_params(&mut params);

    let mut g = c.benchmark_group("abnormal_report");
    g.bench_function("full_path", |b| {
        b.iter(|| {
            let req = full_report_request().expect("valid");
            let call = client.prepare(black_box(&req), &options).expect("valid");
            black_box(call.form_body())
        })
    });
    g.bench_function("sign_ready", |b| {
        b.iter(|| {
            let req = full_report_request().expect("valid");
            black_box(client.prepare(black_box(&req), &options).expect("valid"))
        })
    });
    g.bench_function("md5_of_canonical_string", |b| {
        b.iter(|| md5_only(black_box(&canonical)))
    });
    g.bench_function("split/build_and_validate", |b| {
        b.iter(|| black_box(full_report_request()))
    });
    g.bench_function("split/validate", |b| b.iter(|| black_box(&request).validate()));
    g.bench_function("split/write_params", |b| {
        b.iter(|| {
            let mut p = Params::new();
            black_box(&request).write_params(&mut p);
            black_box(p)
        })
    });
    g.bench_function("split/system_params_and_sign", |b| {
        b.iter(|| {
            black_box(client.prepare_raw(black_box("taobao.logistics.express.abnormal.report"), &params, &options))
        })
    });
    g.bench_function("split/form_body", |b| b.iter(|| black_box(call.form_body())));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
