//! Issue item 8: build + validate + encode + sign of a full `abnormal.report` request (the
//! sign-vector one: nested DTOs, lists, Chinese text), against the floor of MD5 over the same
//! canonical string alone. Run with `cargo bench -p taobao-api`.
//!
//! The request type here is written by hand in the shape the generator emits (typed DTO fields,
//! a `validate` walking every rule, `write_params` emitting the DTO as JSON).

use criterion::{Criterion, criterion_group, criterion_main};
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use std::hint::black_box;
use std::time::{Duration, UNIX_EPOCH};
use taobao_api::{
    ApiInfo, CallOptions, Client, Params, SignMethod, TopRequest, ValidationError, Violation, ViolationKind,
};

const SECRET: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const SESSION: &str = "6101e0a9f8b5c2d4e3f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2";
const T: &str = "2024-03-28 16:38:11";

static INFO: ApiInfo = ApiInfo {
    method: "taobao.logistics.express.abnormal.report",
    title: "快递异常上报",
    required_params: &["abnormal_report_request"],
    file_params: &[],
    response_example: None,
};

#[derive(Serialize, Clone)]
struct Site {
    site_code: String,
    site_name: String,
    site_type: String,
}

#[derive(Serialize, Clone)]
struct Operator {
    mobile: String,
    name: String,
}

#[derive(Serialize, Clone)]
struct PhoneCall {
    call_time: String,
    connect_time: String,
    connect_time_length: i64,
    connection_status: String,
    hang_up_time: String,
    hang_up_type: String,
    phone_call_consumer_phone: String,
    phone_call_demand_change_time: String,
    phone_call_operator_name: String,
    phone_call_operator_phone: String,
    phone_call_result_remark: String,
    phone_call_type: String,
    phone_chat_url: String,
}

#[derive(Serialize, Clone)]
struct Picture {
    pic_upload_time: String,
    pic_url: String,
}

#[derive(Serialize, Clone)]
struct ReportDto {
    abnormal_node: String,
    abnormal_order_id: String,
    abnormal_reason: String,
    abnormal_remark: String,
    abnormal_result: String,
    abnormal_sites: Vec<Site>,
    abnormal_type: String,
    delivery_code: String,
    extend_props: String,
    mail_no: String,
    operate_time: String,
    operator: Operator,
    phone_call_info_list: Vec<PhoneCall>,
    picture_info_list: Vec<Picture>,
    related_biz_code: String,
    service_type: String,
    supplier_id: String,
}

struct ReportRequest {
    abnormal_report_request: ReportDto,
}

#[derive(Deserialize)]
struct ReportResponse {}

fn check_len(v: &mut Vec<Violation>, path: &str, s: &str, max: u64) {
    let actual = s.encode_utf16().count() as u64;
    if actual > max {
        v.push(Violation::new(path, ViolationKind::TooLong { max, actual }));
    }
}

fn check_required(v: &mut Vec<Violation>, path: &str, s: &str) {
    if s.trim().is_empty() {
        v.push(Violation::new(path, ViolationKind::Missing));
    }
}

impl TopRequest for ReportRequest {
    const METHOD: &'static str = "taobao.logistics.express.abnormal.report";
    type Response = ReportResponse;

    fn validate(&self) -> Result<(), ValidationError> {
        let d = &self.abnormal_report_request;
        let mut v = Vec::new();
        for (path, s) in [
            ("abnormal_report_request.supplier_id", &d.supplier_id),
            ("abnormal_report_request.abnormal_order_id", &d.abnormal_order_id),
            ("abnormal_report_request.abnormal_type", &d.abnormal_type),
            ("abnormal_report_request.mail_no", &d.mail_no),
            ("abnormal_report_request.delivery_code", &d.delivery_code),
        ] {
            check_required(&mut v, path, s);
            check_len(&mut v, path, s, 64);
        }
        check_len(
            &mut v,
            "abnormal_report_request.abnormal_remark",
            &d.abnormal_remark,
            500,
        );
        if d.phone_call_info_list.len() > 20 {
            let actual = d.phone_call_info_list.len() as u64;
            v.push(Violation::new(
                "abnormal_report_request.phone_call_info_list",
                ViolationKind::TooManyItems { max: 20, actual },
            ));
        }
        for (i, c) in d.phone_call_info_list.iter().enumerate() {
            if !["NORMAL", "DEMAND_CHANGE"].contains(&c.phone_call_type.as_str()) {
                v.push(Violation::new(
                    format!("abnormal_report_request.phone_call_info_list[{i}].phone_call_type"),
                    ViolationKind::NotDocumented {
                        value: c.phone_call_type.clone(),
                        allowed: vec!["NORMAL".into(), "DEMAND_CHANGE".into()],
                    },
                ));
            }
            check_len(&mut v, "phone_call_result_remark", &c.phone_call_result_remark, 200);
        }
        ValidationError::check(v)
    }

