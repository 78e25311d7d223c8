//! A downstream application on edition 2021 that depends on `taobao-api` renamed to `tb`
//! (`tb = { package = "taobao-api", ... }` in its `Cargo.toml`) and expands its own spec,
//! `specs/example.shop.note.add.json`, with the one dependency it has.
//!
//! Not published: it exists so `cargo test --workspace` proves that what the README promises to
//! applications compiles and works outside `taobao-api` (issue 11).

/// The bindings of this crate's `specs/`, told where the runtime is (`crate = tb`).
pub mod shop {
    tb::include_specs!("specs", crate = tb);
}

/// The same specs without `crate = ...`: the macro reads the rename from this crate's
/// `Cargo.toml` (`tb = { package = "taobao-api", ... }`) by itself.
pub mod shop_detected {
    tb::include_specs!("specs");
}

use shop::example_shop_note_add::{NoteAuthor, NoteType};
use shop::ExampleShopNoteAddRequest;

/// Application code on the generated types: a text note by `nick`, validated as a whole.
pub fn text_note(title: &str, nick: &str, tags: &[&str]) -> Result<ExampleShopNoteAddRequest, tb::ValidationError> {
    let author = NoteAuthor::builder().nick(nick).build();
    let mut builder = ExampleShopNoteAddRequest::builder()
        .title(title)
        .note_type(NoteType::Text)
        .author(author);
    if !tags.is_empty() {
        builder = builder.tags(tags.iter().map(|t| t.to_string()).collect::<Vec<_>>());
    }
    builder.build()
}
