//! `sweep DIR`: read every spec of a directory (the corpus: ~5,300 JSON records), print the
//! counts, every failure with its reason, and the time taken. A failure is a spec with an error
//! diagnostic. Exit status 1 when anything failed.

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
    let mut parse_time = Duration::ZERO;
    for path in &files {
        let text = read_spec(path)?;
        let t = Instant::now();
        let outcome = check_one(path, &text);
        parse_time += t.elapsed();
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
        "time: {:.2?} total, {:.2?} reading specs into the IR",
        start.elapsed(),
        parse_time
    )?;
    Ok(failed == 0)
}

fn check_one(path: &Path, text: &str) -> Outcome {
    let shown = path.display().to_string();
    let parsed: Parsed = taobao_api_gen::parse(&shown, text);
    let index = LineIndex::new(text);
    let failures = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.headline(&shown, &index))
        .collect();
    Outcome {
        format: parsed.api.source_format,
        params: count(&parsed.api.request) + count(&parsed.api.response),
        warnings: parsed.diagnostics.iter().filter(|d| !d.is_error()).count(),
        failures,
    }
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
