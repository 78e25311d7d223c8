//! Decoding big list replies: `taobao_api::client::decode_response::<R>` (exactly what `execute`
//! runs on a reply body: the envelope checks, the tolerant conversions, the kept raw body)
//! against serde_json decoding the same bytes into plain `#[derive(Deserialize)]` structs with
//! the natural types of the JSON (`i64`, `String`, `bool`, `Vec`, nested structs), in the same
//! run. `cargo bench -p taobao-api --bench decode`.
//!
//! The replies are about 1 MB each, made by a fixed-seed generator in the gateway's default
//! format (lists wrapped one level: `{"logistics_company": [...]}`):
//!
//! * `companies`: `taobao.logistics.companies.get`, flat records (Number, Chinese text, regular
//!   expressions with escapes);
//! * `orders_detail`: `taobao.logistics.orders.detail.get`, records with a nested object, a list
//!   of objects, a list of numbers, Dates, Booleans, Numbers, and a Number sent as a string
//!   (`tid`, as the gateway does for 18-digit ids), which the typed side parses into `i64` and
//!   serde's struct reads as the `String` it is;
//! * `freight` (with `--features aliexpress-logistics`): `aliexpress.logistics.buyer.freight.calculate`,
//!   records holding a `BigDecimal` money amount inside a nested object, which the typed side
//!   reads into a `Decimal` (every digit kept) and serde's struct into an `f64`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use std::fmt::Write as _;
use std::hint::black_box;
use taobao_api::client::decode_response;
use taobao_api::{LogisticsCompaniesGetRequest, LogisticsOrdersDetailGetRequest};

/// Size of each generated reply.
const TARGET: usize = 1_000_000;

/// xorshift64*: a fixed sequence, no dependency.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    /// `len` Chinese characters from a fixed set.
    fn chinese(&mut self, len: usize) -> String {
        const CHARS: &[char] = &[
            '中', '国', '邮', '政', '速', '递', '物', '流', '股', '份', '有', '限', '公', '司', '圆', '通', '申', '韵',
            '达', '顺', '丰', '快', '运', '杭', '州', '市', '西', '湖', '区', '文', '三', '路', '号', '店', '旗', '舰',
            '官', '方', '旺', '铺', '夏', '季', '新', '款', '纯', '棉', '短', '袖', 'T', '恤',
        ];
        (0..len)
            .map(|_| CHARS[self.below(CHARS.len() as u64) as usize])
            .collect()
    }
    fn date(&mut self) -> String {
        format!(
            "2024-{:02}-{:02} {:02}:{:02}:{:02}",
            1 + self.below(12),
            1 + self.below(28),
            self.below(24),
            self.below(60),
            self.below(60)
        )
    }
}

/// Between `min` and `min + spread - 1` Chinese characters.
fn chinese(g: &mut Gen, min: usize, spread: u64) -> String {
    let len = min + g.below(spread) as usize;
    g.chinese(len)
}

// ---- taobao.logistics.companies.get -----------------------------------------------------------

