//! What `taobao_api::include_specs!("specs")` gives an edition-2024 application: the module,
//! the official-name re-exports, `APIS` and `ALL_METHODS` at its crate root, typed validation,
//! and a real async call against the mock gateway that decodes the typed response.

use app_2024::example_shop_note_get::{NoteQuery, ShopNote, Status};
use app_2024::{
    ALL_METHODS, APIS, ExampleShopNoteGetRequest, ExampleShopNoteGetRequestBuilder, ExampleShopNoteGetResponse,
    published_notes,
};
use taobao_api::mock::{DEFAULT_APP_SECRET, MockGateway, Reply};
use taobao_api::{Client, Error, TopRequest, ViolationKind};

#[test]
fn the_expansion_provides_module_reexports_and_the_api_tables() {
    assert_eq!(ALL_METHODS, ["example.shop.note.get"]);
    assert_eq!(APIS.len(), 1);
    assert_eq!(APIS[0].method, "example.shop.note.get");
    assert_eq!(APIS[0].title, "查询店铺笔记");
    assert_eq!(APIS[0].access, taobao_api::Access::Read);
    assert!(APIS[0].response_example.is_some(), "the page's 响应示例");
    assert_eq!(
        <ExampleShopNoteGetRequest as TopRequest>::METHOD,
        "example.shop.note.get"
    );
    let _: ExampleShopNoteGetRequestBuilder = app_2024::example_shop_note_get::ExampleShopNoteGetRequest::builder();
    let _: fn() -> Option<ExampleShopNoteGetResponse> = || None;
}

#[test]
fn validation_names_every_broken_field_by_its_path() {
    let query = NoteQuery::builder().keyword("一二三四五六七八九十多").build(); // 11, limit 10
    let err = ExampleShopNoteGetRequest::builder()
        .page_size(0)
        .fields("a,b,c,d,e,f")
        .query(query)
        .build()
        .unwrap_err();
    assert_eq!(err.paths(), ["page_size", "fields", "query.shop_id", "query.keyword"]);
    assert_eq!(err.violations[0].kind, ViolationKind::TooSmall { min: 1, actual: 0 });
    assert_eq!(
        err.violations[1].kind,
        ViolationKind::TooManyItems { max: 5, actual: 6 }
    );
    assert_eq!(err.violations[2].kind, ViolationKind::Missing);
    assert_eq!(err.violations[3].kind, ViolationKind::TooLong { max: 10, actual: 11 });
    assert_eq!(published_notes(1001, 51).unwrap_err().paths(), ["page_size"]);
}

#[tokio::test]
async fn a_real_call_against_the_mock_gateway_decodes_the_typed_response() {
    let gw = MockGateway::start(APIS.iter().copied()).unwrap();
    let client = Client::builder(gw.app_key(), DEFAULT_APP_SECRET)
        .gateway(gw.url())
        .build()
        .unwrap();
    let request = published_notes(1001, 20).unwrap();

    // Unscripted, the mock answers with the spec's own response example.
    let response = client.execute(&request, None).await.unwrap();
    assert_eq!(response.total, Some(1));
    let notes: &[ShopNote] = response.notes.as_deref().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note_id, Some(10086));
    assert_eq!(notes[0].title.as_deref(), Some("上新"));
    assert_eq!(
        notes[0].created.map(|t| t.to_string()).as_deref(),
        Some("2026-12-07 08:00:00")
    );

    let sent = &gw.requests_for("example.shop.note.get")[0];
    assert_eq!(sent.param("page_size"), Some("20"));
    assert_eq!(sent.param("fields"), Some("note_id,title,created"));
    let query: serde_json::Value = serde_json::from_str(sent.param("query").unwrap()).unwrap();
    assert_eq!(query, serde_json::json!({"shop_id": 1001, "status": "PUBLISHED"}));

    // A scripted platform error comes back typed, and an undocumented enum value decodes.
    gw.push_reply(
        "example.shop.note.get",
        Reply::error(15, "Remote service error").sub("isv.shop-not-found", "店铺不存在"),
    );
    let err = client.execute(&request, None).await.unwrap_err();
    assert!(matches!(err, Error::Platform { code: 15, .. }), "{err:?}");
    assert_eq!(err.sub_code(), Some("isv.shop-not-found"));
    let query = NoteQuery::builder()
        .shop_id(1)
        .status(Status::Other("ARCHIVED".into()))
        .build();
    let json = serde_json::to_value(&query).unwrap();
    assert_eq!(json, serde_json::json!({"shop_id": 1, "status": "ARCHIVED"}));
}
