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
    for path in &files {
        let (shown, text, parsed) = parse_file(path)?;
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
    eprintln!(
        "checked {} spec(s): {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    Ok(errors == 0)
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