fn companies_reply(seed: u64) -> String {
    let mut g = Gen(seed);
    let mut out = String::with_capacity(TARGET + 4096);
    out.push_str(r#"{"logistics_companies_get_response":{"logistics_companies":{"logistics_company":["#);
    let mut first = true;
    while out.len() < TARGET {
        if !first {
            out.push(',');
        }
        first = false;
        let id = g.below(100_000_000);
        let code = g.pick(&[
            "POST", "EMS", "ZTO", "YTO", "STO", "YUNDA", "SF", "HTKY", "TTKDEX", "DBKD",
        ]);
        let name = chinese(&mut g, 4, 12);
        let digits = 9 + g.below(6);
        let _ = write!(
            out,
            r#"{{"id":{id},"code":"{code}{n}","name":"{name}","reg_mail_no":"^(?:[A-Z]{{2}}[0-9]{{{digits}}}[A-Z]{{2}}|\\d{{{digits}}}|{code}\\d{{10,13}})$"}}"#,
            n = g.below(1000),
        );
    }
    out.push_str(r#"]},"request_id":"16s8ztu4l6vkq"}}"#);
    out
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct CompaniesEnvelope {
    logistics_companies_get_response: CompaniesResponse,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct CompaniesResponse {
    logistics_companies: CompanyList,
    request_id: String,
}

#[derive(Deserialize)]
struct CompanyList {
    logistics_company: Vec<Company>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Company {
    id: i64,
    code: String,
    name: String,
    reg_mail_no: String,
}

// ---- taobao.logistics.orders.detail.get -------------------------------------------------------

fn orders_detail_reply(seed: u64) -> String {
    let mut g = Gen(seed);
    let mut out = String::with_capacity(TARGET + 4096);
    out.push_str(r#"{"logistics_orders_detail_get_response":{"shippings":{"shipping":["#);
    let mut count = 0;
    while out.len() < TARGET {
        if count > 0 {
            out.push(',');
        }
        count += 1;
        let tid = 970_000_000_000_000_000 + g.below(10_000_000_000_000_000);
        let company = g.pick(&["圆通速递", "中通快递", "申通快递", "韵达快递", "顺丰速运", "邮政EMS"]);
        let (state, city, district) = *[
            ("浙江省", "杭州市", "西湖区"),
            ("广东省", "深圳市", "南山区"),
            ("上海", "上海市", "浦东新区"),
            ("江苏省", "南京市", "鼓楼区"),
        ]
        .get(g.below(4) as usize)
        .unwrap();
        let _ = write!(
            out,
            concat!(
                r#"{{"tid":"{tid}","order_code":"LP{code:016}","seller_nick":"{seller}","buyer_nick":"t**{b}","#,
                r#""delivery_start":"{ds}","delivery_end":"{de}","out_sid":"YT{sid:013}","item_title":"{title}","#,
                r#""receiver_name":"{rname}*","receiver_phone":"","receiver_mobile":"138****{m:04}","#,
                r#""location":{{"zip":"{zip}","address":"{state}{city}{district}{addr}{no}号","city":"{city}","state":"{state}","country":"中国","district":"{district}"}},"#,
                r#""created":"{created}","modified":"{modified}","status":"{status}","type":"{kind}","#,
                r#""freight_payer":"{payer}","company_name":"{company}","seller_confirm":"{confirm}","#,
                r#""is_quick_cod_order":{cod},"is_split":{split},"sub_tids":{{"number":[{s1},{s2}]}},"#,
                r#""mails":{{"logistics_mail":[{{"out_sid":"YT{sid:013}","company_name":"{company}"}}]}},"#,
                r#""openuid":"AAH{open:020}"}}"#
            ),
            tid = tid,
            state = state,
            city = city,
            district = district,
            company = company,
            code = g.below(10_000_000_000_000_000),
            seller = chinese(&mut g, 4, 6),
            b = g.below(100),
            ds = g.date(),
            de = g.date(),
            sid = g.below(10_000_000_000_000),
            title = chinese(&mut g, 12, 20),
            rname = g.chinese(1),
            m = g.below(10_000),
            zip = 100_000 + g.below(800_000),
            addr = chinese(&mut g, 6, 10),
            no = 1 + g.below(999),
            created = g.date(),
            modified = g.date(),
            status = g.pick(&[
                "CREATED",
                "RECREATED",
                "CANCELLED",
                "CLOSED",
                "SENDING",
                "ACCEPTING_CANCEL"
            ]),
            kind = g.pick(&["free", "post", "express", "ems"]),
            payer = g.pick(&["buyer", "seller"]),
            confirm = g.pick(&["yes", "no"]),
            cod = g.below(2) == 1,
            split = g.below(2),
            s1 = tid + 1,
            s2 = tid + 2,
            open = g.below(100_000_000_000_000_000),
        );
    }
    let _ = write!(out, r#"]}},"total_results":{count},"request_id":"zt3a7fh0x8q1"}}}}"#);
    out
}

#[derive(Deserialize)]
struct DetailEnvelope {
    logistics_orders_detail_get_response: DetailResponse,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct DetailResponse {
    shippings: Shippings,
    total_results: i64,
    request_id: String,
}

#[derive(Deserialize)]
struct Shippings {
    shipping: Vec<Shipping>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Shipping {
    tid: String,
    order_code: String,
    seller_nick: String,
    buyer_nick: String,
    delivery_start: String,
    delivery_end: String,
    out_sid: String,
    item_title: String,
    receiver_name: String,
    receiver_phone: String,
    receiver_mobile: String,
    location: Location,
    created: String,
    modified: String,
    status: String,
    #[serde(rename = "type")]
    kind: String,
    freight_payer: String,
    company_name: String,
    seller_confirm: String,
    is_quick_cod_order: bool,
    is_split: i64,
    sub_tids: Numbers,
    mails: Mails,
    openuid: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Location {
    zip: String,
    address: String,
    city: String,
    state: String,
    country: String,
    district: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Numbers {
    number: Vec<i64>,
}

#[derive(Deserialize)]
struct Mails {
    logistics_mail: Vec<Mail>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Mail {
    out_sid: String,
    company_name: String,
}

// ---- aliexpress.logistics.buyer.freight.calculate (a BigDecimal in a nested object) -----------

#[cfg(feature = "aliexpress-logistics")]
mod freight {
    use super::{Gen, TARGET};
    use serde::Deserialize;
    use std::fmt::Write as _;

    pub fn reply(seed: u64) -> String {
        let mut g = Gen(seed);
        let mut out = String::with_capacity(TARGET + 4096);
        out.push_str(r#"{"aliexpress_logistics_buyer_freight_calculate_response":{"result":{"aeop_freight_calculate_result_for_buyer_d_t_o_list":{"aeop_freight_calculate_result_for_buyer_dto":["#);
        let mut first = true;
        while out.len() < TARGET {
            if !first {
                out.push(',');
            }
            first = false;
            let cents = g.below(100_000);
            let _ = write!(
                out,
                r#"{{"error_code":{code},"estimated_delivery_time":"{lo}-{hi}","freight":{{"amount":"{yuan}.{c:02}","cent":{cents},"currency_code":"{cur}"}},"service_name":"{service}"}}"#,
                code = g.below(3),
                lo = 5 + g.below(10),
                hi = 15 + g.below(30),
                yuan = cents / 100,
                c = cents % 100,
                cur = g.pick(&["USD", "CNY", "EUR", "RUB"]),
                service = g.pick(&[
                    "CAINIAO_STANDARD",
                    "CAINIAO_ECONOMY",
                    "AE_STANDARD",
                    "EMS_ZX_ZX_US",
                    "DHL"
                ]),
            );
        }
        out.push_str(r#"]},"error_desc":"","success":true},"request_id":"15rl1vf2gvyd0"}}"#);
        out
    }

    #[derive(Deserialize)]
    pub struct Envelope {
        pub aliexpress_logistics_buyer_freight_calculate_response: Response,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub struct Response {
        pub result: Result,
        pub request_id: String,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub struct Result {
        pub aeop_freight_calculate_result_for_buyer_d_t_o_list: List,
        pub error_desc: String,
        pub success: bool,
    }

    #[derive(Deserialize)]
    pub struct List {
        pub aeop_freight_calculate_result_for_buyer_dto: Vec<Item>,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub struct Item {
        pub error_code: i64,
        pub estimated_delivery_time: String,
        pub freight: Money,
        pub service_name: String,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub struct Money {
        #[serde(deserialize_with = "amount")]
        pub amount: f64,
        pub cent: i64,
        pub currency_code: String,
    }

    /// The amount comes as a string: serde reads it and parses the float.
    fn amount<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

// ---- The benchmark ----------------------------------------------------------------------------

/// Checks once that both sides read the same reply the same way, so the timings compare like
/// with like.
fn check_companies(body: &str) -> usize {
    let typed = decode_response::<LogisticsCompaniesGetRequest>(body.as_bytes()).expect("typed decode");
    let plain: CompaniesEnvelope = serde_json::from_str(body).expect("serde decode");
    let typed = typed.logistics_companies.expect("companies");
    let plain = plain
        .logistics_companies_get_response
        .logistics_companies
        .logistics_company;
    assert_eq!(typed.len(), plain.len());
    for (t, p) in typed.iter().zip(&plain) {
        assert_eq!(t.id, Some(p.id));
        assert_eq!(t.name.as_deref(), Some(p.name.as_str()));
        assert_eq!(t.reg_mail_no.as_deref(), Some(p.reg_mail_no.as_str()));
    }
    typed.len()
}

fn check_orders_detail(body: &str) -> usize {
    let typed = decode_response::<LogisticsOrdersDetailGetRequest>(body.as_bytes()).expect("typed decode");
    assert!(typed.decode_warnings().is_empty(), "{:?}", typed.decode_warnings());
    let plain: DetailEnvelope = serde_json::from_str(body).expect("serde decode");
    let plain = plain.logistics_orders_detail_get_response;
    let typed_list = typed.shippings.as_deref().expect("shippings");
    assert_eq!(typed.total_results, Some(plain.total_results));
    assert_eq!(typed_list.len(), plain.shippings.shipping.len());
    for (t, p) in typed_list.iter().zip(&plain.shippings.shipping) {
        assert_eq!(t.tid.map(|n| n.to_string()), Some(p.tid.clone()));
        assert_eq!(t.created.map(|d| d.to_string()).as_deref(), Some(p.created.as_str()));
        assert_eq!(t.is_quick_cod_order, Some(p.is_quick_cod_order));
        assert_eq!(t.sub_tids.as_deref(), Some(p.sub_tids.number.as_slice()));
        assert_eq!(
            t.location.as_ref().and_then(|l| l.city.as_deref()),
            Some(p.location.city.as_str())
        );
        let mails = t.mails.as_deref().expect("mails");
        assert_eq!(
            mails[0].out_sid.as_deref(),
            Some(p.mails.logistics_mail[0].out_sid.as_str())
        );
    }
    typed_list.len()
}

fn bench(c: &mut Criterion) {
    let companies = companies_reply(0x5EED_0001);
    let records = check_companies(&companies);
    let mut group = c.benchmark_group("decode/companies");
    group.throughput(Throughput::Bytes(companies.len() as u64));
    eprintln!("companies: {} bytes, {records} records", companies.len());
    group.bench_function("typed", |b| {
        b.iter(|| decode_response::<LogisticsCompaniesGetRequest>(black_box(companies.as_bytes())).unwrap())
    });
    group.bench_function("serde_structs", |b| {
        b.iter(|| serde_json::from_slice::<CompaniesEnvelope>(black_box(companies.as_bytes())).unwrap())
    });
    group.finish();

    let detail = orders_detail_reply(0x5EED_0002);
    let records = check_orders_detail(&detail);
    let mut group = c.benchmark_group("decode/orders_detail");
    group.throughput(Throughput::Bytes(detail.len() as u64));
    eprintln!("orders_detail: {} bytes, {records} records", detail.len());
    group.bench_function("typed", |b| {
        b.iter(|| decode_response::<LogisticsOrdersDetailGetRequest>(black_box(detail.as_bytes())).unwrap())
    });
    group.bench_function("serde_structs", |b| {
        b.iter(|| serde_json::from_slice::<DetailEnvelope>(black_box(detail.as_bytes())).unwrap())
    });
    group.finish();

    #[cfg(feature = "aliexpress-logistics")]
    {
        use taobao_api::AliexpressLogisticsBuyerFreightCalculateRequest as Freight;
        let body = freight::reply(0x5EED_0003);
        let typed = decode_response::<Freight>(body.as_bytes()).expect("typed decode");
        assert!(typed.decode_warnings().is_empty(), "{:?}", typed.decode_warnings());
        let plain: freight::Envelope = serde_json::from_str(&body).expect("serde decode");
        let items = plain
            .aliexpress_logistics_buyer_freight_calculate_response
            .result
            .aeop_freight_calculate_result_for_buyer_d_t_o_list
            .aeop_freight_calculate_result_for_buyer_dto;
        let typed_items = typed
            .result
            .as_ref()
            .and_then(|r| r.aeop_freight_calculate_result_for_buyer_d_t_o_list.as_deref())
            .expect("items");
        assert_eq!(typed_items.len(), items.len());
        let mut group = c.benchmark_group("decode/freight");
        group.throughput(Throughput::Bytes(body.len() as u64));
        eprintln!("freight: {} bytes, {} records", body.len(), items.len());
        group.bench_function("typed", |b| {
            b.iter(|| decode_response::<Freight>(black_box(body.as_bytes())).unwrap())
        });
        group.bench_function("serde_structs", |b| {
            b.iter(|| serde_json::from_slice::<freight::Envelope>(black_box(body.as_bytes())).unwrap())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
