//! The real-page shapes beside the seeds' bullet layout, on synthetic pages in `tests/pages/`:
//! the markdown pipe-table layout (with and without child tables and examples), 更多限制 bullets
//! with the +4-space shift, multi-line descriptions, `Type []` / `byte[]` / missing types,
//! fullwidth punctuation and a page cut off mid-table.

use taobao_api_gen::ir::{Api, Limits, Param, ParamOrigin, SourceFormat, Ty};
use taobao_api_gen::outline::outline;
use taobao_api_gen::{Parsed, Severity};

fn read(rel: &str) -> (String, Parsed) {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("page");
    let parsed = taobao_api_gen::parse(rel, &text);
    (text, parsed)
}

fn page(name: &str) -> (String, Parsed) {
    read(&format!("tests/pages/{name}"))
}

fn seed(name: &str) -> Api {
    read(&format!("../specs/{name}")).1.api
}

/// A param without its position and origin, for comparing the same row across layouts.
fn strip(p: &Param) -> Param {
    Param {
        span: None,
        children: p.children.iter().map(strip).collect(),
        ..p.clone()
    }
}

fn messages(parsed: &Parsed, at_least: Severity) -> Vec<String> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity >= at_least)
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn markdown_twin_reads_exactly_like_the_bullet_seed() {
    let (_, parsed) = page("abnormal-report.md");
    assert!(
        messages(&parsed, Severity::Warning).is_empty(),
        "{:?}",
        parsed.diagnostics
    );
    let md = parsed.api;
    let bullets = seed("taobao.logistics.express.abnormal.report.txt");
    assert_eq!(md.source_format, SourceFormat::Markdown);
    assert_eq!(
        md.name, "taobao.logistics.express.abnormal.report",
        "name from the Java request class"
    );
    assert_eq!(outline(&md), outline(&bullets));
    let strip_all = |ps: &[Param]| ps.iter().map(strip).collect::<Vec<_>>();
    assert_eq!(strip_all(&md.request), strip_all(&bullets.request));
    assert_eq!(strip_all(&md.response), strip_all(&bullets.response));
    let value = |api: &Api| {
        let e = &api.examples;
        [&e.request, &e.response, &e.error].map(|x| x.as_ref().and_then(|c| c.value.clone()))
    };
    assert_eq!(
        value(&md),
        value(&bullets),
        "flattened, line-numbered examples read the same"
    );
    assert!(
        md.examples
            .response
            .as_ref()
            .is_some_and(|e| e.text.starts_with("<logistics_express"))
    );
    assert!(md.error_codes.is_empty());
    assert_eq!((md.title, md.category), (None, None));
}

const RECOVERED_TREE: &str = "\
api taobao.logistics.express.abnormal.report
request
  abnormal_report_request: AbnormalReportReqDto required
    service_type: String optional
    abnormal_remark: String optional
    supplier_id: String optional
    abnormal_type: String optional
    picture_info_list: PictureInfoReqDto[] optional
      pic_url: String optional
      pic_upload_time: String optional
    operate_time: String optional
    abnormal_result: String optional
    abnormal_reason: String optional
    abnormal_node: String optional
    abnormal_order_id: String optional
    mail_no: String optional
    extend_props: String optional
    phone_call_info_list: PhoneCallInfoReqDto[] optional
      connect_time_length: Number optional
      phone_call_type: String optional
      hang_up_type: String optional
      phone_call_result_remark: String optional
      phone_call_operator_phone: String optional
      phone_call_consumer_phone: String optional
      phone_call_operator_name: String optional
      phone_chat_url: String optional
      phone_call_demand_change_time: String optional
      connect_time: String optional
      connection_status: String optional
      call_time: String optional
      hang_up_time: String optional
    related_biz_code: String optional
    delivery_code: String optional
    operator: OperatorDTO optional
      name: String optional
      mobile: String optional
    abnormal_sites: TmsSitesDTO[] optional
      site_type: String optional
      site_code: String optional
      site_name: String optional
response
  spi_result: SpiResult
    abnormal_report_res_dto: AbnormalReportResDto
      order_code: String
      related_biz_code: Number
    success: Boolean
    retry: Boolean
    error_code: String
    error_message: String
";

fn all(ps: &[Param]) -> Vec<&Param> {
    ps.iter()
        .flat_map(|p| std::iter::once(p).chain(all(&p.children)))
        .collect()
}

