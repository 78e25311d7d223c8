//! `features`: the cargo feature table of the `taobao-api` crate, from its `specs/` (one
//! feature per API family, `full` for all), and the README's family list. Prints them, writes
//! them between their markers (`--write`), or fails when the files disagree with the specs
//! (`--check`, run by CI).

use super::files::{expand, read_spec};
use std::io;
use std::path::{Path, PathBuf};
use taobao_api_gen::families::{self, BEGIN, END, README_BEGIN, README_END};

/// What to do with the generated tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Print,
    Write,
    Check,
}

/// Runs the subcommand for the crate in `crate_dir` (its `specs/`, `Cargo.toml` and the README
/// of the workspace above it); false when `--check` finds a difference.
pub fn features(crate_dir: &Path, readme: Option<&Path>, mode: Mode) -> io::Result<bool> {
    let methods = methods(&crate_dir.join("specs"))?;
    let families = families::group(methods.iter().map(String::as_str));
    let manifest_path = crate_dir.join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| with_path(&manifest_path, e))?;
    let table = families::feature_table(families.keys().map(String::as_str));
    let defaults = families::default_features(&manifest);
    let readme_path = readme
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate_dir.join("README.md"));
    let readme_text = std::fs::read_to_string(&readme_path).map_err(|e| with_path(&readme_path, e))?;
    let list = families::readme_table(&families, &defaults);
    if mode == Mode::Print {
        print!("{table}\n{list}");
        return Ok(true);
    }
    let new_manifest = families::replace_between(&manifest, BEGIN, END, &table)
        .ok_or_else(|| missing_markers(&manifest_path, BEGIN, END))?;
    let new_readme = families::replace_between(&readme_text, README_BEGIN, README_END, &list)
        .ok_or_else(|| missing_markers(&readme_path, README_BEGIN, README_END))?;
    let unknown_defaults: Vec<&String> = defaults
        .iter()
        .filter(|d| !families.contains_key(*d) && !families::declared_features(&manifest).contains(*d))
        .collect();
    if !unknown_defaults.is_empty() {
        eprintln!(
            "{}: default features that are no feature: {unknown_defaults:?}",
            manifest_path.display()
        );
        return Ok(false);
    }
    let stale: Vec<&Path> = [
        (&manifest, &new_manifest, &manifest_path),
        (&readme_text, &new_readme, &readme_path),
    ]
    .into_iter()
    .filter(|(old, new, _)| old != new)
    .map(|(_, _, p)| p.as_path())
    .collect();
    match mode {
        Mode::Check if stale.is_empty() => {
            eprintln!(
                "{} API families, {} specs: feature table and README are up to date",
                families.len(),
                methods.len()
            );
            Ok(true)
        }
        Mode::Check => {
            for p in &stale {
                eprintln!(
                    "{}: the API family table does not match specs/ (run `cargo run -p taobao-api-gen -- features --write`)",
                    p.display()
                );
            }
            Ok(false)
        }
        _ => {
            for (path, text) in [(&manifest_path, &new_manifest), (&readme_path, &new_readme)] {
                if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
                    std::fs::write(path, text).map_err(|e| with_path(path, e))?;
                    eprintln!("wrote {}", path.display());
                }
            }
            Ok(true)
        }
    }
}

/// The method of every spec in `dir` (specs with errors are reported by `check`, not here).
fn methods(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    for path in expand(&[PathBuf::from(dir)])? {
        let text = read_spec(&path)?;
        let parsed = taobao_api_gen::parse(&path.display().to_string(), &text);
        if !parsed.api.name.is_empty() {
            out.push(parsed.api.name);
        }
    }
    Ok(out)
}

fn with_path(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn missing_markers(path: &Path, begin: &str, end: &str) -> io::Error {
    io::Error::other(format!(
        "{}: the generated section is missing; add the two lines\n  {begin}\n  {end}\nwhere it belongs",
        path.display()
    ))
}
