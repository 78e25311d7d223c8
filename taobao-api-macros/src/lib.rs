//! Proc macros over taobao-api-gen. They only wire: read spec files, call the generator, turn
//! diagnostics into `compile_error!`s with the spec's file and line.
//!
//! Tracking: the expansion ends with `const _: &[u8] = include_bytes!("<file>");` per spec
//! read, so editing a spec rebuilds the crate; new and deleted files are tracked by the calling
//! crate's `build.rs` printing `cargo::rerun-if-changed=<dir>` (a directory's mtime changes when
//! an entry is added or removed; `proc_macro::tracked_path` is nightly-only).
#![deny(missing_docs)]

mod input;
mod manifest;

use input::Input;
use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;
use std::path::{Path, PathBuf};
use syn::LitStr;
use taobao_api_gen::ir::{Api, Span as SpecSpan};
use taobao_api_gen::{Diagnostic, LineIndex, Options, duplicates, generate_all_with};

/// Expands every spec file of a directory (or one file) into typed bindings:
/// `include_specs!("specs")`, the path relative to the calling crate's `CARGO_MANIFEST_DIR`.
/// Applications call it through `taobao_api::include_specs!`.
///
/// Options, after the path:
/// - `crate = path`: where generated code finds the runtime crate (default `::taobao_api`; a
///   dependency renamed in the calling crate's `Cargo.toml`, `tb = { package = "taobao-api" }`,
///   is found without it). When that `Cargo.toml` names no `taobao-api` dependency (renamed in
///   the workspace's manifest and inherited, or missing) and no `crate =` is given, the macro
///   fails with an error saying to add `crate = <name>`.
/// - `features`: put each API behind the cargo feature of its family (`taobao-logistics` for
///   `taobao.logistics.*`), and fail with the line to add when the calling crate's `Cargo.toml`
///   declares no feature for a family. The `taobao-api` crate uses this for its own `specs/`.
///
/// A path may start with `$NAME/`: the value of environment variable `NAME` at expansion time
/// stands for it (for harnesses such as trybuild that build the calling crate in a scratch
/// directory). Messages show the path as written.
///
/// Spec files are `*.txt`, `*.md`, `*.json`, `*.html` and `*.htm`, read in file-name order;
/// `*.ir.json` files are taken as an IR dump (`taobao-api-gen ir` output) instead of a doc
/// page. The expansion is one module per API plus the crate-root items of
/// `taobao_api_gen::generate_all`. A spec with errors expands to one `compile_error!` per error,
/// in file and source order: `FILE:LINE:COL: message`, then the spec line with a caret under
/// the problem and the hint, as `taobao-api-gen check` shows them; so do two specs of one API
/// (naming both files).
#[proc_macro]
pub fn include_specs(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<Input>(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error().into(),
    };
    let lit = input.path.clone();
    match expand(&input) {
        Ok(tokens) => tokens,
        Err(Errors(messages)) => {
            // One `compile_error!` per message, all on the path literal, in order.
            let mut errors = messages.into_iter().map(|m| syn::Error::new(lit.span(), m));
            let mut all = errors
                .next()
                .unwrap_or_else(|| syn::Error::new(lit.span(), "include_specs! failed without a message"));
            all.extend(errors);
            all.to_compile_error().into()
        }
    }
}

