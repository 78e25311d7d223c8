//! Classification table: one edit of a small JSON record per case, and the changes it must give.

use super::*;
use serde_json::{Value, json};

/// The base record: a required scalar, an optional limited string, a required object with an
/// enum and a bounded number, and a response with a nested object.
fn base() -> Value {
    json!({
        "name": "taobao.diff.fixture.update",
        "apiChineseName": "测试",
        "description": "测试接口",
        "requestParams": [
            {"name": "id", "type": "Number", "required": true, "description": "编号"},
            {"name": "name", "type": "String", "maxLength": 64, "description": "名称"},
            {"name": "req", "type": "ReqDto", "required": true, "description": "请求对象", "subParams": [
                {"name": "kind", "type": "String", "required": true, "description": "类型(1-送货上门;2-放指定驿站)"},
                {"name": "count", "type": "Number", "minValue": 1, "maxValue": 100, "description": "数量"}
            ]}
        ],
        "responseParams": [
            {"name": "ok", "type": "Boolean", "description": "是否成功"},
            {"name": "result", "type": "ResultDto", "description": "结果", "subParams": [
                {"name": "code", "type": "String", "description": "编码"}
            ]}
        ]
    })
}

fn api(record: &Value) -> Api {
    let parsed = crate::parse("fixture.json", &record.to_string());
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    parsed.api
}

/// Applies `edit` to the base record and diffs base -> edited.
fn changes(edit: impl FnOnce(&mut Value)) -> Vec<(Level, String, String)> {
    let mut new = base();
    edit(&mut new);
    diff_api(&api(&base()), &api(&new))
        .into_iter()
        .map(|c| (c.level, c.path, c.what))
        .collect()
}

fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}"))
}

fn push(v: &mut Value, pointer: &str, item: Value) {
    at(v, pointer).as_array_mut().expect("array").push(item);
}

fn remove(v: &mut Value, pointer: &str, index: usize) {
    at(v, pointer).as_array_mut().expect("array").remove(index);
}

fn set(v: &mut Value, pointer: &str, key: &str, value: Value) {
    at(v, pointer)
        .as_object_mut()
        .expect("object")
        .insert(key.into(), value);
}

fn unset(v: &mut Value, pointer: &str, key: &str) {
    at(v, pointer).as_object_mut().expect("object").remove(key);
}

use Level::{Breaking, Minor, Patch};

