//! Nothing here: the crate exists for its `tests/ui.rs`, the trybuild compile-fail cases of
//! `include_specs!` (kept apart from `taobao-api-tests` so trybuild builds only the macro's
//! dependencies, not `taobao-api`'s).
