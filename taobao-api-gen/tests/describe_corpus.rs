//! The description analysis over the whole corpus (~5,300 doc-center records): how many enums,
//! rules and notes it finds, plus invariants every found enum must meet. With
//! `DESCRIBE_SAMPLES=N` it prints N sampled hits, misses (descriptions that look enum-like but
//! gave no enum), rules and notes, for reading by eye:
//! `DESCRIBE_SAMPLES=200 cargo test -p taobao-api-gen --test describe_corpus -- --nocapture`.

use std::path::Path;
use taobao_api_gen::describe::normalize;
use taobao_api_gen::ir::{Param, Ty};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

struct Seen {
    params: usize,
    enums: usize,
    values: usize,
    rules: usize,
    notes: usize,
    hits: Vec<String>,
    misses: Vec<String>,
    ruled: Vec<String>,
    noted: Vec<String>,
    broken: Vec<String>,
}

/// `1:`, `A-`, `X(`: an ASCII word followed by a value-label separator.
fn looks_enum_like(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let marks = chars
        .windows(2)
        .filter(|w| w[0].is_ascii_alphanumeric() && ":-=(".contains(w[1]))
        .count();
    marks >= 2
}

fn walk(api: &str, path: &str, params: &[Param], seen: &mut Seen) {
    for p in params {
        let here = format!("{api}:{path}{}", p.name);
        seen.params += 1;
        seen.rules += p.rules.len();
        for r in &p.rules {
            let d = p.description.as_deref().unwrap_or("").replace('\n', "⏎");
            seen.ruled.push(format!("{api}:{path}{} {r:?} <- {d}", p.name));
        }
        seen.notes += p.notes.len();
        if !p.notes.is_empty() {
            let d = p.description.as_deref().unwrap_or("").replace('\n', "⏎");
            seen.noted.push(format!("{api}:{path}{} {:?} <- {d}", p.name, p.notes));
        }
        let text = normalize(p.description.as_deref().unwrap_or(""));
        let line = format!("{here} [{}] {}", p.ty.display_name(), text.replace('\n', "⏎"));
        if p.enum_values.is_empty() {
            if looks_enum_like(&text) {
                seen.misses.push(line);
            }
        } else {
            seen.enums += 1;
            seen.values += p.enum_values.len();
            let pairs: Vec<String> = p
                .enum_values
                .iter()
                .map(|v| format!("{}={}", v.value, v.label))
                .collect();
            seen.hits.push(format!("{line}\n    -> {}", pairs.join(" | ")));
            let bad_value = p
                .enum_values
                .iter()
                .any(|v| v.value.is_empty() || v.value.chars().any(char::is_whitespace) || v.label.trim().is_empty());
            if p.enum_values.len() < 2 || bad_value || matches!(p.ty.ty, Ty::Boolean | Ty::Date | Ty::Json) {
                seen.broken.push(line);
            }
        }
        walk(api, &format!("{path}{}.", p.name), &p.children, seen);
    }
}

/// Every `step`-th item, so samples spread over the whole corpus and stay the same run to run.
fn sample(items: &[String], n: usize) -> impl Iterator<Item = &String> {
    let step = (items.len() / n.max(1)).max(1);
    items.iter().step_by(step).take(n)
}

#[test]
fn corpus_enums_are_counted_and_well_formed() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        println!("note: {CORPUS} not found; corpus scan skipped");
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut seen = Seen {
        params: 0,
        enums: 0,
        values: 0,
        rules: 0,
        notes: 0,
        hits: Vec::new(),
        misses: Vec::new(),
        ruled: Vec::new(),
        noted: Vec::new(),
        broken: Vec::new(),
    };
    for file in &files {
        let text = std::fs::read_to_string(file).expect("record is UTF-8");
        let parsed = taobao_api_gen::parse(&file.to_string_lossy(), &text);
        let api = &parsed.api;
        walk(&api.name, "req.", &api.request, &mut seen);
        walk(&api.name, "rsp.", &api.response, &mut seen);
    }
    println!(
        "{} records, {} params: {} enums ({} values), {} rules, {} notes; {} enum-like descriptions without an enum",
        files.len(),
        seen.params,
        seen.enums,
        seen.values,
        seen.rules,
        seen.notes,
        seen.misses.len()
    );
    let n: usize = std::env::var("DESCRIBE_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if n > 0 {
        println!("--- hits");
        sample(&seen.hits, n).for_each(|h| println!("{h}"));
        println!("--- misses");
        sample(&seen.misses, n).for_each(|m| println!("{m}"));
        println!("--- rules");
        sample(&seen.ruled, n).for_each(|r| println!("{r}"));
        println!("--- notes");
        sample(&seen.noted, n).for_each(|r| println!("{r}"));
    }
    assert!(seen.broken.is_empty(), "malformed enums:\n{}", seen.broken.join("\n"));
    // The corpus documents thousands of coded fields; far fewer means the reader broke.
    assert!(seen.enums > 1000, "only {} enums found", seen.enums);
}
