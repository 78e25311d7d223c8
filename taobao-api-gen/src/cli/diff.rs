//! `diff OLD NEW`: what changed in the generated API between two versions of one spec (two
//! files) or of a `specs/` folder (two folders), each change classified for semver
//! (`taobao_api_gen::diff` has the rules), grouped by API, then `needed bump: major|minor|patch|
//! none`. `--json` prints the same as one JSON object.
//!
//! A spec that cannot be read, has errors, or shares its method (or its module name) with another
//! file of its side is a diagnostic on stderr and its API is not compared (exit 1, and the bump
//! is `unknown`, with the bump of the other APIs as a lower bound). A file against a folder, or a path that does not exist, is a usage error (exit 2).

use super::files::{expand, read_spec};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::Path;
use taobao_api_gen::diff::{ApiChanges, Bump, Level, Status, diff_sets};
use taobao_api_gen::{Api, LineIndex, Severity};

/// One side: the APIs that could be read, and the methods (or files) that could not.
#[derive(Default)]
struct Side {
    apis: Vec<Api>,
    /// Methods of specs with errors (or ambiguous).
    broken: BTreeSet<String>,
    /// File name -> method of every spec whose method is known.
    methods: BTreeMap<String, String>,
    /// File name and path of broken specs whose method is unknown (unreadable, invalid JSON).
    unnamed: Vec<(String, String)>,
    problems: usize,
}

impl Side {
    /// A broken spec of the other side whose method is unknown hides the API of this side's
    /// file of the same name (or, comparing two files, this side's only API): that API is not
    /// compared rather than reported as removed or added. Returns the other side's broken
    /// files that hide nothing, by path.
    fn hide(&mut self, other: &Side, files: bool) -> Vec<String> {
        let mut unresolved = Vec::new();
        for (name, shown) in &other.unnamed {
            let method = match files {
                true => self.methods.values().next(),
                false => self.methods.get(name),
            };
            match method {
                Some(m) => {
                    self.broken.insert(m.clone());
                }
                None => unresolved.push(shown.clone()),
            }
        }
        unresolved
    }
}

/// Compares and prints; false when some spec could not be compared.
pub fn diff(old: &Path, new: &Path, json: bool) -> io::Result<bool> {
    let (old_dir, new_dir) = (kind(old, "OLD")?, kind(new, "NEW")?);
    if old_dir != new_dir {
        let (file, dir) = if old_dir { (new, old) } else { (old, new) };
        let in_dir = dir.join(file.file_name().unwrap_or_default());
        let (a, b) = if old_dir {
            (in_dir.as_path(), new)
        } else {
            (old, in_dir.as_path())
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "cannot compare the file `{}` with the folder `{}`\n  = hint: give two versions of one spec (two files) or two `specs/` folders, e.g. `diff {} {}`",
                file.display(),
                dir.display(),
                a.display(),
                b.display(),
            ),
        ));
    }
    let mut old_side = load(old)?;
    let mut new_side = load(new)?;
    let unresolved_new = old_side.hide(&new_side, !old_dir);
    let unresolved_old = new_side.hide(&old_side, !old_dir);
    old_side.broken.extend(unresolved_old);
    new_side.broken.extend(unresolved_new);
    if !old_dir
        && let ([o], [n]) = (old_side.apis.as_slice(), new_side.apis.as_slice())
        && o.name != n.name
    {
        eprintln!(
            "warning: `{}` describes `{}` but `{}` describes `{}`: shown as one API removed and one added",
            old.display(),
            o.name,
            new.display(),
            n.name
        );
    }
    let broken: BTreeSet<&String> = old_side.broken.iter().chain(&new_side.broken).collect();
    let keep = |side: &Side| -> Vec<Api> {
        side.apis
            .iter()
            .filter(|a| !broken.contains(&a.name))
            .cloned()
            .collect()
    };
    let (old_apis, new_apis) = (keep(&old_side), keep(&new_side));
    let report = diff_sets(&old_apis, &new_apis);
    let compared = old_apis
        .iter()
        .map(|a| a.name.as_str())
        .chain(new_apis.iter().map(|a| a.name.as_str()))
        .collect::<BTreeSet<_>>()
        .len();
    let bump = Bump::of(report.iter().flat_map(|a| &a.changes));
    let not_compared: Vec<&str> = broken.iter().map(|s| s.as_str()).collect();
    let mut out = io::stdout().lock();
    if json {
        #[derive(Serialize)]
        struct Json<'a> {
            apis: &'a [ApiChanges],
            not_compared: &'a [&'a str],
            /// `null` when an API could not be compared: its change is unknown.
            bump: Option<Bump>,
            /// The bump the compared APIs need (a lower bound when some were not compared).
            bump_of_compared: Bump,
        }
        let text = serde_json::to_string_pretty(&Json {
            apis: &report,
            not_compared: &not_compared,
            bump: not_compared.is_empty().then_some(bump),
            bump_of_compared: bump,
        })
        .map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        write!(out, "{}", human(&report, compared, &not_compared, bump))?;
    }
    let problems = old_side.problems + new_side.problems;
    if problems > 0 {
        eprintln!(
            "{problems} spec problem(s); not compared: {}",
            if not_compared.is_empty() {
                "-".to_string()
            } else {
                not_compared.join(", ")
            }
        );
    }
    Ok(problems == 0)
}

