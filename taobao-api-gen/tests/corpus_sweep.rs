//! `taobao-api-gen sweep DIR`: counts, every failure with its reason, the time, exit status.
//! Over the real corpus (`../shared/corpus/top-docs`) in release builds or with
//! `TAOBAO_CORPUS_FULL=1`; on a small directory built here always.
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::Command;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/top-docs");

fn sweep(dir: &Path) -> (i32, String) {
    sweep_with(&[dir.as_os_str()])
}

fn sweep_with(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_taobao-api-gen"))
        .arg("sweep")
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The output without its `time:` line (the only part that may differ between runs).
fn untimed(stdout: &str) -> String {
    stdout
        .lines()
        .filter(|l| !l.starts_with("time: "))
        .collect::<Vec<_>>()
        .join("\n")
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
fn the_output_does_not_depend_on_the_number_of_threads() {
    let dir = std::env::temp_dir().join(format!("taobao-sweep-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..12 {
        let spec = if i % 4 == 1 {
            // Broken in two ways: each failure is listed, in file order.
            format!(
                r#"{{"name": "taobao.a.b{i}", "requestParams": [{{"name": "x", "type": "Strng"}}, {{"name": "y", "type": "Nubmer"}}]}}"#
            )
        } else {
            format!(r#"{{"name": "taobao.a.b{i}", "requestParams": [{{"name": "x", "type": "String"}}]}}"#)
        };
        std::fs::write(dir.join(format!("taobao.a.b{i:02}.json")), spec).unwrap();
    }
    let runs: Vec<(i32, String)> = ["1", "2", "5"]
        .iter()
        .map(|jobs| sweep_with(&["--jobs".as_ref(), jobs.as_ref(), dir.as_os_str()]))
        .collect();
    std::fs::remove_dir_all(&dir).unwrap();
    let (code, one) = &runs[0];
    assert_eq!(*code, 1, "{one}");
    let fails: Vec<&str> = one.lines().filter(|l| l.starts_with("FAIL ")).collect();
    assert_eq!(fails.len(), 6, "{one}");
    for (fail, file) in fails.chunks(2).zip(["b01", "b05", "b09"]) {
        assert!(
            fail.iter().all(|l| l.contains(&format!("taobao.a.{file}.json"))),
            "{one}"
        );
    }
    assert!(
        one.contains("9 ok, 3 failed") && one.contains("on 1 thread(s)"),
        "{one}"
    );
    for (code2, other) in &runs[1..] {
        assert_eq!((code2, untimed(other)), (code, untimed(one)));
    }
    assert!(runs[1].1.contains("on 2 thread(s)"), "{}", runs[1].1);
}

#[test]
fn an_unreadable_file_stops_the_sweep_after_the_earlier_failures() {
    let dir = std::env::temp_dir().join(format!("taobao-sweep-io-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.json"), "{\"name\": ").unwrap();
    let (broken, missing) = (dir.join("broken.json"), dir.join("missing.json"));
    let (code, stdout) = sweep_with(&["-j".as_ref(), "2".as_ref(), broken.as_os_str(), missing.as_os_str()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stdout.starts_with("FAIL ") && stdout.contains("broken.json:1:"),
        "{stdout}"
    );
    assert!(!stdout.contains("swept "), "{stdout}");
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
