//! The doc corpus the corpus tests read at run time (never copied into the repository).

use std::path::{Path, PathBuf};

/// `../shared/corpus/top-docs`, relative to the repository root.
pub const TOP_DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

/// The record files a test checks, sorted: every one in release builds or with
/// `TAOBAO_CORPUS_FULL=1`, every 20th in debug builds. `None` (with a printed note naming `what`
/// was skipped) when the corpus is absent.
pub fn records(what: &str) -> Option<Vec<PathBuf>> {
    if !Path::new(TOP_DOCS).is_dir() {
        eprintln!("note: {TOP_DOCS} not found; {what} skipped");
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(TOP_DOCS)
        .expect("the corpus directory is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let full = !cfg!(debug_assertions) || std::env::var_os("TAOBAO_CORPUS_FULL").is_some();
    Some(if full {
        files
    } else {
        files.into_iter().step_by(20).collect()
    })
}
