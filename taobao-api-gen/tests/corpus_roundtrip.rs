//! Round trip over the real doc corpus (`../shared/corpus/top-docs`, read at test time, never
//! copied): JSON record -> IR -> rendered page text -> page-text parser -> the same outline
//! (names, types, required flags, nesting) as the JSON. Also the figure for pages whose Java
//! and XML examples are removed (nesting from the documented fallback rule alone).
//!
//! Debug builds check a deterministic sample (every 20th record); release builds, or
//! `TAOBAO_CORPUS_FULL=1`, check every record. `TAOBAO_CORPUS_DUMP=DIR` writes each failing
//! page and both outlines into DIR.

#![cfg(feature = "cli")]

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;
use taobao_api_gen::outline::outline;
use taobao_api_gen::render::{Options, page_text_with};

/// The first line where two outlines differ, shown side by side.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.lines(), actual.lines());
    let mut n = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            (None, None) => return "identical".into(),
            (x, y) => {
                return format!(
                    "line {n}: json `{}` vs page `{}`",
                    x.unwrap_or("<end>"),
                    y.unwrap_or("<end>")
                );
            }
        }
    }
}

struct Outcome {
    checked: usize,
    failures: Vec<(String, String)>,
}

fn round_trip(files: &[PathBuf], options: Options) -> Outcome {
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).expect("record is UTF-8");
        let shown = path.display().to_string();
        let json = taobao_api_gen::parse(&shown, &text);
        assert!(
            !json.has_errors(),
            "{shown}: the JSON reader failed: {:?}",
            json.diagnostics
        );
        let page = page_text_with(&json.api, options);
        let reparsed = taobao_api_gen::parse("rendered.txt", &page);
        let (expected, actual) = (outline(&json.api), outline(&reparsed.api));
        if let Some(dir) = std::env::var_os("TAOBAO_CORPUS_DUMP").filter(|_| expected != actual) {
            // Failing pages, for the parser's author: `<name>.txt` (rendered) and `.outline`.
            let variant = if options.examples { "full" } else { "bare" };
            let base = Path::new(&dir)
                .join(format!("{}.{variant}", json.api.name))
                .display()
                .to_string();
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(format!("{base}.page.txt"), &page);
            let _ = std::fs::write(format!("{base}.outline.diff"), format!("{expected}\n----\n{actual}"));
        }
        if expected != actual {
            failures.push((json.api.name.clone(), first_difference(&expected, &actual)));
        } else if reparsed.has_errors() {
            let first = reparsed
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .map(|d| d.message.clone());
            failures.push((json.api.name.clone(), format!("error: {}", first.unwrap_or_default())));
        }
    }
    Outcome {
        checked: files.len(),
        failures,
    }
}

#[test]
fn every_record_round_trips_through_page_text() {
    let Some(files) = common::corpus::records("corpus round trip") else {
        return;
    };
    let start = Instant::now();
    let outcome = round_trip(&files, Options::default());
    eprintln!(
        "round trip: {} of {} records give the JSON's tree ({:.2?})",
        outcome.checked - outcome.failures.len(),
        outcome.checked,
        start.elapsed()
    );
    for (name, why) in outcome.failures.iter().take(40) {
        eprintln!("  {name}: {why}");
    }
    assert!(
        outcome.failures.is_empty(),
        "{} records fail the round trip",
        outcome.failures.len()
    );
}

/// A figure, not a gate: how many trees the fallback rule alone recovers.
#[test]
fn no_examples_figure() {
    let Some(files) = common::corpus::records("corpus round trip") else {
        return;
    };
    let outcome = round_trip(&files, Options { examples: false });
    eprintln!(
        "without Java/XML examples: {} of {} records give the JSON's tree",
        outcome.checked - outcome.failures.len(),
        outcome.checked
    );
    assert!(outcome.checked > 0);
}
