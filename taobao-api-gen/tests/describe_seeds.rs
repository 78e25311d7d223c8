//! Issue 3 items 5 and 6 on the seeds' descriptions: the ten enums (also with fullwidth
//! punctuation), the non-enums, the conditional rules, the typo-repair note; end to end on the
//! corpus record of openalibity.write and on both seed pages in `specs/`.

use std::path::Path;
use taobao_api_gen::describe::enrich;
use taobao_api_gen::ir::{Api, EnumValue, Param, Rule, Span, TypeRef};
use taobao_api_gen::{Diagnostic, Severity};

fn param(name: &str, ty: &str, example: Option<&str>, description: &str) -> Param {
    Param {
        example: example.map(str::to_string),
        description: Some(description.to_string()),
        ..Param::new(name, TypeRef::from_declared(ty))
    }
}

fn object(name: &str, ty: &str, description: &str, children: Vec<Param>) -> Param {
    Param {
        children,
        ..param(name, ty, None, description)
    }
}

/// Runs the analysis on one request tree.
fn enriched(request: Vec<Param>) -> (Api, Vec<Diagnostic>) {
    let mut api = Api {
        name: "taobao.test.describe".into(),
        request,
        ..Api::default()
    };
    let mut diags = Vec::new();
    enrich(&mut api, &mut diags);
    (api, diags)
}

fn pairs(values: &[EnumValue]) -> Vec<(&str, &str)> {
    values.iter().map(|v| (v.value.as_str(), v.label.as_str())).collect()
}

/// ASCII punctuation as a page that was not normalised shows it.
fn fullwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ':' => '：',
            ',' => '，',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            other => other,
        })
        .collect()
}

/// A seed row: name, example, description and its enum.
type SeedRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Every seed row named in issue 3 item 5.
const SEED_ENUMS: &[SeedRow] = &[
    (
        "package_type",
        "INTERNAL",
        "INTERNAL:淘内包裹,EXTERNAL:淘外包裹",
        &[("INTERNAL", "淘内包裹"), ("EXTERNAL", "淘外包裹")],
    ),
    (
        "scene",
        "DELIVERY_HOME",
        "DELIVERY_HOME:送货上门。SIGN_PIC:签收照片",
        &[("DELIVERY_HOME", "送货上门"), ("SIGN_PIC", "签收照片")],
    ),
    (
        "service_type",
        "10",
        "服务类型(1-送货上门;2-放指定驿站;3-预售极速达;10-官方取退-上门取退;11-官方取退-驿站自寄)",
        &[
            ("1", "送货上门"),
            ("2", "放指定驿站"),
            ("3", "预售极速达"),
            ("10", "官方取退-上门取退"),
            ("11", "官方取退-驿站自寄"),
        ],
    ),
    (
        "abnormal_type",
        "10001",
        "异常类型:10001-核销异常;1003-派件异常;",
        &[("10001", "核销异常"), ("1003", "派件异常")],
    ),
    (
        "abnormal_result",
        "1001",
        "送货上门场景必传,异常处理结果: 1001-无法取件;1002-派件停滞;1003-无法送货上门",
        &[("1001", "无法取件"), ("1002", "派件停滞"), ("1003", "无法送货上门")],
    ),
    (
        "abnormal_reason",
        "1001",
        "异常原因: 1001-线下改约;1002-联系不上消费者;",
        &[("1001", "线下改约"), ("1002", "联系不上消费者")],
    ),
    (
        "abnormal_node",
        "TMS_DELIVERING",
        "异常发生的业务节点:(TMS_COLLECT-揽收;TMS_DELIVERING-派送中;TMS_SIGN-签收,TMS_CHECK_SHIPPING_CODE_PASS-核销)",
        &[
            ("TMS_COLLECT", "揽收"),
            ("TMS_DELIVERING", "派送中"),
            ("TMS_SIGN", "签收"),
            ("TMS_CHECK_SHIPPING_CODE_PASS", "核销"),
        ],
    ),
    (
        "phone_call_type",
        "NORMAL",
        "电联属性,phoneCallInfo有值时,必需。SMART 智能云呼; NORMAL, 普通",
        &[("SMART", "智能云呼"), ("NORMAL", "普通")],
    ),
    (
        "hang_up_type",
        "CUSTOMER_HAND_UP",
        "挂断状态,phoneCallInfo有值时,必需。CUSTOMER_HAND_UP,消费者挂断;SENDER_HANG_UP,小件员挂断",
        &[("CUSTOMER_HAND_UP", "消费者挂断"), ("SENDER_HANG_UP", "小件员挂断")],
    ),
    (
        "connection_status",
        "CONNECTED",
        "通话状态,phoneCallInfo有值时,必需。NOT _CONNECT, 未拨通;CONNECTED,已接通; NOBODY_ANSWER,无人接听",
        &[
            ("NOT_CONNECT", "未拨通"),
            ("CONNECTED", "已接通"),
            ("NOBODY_ANSWER", "无人接听"),
        ],
    ),
];

