//! `taobao-api-gen sweep DIR`: counts, every failure with its reason, the time, exit status.
//! Over the real corpus (`../shared/corpus/top-docs`) in release builds or with
//! `TAOBAO_CORPUS_FULL=1`; on a small directory built here always.
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::Command;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

fn sweep(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_taobao-api-gen"))
        .arg("sweep")
        .arg(dir)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn failures_are_listed_with_their_reason_and_exit_1() {
    let dir = std::env::temp_dir().join(format!("taobao-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = r#"{"name": "taobao.a.b", "apiChineseName": "甲", "requestParams": [{"name": "x", "type": "String"}]}"#;
    std::fs::write(dir.join("taobao.a.b.json"), good).unwrap();
    std::fs::write(dir.join("broken.json"), "{\"name\": ").unwrap();
    std::fs::write(dir.join("ignored.rs"), "fn main() {}").unwrap();
    let (code, stdout) = sweep(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1, "{stdout}");
    let fails: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL ")).collect();
    assert_eq!(fails.len(), 1, "{stdout}");
    assert!(
        fails[0].contains("broken.json:1:") && fails[0].contains("invalid JSON"),
        "{stdout}"
    );
    assert!(
        stdout.contains("swept 2 spec(s) (2 JSON): 1 ok, 1 failed; 1 parameters"),
        "{stdout}"
    );
    assert!(stdout.contains("time: "), "{stdout}");
}

#[test]
fn the_corpus_sweeps_clean() {
    let full = !cfg!(debug_assertions) || std::env::var_os("TAOBAO_CORPUS_FULL").is_some();
    if !Path::new(CORPUS).is_dir() || !full {
        eprintln!("note: corpus sweep skipped (corpus absent, or a debug build without TAOBAO_CORPUS_FULL)");
        return;
    }
    let (code, stdout) = sweep(Path::new(CORPUS));
    eprintln!("{}", stdout.lines().rev().take(2).collect::<Vec<_>>().join("\n"));
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("FAIL "), "{stdout}");
}
