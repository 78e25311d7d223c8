//! The `taobao-api-gen` binary end to end: `tree` and `check` on the seeds and on broken pages.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taobao-api-gen"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("run taobao-api-gen")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

const WRITE_TREE: &str = "\
api taobao.logistics.openalibity.write
request
  general_logistics_data_write_request: GeneralLogisticsDataWriteRequest required
    cp_code: String required
    mail_no: String required
    current_logistics_status: String optional
    receiver_phone: String optional
    extend_param: String required
    openid: String optional
    package_type: String optional
    scene: String required
response
  result_msg: String
  write_response: GeneralLogisticsDataWriteResponse
    success: Boolean
    error_code: String
    error_msg: String
  result_code: String
  result_success: Boolean
";

const REPORT_TREE_HEAD: &str = "\
api taobao.logistics.express.abnormal.report
request
  abnormal_report_request: AbnormalReportReqDto required
    service_type: String required
";

const REPORT_TREE_TAIL: &str = "\
response
  spi_result: SpiResult
    abnormal_report_res_dto: AbnormalReportResDto
      order_code: String
      related_biz_code: String
    success: Boolean
    retry: Boolean
    error_code: String
    error_message: String
";

#[test]
fn tree_prints_the_outline_only() {
    let o = run(&["tree", "specs/taobao.logistics.openalibity.write.txt"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), WRITE_TREE);
    let o = run(&["tree", "specs/taobao.logistics.express.abnormal.report.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.starts_with(REPORT_TREE_HEAD) && out.ends_with(REPORT_TREE_TAIL),
        "{out}"
    );
    assert_eq!(out.lines().count(), 49);
}

#[test]
fn tree_separates_files_with_a_blank_line() {
    let o = run(&[
        "tree",
        "specs/taobao.logistics.openalibity.write.txt",
        "specs/taobao.logistics.openalibity.write.txt",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("{WRITE_TREE}\n{WRITE_TREE}"));
}

#[test]
fn tree_exits_1_on_a_broken_file_and_still_prints() {
    let o = run(&[
        "tree",
        "specs/taobao.logistics.openalibity.write.txt",
        "tests/bad-specs/truncated-table.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with(WRITE_TREE));
    assert!(out.ends_with(
        "\napi taobao.logistics.express.abnormal.report\nrequest\n  abnormal_report_request: AbnormalReportReqDto required\n    service_type: String required\n    supplier_id: String optional\nresponse\n"
    ), "{out}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("tests/bad-specs/truncated-table.txt:15:3: error: the page ends inside the 请求参数 table"),
        "{err}"
    );
}

#[test]
fn check_on_the_seeds_has_no_errors() {
    let o = run(&[
        "check",
        "specs/taobao.logistics.express.abnormal.report.txt",
        "specs/taobao.logistics.openalibity.write.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains(": error:"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("checked 2 spec(s): 0 error(s)"), "{err}");
}

#[test]
fn check_renders_file_line_col_source_caret_and_hint() {
    let o = run(&["check", "tests/bad-specs/missing-columns.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let first: Vec<&str> = out.lines().take(5).collect();
    assert_eq!(
        first,
        [
            "tests/bad-specs/missing-columns.txt:6:1: error: request row `mail_no` has no 是否必须 cell",
            "  |",
            "6 | mail_no String",
            "  | ^^^^^^^",
            "  = hint: a request row reads `名称 类型 必须|可选 示例值 描述`; add 必须 or 可选 after the type",
        ]
    );
}
