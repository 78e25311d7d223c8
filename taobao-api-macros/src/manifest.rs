//! What the macro reads from the calling crate's `Cargo.toml`: the name under which it depends
//! on `taobao-api` (so a renamed dependency works without `crate = ...`), and the declared
//! features (for the family gates of `features`). A line-based reading of the few shapes these
//! take: a full TOML parser would be one more dependency for every application.

use taobao_api_gen::families::{declared_features, family, feature_line};
use taobao_api_gen::ir::Api;

/// The path generated code uses for the runtime: `::taobao_api`, or the dependency's new name
/// when the calling crate renamed it (`tb = { package = "taobao-api", ... }` -> `::tb`).
///
/// An error, saying how to fix it, when the manifest names no `taobao-api` dependency at all
/// (and is not `taobao-api` itself): the dependency is then renamed where this reading cannot
/// see it (`tb.workspace = true` with the rename in the workspace's manifest) or missing, and
/// the generated code's `::taobao_api` paths would fail with rustc's "could not find
/// `taobao_api`", which says neither. An unreadable (empty) manifest is given the default.
pub(crate) fn runtime_path(cargo_toml: &str, spec_path: &str) -> Result<String, String> {
    if cargo_toml.trim().is_empty() || is_taobao_api_itself(cargo_toml) {
        return Ok("::taobao_api".to_owned());
    }
    let deps = taobao_api_dependencies(cargo_toml);
    // The library and binaries see [dependencies] (and target-specific ones) only; tests and
    // examples see dev-dependencies too. So a name from [dependencies] wins: it works
    // everywhere, where a rename that only [dev-dependencies] makes would break the library.
    let chosen = [DepKind::Normal, DepKind::Dev, DepKind::Build]
        .iter()
        .find_map(|kind| deps.iter().find(|(k, _)| k == kind));
    if let Some((_, key)) = chosen {
        return Ok(format!("::{}", key.replace('-', "_")));
    }
    Err(format!(
        "this crate's Cargo.toml has no `taobao-api` dependency, so the generated code would not find \
         `::taobao_api`\n  = hint: if it is a dependency under another name that this Cargo.toml does \
         not show (`tb.workspace = true`, renamed in the workspace's Cargo.toml), name it: \
         `include_specs!({spec_path:?}, crate = tb)`; otherwise add `taobao-api` to [dependencies]"
    ))
}

/// Which dependencies table an entry is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DepKind {
    Normal,
    Dev,
    Build,
}

fn dep_kind(table: &str) -> DepKind {
    if table.contains("dev-dependencies") {
        DepKind::Dev
    } else if table.contains("build-dependencies") {
        DepKind::Build
    } else {
        DepKind::Normal
    }
}

fn is_taobao_api_name(key: &str) -> bool {
    matches!(key.trim().trim_matches('"'), "taobao-api" | "taobao_api")
}

/// Whether this is `taobao-api`'s own manifest (`[package] name = "taobao-api"`).
fn is_taobao_api_itself(cargo_toml: &str) -> bool {
    let mut table = String::new();
    for line in cargo_toml.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim().to_owned();
        } else if table == "package"
            && let Some((key, value)) = line.split_once('=')
            && key.trim() == "name"
            && is_taobao_api_name(value)
        {
            return true;
        }
    }
    false
}

/// Every dependency on the `taobao-api` package, with its table kind and the key it is
/// known by in code (`taobao-api`, or a rename: `tb = { package = "taobao-api" }`,
/// `[dependencies.tb] package = "taobao-api"`), in file order. `[workspace.dependencies]` only
/// offers versions to members: it is no dependency.
fn taobao_api_dependencies(cargo_toml: &str) -> Vec<(DepKind, String)> {
    let is_package_key = |l: &str| {
        l.split_once('=')
            .is_some_and(|(k, v)| k.trim() == "package" && v.trim().trim_matches('"') == "taobao-api")
    };
    let mut out = Vec::new();
    let mut table = String::new();
    for line in cargo_toml.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim().to_owned();
            // `[dependencies.taobao-api]`
            if !table.starts_with("workspace.")
                && let Some(name) = dependency_table_name(&table)
                && is_taobao_api_name(name)
            {
                out.push((dep_kind(&table), "taobao-api".to_owned()));
            }
            continue;
        }
        if table.starts_with("workspace.") {
            continue;
        }
        // `[dependencies.tb]` followed by `package = "taobao-api"`.
        if let Some(name) = dependency_table_name(&table)
            && is_package_key(line)
        {
            if !is_taobao_api_name(name) {
                out.push((dep_kind(&table), name.to_owned()));
            }
            continue;
        }
        if !is_dependencies_table(&table) {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches('"');
        let inline_package = value.trim_start().starts_with('{')
            && value
                .trim()
                .trim_matches(|c| c == '{' || c == '}')
                .split(',')
                .any(is_package_key);
        if inline_package && !is_taobao_api_name(key) {
            // `tb = { package = "taobao-api", ... }`
            out.push((dep_kind(&table), key.to_owned()));
        } else if is_taobao_api_name(key.split('.').next().unwrap_or("")) {
            // `taobao-api = ...` or dotted `taobao-api.workspace = true`.
            out.push((dep_kind(&table), "taobao-api".to_owned()));
        }
    }
    out
}

fn is_dependencies_table(table: &str) -> bool {
    table.ends_with("dependencies")
}

