//! A downstream application on edition 2024 that depends on `taobao-api` under its own name and
//! expands its own spec, `specs/example.shop.note.get.md` (a page in the doc center's table
//! layout), at its crate root with `taobao_api::include_specs!("specs")`.
//!
//! Not published: it exists so `cargo test --workspace` proves that what the README promises to
//! applications compiles and works outside `taobao-api` (issue 11).

taobao_api::include_specs!("specs");

use example_shop_note_get::{NoteQuery, Status};

/// Application code on the generated types: the first page of a shop's published notes.
pub fn published_notes(shop_id: i64, page_size: i64) -> Result<ExampleShopNoteGetRequest, taobao_api::ValidationError> {
    let query = NoteQuery::builder().shop_id(shop_id).status(Status::Published).build();
    ExampleShopNoteGetRequest::builder()
        .query(query)
        .page_size(page_size)
        .fields("note_id,title,created")
        .build()
}