#[test]
fn the_ten_seed_enums_are_read_as_written_and_fullwidth() {
    for (name, example, description, want) in SEED_ENUMS {
        for text in [description.to_string(), fullwidth(description)] {
            for example in [Some(*example), None] {
                let (api, _) = enriched(vec![param(name, "String", example, &text)]);
                assert_eq!(pairs(&api.request[0].enum_values), *want, "{name}: {text}");
                assert_eq!(api.request[0].description.as_deref(), Some(text.as_str()), "kept as is");
            }
        }
    }
}

#[test]
fn seed_rows_that_are_not_enums() {
    let cases = [
        param(
            "extend_param",
            "String",
            Some(r#"{"isSupportDeliveryHome": "1", "hasSignPic": "0"}"#),
            "待写入的数据,key值需要按照平台侧定义的标准。isSupportDeliveryHome:是否支持送货上门。hasSignPic:是否有签收照片。value为String类型,1代表真,0代表假",
        ),
        // The corpus wording, fullwidth and without an example: the text alone says "key".
        param(
            "extend_param",
            "String",
            None,
            "待写入的数据，key值需要按照平台侧定义的标准。isSupportDeliveryHome：是否支持送货上门。hasSignPic：是否有签收照片。value为String类型，TRUE代表真，FALSE代表假",
        ),
        // Keys of a JSON value even without the word "key": the example is an object.
        param(
            "extend_props",
            "String",
            Some(r#"{"a": 1}"#),
            "isSupportDeliveryHome:是否支持送货上门。hasSignPic:是否有签收照片",
        ),
        param("mail_no", "String", Some("881772767996"), "运单号"),
        param("pic_upload_time", "String", Some("2024-03-28 16:38:11"), "图片上传时间"),
        // Pairs, but the example is a date: they describe something else.
        param(
            "operate_time",
            "String",
            Some("2024-03-28 16:38:11"),
            "1:揽收时间,2:签收时间",
        ),
        param(
            "delivery_code",
            "String",
            Some("STO"),
            "服务商配资源唯一编码:yzsm_cn_1,SF,STO,YTO,BCYC-001",
        ),
        param(
            "delivery_code",
            "String",
            None,
            "服务商配资源唯一编码：yzsm_cn_1，SF，STO，YTO，BCYC-001",
        ),
        // A documented-looking enum on a Boolean or Date is never an enum.
        param("success", "Boolean", Some("true"), "true:成功,false:失败"),
        param("created", "Date", None, "格式:yyyy-MM-dd HH:mm:ss"),
    ];
    for p in cases {
        let label = format!("{}: {:?}", p.name, p.description);
        let (api, _) = enriched(vec![p]);
        assert_eq!(api.request[0].enum_values, vec![], "{label}");
    }
}

/// abnormal.report's request, reduced to the rows the rules talk about.
fn abnormal_report(connection_status_span: Option<Span>) -> Vec<Param> {
    let info = SEED_ENUMS.iter().filter(|e| e.0 != "connection_status");
    let by_name = |n: &str| {
        let (name, example, description, _) = info.clone().find(|e| e.0 == n).expect("seed row");
        param(name, "String", Some(example), description)
    };
    let mut status = param(
        "connection_status",
        "String",
        Some("CONNECTED"),
        "通话状态,phoneCallInfo有值时,必需。NOT _CONNECT, 未拨通;CONNECTED,已接通; NOBODY_ANSWER,无人接听",
    );
    status.span = connection_status_span;
    let calls = object(
        "phone_call_info_list",
        "PhoneCallInfoReqDto []",
        "电联信息",
        vec![
            param("connect_time_length", "Number", Some("10"), "接通时长, 单位s"),
            by_name("phone_call_type"),
            by_name("hang_up_type"),
            status,
            param(
                "call_time",
                "String",
                Some("2024-03-28 16:38:11"),
                "拨打时间。phoneCallInfo有值时,必需",
            ),
        ],
    );
    vec![object(
        "abnormal_report_request",
        "AbnormalReportReqDto",
        "参数信息",
        vec![
            by_name("service_type"),
            by_name("abnormal_result"),
            param(
                "mail_no",
                "String",
                Some("773277523041406"),
                "包裹运单号,核销节点运单号可为空",
            ),
            calls,
        ],
    )]
}

fn find<'a>(params: &'a [Param], path: &str) -> &'a Param {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let p = params
        .iter()
        .find(|p| p.name == head)
        .unwrap_or_else(|| panic!("no {head}"));
    if rest.is_empty() { p } else { find(&p.children, rest) }
}

