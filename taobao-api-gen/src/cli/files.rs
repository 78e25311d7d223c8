//! Reading spec files and directories, with the failing path in every I/O error.

use std::io;
use std::path::{Path, PathBuf};

/// Reads a spec as UTF-8 (lossily: a broken byte must not hide the rest of the page).
pub fn read_spec(path: &Path) -> io::Result<String> {
    let bytes = std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Expands directories into the spec files they hold (sorted), keeps files as given; a file
/// reached twice (`specs specs/x.json`) is kept once, where it was first reached.
pub fn expand(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_spec_file(p))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    Ok(out)
}

/// Spec files are `.txt`, `.md`, `.json`, `.html`/`.htm`.
pub fn is_spec_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "json" | "html" | "htm")
    )
}
