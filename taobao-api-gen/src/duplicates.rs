//! Two spec files for one API: never a silent choice. The macro, `check` and `generate` all
//! report it as an error naming both files (a folder where a `.txt` page and a `.json` record of
//! the same method sit side by side would otherwise compile one of them by file-name order).

use std::collections::BTreeMap;

/// One method specified by more than one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The API method.
    pub method: String,
    /// The files, in the order given.
    pub files: Vec<String>,
}

impl Duplicate {
    /// The error message, naming every file.
    pub fn message(&self) -> String {
        format!(
            "`{}` is specified by {} files: {}",
            self.method,
            self.files.len(),
            self.files
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    /// How to fix it.
    pub fn hint(&self) -> &'static str {
        "keep one spec per API: delete or move the older file"
    }
}

/// The methods that more than one of `(file, method)` specifies, in method order.
pub fn find<'a>(specs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Duplicate> {
    let mut by_method: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (file, method) in specs {
        by_method.entry(method).or_default().push(file);
    }
    by_method
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(method, files)| Duplicate {
            method: method.to_owned(),
            files: files.into_iter().map(str::to_owned).collect(),
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
    }
}
