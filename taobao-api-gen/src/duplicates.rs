//! Two spec files for one API: never a silent choice. The macro, `check` and `generate` all
//! report it as an error naming both files (a folder where a `.txt` page and a `.json` record of
//! the same method sit side by side would otherwise compile one of them by file-name order).

use std::collections::BTreeMap;

/// Specs that would generate one module: one method specified by more than one file, or two
/// methods whose names differ only where the module name cannot (`a.b_c` and `a.b.c` are both
/// `a_b_c`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The API method (of the first file).
    pub method: String,
    /// The files, in the order given.
    pub files: Vec<String>,
    /// The method of each file, in the order of `files`.
    pub methods: Vec<String>,
}

impl Duplicate {
    /// The error message, naming every file.
    pub fn message(&self) -> String {
        let files = self
            .files
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if self.methods.iter().all(|m| *m == self.method) {
            format!("`{}` is specified by {} files: {files}", self.method, self.files.len())
        } else {
            let methods = self
                .methods
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "{methods} would all generate the module `{}`: {files}",
                crate::naming::module_name(&self.method)
            )
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> &'static str {
        if self.methods.iter().all(|m| *m == self.method) {
            "keep one spec per API: delete or move the older file"
        } else {
            "these methods cannot be told apart by module name: keep one of the specs in this folder"
        }
    }

    /// True when `method` is one of the colliding specs' methods.
    pub fn involves(&self, method: &str) -> bool {
        self.methods.iter().any(|m| m == method)
    }
}

/// The specs of `(file, method)` that would generate one module (one method in several files,
/// or several methods with one module name), in module order; a file named twice counts once.
pub fn find<'a>(specs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Duplicate> {
    let mut by_module: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for (file, method) in specs {
        let entry = by_module.entry(crate::naming::module_name(method)).or_default();
        if !entry.iter().any(|(f, m)| *f == file && *m == method) {
            entry.push((file, method));
        }
    }
    by_module
        .into_values()
        .filter(|specs| specs.len() > 1)
        .map(|specs| Duplicate {
            method: specs[0].1.to_owned(),
            files: specs.iter().map(|(f, _)| (*f).to_owned()).collect(),
            methods: specs.iter().map(|(_, m)| (*m).to_owned()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_a_method_is_named() {
        let found = find([
            ("specs/a.txt", "taobao.a.b"),
            ("specs/b.json", "taobao.b.c"),
            ("specs/a.json", "taobao.a.b"),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message(),
            "`taobao.a.b` is specified by 2 files: `specs/a.txt`, `specs/a.json`"
        );
        assert!(find([("x", "m"), ("y", "n")]).is_empty());
        assert!(
            find([("x", "m"), ("x", "m")]).is_empty(),
            "one file named twice is no duplicate"
        );
    }

    #[test]
    fn two_methods_of_one_module_collide() {
        let found = find([("specs/1.json", "taobao.a.b_c"), ("specs/2.json", "taobao.a.b.c")]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message(),
            "`taobao.a.b_c`, `taobao.a.b.c` would all generate the module `taobao_a_b_c`: `specs/1.json`, `specs/2.json`"
        );
        assert!(found[0].involves("taobao.a.b.c") && found[0].involves("taobao.a.b_c"));
        assert!(found[0].hint().contains("cannot be told apart"));
    }
}
