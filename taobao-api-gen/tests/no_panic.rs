//! Property: mutated seed pages (and the markdown twin) (lines deleted, duplicated, swapped; cut at any char boundary;
//! random characters inserted) never make the reader panic, and every diagnostic points inside
//! the text and renders.

use proptest::prelude::*;

const SEEDS: [&str; 3] = [
    include_str!("../../specs/taobao.logistics.express.abnormal.report.txt"),
    include_str!("../../specs/taobao.logistics.openalibity.write.txt"),
    include_str!("pages/abnormal-report.md"),
];

#[derive(Debug, Clone)]
enum Op {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Cut(usize),
    Insert(usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    let noise = prop::sample::select(vec![
        "•",
        "└",
        " ",
        "\n",
        "|",
        "<",
        ">",
        "{",
        "}",
        ";",
        "(",
        ")",
        "\"",
        "必须",
        "：",
        "最大长度:",
        "obj1.",
        "[]",
        "é",
        "\u{feff}",
        // Browser copies: no-break and ideographic spaces, tabs (a no-break space before a Java
        // variable name once panicked).
        "\u{a0}",
        "\u{3000}",
        "\t",
        " obj7 = new X.Y();",
        "\r\n",
        "请求参数",
        "响应示例",
    ]);
    prop_oneof![
        any::<usize>().prop_map(Op::DeleteLine),
        any::<usize>().prop_map(Op::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::SwapLines(a, b)),
        any::<usize>().prop_map(Op::Cut),
        (any::<usize>(), prop::collection::vec(noise, 1..4)).prop_map(|(at, s)| Op::Insert(at, s.concat())),
        (any::<usize>(), "\\PC{1,6}").prop_map(|(at, s)| Op::Insert(at, s)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut i = if text.is_empty() { 0 } else { at % (text.len() + 1) };
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, op: &Op) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let n = lines.len().max(1);
    match op {
        Op::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Op::DuplicateLine(i) if !lines.is_empty() => {
            let l = lines[i % n];
            lines.insert(i % n, l);
        }
        Op::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        Op::Cut(at) => return text[..boundary(text, *at)].to_string(),
        Op::Insert(at, s) => {
            let i = boundary(text, *at);
            return format!("{}{s}{}", &text[..i], &text[i..]);
        }
        _ => {}
    }
    lines.concat()
}

proptest! {
    // 256 cases keep `cargo test` quick; NO_PANIC_CASES=20000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("NO_PANIC_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_seeds_never_panic(seed in 0usize..3, ops in prop::collection::vec(op(), 1..6)) {
        let mut text = SEEDS[seed].to_string();
        for op in &ops {
            text = apply(&text, op);
        }
        let parsed = taobao_api_gen::parse("mutated.txt", &text);
        for d in &parsed.diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
            let rendered = d.render("mutated.txt", &text);
            prop_assert!(rendered.starts_with("mutated.txt:"));
        }
        let _ = taobao_api_gen::outline::outline(&parsed.api);
        prop_assert!(serde_json::to_string(&parsed.api).is_ok());
    }
}