#[test]
fn conditional_rules_and_notes() {
    let (api, _) = enriched(abnormal_report(None));
    let in_parent = || Rule::RequiredInParent {
        source: "phoneCallInfo有值时,必需".into(),
    };
    let cases: &[(&str, Vec<Rule>, &[&str])] = &[
        (
            "abnormal_report_request.abnormal_result",
            vec![Rule::RequiredWhen {
                field: "service_type".into(),
                equals: "1".into(),
                source: "送货上门场景必传".into(),
            }],
            &[],
        ),
        ("abnormal_report_request.service_type", vec![], &[]),
        ("abnormal_report_request.mail_no", vec![], &["核销节点运单号可为空"]),
        (
            "abnormal_report_request.phone_call_info_list.connect_time_length",
            vec![],
            &[],
        ),
        (
            "abnormal_report_request.phone_call_info_list.phone_call_type",
            vec![in_parent()],
            &[],
        ),
        (
            "abnormal_report_request.phone_call_info_list.hang_up_type",
            vec![in_parent()],
            &[],
        ),
        (
            "abnormal_report_request.phone_call_info_list.connection_status",
            vec![in_parent()],
            &["typo repaired: `NOT _CONNECT` read as `NOT_CONNECT`"],
        ),
        (
            "abnormal_report_request.phone_call_info_list.call_time",
            vec![in_parent()],
            &[],
        ),
    ];
    for (path, rules, notes) in cases {
        let p = find(&api.request, path);
        assert_eq!(&p.rules, rules, "{path}");
        assert_eq!(p.notes, *notes, "{path}");
    }
}

