//! `taobao-api-gen diff` end to end: two folders of fixture specs (tests/diff/old, tests/diff/new,
//! written for these tests), two files, JSON output, usage errors, broken specs, and a shipped
//! spec against an edited copy.

use std::path::{Path, PathBuf};
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

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("taobao-diff-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const FOLDERS: &str = "\
taobao.diff.label.print (removed; 1 breaking)
  breaking  api: API removed: module `taobao_diff_label_print` (`DiffLabelPrintRequest`, `DiffLabelPrintRequestBuilder`, `DiffLabelPrintResponse`)

taobao.diff.label.render (added; 1 minor)
  minor     api: API added: module `taobao_diff_label_render` (`DiffLabelRenderRequest`, `DiffLabelRenderRequestBuilder`, `DiffLabelRenderResponse`)

taobao.diff.parcel.update (changed; 2 breaking, 4 minor, 2 patch)
  breaking  request.remark: max length 64 -> 32 (tighter)
  breaking  response.result.legacy_code: field removed (`legacy_code: Option<String>`)
  minor     request.update_request.status: value `4` added (variant `Status::V4`)
  minor     request.update_request.weight: max value 50000 -> 80000 (looser)
  minor     request.operator: optional field added (`operator: Option<String>`)
  minor     response.result.eta: field added (`eta: Option<Timestamp>`)
  patch     request.update_request.status: docs changed: description
  patch     request.update_request.station_code: docs changed: description

4 API(s): 1 added, 1 removed, 1 changed
needed bump: major
";

#[test]
fn two_folders_grouped_by_api_with_the_bump_last() {
    let o = run(&["diff", "taobao-api-gen/tests/diff/old", "taobao-api-gen/tests/diff/new"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), FOLDERS);
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_folder_against_itself_needs_no_bump() {
    let o = run(&["diff", "specs", "specs"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let shipped = std::fs::read_dir("../specs").expect("specs/").count();
    assert_eq!(
        out,
        format!("{shipped} API(s): 0 added, 0 removed, 0 changed\nneeded bump: none\n")
    );
}

#[test]
fn two_files_and_json() {
    let args = [
        "diff",
        "taobao-api-gen/tests/diff/old/taobao.diff.parcel.update.json",
        "taobao-api-gen/tests/diff/new/taobao.diff.parcel.update.json",
    ];
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.starts_with("taobao.diff.parcel.update (changed; 2 breaking, 4 minor, 2 patch)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("1 API(s): 0 added, 0 removed, 1 changed\nneeded bump: major\n"),
        "{out}"
    );

    let o = run(&[&args[..], &["--json"]].concat());
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    assert_eq!(json["bump"], "major");
    assert_eq!(json["bump_of_compared"], "major");
    assert_eq!(json["not_compared"], serde_json::json!([]));
    assert_eq!(json["apis"][0]["bump"], "major");
    assert_eq!(json["apis"][0]["status"], "changed");
    let changes = json["apis"][0]["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 8);
    assert_eq!(
        changes[0],
        serde_json::json!({"level": "breaking", "path": "request.remark", "what": "max length 64 -> 32 (tighter)"})
    );
}

#[test]
fn minor_and_patch_only_pairs() {
    let dir = scratch("minor");
    let old = std::fs::read_to_string("tests/diff/old/taobao.diff.station.get.json").expect("fixture");
    let (a, b, c) = (dir.join("a.json"), dir.join("b.json"), dir.join("c.json"));
    std::fs::write(&a, &old).unwrap();
    // A response field added: minor.
    std::fs::write(
        &b,
        old.replace(
            r#"[{"name": "name", "type": "String", "description": "驿站名称"}]"#,
            r#"[{"name": "name", "type": "String", "description": "驿站名称"}, {"name": "city", "type": "String"}]"#,
        ),
    )
    .unwrap();
    // Only a description: patch.
    std::fs::write(&c, old.replace("驿站名称", "驿站的名称")).unwrap();
    let o = run(&["diff", s(&a), s(&b)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("  minor     response.city: field added (`city: Option<String>`)\n"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).ends_with("needed bump: minor\n"));
    let o = run(&["diff", s(&a), s(&c)]);
    assert_eq!(
        stdout(&o),
        "taobao.diff.station.get (changed; 1 patch)\n  patch     response.name: docs changed: description\n\n1 API(s): 0 added, 0 removed, 1 changed\nneeded bump: patch\n"
    );
}

#[test]
fn a_file_against_a_folder_is_a_usage_error_with_a_hint() {
    let o = run(&[
        "diff",
        "taobao-api-gen/tests/diff/old/taobao.diff.station.get.json",
        "taobao-api-gen/tests/diff/new",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.starts_with("error: cannot compare the file `taobao-api-gen/tests/diff/old/taobao.diff.station.get.json` with the folder `taobao-api-gen/tests/diff/new`\n  = hint: give two versions of one spec (two files) or two `specs/` folders, e.g. `diff taobao-api-gen/tests/diff/old/taobao.diff.station.get.json taobao-api-gen/tests/diff/new/taobao.diff.station.get.json`"),
        "{err}"
    );
    let o = run(&["diff", "no/such/old", "taobao-api-gen/tests/diff/new"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: OLD `no/such/old`: "), "{}", stderr(&o));
}

#[test]
fn broken_specs_are_diagnostics_and_their_apis_are_not_compared() {
    let dir = scratch("broken");
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    for f in ["taobao.diff.parcel.update.json", "taobao.diff.station.get.json"] {
        std::fs::copy(Path::new("tests/diff/old").join(f), old.join(f)).unwrap();
    }
    std::fs::copy(
        "tests/diff/new/taobao.diff.station.get.json",
        new.join("taobao.diff.station.get.json"),
    )
    .unwrap();
    // The new parcel spec is cut off mid-record; a second copy of the station spec under
    // another name makes that method ambiguous.
    let parcel = std::fs::read_to_string("tests/diff/new/taobao.diff.parcel.update.json").unwrap();
    std::fs::write(new.join("taobao.diff.parcel.update.json"), &parcel[..parcel.len() / 2]).unwrap();
    std::fs::copy(
        "tests/diff/new/taobao.diff.station.get.json",
        new.join("station-copy.json"),
    )
    .unwrap();
    let o = run(&["diff", s(&old), s(&new)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("taobao.diff.parcel.update.json:"), "{err}");
    assert!(
        err.contains("`taobao.diff.station.get` is specified by 2 files"),
        "{err}"
    );
    assert!(
        err.ends_with("2 spec problem(s); not compared: taobao.diff.parcel.update, taobao.diff.station.get\n"),
        "{err}"
    );
    // The cut-off spec (its method unknown) hides the old file of the same name: not compared,
    // not reported as a removed API.
    assert_eq!(
        stdout(&o),
        "0 API(s): 0 added, 0 removed, 0 changed, 2 not compared (spec errors)\nneeded bump: unknown (at least none; fix the specs not compared)\n"
    );
}

#[test]
fn methods_of_one_module_name_are_not_compared() {
    let dir = scratch("module");
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    let station = std::fs::read_to_string("tests/diff/old/taobao.diff.station.get.json").unwrap();
    std::fs::write(old.join("taobao.diff.station.get.json"), &station).unwrap();
    std::fs::write(new.join("taobao.diff.station.get.json"), &station).unwrap();
    // `taobao.diff.station_get` would generate the module `taobao_diff_station_get` too.
    std::fs::write(
        new.join("taobao.diff.station_get.json"),
        station.replace("taobao.diff.station.get", "taobao.diff.station_get"),
    )
    .unwrap();
    let o = run(&["diff", s(&old), s(&new)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("would all generate the module `taobao_diff_station_get`"),
        "{err}"
    );
    assert!(
        err.ends_with("1 spec problem(s); not compared: taobao.diff.station.get, taobao.diff.station_get\n"),
        "{err}"
    );
    assert_eq!(
        stdout(&o),
        "0 API(s): 0 added, 0 removed, 0 changed, 2 not compared (spec errors)\nneeded bump: unknown (at least none; fix the specs not compared)\n"
    );
}

#[test]
fn two_files_one_unreadable_as_a_spec() {
    let dir = scratch("garbage");
    let garbage = dir.join("garbage.txt");
    std::fs::write(&garbage, b"\xff\xfe\x00 not a doc page \xc3(").unwrap();
    let o = run(&[
        "diff",
        "taobao-api-gen/tests/diff/old/taobao.diff.station.get.json",
        s(&garbage),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("garbage.txt:"), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with("not compared: taobao.diff.station.get\n"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&o),
        "0 API(s): 0 added, 0 removed, 0 changed, 1 not compared (spec errors)\nneeded bump: unknown (at least none; fix the specs not compared)\n"
    );
}

/// A shipped spec and an edited copy: a nested field turns required, an enum value goes, one
/// comes, and a limit appears on a field whose kind the runtime checks.
#[test]
fn a_shipped_spec_against_an_edited_copy() {
    let dir = scratch("shipped");
    let shipped = "../specs/taobao.logistics.express.abnormal.report.txt";
    let text = std::fs::read_to_string(shipped).expect("shipped spec");
    let edited = text
        .replacen(
            "10-官方取退-上门取退;11-官方取退-驿站自寄",
            "10-官方取退-上门取退;12-官方取退-柜机自寄",
            1,
        )
        .replacen(
            "└ abnormal_remark\n  • String\n  • 可选",
            "└ abnormal_remark\n  • String\n  • 必须",
            1,
        );
    assert_ne!(edited, text, "the edits must apply to the shipped spec");
    let new = dir.join("taobao.logistics.express.abnormal.report.txt");
    std::fs::write(&new, edited).unwrap();
    let o = run(&["diff", "specs/taobao.logistics.express.abnormal.report.txt", s(&new)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
taobao.logistics.express.abnormal.report (changed; 2 breaking, 1 minor, 1 patch)
  breaking  request.abnormal_report_request.service_type: value `11` removed (variant `ServiceType::V11`)
  breaking  request.abnormal_report_request.abnormal_remark: now required (requests without it fail validation)
  minor     request.abnormal_report_request.service_type: value `12` added (variant `ServiceType::V12`)
  patch     request.abnormal_report_request.service_type: docs changed: description

1 API(s): 0 added, 0 removed, 1 changed
needed bump: major
"
    );
}
