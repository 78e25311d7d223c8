//! `sweep DIR`: read every spec of a directory (the corpus: ~5,300 JSON records) and generate
//! its bindings, print the counts, every failure with its reason, and the time taken. A failure
//! is a spec with an error diagnostic, a codegen panic, or generated tokens that are not valid
//! Rust items. Exit status 1 when anything failed.

use super::files::{expand, read_spec};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use taobao_api_gen::ir::{Param, SourceFormat};
use taobao_api_gen::{LineIndex, Parsed};

/// What one spec came to.
struct Outcome {
    format: SourceFormat,
    params: usize,
    failures: Vec<String>,
    warnings: usize,
}

/// Sweeps the directories (or files) given; true when nothing failed.
pub fn sweep(paths: &[PathBuf]) -> io::Result<bool> {
    let start = Instant::now();
    let files = expand(paths)?;
    let mut out = io::stdout().lock();
    let mut by_format: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut failed, mut params, mut warnings) = (0usize, 0usize, 0usize);
    let mut times = Times::default();
    for path in &files {
        let text = read_spec(path)?;
        let outcome = check_one(path, &text, &mut times);
        *by_format.entry(format_name(outcome.format)).or_default() += 1;
        params += outcome.params;
        warnings += outcome.warnings;
        if !outcome.failures.is_empty() {
            failed += 1;
            for reason in &outcome.failures {
                writeln!(out, "FAIL {reason}")?;
            }
        }
    }
    let formats: Vec<String> = by_format.iter().map(|(f, n)| format!("{n} {f}")).collect();
    writeln!(
        out,
        "swept {} spec(s) ({}): {} ok, {failed} failed; {params} parameters; {warnings} warning(s)",
        files.len(),
        if formats.is_empty() {
            "none".to_string()
        } else {
            formats.join(", ")
        },
        files.len() - failed,
    )?;
    writeln!(
        out,
        "time: {:.2?} total; {:.2?} reading specs into the IR, {:.2?} generating tokens, {:.2?} checking them with syn",
        start.elapsed(),
        times.parse,
        times.codegen,
        times.syntax
    )?;
    Ok(failed == 0)
}

#[derive(Default)]
struct Times {
    parse: Duration,
    codegen: Duration,
    syntax: Duration,
}

fn check_one(path: &Path, text: &str, times: &mut Times) -> Outcome {
    let shown = path.display().to_string();
    let t = Instant::now();
    let parsed = std::panic::catch_unwind(|| taobao_api_gen::parse(&shown, text));
    times.parse += t.elapsed();
    let parsed: Parsed = match parsed {
        Ok(parsed) => parsed,
        Err(payload) => {
            return Outcome {
                format: SourceFormat::PageText,
                params: 0,
                warnings: 0,
                failures: vec![format!(
                    "{shown}: the reader panicked: {}",
                    panic_message(payload.as_ref())
                )],
            };
        }
    };
    let index = LineIndex::new(text);
    let mut failures: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.headline(&shown, &index))
        .collect();
    if failures.is_empty()
        && let Err(why) = generate(&parsed, times)
    {
        failures.push(format!("{shown}: codegen: {why}"));
    }
    Outcome {
        format: parsed.api.source_format,
        params: count(&parsed.api.request) + count(&parsed.api.response),
        warnings: parsed.diagnostics.iter().filter(|d| !d.is_error()).count(),
        failures,
    }
}

/// Generates the API's tokens and checks they parse as Rust items. A panic in codegen is caught
/// so one bad spec cannot hide the rest of the sweep.
fn generate(parsed: &Parsed, times: &mut Times) -> Result<(), String> {
    let t = Instant::now();
    let api = &parsed.api;
    let tokens = std::panic::catch_unwind(|| taobao_api_gen::generate(api))
        .map_err(|payload| format!("panicked: {}", panic_message(payload.as_ref())))?;
    times.codegen += t.elapsed();
    let t = Instant::now();
    let checked = syn::parse2::<syn::File>(tokens).map_err(|e| format!("generated tokens are not valid Rust: {e}"));
    times.syntax += t.elapsed();
    checked.map(drop)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

fn count(params: &[Param]) -> usize {
    params.iter().map(|p| 1 + count(&p.children)).sum()
}

fn format_name(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::PageText => "page text",
        SourceFormat::Markdown => "markdown",
        SourceFormat::Json => "JSON",
        SourceFormat::Html => "HTML",
    }
}
