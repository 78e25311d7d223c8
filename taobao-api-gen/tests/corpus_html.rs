//! JSON, HTML and page text of the same API give the same tree: each corpus record is rendered
//! as an HTML page structured like a doc page (children in nested tables, or in `<ul>/<li>`
//! rows) and read back by the HTML reader; one deep record is also checked through all three
//! forms at once, and both seeds through page text -> HTML. Debug builds check every 20th
//! record; release builds or `TAOBAO_CORPUS_FULL=1` all of them.

#![cfg(feature = "cli")]

mod common;

use std::path::Path;
use taobao_api_gen::outline::outline;
use taobao_api_gen::render::html::{ChildShape, page};
use taobao_api_gen::render::page_text;

#[test]
fn every_record_reads_back_from_html() {
    let Some(files) = common::corpus::records("HTML corpus check") else {
        return;
    };
    let mut failures = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("UTF-8 record");
        let json = taobao_api_gen::parse(&path.display().to_string(), &text);
        let shape = if i % 2 == 0 {
            ChildShape::NestedTable
        } else {
            ChildShape::NestedList
        };
        let html = taobao_api_gen::parse("page.html", &page(&json.api, shape));
        if outline(&html.api) != outline(&json.api) || html.has_errors() {
            failures.push(format!("{} ({shape:?})", json.api.name));
        }
    }
    eprintln!(
        "HTML: {} of {} records read back",
        files.len() - failures.len(),
        files.len()
    );
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn json_html_and_page_text_agree_on_a_deep_record() {
    let path = Path::new(common::corpus::TOP_DOCS).join("taobao.qimen.deliveryorder.batchconfirm.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found; skipped", path.display());
        return;
    };
    let json = taobao_api_gen::parse("record.json", &text);
    let tree = outline(&json.api);
    assert!(
        tree.lines().any(|l| l.starts_with("              ")),
        "depth 7 expected:\n{tree}"
    );
    let from_page = taobao_api_gen::parse("page.txt", &page_text(&json.api));
    assert_eq!(outline(&from_page.api), tree, "page text");
    for shape in [ChildShape::NestedTable, ChildShape::NestedList] {
        let from_html = taobao_api_gen::parse("page.html", &page(&json.api, shape));
        assert_eq!(outline(&from_html.api), tree, "{shape:?}");
    }
}

#[test]
fn seeds_read_back_from_html() {
    for seed in [
        "taobao.logistics.openalibity.write",
        "taobao.logistics.express.abnormal.report",
    ] {
        let path = format!("{}/../specs/{seed}.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("seed");
        let parsed = taobao_api_gen::parse(&path, &text);
        for shape in [ChildShape::NestedTable, ChildShape::NestedList] {
            let html = taobao_api_gen::parse("page.html", &page(&parsed.api, shape));
            assert_eq!(outline(&html.api), outline(&parsed.api), "{seed} {shape:?}");
            assert_eq!(html.api.title, parsed.api.title);
            assert_eq!(html.api.category, parsed.api.category);
        }
    }
}