#[test]
fn rules_need_the_right_context() {
    // Without the sibling service_type the scenario names only the field's own label
    // (`无法送货上门`): never a rule on itself, so the phrase stays a note.
    let (api, _) = enriched(vec![param(
        "abnormal_result",
        "String",
        Some("1001"),
        "送货上门场景必传,异常处理结果: 1001-无法取件;1002-派件停滞;1003-无法送货上门",
    )]);
    assert_eq!(api.request[0].rules, vec![]);
    assert_eq!(api.request[0].notes, ["送货上门场景必传"]);

    // An exact label beats a label that merely contains the scenario.
    let (api, _) = enriched(vec![
        param("kind", "String", None, "1-无法送货上门;2-正常"),
        param("service_type", "String", None, "5-送货上门;6-放指定驿站"),
        param("result", "String", None, "送货上门场景必传"),
    ]);
    assert_eq!(
        api.request[2].rules,
        vec![Rule::RequiredWhen {
            field: "service_type".into(),
            equals: "5".into(),
            source: "送货上门场景必传".into()
        }]
    );

    // `X有值时,必需` where X is not the enclosing object: kept as a note, not a rule.
    let (api, _) = enriched(vec![object(
        "operator",
        "OperatorDTO",
        "提报人信息",
        vec![param("name", "String", None, "phoneCallInfo有值时,必需")],
    )]);
    let name = &api.request[0].children[0];
    assert_eq!(name.rules, vec![]);
    assert_eq!(name.notes, ["phoneCallInfo有值时,必需"]);

    // Fullwidth punctuation reads the same.
    let (api, _) = enriched(vec![object(
        "phone_call_info_list",
        "PhoneCallInfoReqDto[]",
        "电联信息",
        vec![param(
            "call_time",
            "String",
            None,
            "拨打时间。phoneCallInfo有值时，必需",
        )],
    )]);
    assert_eq!(
        api.request[0].children[0].rules,
        vec![Rule::RequiredInParent {
            source: "phoneCallInfo有值时,必需".into()
        }]
    );
}

#[test]
fn the_typo_repair_is_a_note_diagnostic_naming_the_path() {
    for span in [Some(Span::new(100, 117)), None] {
        let (api, diags) = enriched(abnormal_report(span));
        assert_eq!(diags.len(), 1, "{diags:?}");
        let d = &diags[0];
        assert_eq!(d.severity, Severity::Note);
        assert_eq!(d.span, span.unwrap_or(Span::new(0, 0)));
        assert_eq!(
            d.message,
            "`abnormal_report_request.phone_call_info_list.connection_status`: enum value `NOT _CONNECT` read as `NOT_CONNECT` (stray space removed)"
        );
        // Running the analysis again changes nothing (no duplicated notes).
        let mut again = api.clone();
        enrich(&mut again, &mut Vec::new());
        assert_eq!(again, api);
    }
}

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

#[test]
fn corpus_record_of_openalibity_write_end_to_end() {
    let path = Path::new(SHARED).join("taobao.logistics.openalibity.write.json");
    if !Path::new(SHARED).is_dir() {
        println!("note: {SHARED} not found; skipped");
        return;
    }
    let text = std::fs::read_to_string(&path).expect("record");
    assert!(text.contains("INTERNAL：淘内包裹"), "the record has fullwidth colons");
    let parsed = taobao_api_gen::parse(&path.to_string_lossy(), &text);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let found = everything(&parsed.api);
    assert_eq!(
        found,
        [
            "general_logistics_data_write_request.receiver_phone rules [RequiredWhen { field: \"package_type\", equals: \"EXTERNAL\", source: \"淘外包裹必填\" }]",
            "general_logistics_data_write_request.receiver_phone notes [\"淘内包裹必须不填\"]",
            "general_logistics_data_write_request.package_type enum [(\"INTERNAL\", \"淘内包裹\"), (\"EXTERNAL\", \"淘外包裹\")]",
            "general_logistics_data_write_request.scene enum [(\"DELIVERY_HOME\", \"送货上门\"), (\"SIGN_PIC\", \"签收照片\")]",
        ]
    );
}

/// Every enum, rule and note of an API (request then response), one line each.
fn everything(api: &Api) -> Vec<String> {
    fn walk(params: &[Param], path: &str, out: &mut Vec<String>) {
        for p in params {
            let here = if path.is_empty() {
                p.name.clone()
            } else {
                format!("{path}.{}", p.name)
            };
            if !p.enum_values.is_empty() {
                out.push(format!("{here} enum {:?}", pairs(&p.enum_values)));
            }
            if !p.rules.is_empty() {
                out.push(format!("{here} rules {:?}", p.rules));
            }
            if !p.notes.is_empty() {
                out.push(format!("{here} notes {:?}", p.notes));
            }
            walk(&p.children, &here, out);
        }
    }
    let mut out = Vec::new();
    walk(&api.request, "", &mut out);
    walk(&api.response, "response:", &mut out);
    out
}

