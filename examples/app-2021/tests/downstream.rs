//! What `tb::include_specs!("specs", crate = tb)` gives an edition-2021 application whose
//! `taobao-api` dependency is renamed: the module, the official-name re-exports, `APIS` and
//! `ALL_METHODS`, typed validation, `Serialize`, and a real call (blocking client) against the
//! mock gateway that decodes the typed response.

use app_2021::shop::example_shop_note_add::{NoteAuthor, NoteType};
use app_2021::shop::{
    ExampleShopNoteAddRequest, ExampleShopNoteAddRequestBuilder, ExampleShopNoteAddResponse, ALL_METHODS, APIS,
};
use app_2021::{shop, shop_detected, text_note};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tb::mock::{MockGateway, Reply, DEFAULT_APP_SECRET};
use tb::{TopRequest, ViolationKind};

fn author(nick: &str, level: Option<i64>) -> NoteAuthor {
    let author = NoteAuthor::builder().nick(nick);
    match level {
        Some(level) => author.level(level).build(),
        None => author.build(),
    }
}

#[test]
fn the_expansion_provides_module_reexports_and_the_api_tables() {
    assert_eq!(ALL_METHODS, ["example.shop.note.add"]);
    assert_eq!(APIS.len(), 1);
    assert_eq!(APIS[0].method, "example.shop.note.add");
    assert_eq!(APIS[0].required_params, ["title", "note_type", "author"]);
    assert_eq!(ExampleShopNoteAddRequest::METHOD, "example.shop.note.add");
    // The re-exports are the module's types, not copies.
    let builder: ExampleShopNoteAddRequestBuilder = shop::example_shop_note_add::ExampleShopNoteAddRequest::builder();
    let _: Result<ExampleShopNoteAddRequest, _> = builder.build();
    let _: fn() -> Option<ExampleShopNoteAddResponse> = || None;
    // Without `crate = tb` the rename is read from Cargo.toml: same API, its own types.
    assert_eq!(shop_detected::ALL_METHODS, ALL_METHODS);
    assert_eq!(
        <shop_detected::ExampleShopNoteAddRequest as TopRequest>::METHOD,
        ExampleShopNoteAddRequest::METHOD
    );
}

#[test]
fn validation_names_every_broken_field_by_its_path() {
    let err = ExampleShopNoteAddRequest::builder()
        .title("一二三四五六七八九十一二三四五六七八九十多") // 21 UTF-16 units, limit 20
        .tags(vec!["a".to_owned(), "b".to_owned(), "c".to_owned(), "d".to_owned()])
        .author(NoteAuthor::builder().build())
        .build()
        .unwrap_err();
    assert_eq!(err.paths(), ["title", "note_type", "tags", "author.nick"]);
    assert_eq!(err.violations[0].kind, ViolationKind::TooLong { max: 20, actual: 21 });
    assert_eq!(err.violations[1].kind, ViolationKind::Missing);
    assert_eq!(
        err.violations[2].kind,
        ViolationKind::TooManyItems { max: 3, actual: 4 }
    );
    assert_eq!(err.violations[3].kind, ViolationKind::Missing);

    let err = ExampleShopNoteAddRequest::builder()
        .title("上新")
        .note_type(NoteType::Image)
        .author(author("小二", Some(9)))
        .build()
        .unwrap_err();
    assert_eq!(err.paths(), ["author.level"]);
    assert_eq!(err.violations[0].kind, ViolationKind::TooLarge { max: 5, actual: 9 });
    assert_eq!(
        err.to_string(),
        "1 invalid field(s)\n  - author.level: value 9 is larger than 5"
    );

    // The application's own helper goes through the same checks.
    assert!(text_note("上新", "小二", &["new"]).is_ok());
    assert_eq!(text_note("上新", "", &[]).unwrap_err().paths(), ["author.nick"]);
}

#[test]
fn requests_dtos_and_enums_serialize_by_wire_name() {
    let request = ExampleShopNoteAddRequest::builder()
        .title("上新")
        .note_type(NoteType::Other("VIDEO".into()))
        .tags(vec!["new".to_owned()])
        .author(author("小二", Some(3)))
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        serde_json::json!({
            "title": "上新",
            "note_type": "VIDEO",
            "tags": ["new"],
            "author": {"nick": "小二", "level": 3}
        })
    );
    assert_eq!(
        serde_json::to_string(&author("小二", None)).unwrap(),
        r#"{"nick":"小二"}"#,
        "unset optional fields are left out"
    );
}

#[test]
fn a_real_call_against_the_mock_gateway_decodes_the_typed_response() {
    let gw = MockGateway::start(APIS.iter().copied()).unwrap();
    gw.push_reply(
        "example.shop.note.add",
        Reply::object(serde_json::json!({
            "note_id": 10086,
            "created": "2026-12-07 08:00:00",
            "author": {"nick": "小二"},
            "added_later": "ignored"
        })),
    );
    let client = tb::blocking::Client::builder(gw.app_key(), DEFAULT_APP_SECRET)
        .gateway(gw.url())
        .build_blocking()
        .unwrap();
    let request = text_note("上新", "小二", &["new", "sale"]).unwrap();
    let response: ExampleShopNoteAddResponse = client.execute(&request, Some("session-abc")).unwrap();
    assert_eq!(response.note_id, Some(10086));
    assert_eq!(
        response.created.map(|t| t.to_string()).as_deref(),
        Some("2026-12-07 08:00:00")
    );
    assert_eq!(response.author.as_ref().and_then(|a| a.nick.as_deref()), Some("小二"));

    // What went over the wire: the signed form the mock checked, nested objects as JSON text.
    let sent = gw.requests_for("example.shop.note.add");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].param("title"), Some("上新"));
    assert_eq!(sent[0].param("note_type"), Some("TEXT"));
    assert_eq!(sent[0].param("tags"), Some("new,sale"));
    let author: serde_json::Value = serde_json::from_str(sent[0].param("author").unwrap()).unwrap();
    assert_eq!(author, serde_json::json!({"nick": "小二"}));

    // A response serializes to its fields and the reply's request id; never the credentials.
    let json = serde_json::to_string(&response).unwrap();
    assert!(json.contains(r#""note_id":10086"#), "{json}");
    assert!(json.contains(r#""created":"2026-12-07 08:00:00""#), "{json}");
    for secret in [DEFAULT_APP_SECRET, "session-abc"] {
        assert!(!json.contains(secret), "{json}");
        assert!(!format!("{response:?}").contains(secret));
    }
}

#[test]
fn timestamps_from_instants_are_gmt8_wall_time() {
    // 2024-03-28 08:38:11 UTC is 16:38:11 in Beijing, whatever this machine's zone.
    let instant = UNIX_EPOCH + Duration::from_secs(1_711_615_091);
    assert_eq!(tb::Timestamp::from(instant).to_string(), "2024-03-28 16:38:11");
    use tb::chrono::{FixedOffset, TimeZone, Utc};
    let utc = Utc.with_ymd_and_hms(2024, 3, 28, 8, 38, 11).unwrap();
    assert_eq!(tb::Timestamp::from(utc).to_string(), "2024-03-28 16:38:11");
    let tokyo = FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 3, 28, 17, 38, 11)
        .unwrap();
    assert_eq!(tb::Timestamp::from(tokyo).to_string(), "2024-03-28 16:38:11");
    // And back: the same instant, not one 8 hours off.
    assert_eq!(SystemTime::from(tb::Timestamp::from(instant)), instant);
    assert_eq!(tb::chrono::DateTime::<Utc>::from(tb::Timestamp::from(tokyo)), utc);
}