/// `dependencies.tb` (or `target.'cfg(..)'.dev-dependencies.tb`) -> `tb`.
fn dependency_table_name(table: &str) -> Option<&str> {
    let (head, name) = table.rsplit_once('.')?;
    is_dependencies_table(head).then(|| name.trim().trim_matches('"'))
}

/// One error message per API family of `specs` that `cargo_toml` declares no feature for.
pub(crate) fn missing_families(cargo_toml: &str, specs: &[(String, Api)]) -> Vec<String> {
    let declared = declared_features(cargo_toml);
    let mut reported = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (file, api) in specs {
        let family = family(&api.name);
        if declared.contains(&family) || !reported.insert(family.clone()) {
            continue;
        }
        out.push(format!(
            "{file}: `{}` opens the API family `{family}`, which has no cargo feature yet\n  = hint: add `{}` to [features] in this crate's Cargo.toml (and `\"{family}\"` to `full`), or run `cargo run -p taobao-api-gen -- features --write`",
            api.name,
            feature_line(&family)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_dependencies_are_found() {
        let cases = [
            ("[dependencies]\ntaobao-api = \"0.1\"\n", "::taobao_api"),
            (
                "[dependencies]\ntb = { package = \"taobao-api\", version = \"0.1\" }\n",
                "::tb",
            ),
            (
                "[dependencies]\ntop-sdk = { version = \"0.1\", package = \"taobao-api\" } # renamed\n",
                "::top_sdk",
            ),
            (
                "[dependencies.tb]\nversion = \"0.1\"\npackage = \"taobao-api\"\n",
                "::tb",
            ),
            (
                "[target.'cfg(unix)'.dependencies]\nx = { package = \"taobao-api\" }\n",
                "::x",
            ),
            (
                "[dependencies]\nother = { package = \"something-else\" }\ntaobao-api = \"0.1\"\n",
                "::taobao_api",
            ),
            // The library cannot see a dev-dependency: the [dependencies] name wins, in
            // either order.
            (
                "[dev-dependencies]\ntbm = { package = \"taobao-api\", features = [\"mock\"] }\n[dependencies]\ntaobao-api = \"0.1\"\n",
                "::taobao_api",
            ),
            (
                "[dependencies]\ntb = { package = \"taobao-api\" }\n[dev-dependencies]\ntaobao-api = { version = \"0.1\", features = [\"mock\"] }\n",
                "::tb",
            ),
            ("[dev-dependencies]\ntbm = { package = \"taobao-api\" }\n", "::tbm"),
            (
                "[workspace.dependencies]\ntb = { package = \"taobao-api\" }\n[dependencies]\ntaobao-api.workspace = true\n",
                "::taobao_api",
            ),
        ];
        for (toml, want) in cases {
            assert_eq!(runtime_path(toml, "specs").as_deref(), Ok(want), "{toml}");
        }
    }

    #[test]
    fn a_manifest_without_the_dependency_says_to_name_it() {
        let found = [
            "[dependencies]\ntaobao-api.workspace = true\n",
            "[dev-dependencies]\ntaobao-api = { workspace = true, features = [\"full\"] }\n",
            "[dependencies.taobao-api]\nversion = \"0.1\"\n",
            "[package]\nname = \"taobao-api\"\n[dependencies]\nserde = \"1\"\n",
            "",
        ];
        for toml in found {
            assert_eq!(runtime_path(toml, "specs").as_deref(), Ok("::taobao_api"), "{toml}");
        }
        let missing = [
            // Renamed in the workspace's manifest, inherited here under the new name.
            "[package]\nname = \"app\"\n[dependencies]\ntb.workspace = true\n",
            "[package]\nname = \"app\"\n[dependencies]\ntaobao-api-macros = \"0.1\"\n",
            // A feature or package key of that name is no dependency.
            "[package]\nname = \"app\"\n[features]\ntaobao-api = []\n",
            "[package]\npackage = \"taobao-api\"\n",
            "[dependencies]\nother = { package = \"something-else\" }\n",
            // What trybuild writes for a crate depending on the macro crate only.
            "[package]\nname = \"x-tests\"\n[dependencies.taobao-api-macros]\nworkspace = true\n\
             [workspace.dependencies.taobao-api]\npath = \"../taobao-api\"\n\
             [workspace.dependencies]\ntaobao-api = \"0.1\"\n",
        ];
        for toml in missing {
            let err = runtime_path(toml, "specs").unwrap_err();
            assert!(err.contains("`include_specs!(\"specs\", crate = tb)`"), "{toml}: {err}");
            assert!(
                err.starts_with("this crate's Cargo.toml has no `taobao-api` dependency"),
                "{err}"
            );
        }
    }

    #[test]
    fn families_without_a_feature_name_the_line_to_add() {
        let api = |name: &str| Api {
            name: name.into(),
            ..Api::default()
        };
        let specs = vec![
            ("specs/a.json".to_owned(), api("taobao.logistics.x")),
            ("specs/b.json".to_owned(), api("cainiao.new.y")),
            ("specs/c.json".to_owned(), api("cainiao.new.z")),
        ];
        let toml = "[features]\ndefault = []\ntaobao-logistics = []\n";
        let errors = missing_families(toml, &specs);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("specs/b.json: `cainiao.new.y` opens the API family `cainiao-new`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("add `cainiao-new = []` to [features]"),
            "{}",
            errors[0]
        );
    }
}
