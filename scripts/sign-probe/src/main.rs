//! The signing hot path measured from outside: the `md5-abnormal-report` request of the sign
//! vectors built through the public API (a fresh builder chain per iteration, `build()`,
//! `Client::prepare` with the vector's timestamp and session, `PreparedCall::form_body`),
//! checked against the vector's signature, and timed against the floor: MD5 of
//! `secret + canonical string + secret` with upper-case hex.
//!
//! Usage: `sign-probe <sign-vectors.json> [--calls N]`. Prints the median time per call of each,
//! and the ratio; both are timed in alternating batches, so load on the machine hits them alike.
//! With `--calls N` it runs the full path N times after the checks and times nothing (for a
//! profiler: `valgrind --tool=callgrind sign-probe vectors.json --calls 1000`).

use md5::{Digest, Md5};
use serde_json::Value;
use std::hint::black_box;
use std::time::Instant;
use taobao_api::taobao_logistics_express_abnormal_report::{
    AbnormalReportReqDto, OperatorDTO, PhoneCallInfoReqDto, PictureInfoReqDto, TmsSitesDTO,
};
use taobao_api::{CallOptions, Client, LogisticsExpressAbnormalReportRequest, SignMethod};

/// Calls per timed batch.
const BATCH: u32 = 2_000;
/// Timed batches of each kind; the median is reported.
const BATCHES: usize = 101;

/// The vector's date, used by every date field of the request.
const T: &str = "2024-03-28 16:38:11";

/// The vector's request, field for field, through the generated builders.
fn request() -> LogisticsExpressAbnormalReportRequest {
    LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(
            AbnormalReportReqDto::builder()
                .abnormal_node("TMS_DELIVERING")
                .abnormal_order_id("100000001")
                .abnormal_reason("1001")
                .abnormal_remark("天气原因")
                .abnormal_result("1001")
                .abnormal_sites(vec![
                    TmsSitesDTO::builder()
                        .site_code("234")
                        .site_name("杭州站点")
                        .site_type("1")
                        .build(),
                ])
                .abnormal_type("10001")
                .delivery_code("STO")
                .extend_props("{}")
                .mail_no("773277523041406")
                .operate_time(T)
                .operator(OperatorDTO::builder().mobile("18044455999").name("张三").build())
                .phone_call_info_list(vec![
                    PhoneCallInfoReqDto::builder()
                        .call_time(T)
                        .connect_time(T)
                        .connect_time_length(10)
                        .connection_status("CONNECTED")
                        .hang_up_time(T)
                        .hang_up_type("CUSTOMER_HAND_UP")
                        .phone_call_consumer_phone("13600000000")
                        .phone_call_demand_change_time(T)
                        .phone_call_operator_name("张三")
                        .phone_call_operator_phone("13600000000")
                        .phone_call_result_remark("放门卫处,放楼下便利店")
                        .phone_call_type("NORMAL")
                        .phone_chat_url("http://ssss.xxxx.com/xxx.mp3")
                        .build(),
                ])
                .picture_info_list(vec![
                    PictureInfoReqDto::builder()
                        .pic_upload_time(T)
                        .pic_url("http://ssss.xxxx.com/xxx.jpg")
                        .build(),
                ])
                .related_biz_code("LSO174Z0029753003_1713246414922")
                .service_type("10")
                .supplier_id("100000001")
                .build(),
        )
        .build()
        .expect("the vector's request is valid")
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("the vector has no text `{key}`"))
}

/// Median nanoseconds per call over the batches.
fn median(mut per_call: Vec<f64>) -> f64 {
    per_call.sort_by(f64::total_cmp);
    per_call[per_call.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, calls) = match args.as_slice() {
        [path] => (path, None),
        [path, flag, n] if flag == "--calls" => (path, Some(n.parse::<u32>().expect("--calls N: a count"))),
        _ => panic!("usage: sign-probe <sign-vectors.json> [--calls N]"),
    };
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable vectors")).expect("vectors are JSON");
    let case = doc["cases"]
        .as_array()
        .expect("`cases`")
        .iter()
        .find(|c| c["name"] == "md5-abnormal-report")
        .expect("the `md5-abnormal-report` case");
    let params = &case["params"];
    let secret = text(case, "secret");
    let expected = text(case, "expected_sign");
    let canonical = text(case, "string_to_sign");
    assert_eq!(text(case, "sign_method"), "md5");

    let client = Client::builder(text(params, "app_key"), secret)
        .sign_method(SignMethod::Md5)
        .partner_id(text(params, "partner_id"))
        .simplify(text(params, "simplify") == "true")
        .build()
        .expect("client");
    let at = taobao_api::time::parse_gmt8(text(params, "timestamp")).expect("the vector's timestamp");
    let options = CallOptions::new().session(text(params, "session")).timestamp(at);

    let full_path = || {
        let req = request();
        let call = client.prepare(black_box(&req), &options).expect("valid");
        (call.sign().to_owned(), call.form_body())
    };
    let floor = |s: &str| {
        let mut h = Md5::new();
        h.update(secret.as_bytes());
        h.update(s.as_bytes());
        h.update(secret.as_bytes());
        hex::encode_upper(h.finalize())
    };

    // What is timed is what the vector expects.
    let (sign, body) = full_path();
    assert_eq!(
        sign, expected,
        "the full path signs the vector's request as the vector does"
    );
    assert_eq!(
        floor(canonical),
        expected,
        "the floor hashes the vector's canonical string"
    );
    let call = client.prepare(&request(), &options).expect("valid");
    for (name, value) in call.fields().filter(|(k, _)| *k != "sign") {
        assert_eq!(Some(value), params[name].as_str(), "field `{name}` is the vector's");
    }
    assert_eq!(
        call.fields().count(),
        params.as_object().map_or(0, |p| p.len()) + 1,
        "every field of the vector and `sign` are sent, nothing else"
    );
    assert!(
        body.contains(&format!("&sign={expected}&")),
        "the body carries the signature"
    );

    if let Some(n) = calls {
        for _ in 0..n {
            let req = request();
            let call = client.prepare(black_box(&req), &options).expect("valid");
            black_box(call.form_body());
        }
        return;
    }

    let (mut full, mut md5) = (Vec::with_capacity(BATCHES), Vec::with_capacity(BATCHES));
    for round in 0..BATCHES + 5 {
        let start = Instant::now();
        for _ in 0..BATCH {
            let req = request();
            let call = client.prepare(black_box(&req), &options).expect("valid");
            black_box(call.form_body());
        }
        let f = start.elapsed().as_nanos() as f64 / f64::from(BATCH);
        let start = Instant::now();
        for _ in 0..BATCH {
            black_box(floor(black_box(canonical)));
        }
        let m = start.elapsed().as_nanos() as f64 / f64::from(BATCH);
        // The first rounds warm caches and the allocator.
        if round >= 5 {
            full.push(f);
            md5.push(m);
        }
    }
    let (full, md5) = (median(full), median(md5));
    println!(
        "canonical string: {} bytes; signature {expected} (matches the vector)",
        canonical.len()
    );
    println!(
        "full path (build + validate + encode + sign + form body): {:>8.2} µs",
        full / 1000.0
    );
    println!(
        "MD5 floor (secret + canonical + secret, upper-case hex):   {:>8.2} µs",
        md5 / 1000.0
    );
    println!("ratio: {:.2}x", full / md5);
}
