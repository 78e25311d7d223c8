//! The HTML reader on pages built in the shapes a saved doc page may have (`tests/html/`): nested
//! tables, `<ul>/<li>` lists in a row, `└` marks with indentation, flat `└` marks (nesting from
//! the page text and its Java example), and a DOM without table structure (page text only).

use taobao_api_gen::ir::{ExampleLanguage, Param, SourceFormat};
use taobao_api_gen::outline::outline;
use taobao_api_gen::{Parsed, Severity};

const TREE: &str = "api taobao.logistics.express.abnormal.report
request
  abnormal_report_request: AbnormalReportReqDto required
    service_type: String required
    picture_info_list: PictureInfoReqDto[] optional
      pic_url: String optional
      pic_upload_time: String optional
    operate_time: String required
    operator: OperatorDTO optional
      name: String optional
      mobile: String optional
    delivery_code: String required
  fields: String required
  request_id: Number optional
response
  spi_result: SpiResult
    abnormal_report_res_dto: AbnormalReportResDto
      order_code: String
    success: Boolean
    error_code: String
";

fn read(name: &str) -> Parsed {
    let path = format!("{}/tests/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // A `.txt` name: the format must be detected from the content.
    taobao_api_gen::parse(&path.replace(".html", ".txt"), &text)
}

fn find<'a>(params: &'a [Param], name: &str) -> &'a Param {
    params
        .iter()
        .find_map(|p| {
            if p.name == name {
                Some(p)
            } else {
                Some(find_in(&p.children, name)?)
            }
        })
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn find_in<'a>(params: &'a [Param], name: &str) -> Option<&'a Param> {
    params.iter().find_map(|p| {
        if p.name == name {
            Some(p)
        } else {
            find_in(&p.children, name)
        }
    })
}

fn fell_back(parsed: &Parsed) -> bool {
    parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Note && d.message.contains("page text"))
}

/// Everything the DOM states: tree, head, cells, limits, multi-line descriptions, examples.
fn assert_structured(name: &str) {
    let parsed = read(name);
    assert!(!parsed.has_errors(), "{name}: {:?}", parsed.diagnostics);
    assert!(!fell_back(&parsed), "{name} should be read from the DOM");
    let api = &parsed.api;
    assert_eq!(outline(api), TREE, "{name}");
    assert_eq!(api.source_format, SourceFormat::Html);
    assert_eq!(api.title.as_deref(), Some("配服务商异常报备"));
    assert_eq!(api.category.as_deref(), Some("淘天物流API"));
    assert_eq!(api.description.as_deref(), Some("配服务商异常报备"));
    let operate = find(&api.request, "operate_time");
    assert_eq!(
        operate.description.as_deref(),
        Some("对应状态的\n操作时间"),
        "{name}: <br/>"
    );
    assert_eq!(operate.example.as_deref(), Some("2024-03-28 16:38:11"));
    let service = find(&api.request, "service_type");
    assert_eq!(
        service.description.as_deref(),
        Some("服务类型\n1-送货上门\n2-放指定驿站"),
        "{name}: <li>"
    );
    let fields = find(&api.request, "fields");
    assert_eq!(fields.limits.max_length, Some(64), "{name}");
    let id = find(&api.request, "request_id");
    assert_eq!(
        (id.limits.min_value, id.limits.max_value, id.default.as_deref()),
        (Some(1), Some(100), Some("1")),
        "{name}: fullwidth colon, <br> between limits"
    );
    let span = find(&api.request, "mobile").span.expect("a span");
    assert!(span.end > span.start, "{name}");
    assert_examples(&parsed, name);
}

fn assert_examples(parsed: &Parsed, name: &str) {
    let ex = &parsed.api.examples;
    let java = ex.request.as_ref().expect("Java example");
    assert_eq!(java.language, ExampleLanguage::Java);
    assert!(
        java.text
            .contains("List<LogisticsExpressAbnormalReportRequest.PictureInfoReqDto> list3"),
        "{name}"
    );
    let xml = ex.response.as_ref().expect("response example");
    assert!(
        xml.text.starts_with("<logistics_express_abnormal_report_response>"),
        "{name}"
    );
    assert!(
        ex.error
            .as_ref()
            .expect("error example")
            .text
            .contains("<error_response>"),
        "{name}"
    );
    let codes = &parsed.api.error_codes;
    assert_eq!(codes.len(), 1, "{name}");
    assert_eq!((codes[0].code.as_str(), codes[0].solution.as_str()), ("isv.x", "重试"));
}

#[test]
fn nested_tables() {
    assert_structured("nested_tables.html");
}

#[test]
fn nested_lists_in_a_row() {
    assert_structured("nested_lists.html");
}

#[test]
fn marks_with_indentation() {
    assert_structured("marks_indented.html");
}

#[test]
fn flat_marks_fall_back_to_the_page_text() {
    let parsed = read("marks_flat.html");
    assert!(fell_back(&parsed), "{:?}", parsed.diagnostics);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    assert_eq!(outline(&parsed.api), TREE);
    assert_examples(&parsed, "marks_flat.html");
}

#[test]
fn dom_without_structure_is_read_as_page_text() {
    let parsed = read("no_structure.html");
    assert!(fell_back(&parsed), "{:?}", parsed.diagnostics);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let without_top_scalars: String = TREE
        .lines()
        .filter(|l| !l.starts_with("  fields") && !l.starts_with("  request_id"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(outline(&parsed.api), without_top_scalars);
    assert_eq!(parsed.api.source_format, SourceFormat::Html);
}

#[test]
fn garbage_never_panics() {
    for text in [
        "<html",
        "<table><tr><th>名称</th><th>类型</th></tr><tr><td colspan=2><ul><li>x</li></ul>",
        "<div>\u{0}</div>",
    ] {
        let parsed = taobao_api_gen::parse("x.html", text);
        assert!(parsed.has_errors(), "{text}: a page without an API name is an error");
    }
}
