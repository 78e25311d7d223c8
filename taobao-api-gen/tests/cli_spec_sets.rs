//! The CLI on folders of specs as a set: two files of one API are an error naming both, and
//! `generate` prints nothing that would not compile; a `specs/` whose crate keeps the generated
//! family table must have a feature per family (`check`, `features --check`), while any other
//! folder is never checked for families.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taobao-api-gen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run taobao-api-gen")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

/// Everything the command printed: `check` reports diagnostics on stdout, its summary on stderr.
fn printed(o: &Output) -> String {
    text(&o.stdout) + &text(&o.stderr)
}

fn shipped_spec(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../taobao-api/specs")
        .join(name)
}

/// A scratch crate: `Cargo.toml` with the generated family table declaring `families`, a README
/// with the family-list markers, and `specs/` holding the given shipped specs.
fn scratch_crate(name: &str, families: &[&str], specs: &[&str]) -> PathBuf {
    use taobao_api_gen::families::{BEGIN, END, README_BEGIN, README_END};
    let dir = std::env::temp_dir().join(format!("taobao-cli-sets-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    let mut table = format!("{BEGIN}\n");
    for family in families {
        table.push_str(&format!("{family} = []\n"));
    }
    table.push_str(END);
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = \"scratch\"\nversion = \"0.0.0\"\n\n[features]\ndefault = []\n{table}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("README.md"),
        format!("# scratch\n\n{README_BEGIN}\n{README_END}\n"),
    )
    .unwrap();
    for spec in specs {
        std::fs::copy(shipped_spec(spec), dir.join("specs").join(spec)).unwrap();
    }
    dir
}

#[test]
fn two_files_of_one_api_are_an_error_naming_both_and_generate_prints_nothing() {
    let dir = std::env::temp_dir().join(format!("taobao-cli-sets-dup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    let spec = shipped_spec("taobao.logistics.companies.get.md");
    std::fs::copy(&spec, dir.join("specs/taobao.logistics.companies.get.md")).unwrap();
    std::fs::copy(&spec, dir.join("specs/an-older-copy.md")).unwrap();

    let check = run(&dir, &["check", "specs"]);
    let stderr = printed(&check);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("is specified by 2 files"))
        .unwrap_or_else(|| panic!("no duplicate error in:\n{stderr}"));
    assert!(
        line.contains("specs/an-older-copy.md") && line.contains("specs/taobao.logistics.companies.get.md"),
        "{line}"
    );
    assert!(line.contains("`taobao.logistics.companies.get`"), "{line}");
    assert!(stderr.contains("hint: keep one spec per API"), "{stderr}");

    let twice = run(
        &dir,
        &[
            "check",
            "specs/an-older-copy.md",
            "specs/an-older-copy.md",
            "./specs/an-older-copy.md",
        ],
    );
    assert_eq!(
        twice.status.code(),
        Some(0),
        "one file named three times:\n{}",
        printed(&twice)
    );

    std::fs::write(dir.join("bindings.rs"), "// kept\n").unwrap();
    let out = run(&dir, &["generate", "specs", "--out", "bindings.rs"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.join("bindings.rs")).unwrap(),
        "// kept\n",
        "--out replaced by partial code"
    );

    let generate = run(&dir, &["generate", "specs"]);
    assert_eq!(generate.status.code(), Some(1));
    assert!(
        text(&generate.stdout).trim().is_empty(),
        "generate printed code for a set with a duplicate API"
    );
    assert!(text(&generate.stderr).contains("is specified by 2 files"));

    std::fs::remove_file(dir.join("specs/an-older-copy.md")).unwrap();
    let fixed = run(&dir, &["generate", "specs"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed.stderr));
    assert_eq!(
        text(&fixed.stdout)
            .matches("pub mod taobao_logistics_companies_get")
            .count(),
        1
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_family_without_its_feature_is_a_check_error_naming_the_line_to_add() {
    let dir = scratch_crate(
        "missing",
        &["taobao-logistics"],
        &["taobao.logistics.companies.get.md", "cainiao.waybill.ii.cancel.json"],
    );
    let check = run(&dir, &["check", "specs"]);
    let stderr = printed(&check);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("specs/cainiao.waybill.ii.cancel.json:1:1: error: `cainiao.waybill.ii.cancel` opens the API family `cainiao-waybill`, which has no cargo feature"),
        "{stderr}"
    );
    assert!(stderr.contains("add `cainiao-waybill = []`"), "{stderr}");
    assert!(stderr.contains("`\"cainiao-waybill\"` to `full`"), "{stderr}");
    assert!(
        !stderr.contains("`taobao-logistics`"),
        "a declared family was reported:\n{stderr}"
    );

    // A file given by itself is checked against its crate too.
    let one = run(&dir, &["check", "specs/cainiao.waybill.ii.cancel.json"]);
    assert_eq!(one.status.code(), Some(1), "{}", printed(&one));
    assert!(
        printed(&one).contains("which has no cargo feature"),
        "{}",
        printed(&one)
    );
    assert!(
        !stderr.contains("`taobao-logistics`"),
        "a declared family was reported:\n{stderr}"
    );

    let features = run(&dir, &["features", "--crate-dir", ".", "--check"]);
    assert_eq!(features.status.code(), Some(1), "{}", text(&features.stderr));
    assert!(text(&features.stderr).contains("does not match specs/"));

    let write = run(&dir, &["features", "--crate-dir", ".", "--write"]);
    assert_eq!(write.status.code(), Some(0), "{}", text(&write.stderr));
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("cainiao-waybill = []"), "{manifest}");
    assert!(manifest.contains("full = ["), "{manifest}");
    assert!(
        std::fs::read_to_string(dir.join("README.md"))
            .unwrap()
            .contains("cainiao-waybill")
    );
    for args in [
        &["check", "specs"][..],
        &["features", "--crate-dir", ".", "--check"][..],
    ] {
        let again = run(&dir, args);
        assert_eq!(again.status.code(), Some(0), "{args:?}: {}", text(&again.stderr));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn folders_of_other_crates_are_never_checked_for_families() {
    let dir = scratch_crate("other", &[], &["cainiao.waybill.ii.cancel.json"]);
    // The same folder, but its crate keeps no generated table: an application's own specs.
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"app\"\nversion = \"0.0.0\"\n",
    )
    .unwrap();
    let check = run(&dir, &["check", "specs"]);
    let stderr = printed(&check);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("cargo feature"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_shipped_feature_table_and_readme_match_the_specs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = run(&root, &["features", "--check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "run `cargo run -p taobao-api-gen -- features --write`:\n{}",
        text(&out.stderr)
    );
}