    fn write_params(&self, params: &mut Params) {
        let json = serde_json::to_string(&self.abnormal_report_request).unwrap_or_default();
        params.insert_text("abnormal_report_request", json);
    }

    fn info() -> &'static ApiInfo {
        &INFO
    }
}

fn build() -> ReportRequest {
    let s = |x: &str| x.to_owned();
    ReportRequest {
        abnormal_report_request: ReportDto {
            abnormal_node: s("TMS_DELIVERING"),
            abnormal_order_id: s("100000001"),
            abnormal_reason: s("1001"),
            abnormal_remark: s("天气原因"),
            abnormal_result: s("1001"),
            abnormal_sites: vec![Site {
                site_code: s("234"),
                site_name: s("杭州站点"),
                site_type: s("1"),
            }],
            abnormal_type: s("10001"),
            delivery_code: s("STO"),
            extend_props: s("{}"),
            mail_no: s("773277523041406"),
            operate_time: s(T),
            operator: Operator {
                mobile: s("18044455999"),
                name: s("张三"),
            },
            phone_call_info_list: vec![PhoneCall {
                call_time: s(T),
                connect_time: s(T),
                connect_time_length: 10,
                connection_status: s("CONNECTED"),
                hang_up_time: s(T),
                hang_up_type: s("CUSTOMER_HAND_UP"),
                phone_call_consumer_phone: s("13600000000"),
                phone_call_demand_change_time: s(T),
                phone_call_operator_name: s("张三"),
                phone_call_operator_phone: s("13600000000"),
                phone_call_result_remark: s("放门卫处,放楼下便利店"),
                phone_call_type: s("NORMAL"),
                phone_chat_url: s("http://ssss.xxxx.com/xxx.mp3"),
            }],
            picture_info_list: vec![Picture {
                pic_upload_time: s(T),
                pic_url: s("http://ssss.xxxx.com/xxx.jpg"),
            }],
            related_biz_code: s("LSO174Z0029753003_1713246414922"),
            service_type: s("10"),
            supplier_id: s("100000001"),
        },
    }
}

fn bench(c: &mut Criterion) {
    let client = Client::builder("12345678", SECRET)
        .sign_method(SignMethod::Md5)
        .partner_id("top-sdk-java-20240328")
        .simplify(true)
        .build()
        .expect("client");
    let options = CallOptions::new()
        .session(SESSION)
        .timestamp(UNIX_EPOCH + Duration::from_secs(1_711_615_091));

    // The canonical string of exactly this call, to time MD5 alone over the same bytes.
    let call = client.prepare(&build(), &options).expect("valid request");
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
    build().write_params(&mut params);
    let mut g = c.benchmark_group("abnormal_report");
    g.bench_function("build_validate_encode_sign", |b| {
        b.iter(|| {
            let req = build();
            let call = client.prepare(black_box(&req), &options).expect("valid");
            black_box(call.form_body())
        })
    });
    g.bench_function("build", |b| b.iter(|| black_box(build())));
    g.bench_function("build_validate_write_params", |b| {
        b.iter(|| {
            let req = build();
            req.validate().expect("valid");
            let mut p = Params::new();
            req.write_params(&mut p);
            black_box(p)
        })
    });
    g.bench_function("prepare_only", |b| {
        b.iter(|| black_box(client.prepare_raw(ReportRequest::METHOD, black_box(&params), &options)))
    });
    g.bench_function("form_body_only", |b| b.iter(|| black_box(call.form_body())));
    g.bench_function("md5_of_canonical_string", |b| {
        b.iter(|| md5_only(black_box(&canonical)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
