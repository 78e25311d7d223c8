//! `tree`, `check` and `ir`: what the parser understood, and what it found wrong.

use super::files::{expand, read_spec};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use taobao_api_gen::{LineIndex, Parsed, Severity, outline::outline};

fn parse_file(path: &Path) -> io::Result<(String, String, Parsed)> {
    let text = read_spec(path)?;
    let shown = path.display().to_string();
    let parsed = taobao_api_gen::parse(&shown, &text);
    Ok((shown, text, parsed))
}

/// Prints the outline of each file on stdout, diagnostics of warning level and up on stderr.
pub fn tree(files: &[PathBuf]) -> io::Result<bool> {
    let mut ok = true;
    let mut stdout = io::stdout().lock();
    for (i, path) in files.iter().enumerate() {
        let (shown, text, parsed) = parse_file(path)?;
        if i > 0 {
            writeln!(stdout)?;
        }
        write!(stdout, "{}", outline(&parsed.api))?;
        let index = LineIndex::new(&text);
        for d in parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
            eprintln!("{}", d.headline(&shown, &index));
        }
        ok &= !parsed.has_errors();
    }
    Ok(ok)
}

/// Prints every diagnostic of every spec; false when any is an error.
pub fn check(paths: &[PathBuf]) -> io::Result<bool> {
    let files = expand(paths)?;
    let mut out = io::stdout().lock();
    let colour = io::stdout().is_terminal();
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut methods: Vec<(String, String)> = Vec::new();
    for path in &files {
        let (shown, text, parsed) = parse_file(path)?;
        if !parsed.api.name.is_empty() {
            methods.push((shown.clone(), parsed.api.name.clone()));
        }
        let index = LineIndex::new(&text);
        for d in &parsed.diagnostics {
            let rendered = d.render_with(&shown, &text, &index);
            if colour {
                write!(out, "{}", paint(&rendered, d.severity))?;
            } else {
                write!(out, "{rendered}")?;
            }
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Note => {}
            }
        }
    }
    for problem in set_problems(paths, &methods)? {
        let rendered = format!("{problem}\n");
        if colour {
            write!(out, "{}", paint(&rendered, Severity::Error))?;
        } else {
            write!(out, "{rendered}")?;
        }
        errors += 1;
    }
    eprintln!(
        "checked {} spec(s): {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    Ok(errors == 0)
}

/// Errors of the specs as a set: two files of one API, and (for the `specs/` of a crate whose
/// `Cargo.toml` holds the generated family table, i.e. `taobao-api`'s) an API family without
/// its cargo feature. Folders of other crates and the corpus get neither family check.
fn set_problems(paths: &[PathBuf], methods: &[(String, String)]) -> io::Result<Vec<String>> {
    use taobao_api_gen::{duplicates, families};
    let mut out: Vec<String> = duplicates::find(methods.iter().map(|(f, m)| (f.as_str(), m.as_str())))
        .iter()
        .map(|d| format!("{}:1:1: error: {}\n  = hint: {}", d.files[0], d.message(), d.hint()))
        .collect();
    // The folders the specs are in (a folder given, or the folder of a file given), each
    // checked once against the manifest of the crate above it.
    let dirs: std::collections::BTreeSet<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .cloned()
        .chain(
            methods
                .iter()
                .filter_map(|(f, _)| Path::new(f).parent().map(Path::to_path_buf)),
        )
        .filter_map(|d| d.canonicalize().ok())
        .collect();
    let mut reported = std::collections::BTreeSet::new();
    for dir in &dirs {
        let Some(manifest) = dir
            .parent()
            .map(|p| p.join("Cargo.toml"))
            .and_then(|m| std::fs::read_to_string(m).ok())
            .filter(|text| text.contains(families::BEGIN))
        else {
            continue;
        };
        let declared = families::declared_features(&manifest);
        let in_dir = |f: &str| {
            Path::new(f)
                .canonicalize()
                .ok()
                .and_then(|c| c.parent().map(|p| p == dir.as_path()))
                == Some(true)
        };
        for (file, method) in methods.iter().filter(|(f, _)| in_dir(f)) {
            let family = families::family(method);
            if !declared.contains(&family) && reported.insert(family.clone()) {
                out.push(format!(
                    "{file}:1:1: error: `{method}` opens the API family `{family}`, which has no cargo feature\n  = hint: add `{}` to [features] in the crate's Cargo.toml (and `\"{family}\"` to `full`), or run `cargo run -p taobao-api-gen -- features --write`",
                    families::feature_line(&family)
                ));
            }
        }
    }
    Ok(out)
}

/// Colours the headline on a terminal (never when piped or in tests).
fn paint(rendered: &str, severity: Severity) -> String {
    let code = match severity {
        Severity::Error => "31",
        Severity::Warning => "33",
        Severity::Note => "36",
    };
    match rendered.split_once('\n') {
        Some((head, rest)) => format!("\x1b[1;{code}m{head}\x1b[0m\n{rest}"),
        None => rendered.to_string(),
    }
}

/// Prints the IR as pretty JSON; diagnostics go to stderr.
pub fn ir(path: &Path) -> io::Result<bool> {
    let (shown, text, parsed) = parse_file(path)?;
    let json = serde_json::to_string_pretty(&parsed.api).map_err(io::Error::other)?;
    println!("{json}");
    let index = LineIndex::new(&text);
    for d in parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
        eprintln!("{}", d.headline(&shown, &index));
    }
    Ok(!parsed.has_errors())
}
