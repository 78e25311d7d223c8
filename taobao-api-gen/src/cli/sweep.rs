//! `sweep DIR`: read every spec of a directory (the corpus: ~5,300 JSON records) and generate
//! its bindings, print the counts, every failure with its reason, and the time taken. A failure
//! is a spec with an error diagnostic, a codegen panic, or generated tokens that are not valid
//! Rust items. Exit status 1 when anything failed.
//!
//! The specs are independent, so worker threads (one per core unless `--jobs` says otherwise)
//! take them from a shared counter; the main thread prints each spec's failures in file order as
//! soon as every earlier spec is done, so the output is the same for any number of threads.

use super::files::{expand, read_spec};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use taobao_api_gen::ir::{Param, SourceFormat};
use taobao_api_gen::{LineIndex, Parsed};

/// Stack of each worker: the main thread's usual 8 MiB, so a deeply nested spec that the
/// single-threaded sweep handled cannot overflow a worker.
const WORKER_STACK: usize = 8 << 20;

/// What one spec came to.
struct Outcome {
    format: SourceFormat,
    params: usize,
    failures: Vec<String>,
    warnings: usize,
}

/// Sweeps the directories (or files) given with `jobs` worker threads (default: one per
/// core); true when nothing failed. An I/O error stops the sweep after the failures of the
/// specs before the unreadable one have been printed, as a one-thread sweep would.
pub fn sweep(paths: &[PathBuf], jobs: Option<NonZeroUsize>) -> io::Result<bool> {
    let start = Instant::now();
    let files = expand(paths)?;
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .min(files.len())
        .max(1);
    let mut out = io::stdout().lock();
    let mut by_format: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut failed, mut params, mut warnings) = (0usize, 0usize, 0usize);
    let times = {
        let mut record = |outcome: Outcome| -> io::Result<()> {
            *by_format.entry(format_name(outcome.format)).or_default() += 1;
            params += outcome.params;
            warnings += outcome.warnings;
            if !outcome.failures.is_empty() {
                failed += 1;
                for reason in &outcome.failures {
                    writeln!(out, "FAIL {reason}")?;
                }
            }
            Ok(())
        };
        in_parallel(&files, jobs, &mut record)?
    };
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
        "time: {:.2?} total on {jobs} thread(s); summed over the threads: {:.2?} reading specs into the IR, {:.2?} generating tokens, {:.2?} checking them with syn",
        start.elapsed(),
        times.parse,
        times.codegen,
        times.syntax
    )?;
    Ok(failed == 0)
}

/// Checks `files` on `jobs` threads and hands each outcome to `record` in file order; returns
/// the stage times summed over the threads. Stops at the first unreadable file (in file order)
/// and returns its error.
fn in_parallel(files: &[PathBuf], jobs: usize, record: &mut dyn FnMut(Outcome) -> io::Result<()>) -> io::Result<Times> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (send, receive) = mpsc::channel::<(usize, io::Result<Outcome>)>();
    std::thread::scope(|scope| {
        let mut workers = Vec::with_capacity(jobs);
        for n in 0..jobs {
            let send = send.clone();
            let (next, stop) = (&next, &stop);
            let worker = move || {
                let mut times = Times::default();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let outcome = read_spec(path).map(|text| check_one(path, &text, &mut times));
                    if send.send((i, outcome)).is_err() {
                        break;
                    }
                }
                times
            };
            workers.push(
                std::thread::Builder::new()
                    .name(format!("sweep-{n}"))
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, worker)?,
            );
        }
        drop(send);
        // Outcomes arrive in any order; each is recorded once all earlier files are.
        let mut pending: BTreeMap<usize, io::Result<Outcome>> = BTreeMap::new();
        let mut due = 0;
        let mut result = Ok(());
        for (i, outcome) in &receive {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&due) {
                due += 1;
                result = outcome.and_then(&mut *record);
                if result.is_err() {
                    break;
                }
            }
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
        drop(receive);
        let mut times = Times::default();
        for worker in workers {
            // A worker's own panics are caught per spec; a panic here is a bug of the sweep.
            let t = worker.join().map_err(|_| io::Error::other("a sweep thread panicked"))?;
            times.add(&t);
        }
        result.map(|()| times)
    })
}

#[derive(Default)]
struct Times {
    parse: Duration,
    codegen: Duration,
    syntax: Duration,
}

impl Times {
    fn add(&mut self, other: &Times) {
        self.parse += other.parse;
        self.codegen += other.codegen;
        self.syntax += other.syntax;
    }
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