/// True for a folder, false for a file; a usage error when the path is neither.
fn kind(path: &Path, which: &str) -> io::Result<bool> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(m.is_dir()),
        Err(e) => Err(io::Error::new(e.kind(), format!("{which} `{}`: {e}", path.display()))),
    }
}

/// Reads a spec file or every spec of a folder; every problem is printed to stderr.
fn load(path: &Path) -> io::Result<Side> {
    let mut side = Side::default();
    let mut files: Vec<(String, Api)> = Vec::new();
    for file in expand(&[path.to_path_buf()])? {
        let shown = file.display().to_string();
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let text = match read_spec(&file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{shown}: error: cannot read: {e}");
                side.problems += 1;
                side.unnamed.push((name, shown));
                continue;
            }
        };
        let parsed = taobao_api_gen::parse(&shown, &text);
        if parsed.has_errors() {
            let index = LineIndex::new(&text);
            for d in parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                eprint!("{}", d.render_with(&shown, &text, &index));
            }
            side.problems += 1;
            if parsed.api.name.is_empty() {
                side.unnamed.push((name, shown));
            } else {
                side.methods.insert(name, parsed.api.name.clone());
                side.broken.insert(parsed.api.name);
            }
            continue;
        }
        side.methods.insert(name, parsed.api.name.clone());
        files.push((shown, parsed.api));
    }
    let duplicates = taobao_api_gen::duplicates::find(files.iter().map(|(f, a)| (f.as_str(), a.name.as_str())));
    for d in &duplicates {
        eprintln!("{}: error: {}\n  = hint: {}", d.files[0], d.message(), d.hint());
        side.problems += 1;
        side.broken.extend(d.methods.iter().cloned());
    }
    side.apis = files.into_iter().map(|(_, api)| api).collect();
    Ok(side)
}

/// The report as text: per API a headline and one line per change, then the totals and the
/// bump.
fn human(report: &[ApiChanges], compared: usize, not_compared: &[&str], bump: Bump) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for api in report {
        let mut counts: BTreeMap<Level, usize> = BTreeMap::new();
        for c in &api.changes {
            *counts.entry(c.level).or_default() += 1;
        }
        let counts: Vec<String> = counts.iter().rev().map(|(l, n)| format!("{n} {l}")).collect();
        let status = match api.status {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
        };
        let _ = writeln!(s, "{} ({status}; {})", api.method, counts.join(", "));
        for c in &api.changes {
            let _ = writeln!(s, "  {:<9} {}: {}", c.level.to_string(), c.path, c.what);
        }
        s.push('\n');
    }
    let count = |st: Status| report.iter().filter(|a| a.status == st).count();
    let _ = write!(
        s,
        "{compared} API(s): {} added, {} removed, {} changed",
        count(Status::Added),
        count(Status::Removed),
        count(Status::Changed)
    );
    if !not_compared.is_empty() {
        let _ = write!(s, ", {} not compared (spec errors)", not_compared.len());
    }
    if not_compared.is_empty() {
        let _ = writeln!(s, "\nneeded bump: {bump}");
    } else {
        // A spec that could not be compared may hide any change: never print a bump as if
        // everything had been.
        let _ = writeln!(
            s,
            "\nneeded bump: unknown (at least {bump}; fix the specs not compared)"
        );
    }
    s
}