#[test]
fn both_seed_pages_end_to_end() {
    let specs = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs");
    let read = |name: &str| {
        let path = format!("{specs}/{name}");
        let text = std::fs::read_to_string(&path).expect("seed spec");
        let parsed = taobao_api_gen::parse(&path, &text);
        (text, parsed)
    };
    let (_, write) = read("taobao.logistics.openalibity.write.txt");
    assert_eq!(
        everything(&write.api),
        [
            "general_logistics_data_write_request.package_type enum [(\"INTERNAL\", \"淘内包裹\"), (\"EXTERNAL\", \"淘外包裹\")]",
            "general_logistics_data_write_request.scene enum [(\"DELIVERY_HOME\", \"送货上门\"), (\"SIGN_PIC\", \"签收照片\")]",
        ]
    );
    let (text, report) = read("taobao.logistics.express.abnormal.report.txt");
    let mut want: Vec<String> = Vec::new();
    let dto = "abnormal_report_request";
    let calls = "abnormal_report_request.phone_call_info_list";
    let in_parent = "rules [RequiredInParent { source: \"phoneCallInfo有值时,必需\" }]";
    for (name, _, _, values) in &SEED_ENUMS[2..] {
        let parent = if name.starts_with("phone") || name.starts_with("hang") || name.starts_with("conn") {
            calls
        } else {
            dto
        };
        want.push(format!("{parent}.{name} enum {values:?}"));
        if *name == "abnormal_result" {
            want.push(format!(
                "{dto}.abnormal_result rules [RequiredWhen {{ field: \"service_type\", equals: \"1\", source: \"送货上门场景必传\" }}]"
            ));
            want.push(format!("{dto}.mail_no notes [\"核销节点运单号可为空\"]"));
        }
        if parent == calls {
            want.push(format!("{calls}.{name} {in_parent}"));
        }
        if *name == "connection_status" {
            want.push(format!(
                "{calls}.connection_status notes [\"typo repaired: `NOT _CONNECT` read as `NOT_CONNECT`\"]"
            ));
            want.push(format!("{calls}.call_time {in_parent}"));
        }
    }
    // The table above is not in page order (mail_no comes after abnormal_node): compare sorted.
    let mut got = everything(&report.api);
    got.sort();
    want.sort();
    assert_eq!(got, want);
    let repairs: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Note && d.message.contains("NOT _CONNECT"))
        .collect();
    assert_eq!(repairs.len(), 1, "{:?}", report.diagnostics);
    assert!(
        repairs[0]
            .message
            .contains("`abnormal_report_request.phone_call_info_list.connection_status`")
    );
    let at = text.get(repairs[0].span.start..repairs[0].span.end).unwrap_or("");
    assert!(at.contains("connection_status"), "span points at {at:?}");
    assert!(!report.has_errors());
}

/// The renderer is behind the `cli` feature.
#[cfg(feature = "cli")]
#[test]
fn the_same_analysis_for_html_pages() {
    use taobao_api_gen::render::html::{ChildShape, page};
    for name in [
        "taobao.logistics.openalibity.write.txt",
        "taobao.logistics.express.abnormal.report.txt",
    ] {
        let path = format!("{}/../specs/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("seed spec");
        let from_text = taobao_api_gen::parse(&path, &text);
        for shape in [ChildShape::NestedTable, ChildShape::NestedList] {
            let html = page(&from_text.api, shape);
            let from_html = taobao_api_gen::parse("page.html", &html);
            assert_eq!(
                everything(&from_html.api),
                everything(&from_text.api),
                "{name} {shape:?}"
            );
            let repairs = |d: &[Diagnostic]| d.iter().filter(|d| d.message.contains("read as")).count();
            assert_eq!(
                repairs(&from_html.diagnostics),
                repairs(&from_text.diagnostics),
                "{name}"
            );
        }
    }
}
