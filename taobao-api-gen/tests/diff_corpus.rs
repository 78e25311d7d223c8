//! `diff` over the doc corpus: a record against itself has no change, against a copy with
//! another API description exactly that change, and any two records
//! (the second renamed to the first's method) compare without panicking, symmetrically: what
//! one direction calls removed the other calls added, at the same path.

mod common;

use taobao_api_gen::diff::{Change, Level, diff_api};

fn paths_where(changes: &[Change], what: &str) -> Vec<String> {
    let mut out: Vec<String> = changes
        .iter()
        .filter(|c| c.what.contains(what))
        .map(|c| c.path.clone())
        .collect();
    out.sort();
    out
}

#[test]
fn corpus_records_diff_cleanly() {
    let Some(files) = common::corpus::records("corpus diff") else {
        return;
    };
    let apis: Vec<taobao_api_gen::Api> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("corpus record");
            taobao_api_gen::parse(&f.display().to_string(), &text).api
        })
        .collect();
    let mut compared = 0;
    for pair in apis.windows(2) {
        let a = &pair[0];
        assert_eq!(diff_api(a, a), vec![], "{}", a.name);
        // Everything but the API description equal: that is the one change, whatever the rest.
        let mut edited = a.clone();
        edited.description = Some(format!("{} (edited)", a.description.as_deref().unwrap_or("")));
        assert_eq!(
            diff_api(a, &edited),
            vec![Change {
                level: Level::Patch,
                path: "description".into(),
                what: "API description changed".into()
            }],
            "{}",
            a.name
        );
        let mut b = pair[1].clone();
        b.name = a.name.clone();
        let forward = diff_api(a, &b);
        let backward = diff_api(&b, a);
        assert_eq!(
            paths_where(&forward, "field removed"),
            paths_where(&backward, "field added"),
            "{} vs {}",
            a.name,
            pair[1].name
        );
        assert_eq!(forward.is_empty(), backward.is_empty(), "{}", a.name);
        compared += 1;
    }
    assert!(compared > 0);
}