/// One table row: what the case is, the edit of the base record, the changes it must give.
type Case<W> = (&'static str, Box<dyn FnOnce(&mut Value)>, Vec<W>);

fn one(level: Level, path: &str, what: &str) -> Vec<(Level, String, String)> {
    vec![(level, path.to_string(), what.to_string())]
}

#[test]
fn the_same_spec_has_no_changes() {
    assert_eq!(changes(|_| {}), vec![]);
    assert_eq!(Bump::of(&[]), Bump::None);
}

#[test]
fn request_fields() {
    let cases: Vec<Case<(Level, String, String)>> = vec![
        (
            "optional field added",
            Box::new(|v| push(v, "/requestParams", json!({"name": "memo", "type": "String"}))),
            one(Minor, "request.memo", "optional field added (`memo: Option<String>`)"),
        ),
        (
            "required field added",
            Box::new(|v| {
                push(
                    v,
                    "/requestParams",
                    json!({"name": "memo", "type": "String", "required": true}),
                )
            }),
            one(Breaking, "request.memo", "required field added (`memo: String`)"),
        ),
        (
            "field removed",
            Box::new(|v| remove(v, "/requestParams", 1)),
            one(Breaking, "request.name", "field removed (`name: Option<String>`)"),
        ),
        (
            "optional -> required at the top: the type changes",
            Box::new(|v| set(v, "/requestParams/1", "required", json!(true))),
            one(
                Breaking,
                "request.name",
                "now required: type `Option<String>` -> `String`",
            ),
        ),
        (
            "required -> optional at the top: the type changes too",
            Box::new(|v| set(v, "/requestParams/0", "required", json!(false))),
            one(Breaking, "request.id", "now optional: type `i64` -> `Option<i64>`"),
        ),
        (
            "type changed",
            Box::new(|v| set(v, "/requestParams/0", "type", json!("String"))),
            one(Breaking, "request.id", "type `i64` -> `String`"),
        ),
        (
            // `byte` is an `i64` too and the docs do not show the declared type: same code.
            "declared type changed, same Rust type",
            Box::new(|v| set(v, "/requestParams/0", "type", json!("byte"))),
            vec![],
        ),
        (
            "DTO renamed",
            Box::new(|v| set(v, "/requestParams/2", "type", json!("RequestDto"))),
            one(Breaking, "request.req", "type `ReqDto` -> `RequestDto`"),
        ),
        (
            "description only",
            Box::new(|v| set(v, "/requestParams/1", "description", json!("新的名称"))),
            one(Patch, "request.name", "docs changed: description"),
        ),
    ];
    for (case, edit, want) in cases {
        assert_eq!(changes(edit), want, "{case}");
    }
}

#[test]
fn nested_fields_and_rules() {
    let cases: Vec<Case<(Level, String, String)>> = vec![
        (
            "nested optional field added",
            Box::new(|v| {
                push(
                    v,
                    "/requestParams/2/subParams",
                    json!({"name": "note", "type": "String"}),
                )
            }),
            one(
                Minor,
                "request.req.note",
                "optional field added (`note: Option<String>`)",
            ),
        ),
        (
            "nested required field added: still `Option`, but validation fails without it",
            Box::new(|v| {
                push(
                    v,
                    "/requestParams/2/subParams",
                    json!({"name": "note", "type": "String", "required": true}),
                )
            }),
            one(
                Breaking,
                "request.req.note",
                "required field added (`note: Option<String>`)",
            ),
        ),
        (
            "nested field added with a rule that makes it required",
            Box::new(|v| {
                push(
                    v,
                    "/requestParams/2/subParams",
                    json!({"name": "station", "type": "String", "description": "驿站编码,kind=2时必填"}),
                )
            }),
            one(
                Breaking,
                "request.req.station",
                "field added (`station: Option<String>`), required when `kind` is `2`",
            ),
        ),
        (
            "nested field turns required",
            Box::new(|v| set(v, "/requestParams/2/subParams/1", "required", json!(true))),
            one(
                Breaking,
                "request.req.count",
                "now required (requests without it fail validation)",
            ),
        ),
        (
            "nested field no longer required",
            Box::new(|v| set(v, "/requestParams/2/subParams/0", "required", json!(false))),
            one(Minor, "request.req.kind", "no longer required"),
        ),
        (
            "tighter max length",
            Box::new(|v| set(v, "/requestParams/1", "maxLength", json!(32))),
            one(Breaking, "request.name", "max length 64 -> 32 (tighter)"),
        ),
        (
            "looser max length",
            Box::new(|v| set(v, "/requestParams/1", "maxLength", json!(128))),
            one(Minor, "request.name", "max length 64 -> 128 (looser)"),
        ),
        (
            "max length dropped",
            Box::new(|v| unset(v, "/requestParams/1", "maxLength")),
            one(Minor, "request.name", "max length 64 dropped"),
        ),
        (
            "new list size limit",
            Box::new(|v| set(v, "/requestParams/1", "maxListSize", json!(5))),
            one(Breaking, "request.name", "new max list size 5"),
        ),
        (
            "min value raised",
            Box::new(|v| set(v, "/requestParams/2/subParams/1", "minValue", json!(2))),
            one(Breaking, "request.req.count", "min value 1 -> 2 (tighter)"),
        ),
        (
            "min value lowered",
            Box::new(|v| set(v, "/requestParams/2/subParams/1", "minValue", json!(0))),
            one(Minor, "request.req.count", "min value 1 -> 0 (looser)"),
        ),
        (
            "max value lowered",
            Box::new(|v| set(v, "/requestParams/2/subParams/1", "maxValue", json!(50))),
            one(Breaking, "request.req.count", "max value 100 -> 50 (tighter)"),
        ),
        (
            // The runtime checks no length on numbers: only the docs change.
            "a limit the schema does not carry",
            Box::new(|v| set(v, "/requestParams/0", "maxLength", json!(10))),
            one(Patch, "request.id", "docs changed: limits"),
        ),
    ];
    for (case, edit, want) in cases {
        assert_eq!(changes(edit), want, "{case}");
    }
}

#[test]
fn enums_and_responses() {
    let cases: Vec<Case<(Level, &str, &str)>> = vec![
        (
            "enum value added",
            Box::new(|v| {
                set(
                    v,
                    "/requestParams/2/subParams/0",
                    "description",
                    json!("类型(1-送货上门;2-放指定驿站;3-自提)"),
                )
            }),
            vec![
                (Minor, "request.req.kind", "value `3` added (variant `Kind::V3`)"),
                (Patch, "request.req.kind", "docs changed: description"),
            ],
        ),
        (
            "enum value removed",
            Box::new(|v| {
                set(
                    v,
                    "/requestParams/2/subParams/0",
                    "description",
                    json!("类型(1-送货上门;3-自提)"),
                )
            }),
            vec![
                (Breaking, "request.req.kind", "value `2` removed (variant `Kind::V2`)"),
                (Minor, "request.req.kind", "value `3` added (variant `Kind::V3`)"),
                (Patch, "request.req.kind", "docs changed: description"),
            ],
        ),
        (
            "label only",
            Box::new(|v| {
                set(
                    v,
                    "/requestParams/2/subParams/0",
                    "description",
                    json!("类型(1-送货上门;2-驿站)"),
                )
            }),
            vec![
                (Patch, "request.req.kind", "docs changed: description"),
                (Patch, "request.req.kind", "label of `2` changed"),
            ],
        ),
        (
            "documented values appear: `String` becomes an open enum",
            Box::new(|v| set(v, "/requestParams/1", "description", json!("名称(A-甲;B-乙)"))),
            vec![
                (Breaking, "request.name", "type `Option<String>` -> `Option<Name>`"),
                (Patch, "request.name", "docs changed: description"),
            ],
        ),
        (
            "response field added",
            Box::new(|v| {
                push(
                    v,
                    "/responseParams/1/subParams",
                    json!({"name": "msg", "type": "String"}),
                )
            }),
            vec![(Minor, "response.result.msg", "field added (`msg: Option<String>`)")],
        ),
        (
            "response field removed",
            Box::new(|v| remove(v, "/responseParams", 0)),
            vec![(Breaking, "response.ok", "field removed (`ok: Option<bool>`)")],
        ),
        (
            "response field type changed",
            Box::new(|v| set(v, "/responseParams/1/subParams/0", "type", json!("Number"))),
            vec![(
                Breaking,
                "response.result.code",
                "type `Option<String>` -> `Option<i64>`",
            )],
        ),
        (
            "title",
            Box::new(|v| set(v, "", "apiChineseName", json!("新标题"))),
            vec![(Patch, "title", "title changed")],
        ),
        (
            "a rule on an existing field",
            Box::new(|v| {
                set(
                    v,
                    "/requestParams/2/subParams/1",
                    "description",
                    json!("数量,kind=2时必填"),
                )
            }),
            vec![
                (Breaking, "request.req.count", "new rule: required when `kind` is `2`"),
                (Patch, "request.req.count", "docs changed: description"),
            ],
        ),
    ];
    for (case, edit, want) in cases {
        let want: Vec<(Level, String, String)> = want
            .into_iter()
            .map(|(l, p, w)| (l, p.to_string(), w.to_string()))
            .collect();
        let mut got = changes(edit);
        got.sort();
        let mut want = want;
        want.sort();
        assert_eq!(got, want, "{case}");
    }
}

#[test]
fn default_follows_the_first_required_field() {
    let mut old = base();
    set(&mut old, "/requestParams/0", "required", json!(false));
    set(&mut old, "/requestParams/2", "required", json!(false));
    let new = base();
    let got = diff_api(&api(&old), &api(&new));
    assert!(
        got.iter()
            .any(|c| c.level == Breaking && c.path == "request" && c.what.contains("no longer implements `Default`")),
        "{got:?}"
    );
    let back = diff_api(&api(&new), &api(&old));
    assert!(
        back.iter()
            .any(|c| c.level == Minor && c.what.contains("implements `Default` now")),
        "{back:?}"
    );
    assert_eq!(Bump::of(&got), Bump::Major);
}

#[test]
fn sets_match_apis_by_method() {
    let a = api(&base());
    let mut other = base();
    set(&mut other, "", "name", json!("taobao.diff.other.get"));
    let b = api(&other);
    let mut changed = base();
    set(&mut changed, "/requestParams/1", "description", json!("改"));
    let c = api(&changed);

    assert_eq!(diff_sets(&[a.clone(), b.clone()], &[b.clone(), a.clone()]), vec![]);
    let report = diff_sets(std::slice::from_ref(&a), &[c.clone(), b.clone()]);
    let summary: Vec<(&str, Status, Bump)> = report.iter().map(|r| (r.method.as_str(), r.status, r.bump)).collect();
    assert_eq!(
        summary,
        vec![
            ("taobao.diff.fixture.update", Status::Changed, Bump::Patch),
            ("taobao.diff.other.get", Status::Added, Bump::Minor),
        ]
    );
    assert_eq!(
        report[1].changes[0].what,
        "API added: module `taobao_diff_other_get` (`DiffOtherGetRequest`, `DiffOtherGetRequestBuilder`, `DiffOtherGetResponse`)"
    );
    let removed = diff_sets(&[a, b], &[c]);
    assert_eq!(removed[1].status, Status::Removed);
    assert_eq!(removed[1].changes[0].level, Breaking);
    assert_eq!(Bump::of(removed.iter().flat_map(|r| &r.changes)), Bump::Major);
}

#[test]
fn bump_is_the_highest_level() {
    let c = |level| Change::new(level, "x", "y");
    assert_eq!(Bump::of(&[c(Patch)]), Bump::Patch);
    assert_eq!(Bump::of(&[c(Patch), c(Minor)]), Bump::Minor);
    assert_eq!(Bump::of(&[c(Minor), c(Breaking), c(Patch)]), Bump::Major);
    assert!(Bump::None < Bump::Patch && Bump::Minor < Bump::Major);
}