#[test]
fn missing_child_tables_are_recovered_from_the_examples() {
    let (_, parsed) = page("abnormal-report-no-child-tables.md");
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let api = parsed.api.clone();
    assert_eq!(outline(&api), RECOVERED_TREE);
    let bullets = seed("taobao.logistics.express.abnormal.report.txt");
    let top = |ps: &[Param]| {
        ps.iter()
            .map(|p| Param {
                children: Vec::new(),
                span: None,
                ..p.clone()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        top(&api.request),
        top(&bullets.request),
        "same top-level rows as the bullet twin"
    );
    assert_eq!(top(&api.response), top(&bullets.response));
    let dto = &api.request[0];
    for p in all(&dto.children) {
        assert_eq!(p.origin, ParamOrigin::JavaExample, "{}", p.name);
        assert!(p.ty.inferred, "{}", p.name);
    }
    let length = &dto.children[12].children[0];
    assert_eq!(
        (length.name.as_str(), &length.ty.ty, length.example.as_deref()),
        ("connect_time_length", &Ty::Number, Some("10"))
    );
    assert_eq!(dto.children[0].example.as_deref(), Some("10"));
    for p in all(&api.response[0].children) {
        assert_eq!(p.origin, ParamOrigin::ResponseExample, "{}", p.name);
    }
    let notes = messages(&parsed, Severity::Note);
    assert!(notes.contains(
        &"the fields of `abnormal_report_request` are not in the table; recovered from the Java example".to_string()
    ));
    assert!(
        notes.contains(
            &"the fields of `spi_result` are not in the table; recovered from the response example".to_string()
        )
    );
}

#[test]
fn objects_without_children_or_examples_are_named_in_a_warning() {
    let (_, parsed) = page("openalibity-write-no-example.md");
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    assert_eq!(
        outline(&parsed.api),
        "api taobao.logistics.openalibity.write\nrequest\n  general_logistics_data_write_request: GeneralLogisticsDataWriteRequest required\n\
         response\n  result_msg: String\n  write_response: GeneralLogisticsDataWriteResponse\n  result_code: String\n  result_success: Boolean\n"
    );
    let warnings = messages(&parsed, Severity::Warning);
    assert_eq!(
        warnings[..2],
        [
            "`general_logistics_data_write_request` is an object (`GeneralLogisticsDataWriteRequest`) but the page lists none of its fields",
            "`write_response` is an object (`GeneralLogisticsDataWriteResponse`) but the page lists none of its fields",
        ]
    );
    let w = &parsed.api.response[3];
    assert_eq!(
        (w.example.as_deref(), w.description.as_deref()),
        (Some("true"), Some("接口调用是否成功"))
    );
}

#[test]
fn limits_defaults_multiline_descriptions_and_type_shapes() {
    let (text, parsed) = page("limits.txt");
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let api = &parsed.api;
    assert_eq!(
        outline(api),
        "api taobao.logistics.express.abnormal.report\nrequest\n  mail_no: String required\n  supplier_ids: Number[] optional\n\
         \x20 abnormal_pic: byte[] optional\n  need_retry: Boolean optional\n  abnormal_remark: String optional\n\
         \x20 abnormal_report_request: AbnormalReportReqDto required\n    service_type: String required\n\
         \x20   operate_time: String required\n    extend_props: String optional\nresponse\n  site_codes: String[]\n\
         \x20 spi_result: SpiResult\n    success: Boolean\n    error_message: String\n"
    );
    let r = &api.request;
    assert_eq!(
        r[0].limits,
        Limits {
            max_length: Some(64),
            ..Limits::default()
        }
    );
    assert_eq!(r[0].description.as_deref(), Some("包裹运单号,\n核销节点运单号可为空"));
    assert_eq!(r[0].example.as_deref(), Some("773277523041406"));
    assert_eq!(
        r[1].limits,
        Limits {
            max_list_size: Some(20),
            min_value: Some(1),
            max_value: Some(100),
            ..Limits::default()
        }
    );
    assert_eq!(r[1].ty.ty, Ty::List(Box::new(Ty::Number)));
    assert_eq!(
        r[1].description.as_deref(),
        Some("淘天物流服务商id列表,\n多个用逗号分隔")
    );
    assert_eq!(
        (r[2].ty.ty.clone(), r[2].limits.max_length, r[2].example.as_deref()),
        (Ty::File, Some(10485760), None)
    );
    assert_eq!(
        (r[3].default.as_deref(), r[3].example.as_deref()),
        (Some("false"), Some("true"))
    );
    assert_eq!((r[4].ty.declared.as_deref(), r[4].required), (None, false));
    assert_eq!(
        (r[4].example.as_deref(), r[4].description.as_deref()),
        (Some("天气原因"), Some("服务商异常描述"))
    );
    let dto = &r[5].children;
    assert_eq!(
        dto[0].description.as_deref(),
        Some("服务类型(1-送货上门;\n2-放指定驿站)")
    );
    assert_eq!(
        (dto[1].example.as_deref(), dto[1].description.as_deref()),
        (None, Some("对应状态的操作时间"))
    );
    assert_eq!(
        (dto[2].ty.declared.as_deref(), dto[2].example.as_deref()),
        (None, Some("{}"))
    );
    assert_eq!(api.response[0].ty.ty, Ty::List(Box::new(Ty::String)));
    assert_eq!(api.response[0].example.as_deref(), Some("234,235"));
    let warnings = messages(&parsed, Severity::Warning);
    assert!(
        warnings.contains(&"`abnormal_remark` has no type; read as String".to_string()),
        "{warnings:?}"
    );
    assert!(warnings.contains(&"`extend_props` has no type; read as String".to_string()));

    // The 4-space shift after the first limited row must not change anything.
    let unshifted: String = text.lines().map(|l| format!("{}\n", l.trim_start())).collect();
    let again = taobao_api_gen::parse("limits.txt", &unshifted).api;
    assert_eq!(outline(&again), outline(api));
    let strip_all = |ps: &[Param]| ps.iter().map(strip).collect::<Vec<_>>();
    assert_eq!(strip_all(&again.request), strip_all(&api.request));
}

#[test]
fn fullwidth_punctuation() {
    let (_, parsed) = page("fullwidth.txt");
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let api = &parsed.api;
    assert_eq!(api.name, "taobao.logistics.express.abnormal.report");
    assert_eq!(api.title.as_deref(), Some("配服务商异常报备"));
    assert_eq!(api.description.as_deref(), Some("配服务商异常报备（全角标点）"));
    assert_eq!(api.request[0].limits.max_length, Some(64));
    assert_eq!(
        api.request[0].description.as_deref(),
        Some("包裹运单号，核销节点运单号可为空"),
        "kept as written"
    );
    assert_eq!(api.request[1].default.as_deref(), Some("TMS_SIGN"));
    assert_eq!(api.request[1].example.as_deref(), Some("TMS_DELIVERING"));
}

#[test]
fn page_cut_off_mid_table() {
    let (text, parsed) = page("cut-off.md");
    assert_eq!(
        outline(&parsed.api),
        "api \nrequest\n  general_logistics_data_write_request: GeneralLogisticsDataWriteRequest required\n\
         \x20   cp_code: String required\n    mail_no: String optional\nresponse\n"
    );
    let index = taobao_api_gen::LineIndex::new(&text);
    let errors: Vec<(usize, String)> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (index.line(d.span.start), d.message.clone()))
        .collect();
    assert_eq!(
        errors,
        [
            (1, "no API name on the page".to_string()),
            (5, "the page ends inside the 请求参数 table".to_string()),
            (5, "request row `mail_no` has no 是否必须 cell".to_string()),
        ]
    );
}

#[test]
fn api_name_from_the_xml_root_when_no_title_or_java() {
    let (text, _) = page("abnormal-report.md");
    let without_java: String = text
        .lines()
        .filter(|l| !l.contains("TaobaoClient"))
        .map(|l| format!("{l}\n"))
        .collect();
    let parsed = taobao_api_gen::parse("no-java.md", &without_java);
    assert_eq!(parsed.api.name, "taobao.logistics.express.abnormal.report");
    assert!(parsed.api.examples.request.is_none());
    let bullets = seed("taobao.logistics.express.abnormal.report.txt");
    let tree = |api: &Api| outline(api).split_once("response\n").map(|(_, r)| r.to_string());
    assert_eq!(
        tree(&parsed.api),
        tree(&bullets),
        "the response example still settles the response tree"
    );
    // Without the Java example the pipe table cannot tell a nested object from a top-level row.
    let warnings = messages(&parsed, Severity::Warning);
    let expected =
        "ambiguous nesting: `picture_info_list` may be a field of `abnormal_report_request`; read as top-level";
    assert!(warnings.contains(&expected.to_string()), "{warnings:?}");
}
