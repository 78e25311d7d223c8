//! What the macro reads from the calling crate's `Cargo.toml`: the name under which it depends
//! on `taobao-api` (so a renamed dependency works without `crate = ...`), and the declared
//! features (for the family gates of `features`). A line-based reading of the few shapes these
//! take: a full TOML parser would be one more dependency for every application.

use taobao_api_gen::families::{declared_features, family, feature_line};
use taobao_api_gen::ir::Api;

/// The path generated code uses for the runtime: `::taobao_api`, or the dependency's new name
/// when the calling crate renamed it (`tb = { package = "taobao-api", ... }` -> `::tb`).
pub(crate) fn runtime_path(cargo_toml: &str) -> String {
    match renamed_dependency(cargo_toml) {
        Some(name) => format!("::{}", name.replace('-', "_")),
        None => "::taobao_api".to_owned(),
    }
}

/// The key of a dependency whose `package` is `taobao-api`, when it is not `taobao-api`.
fn renamed_dependency(cargo_toml: &str) -> Option<String> {
    let mut table = String::new();
    for line in cargo_toml.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim().to_owned();
            continue;
        }
        let is_package_key = |l: &str| {
            l.split_once('=')
                .is_some_and(|(k, v)| k.trim() == "package" && v.trim().trim_matches('"') == "taobao-api")
        };
        // `[dependencies.tb]` followed by `package = "taobao-api"`.
        if let Some(name) = dependency_table_name(&table)
            && is_package_key(line)
        {
            return (name != "taobao-api").then(|| name.to_owned());
        }
        // `tb = { package = "taobao-api", ... }` inside a dependencies table.
        if is_dependencies_table(&table)
            && let Some((key, value)) = line.split_once('=')
            && value.contains("package")
            && value.trim_start().starts_with('{')
            && value
                .trim()
                .trim_matches(|c| c == '{' || c == '}')
                .split(',')
                .any(is_package_key)
        {
            let key = key.trim().trim_matches('"');
            return (key != "taobao-api").then(|| key.to_owned());
        }
    }
    None
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
                "[dependencies]\nother = { package = \"something-else\" }\n",
                "::taobao_api",
            ),
            ("[package]\npackage = \"taobao-api\"\n", "::taobao_api"),
        ];
        for (toml, want) in cases {
            assert_eq!(runtime_path(toml), want, "{toml}");
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
