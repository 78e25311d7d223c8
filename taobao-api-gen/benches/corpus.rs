//! Parse + IR + codegen (token streams, unformatted) over the whole doc corpus
//! (`../shared/corpus/top-docs`, read into memory before timing): on one thread and on all
//! cores; and the stages of `taobao-api-gen sweep` (parse, generate, syn check) one by one and
//! together. `cargo bench -p taobao-api-gen --bench corpus`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// The CLI's allocator, so these figures are the `sweep` command's.
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

fn load() -> Vec<(String, String)> {
    let Ok(dir) = std::fs::read_dir(CORPUS) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    files.sort();
    files
}

/// Parses and generates every record; returns the number of tokens trees made (kept alive so
/// the work is not optimised away).
fn run(files: &[(String, String)]) -> usize {
    files
        .iter()
        .map(|(path, text)| {
            let parsed = taobao_api_gen::parse(path, text);
            black_box(taobao_api_gen::generate(&parsed.api)).is_empty() as usize
        })
        .sum()
}

fn run_parallel(files: &[(String, String)]) -> usize {
    on_all_cores(files, run)
}

/// What `sweep` does with each record: parse, generate, check the tokens with syn. Returns
/// the number of items checked.
fn sweep(files: &[(String, String)]) -> usize {
    files
        .iter()
        .map(|(path, text)| {
            let parsed = taobao_api_gen::parse(path, text);
            let tokens = taobao_api_gen::generate(&parsed.api);
            syn::parse2::<syn::File>(tokens).map_or(0, |f| f.items.len())
        })
        .sum()
}

/// `work` over `files` split into one chunk per core.
fn on_all_cores(files: &[(String, String)], work: fn(&[(String, String)]) -> usize) -> usize {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files.chunks(chunk).map(|c| s.spawn(move || work(c))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    })
}

fn corpus(c: &mut Criterion) {
    let files = load();
    if files.is_empty() {
        eprintln!(
            "note: {} not found; corpus benchmark skipped",
            Path::new(CORPUS).display()
        );
        return;
    }
    let mut group = c.benchmark_group(format!("corpus ({} records)", files.len()));
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("parse only", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(p, t)| taobao_api_gen::parse(p, t).api.request.len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse + codegen, 1 thread", |b| b.iter(|| run(&files)));
    group.bench_function("parse + codegen, all cores", |b| b.iter(|| run_parallel(&files)));

    // The sweep's stages on their own, then together (`taobao-api-gen sweep` minus reading files).
    let apis: Vec<_> = files.iter().map(|(p, t)| taobao_api_gen::parse(p, t).api).collect();
    group.bench_function("sweep stage: generate tokens", |b| {
        b.iter(|| {
            apis.iter()
                .map(|api| black_box(taobao_api_gen::generate(api)).is_empty() as usize)
                .sum::<usize>()
        })
    });
    let streams: Vec<_> = apis.iter().map(taobao_api_gen::generate).collect();
    group.bench_function("sweep stage: syn check", |b| {
        b.iter_batched(
            // Fresh top-level token lists, as the sweep hands over (a shared one would be copied).
            || {
                streams
                    .iter()
                    .map(|t| t.clone().into_iter().collect::<proc_macro2::TokenStream>())
                    .collect::<Vec<_>>()
            },
            |streams| {
                streams
                    .into_iter()
                    .map(|t| syn::parse2::<syn::File>(t).map_or(0, |f| f.items.len()))
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    drop(streams);
    group.bench_function("sweep: parse + generate + syn check, 1 thread", |b| {
        b.iter(|| sweep(&files))
    });
    group.bench_function("sweep: parse + generate + syn check, all cores", |b| {
        b.iter(|| on_all_cores(&files, sweep))
    });
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