/// `$NAME/rest` -> `<value of NAME>/rest`; other paths unchanged.
fn expand_env_prefix(path: &str) -> Result<PathBuf, String> {
    let Some(rest) = path.strip_prefix('$') else {
        return Ok(PathBuf::from(path));
    };
    let (name, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let value = std::env::var_os(name).ok_or_else(|| format!("{path}: environment variable `{name}` is not set"))?;
    Ok(PathBuf::from(value).join(tail))
}

/// The messages of a failed expansion, each its own compile error.
struct Errors(Vec<String>);

impl From<String> for Errors {
    fn from(message: String) -> Self {
        Errors(vec![message])
    }
}

impl From<&str> for Errors {
    fn from(message: &str) -> Self {
        Errors(vec![message.to_string()])
    }
}

fn expand(input: &Input) -> Result<TokenStream, Errors> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or("CARGO_MANIFEST_DIR is not set; include_specs! must be expanded by cargo")?;
    let shown_root = input.path.value();
    let root = base.join(expand_env_prefix(&shown_root)?);
    // Messages show the path as written: the absolute one differs between machines.
    let files = spec_files(&root).map_err(|e| format!("{shown_root}: {e} (resolved against CARGO_MANIFEST_DIR)"))?;
    if files.is_empty() {
        return Err(format!("{shown_root}: no spec files (*.txt, *.md, *.json, *.html)").into());
    }
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    let mut tracked = Vec::new();
    for file in &files {
        let shown = shown_path(&shown_root, &root, file);
        let bytes = std::fs::read(file).map_err(|e| format!("{shown}: {e}"))?;
        tracked.push(file.display().to_string());
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match read_api(&shown, file, &text) {
            Ok(api) => specs.push((shown, api)),
            Err(mut lines) => errors.append(&mut lines),
        }
    }
    for d in duplicates::find(specs.iter().map(|(f, api)| (f.as_str(), api.name.as_str()))) {
        errors.push(format!("{}: {}\n  = hint: {}", d.files[0], d.message(), d.hint()));
    }
    let manifest = std::fs::read_to_string(base.join("Cargo.toml")).unwrap_or_default();
    if input.features {
        errors.extend(manifest::missing_families(&manifest, &specs));
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let root_path = match &input.root {
        Some(path) => quote!(#path).to_string(),
        None => manifest::runtime_path(&manifest, &shown_root).map_err(|e| format!("{shown_root}: {e}"))?,
    };
    let apis: Vec<Api> = specs.into_iter().map(|(_, api)| api).collect();
    // The expansion is built with proc-macro2's own token types and handed to rustc as one
    // text: building hundreds of thousands of tokens through the compiler's bridge one call at
    // a time costs far more than parsing them once.
    proc_macro2::fallback::force();
    let generated = std::panic::catch_unwind(|| {
        let options = Options {
            root: root_path.parse().unwrap_or_else(|_| quote!(::taobao_api)),
            feature_gates: input.features,
        };
        let mut tokens = generate_all_with(&apis, &options);
        for path in &tracked {
            let path = LitStr::new(path, Span::call_site());
            tokens.extend(quote!(
                const _: &[u8] = ::std::include_bytes!(#path);
            ));
        }
        tokens.to_string()
    });
    proc_macro2::fallback::unforce();
    // The generator is written not to panic; should it anyway, the user gets a located error
    // instead of rustc's "proc macro panicked" without a file name.
    let text = generated.map_err(|_| {
        format!("{shown_root}: taobao-api-gen failed while generating code (a bug: please report the spec files)")
    })?;
    text.parse::<TokenStream>().map_err(|e| {
        format!("{shown_root}: the generated code does not lex ({e}); a bug: please report the spec files").into()
    })
}

/// One spec's IR, or one compile-error message per error diagnostic, in source order.
fn read_api(shown: &str, file: &Path, text: &str) -> Result<Api, Vec<String>> {
    let index = LineIndex::new(text);
    if file.to_string_lossy().ends_with(".ir.json") {
        return serde_json::from_str::<Api>(text).map_err(|e| {
            let at = index.line_start(e.line()) + e.column().saturating_sub(1);
            // The location is the headline's; serde_json's message repeats it at its end.
            let what = e.to_string();
            let what = what
                .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
                .unwrap_or(&what);
            let d = Diagnostic::error(SpecSpan::new(at, at + 1), format!("not an IR dump: {what}"))
                .with_hint("write it with `taobao-api-gen ir <spec>`");
            vec![message(&d, shown, text, &index)]
        });
    }
    let parsed = taobao_api_gen::parse(shown, text);
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| message(d, shown, text, &index))
        .collect();
    if errors.is_empty() { Ok(parsed.api) } else { Err(errors) }
}

/// `FILE:LINE:COL: message`, then the spec line with a caret and the hint, as `check` shows
/// them: rustc prints `error: ` before it, so the severity is not repeated.
fn message(d: &Diagnostic, shown: &str, text: &str, index: &LineIndex) -> String {
    let snippet = d.snippet(text, index);
    format!("{}: {}\n{}", d.location(shown, index), d.message, snippet.trim_end())
}

/// The spec files under `root` (sorted by name), or `root` itself when it is a file.
fn spec_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(root)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_spec(p))
        .collect();
    files.sort();
    Ok(files)
}

fn is_spec(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "json" | "html" | "htm")
    )
}

/// The path as the user wrote it (`../specs/x.txt`), for messages.
fn shown_path(shown_root: &str, root: &Path, file: &Path) -> String {
    match file.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            format!("{}/{}", shown_root.trim_end_matches('/'), rel.display())
        }
        _ => shown_root.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_reads_like_check_without_a_second_severity() {
        let text = "{\"name\": \"taobao.x\", \"requestParams\": [\n  {\"name\": \"a\", \"type\": \"Strng\"},\n  {\"name\": \"b\", \"type\": \"null[]\"},\n  {\"name\": \"c\", \"type\": \"NUMBER\"}\n]}";
        let errors = read_api("specs/x.json", Path::new("x.json"), text).unwrap_err();
        assert_eq!(
            errors,
            [
                "specs/x.json:2:25: unknown type `Strng` for `a`\n  |\n2 |   {\"name\": \"a\", \"type\": \"Strng\"},\n  |                         ^^^^^^^\n  = hint: did you mean `String`?",
                "specs/x.json:4:25: unknown type `NUMBER` for `c`\n  |\n4 |   {\"name\": \"c\", \"type\": \"NUMBER\"}\n  |                         ^^^^^^^^\n  = hint: did you mean `Number`?",
            ],
            "errors only (the `null[]` warning is not one), in source order"
        );
    }

    #[test]
    fn a_broken_ir_dump_points_at_the_json_error() {
        let errors = read_api("specs/x.ir.json", Path::new("x.ir.json"), "{\n  \"name\": 1\n}").unwrap_err();
        assert_eq!(errors.len(), 1);
        let lines: Vec<&str> = errors[0].lines().collect();
        assert!(
            lines[0] == "specs/x.ir.json:2:11: not an IR dump: invalid type: integer `1`, expected a string",
            "{}",
            errors[0]
        );
        assert_eq!(lines[2], "2 |   \"name\": 1");
        assert_eq!(lines[4], "  = hint: write it with `taobao-api-gen ir <spec>`");
        for text in ["", "{", "\u{4e2d}"] {
            let errors = read_api("x.ir.json", Path::new("x.ir.json"), text).unwrap_err();
            assert!(errors[0].starts_with("x.ir.json:1:"), "{text:?}: {}", errors[0]);
        }
    }
}
